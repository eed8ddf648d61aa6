-- ProductRegisteredEvent revision 2 carries the product's category; products registered before it are uncategorised.
ALTER TABLE product_view ADD COLUMN category VARCHAR(60) NOT NULL DEFAULT 'Uncategorised';
