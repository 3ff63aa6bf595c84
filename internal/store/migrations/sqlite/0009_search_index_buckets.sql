-- PostgreSQL's search index files documents under buckets of ids and
-- drops word positions here. FTS5 hands out matches in id order by
-- itself, and its table was made without positions (detail = none in
-- 0006): SQLite has nothing to do.
SELECT 1;
