-- Who may sign in. Passwords are stored hashed, here only: never in an event.
CREATE TABLE sign_in (
    username      VARCHAR(40)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    customer_id   VARCHAR(36)
);
CREATE INDEX sign_in_customer ON sign_in (customer_id);
