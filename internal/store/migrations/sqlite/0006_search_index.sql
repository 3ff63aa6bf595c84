-- Full-text search of documents. The text is folded in Go before it is
-- written here and before a query is (lower case, no diacritics, đ as d,
-- split into words of letters and digits, joined by one space), so FTS5
-- only splits on spaces and both engines index the very same words; the
-- words of a document's heading, identity and number come once more behind
-- a mark ("0h", "0i", "0n"): see store/search_index.go. Contentless: the
-- words are only indexed, the text stays in documents; the rowid is the
-- document's id. Filled by the Go step of this migration, kept in step by
-- every write of a document.
CREATE VIRTUAL TABLE document_fts USING fts5(
    words,
    content = '', contentless_delete = 1, detail = none,
    tokenize = 'unicode61 remove_diacritics 0'
);
