-- A counter that every committed write moves on: an instance may keep what
-- it computed from the database for as long as the counter has not moved,
-- which stays right with any number of instances on one database.
CREATE TABLE data_version (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    n   BIGINT NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 1);
