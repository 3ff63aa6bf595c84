-- The search index files each document under its bucket of ids as well
-- (a word "0b" followed by id >> 14, see store/search_index.go), so that a
-- search asks the newest documents first, and it keeps no word positions:
-- nothing reads them (ranking is by tiers, snippets are cut in Go), and
-- without them a document's tsvector is half the size and stays in its
-- row instead of in TOAST. The table is rebuilt rather than updated in
-- place, which would leave every row and GIN entry twice until a VACUUM.
CREATE TABLE document_search_buckets AS
    SELECT document_id, strip(tsv || to_tsvector('simple', '0b' || (document_id >> 14))) AS tsv
    FROM document_search;
DROP TABLE document_search;
ALTER TABLE document_search_buckets RENAME TO document_search;
ALTER TABLE document_search
    ALTER COLUMN document_id SET NOT NULL,
    ALTER COLUMN tsv SET NOT NULL,
    ADD PRIMARY KEY (document_id),
    ADD FOREIGN KEY (document_id) REFERENCES documents (id);
CREATE INDEX document_search_tsv ON document_search USING gin (tsv);
ANALYZE document_search;
