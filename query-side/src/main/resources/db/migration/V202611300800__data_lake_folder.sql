-- The data lake's one row of shared state. folder_id: the id in the marker file of the folder every replica writes
-- the lake into, recorded by the first replica that checks its folder; a replica whose folder holds another marker
-- (or none) does not run the data-lake processor. writer: the processor instance that last made the folder agree
-- with the ledger; another instance reconciles the folder before it writes, and a replay clears it.
-- Every data-lake batch and every reconciliation locks this row (SELECT ... FOR UPDATE), so a reconciliation never
-- runs while a batch's files are staged and its transaction is open.
CREATE TABLE lake_folder (
    id        INT         NOT NULL PRIMARY KEY,
    folder_id VARCHAR(64),
    writer    VARCHAR(64)
);
INSERT INTO lake_folder (id, folder_id, writer) VALUES (1, NULL, NULL);
