package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"lantoa/internal/problem"
)

func TestExtractRejectsClearly(t *testing.T) {
	small := DefaultLimits()
	small.MaxFileBytes = 64
	tests := []struct {
		name string
		data []byte
		lim  Limits
		kind problem.Kind
		msg  string
	}{
		{"empty.txt", nil, DefaultLimits(), problem.Invalid, "tệp rỗng"},
		{"blank.txt", []byte(" \n\t\n"), DefaultLimits(), problem.Invalid, "tệp rỗng"},
		{"big.txt", bytes.Repeat([]byte("Chỉ thị "), 20), small, problem.TooLarge, "vượt giới hạn 64 byte"},
		{"fake.docx", []byte("không phải tệp Word"), DefaultLimits(), problem.Unsupported, "fake.docx"},
	}
	for _, tt := range tests {
		_, err := Extract(context.Background(), tt.name, bytes.NewReader(tt.data), tt.lim)
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if problem.KindOf(err) != tt.kind || !strings.Contains(err.Error(), tt.msg) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: got %v (%v), want kind %v with %q on one line", tt.name, err, problem.KindOf(err), tt.kind, tt.msg)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		data string
		want Format
	}{
		{"a.txt", "Số: 967/LĐLĐ", TXT},
		{"a.bin", "%PDF-1.7\n", PDF},
		{"no-extension", "PK\x03\x04....", DOCX},
		{"a.odt", "PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.text", ODT},
		{"a.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", DOC},
	}
	for _, tt := range tests {
		if got := sniff(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("sniff(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestExtractNormalisesToNFC(t *testing.T) {
	decomposed := "Nghi\u0323 quyê\u0301t sô\u0301 15-NQ/TW"
	res, err := Extract(context.Background(), "nq.txt", strings.NewReader(decomposed), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if res.Text != "Nghị quyết số 15-NQ/TW" || res.Format != TXT {
		t.Errorf("got %q (%s), want NFC text", res.Text, res.Format)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"Số: 967/LĐLĐ", "%PDF-1.4\n", "PK\x03\x04", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "\xff\xfe", "\x00\x01\x02"} {
		f.Add("x", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		lim := DefaultLimits()
		lim.MaxFileBytes = 1 << 20
		res, err := ExtractBytes(context.Background(), name, data, lim)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
			return
		}
		if strings.TrimSpace(res.Text) == "" {
			t.Error("success with no text")
		}
	})
}
