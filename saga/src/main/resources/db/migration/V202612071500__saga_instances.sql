-- Each saga instance in one row, found by its one association value (the saga store of the saga module): one
-- statement finds, locks and loads an instance, where Axon's two tables took three, and one row is written where
-- two were. Instances stored before are moved in, and Axon's tables left empty.
CREATE TABLE saga_instance (
    saga_id           VARCHAR(255) NOT NULL PRIMARY KEY,
    saga_type         VARCHAR(255) NOT NULL,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255) NOT NULL,
    revision          VARCHAR(255),
    serialized_saga   BYTEA        NOT NULL,
    CONSTRAINT saga_instance_association UNIQUE (saga_type, association_key, association_value)
);

INSERT INTO saga_instance (saga_id, saga_type, association_key, association_value, revision, serialized_saga)
SELECT s.sagaid, s.sagatype, a.associationkey, a.associationvalue, s.revision, s.serializedsaga
FROM sagaentry s
JOIN associationvalueentry a ON a.sagaid = s.sagaid AND a.sagatype = s.sagatype;

DELETE FROM associationvalueentry;
DELETE FROM sagaentry;
