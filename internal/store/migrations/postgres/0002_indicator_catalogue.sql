-- The default indicator catalogue (domain.md §4) is written by the Go step
-- registered for this version (store/indicators.go) from report.Catalogue,
-- so both engines load the same data from one source.

