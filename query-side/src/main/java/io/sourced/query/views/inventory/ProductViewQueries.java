package io.sourced.query.views.inventory;

import io.sourced.api.inventory.FindAllProductsQuery;
import io.sourced.api.inventory.FindProductQuery;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers product queries from the products view. */
@Component
class ProductViewQueries {

    private static final String COLUMNS = "product_id, name, price, available, reserved, sold, category";

    private final JdbcTemplate jdbc;

    ProductViewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Ask with {@code ResponseTypes.optionalInstanceOf(ProductView.class)}. */
    @QueryHandler
    Optional<ProductView> handle(FindProductQuery query) {
        return find(query.productId());
    }

    Optional<ProductView> find(ProductId productId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM product_view WHERE product_id = ?",
                        ProductViewQueries::product,
                        productId.value())
                .stream()
                .findFirst();
    }

    /** The sequence number of the last event the view applied to this product; null when it has no row. */
    Long version(ProductId productId) {
        return jdbc
                .query(
                        "SELECT version FROM product_view WHERE product_id = ?",
                        (rs, i) -> rs.getLong(1),
                        productId.value())
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Ask with {@code ResponseTypes.multipleInstancesOf(ProductView.class)}. */
    @QueryHandler
    List<ProductView> handle(FindAllProductsQuery query) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM product_view ORDER BY name, product_id", ProductViewQueries::product);
    }

    private static ProductView product(ResultSet rs, int row) throws SQLException {
        return new ProductView(
                ProductId.of(rs.getString("product_id")),
                rs.getString("name"),
                rs.getBigDecimal("price"),
                rs.getInt("available"),
                rs.getInt("reserved"),
                rs.getInt("sold"),
                rs.getString("category"));
    }
}
