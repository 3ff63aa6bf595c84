package notify_test

import (
	"context"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"testing"
	"time"

	"lantoa/internal/notify"
	"lantoa/internal/notify/smtptest"
)

func digest() notify.Digest {
	return notify.Digest{To: "an@lantoa.example", Name: "Nguyễn Văn An", Day: time.Date(2022, 12, 20, 0, 0, 0, 0, time.UTC),
		Items: []notify.Item{
			{Title: "Hướng dẫn 71-HD/BTGTU — Tuyên truyền Chỉ thị 12-CT/TW", Unit: "Ban Tuyên giáo Thành ủy", Due: time.Date(2022, 12, 23, 0, 0, 0, 0, time.UTC), DaysLeft: 3},
			{Title: "Công văn 967/LĐLĐ", Unit: "LĐLĐ huyện Tam Đường", Due: time.Date(2022, 12, 15, 0, 0, 0, 0, time.UTC), DaysLeft: -5, Assigner: true},
		}}
}

func TestADigestReadsInVietnameseThroughAMailServer(t *testing.T) {
	srv := smtptest.Start(t)
	d := digest()
	msg := d.Message("nhac-viec@lantoa.example", time.Date(2022, 12, 20, 1, 0, 0, 0, time.UTC))
	if err := (notify.SMTP{Addr: srv.Addr}).Send(context.Background(), "nhac-viec@lantoa.example", d.To, msg); err != nil {
		t.Fatal(err)
	}
	got := srv.Messages()
	if len(got) != 1 || got[0].To[0] != "an@lantoa.example" || got[0].From != "nhac-viec@lantoa.example" {
		t.Fatalf("delivered %+v", got)
	}
	m, err := mail.ReadMessage(strings.NewReader(got[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	raw := m.Header.Get("Subject")
	if strings.ContainsFunc(raw, func(r rune) bool { return r > 127 }) {
		t.Errorf("subject sent unencoded: %q", raw)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(raw)
	if err != nil {
		t.Fatal(err)
	}
	if subject != "[Lan Tỏa] Nhắc hạn báo cáo ngày 20/12/2022: 2 nhiệm vụ, 1 quá hạn" {
		t.Errorf("subject %q", subject)
	}
	if ct := m.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	to, _ := m.Header.AddressList("To")
	if len(to) != 1 || to[0].Name != "Nguyễn Văn An" {
		t.Errorf("To %v", to)
	}
	body, _ := io.ReadAll(m.Body)
	text := decodeQP(t, string(body))
	for _, want := range []string{"Kính gửi Nguyễn Văn An,", "Hạn báo cáo: 23/12/2022 — còn 3 ngày", "Hạn báo cáo: 15/12/2022 — quá hạn 5 ngày",
		"Đơn vị báo cáo: LĐLĐ huyện Tam Đường", "(Nhiệm vụ do đơn vị anh/chị giao)"} {
		if !strings.Contains(text, want) {
			t.Errorf("body lacks %q:\n%s", want, text)
		}
	}
}

func TestAnUnreachableServerIsAnError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	err = (notify.SMTP{Addr: closed, Timeout: time.Second}).Send(context.Background(), "a@lantoa.example", "b@lantoa.example", digest().Message("a@lantoa.example", time.Now()))
	if err == nil {
		t.Fatal("sending to a closed port succeeded")
	}
}

func decodeQP(t *testing.T, s string) string {
	t.Helper()
	b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(s)))
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(b), "\r\n", "\n")
}
