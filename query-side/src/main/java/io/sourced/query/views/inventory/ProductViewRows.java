package io.sourced.query.views.inventory;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductView;
import io.sourced.query.FoldedRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** Writes {@code product_view}. */
final class ProductViewRows {

    private static final String INSERT = """
            INSERT INTO product_view (product_id, name, price, available, reserved, sold, category, version)
            VALUES (:productId, :name, :price, :available, :reserved, :sold, :category, :version)""";
    private static final String UPDATE = """
            UPDATE product_view SET name = :name, price = :price, available = :available, reserved = :reserved,
                sold = :sold, category = :category, version = :version
            WHERE product_id = :productId""";

    private final NamedParameterJdbcTemplate jdbc;

    ProductViewRows(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    void save(FoldedRows<ProductId, ProductView> products) {
        products.write(jdbc, INSERT, UPDATE, ProductViewRows::row);
    }

    void clear() {
        jdbc.getJdbcTemplate().update("DELETE FROM product_view");
    }

    private static SqlParameterSource row(ProductId productId, FoldedRows.Changed<ProductView> changed) {
        ProductView view = changed.row();
        return new MapSqlParameterSource()
                .addValue("productId", productId.value())
                .addValue("name", view.name())
                .addValue("price", view.price())
                .addValue("available", view.available())
                .addValue("reserved", view.reserved())
                .addValue("sold", view.sold())
                .addValue("category", view.category())
                .addValue("version", changed.version());
    }
}
