package io.sourced.bench;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Customers and products opened through the API before the load, with money and stock enough that every order of
 * the run is accepted: the workflow measured is the happy path of the saga.
 */
record Shop(List<String> customers, List<String> products) {

    static final BigDecimal PRICE = new BigDecimal("1.25");
    private static final BigDecimal DEPOSIT = new BigDecimal("100000000.00");
    private static final int STOCK = 1_000_000_000;

    static Shop open(SourcedApi api, int customers, int products) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> customerIds = new ArrayList<>();
            List<Future<String>> productIds = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                String name = "Bench customer " + i;
                customerIds.add(pool.submit(() -> api.openCustomer(name, DEPOSIT)));
            }
            for (int i = 0; i < products; i++) {
                String name = "Bench product " + i;
                productIds.add(pool.submit(() -> api.registerProduct(name, PRICE, STOCK)));
            }
            return new Shop(all(customerIds), all(productIds));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A single-line order of a random customer for a random product: spreads the load over the aggregates. */
    HttpRequest randomOrder(SourcedApi api) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return api.placeOrder(
                customers.get(random.nextInt(customers.size())), products.get(random.nextInt(products.size())));
    }

    private static List<String> all(List<Future<String>> futures) throws Exception {
        List<String> values = new ArrayList<>();
        for (Future<String> future : futures) {
            values.add(future.get());
        }
        return values;
    }
}
