package api

import (
	"encoding/json"
	"errors"
	"net/http"

	"lantoa/internal/app"
	"lantoa/internal/problem"
)

// errNoSession is the cause of a refusal for want of a valid bearer
// token: 401, where other refusals are 403.
var errNoSession = errors.New("no valid session")

func noSession(msg string) error { return problem.Wrap(problem.Forbidden, errNoSession, msg) }

// problemDoc is an error as RFC 9457 writes it. Type is about:blank: the
// status says what kind of error it is, detail what to do about it.
type problemDoc struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

// titles are the statuses' phrases, in Vietnamese (RFC 9457 §3.1.3 allows it).
var titles = map[int]string{
	http.StatusBadRequest:            "Yêu cầu không hợp lệ",
	http.StatusUnauthorized:          "Chưa đăng nhập",
	http.StatusForbidden:             "Không có quyền",
	http.StatusNotFound:              "Không tìm thấy",
	http.StatusConflict:              "Xung đột dữ liệu",
	http.StatusRequestEntityTooLarge: "Dữ liệu quá lớn",
	http.StatusUnsupportedMediaType:  "Định dạng không được hỗ trợ",
	http.StatusTooManyRequests:       "Thử quá nhiều lần",
	http.StatusInternalServerError:   "Lỗi máy chủ",
	http.StatusServiceUnavailable:    "Dịch vụ tạm thời không sẵn sàng",
}

// fail answers err: the message of a problem the client can act on, with
// its status, or a generic message for a fault of ours (logged, not shown).
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := statusOf(err)
	if status == http.StatusInternalServerError {
		s.log.Error("serving an API request", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = "Lan Tỏa gặp lỗi khi xử lý yêu cầu này. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị."
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="lantoa"`)
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(problemDoc{Type: "about:blank", Title: titles[status], Status: status, Detail: msg})
}

// statusOf maps an error of the use cases to an HTTP status and the
// message to show.
func statusOf(err error) (int, string) {
	var p *problem.Error
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, "Nội dung gửi lên vượt quá giới hạn cho phép"
	case !errors.As(err, &p):
		return http.StatusInternalServerError, ""
	case errors.Is(err, errNoSession):
		return http.StatusUnauthorized, p.Msg
	case errors.Is(err, app.ErrTooManyAttempts):
		return http.StatusTooManyRequests, p.Msg
	}
	if status := problem.HTTPStatus(p.Kind); status != http.StatusInternalServerError {
		return status, p.Msg
	}
	return http.StatusInternalServerError, ""
}

func bothUnitFields() error {
	return problem.Errorf(problem.Invalid, "Ghi đơn vị bằng \"unit\" (mã) hoặc \"unit_id\" (số), không ghi cả hai")
}

func missingUnitField() error {
	return problem.Errorf(problem.Invalid, "Thiếu đơn vị: ghi \"unit\" (mã, ví dụ ltu-btg) hoặc \"unit_id\" (số)")
}
