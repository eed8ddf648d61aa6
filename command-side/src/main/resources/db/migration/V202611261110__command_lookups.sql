-- Ids the command side has seen created, so a command can check existence in the same transaction.
CREATE TABLE known_product (
    product_id VARCHAR(36) PRIMARY KEY
);

CREATE TABLE known_customer (
    customer_id VARCHAR(36) PRIMARY KEY
);
