package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"lantoa/internal/problem"
)

// decodeJSON reads a request body holding one JSON object into v, and
// says in Vietnamese what is wrong with it when it cannot. A field v does
// not have is refused rather than ignored: a misspelt name would
// otherwise be lost without a word.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.Decode(&struct{}{}) != io.EOF {
		err = errors.New("trailing data")
	}
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tooBig *http.MaxBytesError
	var bad *problem.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooBig), errors.As(err, &bad):
		return err // too big, or a value a field refused (a date) with its own message
	case errors.Is(err, io.EOF):
		return problem.Errorf(problem.Invalid, "Thiếu nội dung JSON trong yêu cầu")
	case errors.As(err, &syntax):
		return problem.Errorf(problem.Invalid, "Nội dung JSON sai cú pháp ở ký tự thứ %d", syntax.Offset)
	case errors.As(err, &typ) && typ.Field != "":
		return problem.Errorf(problem.Invalid, "Trường %q trong JSON có kiểu giá trị không đúng", typ.Field)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return problem.Errorf(problem.Invalid, "Trường %s không có trong yêu cầu này; hãy xem tên các trường ở %s/openapi.json",
			strings.TrimPrefix(err.Error(), "json: unknown field "), prefix)
	}
	return problem.Errorf(problem.Invalid, "Nội dung JSON không đúng: phải là đúng một đối tượng JSON")
}

// reply writes v as JSON with status.
func reply(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// pathID reads the numeric identifier in the path segment {id}.
func pathID(r *http.Request, what string) (int64, error) {
	return parseID(r.PathValue("id"), what)
}

func parseID(s, what string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, problem.Errorf(problem.Invalid, "Mã %s phải là số nguyên dương, không phải %q", what, s)
	}
	return id, nil
}

const dateLayout = "2006-01-02"

// parseDate reads a day given as YYYY-MM-DD; empty is the zero time.
func parseDate(s, param string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, problem.Errorf(problem.Invalid, "Tham số %s phải là ngày dạng YYYY-MM-DD, ví dụ 2022-12-31; không đọc được %q", param, s)
	}
	return t, nil
}

// day writes a date as ISO 8601 (YYYY-MM-DD), nil when unknown.
func day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(dateLayout)
	return &s
}

// moment writes an instant as ISO 8601 in UTC.
func moment(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// momentOrNil is moment, nil for a stage not yet reached.
func momentOrNil(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := moment(t)
	return &s
}

// required refuses an absent query parameter.
func required(r *http.Request, param, what string) (string, error) {
	v := r.URL.Query().Get(param)
	if v == "" {
		return "", problem.Errorf(problem.Invalid, "Thiếu tham số %s (%s)", param, what)
	}
	return v, nil
}

// date is a day in JSON, written YYYY-MM-DD; null or absent is zero.
type date struct{ time.Time }

func (d *date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		d.Time = time.Time{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return problem.Errorf(problem.Invalid, "Ngày phải là chuỗi dạng YYYY-MM-DD, ví dụ \"2022-12-31\"; không đọc được %s", b)
	}
	t, err := parseDate(s, "ngày")
	d.Time = t
	return err
}
