package store

import (
	"database/sql"
	"encoding/json"
	"time"
)

// Dates and times are stored as text in both engines: a date as
// "2006-01-02", a moment as a fixed-width UTC timestamp. Both sort as
// text, compare with parameters the same way on SQLite and PostgreSQL, and
// need no engine date functions.
const (
	dateLayout = "2006-01-02"
	timeLayout = "2006-01-02T15:04:05.000000Z"
	// openEnd stands for "no end" in validity columns, so that a range test
	// is one comparison instead of an IS NULL branch.
	openEnd = "9999-12-31"
)

// dateText is the stored form of a date; the zero time is NULL.
func dateText(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(dateLayout)
}

// endText is the stored form of the end of a validity range; zero is open.
func endText(t time.Time) string {
	if t.IsZero() {
		return openEnd
	}
	return t.Format(dateLayout)
}

// fromText is the stored form of the start of a validity range; zero is
// "since always".
func fromText(t time.Time) string {
	if t.IsZero() {
		return "0001-01-01"
	}
	return t.Format(dateLayout)
}

func timeText(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// parseDate reads a stored date; NULL, the open end and the open start are
// the zero time.
func parseDate(ns sql.NullString) time.Time {
	if !ns.Valid || ns.String == openEnd || ns.String == "0001-01-01" {
		return time.Time{}
	}
	t, _ := time.Parse(dateLayout, ns.String)
	return t
}

func parseTime(ns sql.NullString) time.Time {
	if !ns.Valid {
		return time.Time{}
	}
	t, err := time.Parse(timeLayout, ns.String)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, ns.String)
	}
	return t
}

// jsonText stores a list or record as JSON text (TEXT in both engines:
// nothing queries inside it).
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain slices and structs are stored
	}
	return string(b)
}

func parseJSON[T any](s string) T {
	var v T
	if s != "" {
		_ = json.Unmarshal([]byte(s), &v)
	}
	return v
}

// nullString is NULL for the empty string.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nullID is NULL for the zero id.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// dayOf is the day of a moment, at midnight UTC.
func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
