// Package problem is the error vocabulary shared by every layer: a kind for
// the program (it decides exit codes and HTTP statuses) and a message for the
// person reading it, in Vietnamese.
package problem

import (
	"errors"
	"fmt"
)

// Kind classifies an error for the program.
type Kind int

const (
	Internal    Kind = iota // a fault of ours; details are logged, not shown
	Invalid                 // the input is wrong: corrupt file, bad request
	TooLarge                // the input exceeds a configured limit
	Unsupported             // a format or feature we cannot handle here
	NotFound
	Conflict
	Forbidden
	Unavailable // a needed tool or service is absent
)

var kindNames = [...]string{"internal", "invalid", "too_large", "unsupported", "not_found", "conflict", "forbidden", "unavailable"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Error is an error with a kind and a message meant for a clerk.
type Error struct {
	Kind Kind
	Msg  string // one line, Vietnamese, understandable without technical knowledge
	Err  error  // the cause, for logs and errors.Is
}

func (e *Error) Error() string {
	if e.Err != nil && e.Kind == Internal {
		return e.Msg + ": " + e.Err.Error()
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf makes an Error whose message is formatted like fmt.Sprintf.
func Errorf(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// Wrap makes an Error that keeps err as its cause.
func Wrap(kind Kind, err error, msg string) *Error {
	return &Error{Kind: kind, Msg: msg, Err: err}
}

// KindOf reports the kind of err: Internal when err carries none.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// HTTPStatus is the one table from kinds to HTTP statuses, shared by the
// pages and the API. Internal is 500: its details are logged, not shown.
func HTTPStatus(k Kind) int {
	switch k {
	case Invalid:
		return 400
	case Forbidden:
		return 403
	case NotFound:
		return 404
	case Conflict:
		return 409
	case TooLarge:
		return 413
	case Unsupported:
		return 415
	case Unavailable:
		return 503
	}
	return 500
}
