package io.sourced.query.views.inventory;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.query.CallerArgumentResolver;
import io.sourced.query.ControllerMvc;
import io.sourced.query.Deliver;
import io.sourced.query.LocalQueries;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

class ProductQueryControllerTest {

    private final ProductId apples = ProductId.random();
    private final CallerArgumentResolver callers = new CallerArgumentResolver();
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        JdbcTemplate jdbc = ViewDatabase.migrated();
        ProductViewProjector projector = new ProductViewProjector(jdbc);
        Deliver deliver = Deliver.to(projector);
        deliver.on(new ProductRegisteredEvent(apples, "Apples", new BigDecimal("1.25"), 10, "Fruit"));
        deliver.on(new ProductRegisteredEvent(ProductId.random(), "Pears", new BigDecimal("2.00"), 0));
        mvc = ControllerMvc.of(
                new ProductQueryController(new LocalQueries()
                        .register(new ProductViewQueries(jdbc))
                        .gateway()),
                callers);
        callers.signIn(CallerArgumentResolver.customer(CustomerId.random()));
    }

    @Test
    void listProducts_answersEveryProductByName() throws Exception {
        mvc.perform(get("/api/products"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(contains("Apples", "Pears")));
    }

    @Test
    void getProduct_known_answersItsStock() throws Exception {
        mvc.perform(get("/api/products/{productId}", apples))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.productId").value(apples.value()))
                .andExpect(jsonPath("$.name").value("Apples"))
                .andExpect(jsonPath("$.price").value(1.25))
                .andExpect(jsonPath("$.available").value(10))
                .andExpect(jsonPath("$.reserved").value(0))
                .andExpect(jsonPath("$.sold").value(0))
                .andExpect(jsonPath("$.category").value("Fruit"));
    }

    @Test
    void getProduct_unknownOrMalformed_isNotFound() throws Exception {
        mvc.perform(get("/api/products/{productId}", ProductId.random())).andExpect(status().isNotFound());
        mvc.perform(get("/api/products/{productId}", "apples")).andExpect(status().isNotFound());
    }
}
