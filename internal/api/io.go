package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"lantoa/internal/problem"
)

// decodeJSON reads a request body holding one JSON object into v, and
// says in Vietnamese what is wrong with it when it cannot.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	err := dec.Decode(v)
	if err == nil && dec.Decode(&struct{}{}) != io.EOF {
		err = errors.New("trailing data")
	}
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tooBig *http.MaxBytesError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooBig):
		return err
	case errors.Is(err, io.EOF):
		return problem.Errorf(problem.Invalid, "Thiếu nội dung JSON trong yêu cầu")
	case errors.As(err, &syntax):
		return problem.Errorf(problem.Invalid, "Nội dung JSON sai cú pháp ở ký tự thứ %d", syntax.Offset)
	case errors.As(err, &typ) && typ.Field != "":
		return problem.Errorf(problem.Invalid, "Trường %q trong JSON có kiểu giá trị không đúng", typ.Field)
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
