-- Full-text search of documents. The text is folded in Go before it is
-- written here and before a query is (lower case, no diacritics, đ as d,
-- split into words of letters and digits, joined by one space), so the
-- 'simple' configuration (no stemming, no stop words) only splits on spaces
-- and both engines index the very same words; the words of a document's
-- heading, identity and number come once more behind a mark ("0h", "0i",
-- "0n"): see store/search_index.go. unaccent would fold on the server, but
-- not exactly as FTS5 and the parser do. Filled by the Go step of this
-- migration, kept in step by every write of a document.
CREATE TABLE document_search (
    document_id BIGINT PRIMARY KEY REFERENCES documents (id),
    tsv         TSVECTOR NOT NULL
);
CREATE INDEX document_search_tsv ON document_search USING gin (tsv);
