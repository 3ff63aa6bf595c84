package pdf

import (
	"bytes"
	"encoding/ascii85"
	"testing"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		in    string
		want  float64
		isInt bool
		ok    bool
	}{
		{"12", 12, true, true},
		{"-3", -3, true, true},
		{"+7", 7, true, true},
		{"-.5", -0.5, false, true},
		{"4.", 4, false, true},
		{"--2", -2, true, true},
		{"1.25.3", 1.25, false, true},
		{"-", 0, true, false},
		{"99999999999999999999999", 1e23, false, true},
	}
	for _, tt := range tests {
		got, isInt, ok := number([]byte(tt.in))
		if ok != tt.ok || ok && (isInt != tt.isInt || abs(got-tt.want) > 1e-9*max(1, abs(tt.want))) {
			t.Errorf("number(%q) = %v %v %v, want %v %v %v", tt.in, got, isInt, ok, tt.want, tt.isInt, tt.ok)
		}
	}
}

func TestObject(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{`(a\(b\)\\c\n\101\7)`, "a(b)\\c\nA\a"},
		{"(line\\\ncontinued)", "linecontinued"},
		{"(nested (parens) ok)", "nested (parens) ok"},
		{"<48656c6c6f>", "Hello"},
		{"<4 8 6>", "H`"},
		{"/A#20B", "A B"},
	}
	for _, tt := range tests {
		l := &lexer{b: []byte(tt.in)}
		o, err := l.object(0, true)
		if err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		var got string
		switch v := o.(type) {
		case pdfString:
			got = string(v)
		case name:
			got = string(v)
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
	l := &lexer{b: []byte("<< /Kids [1 0 R 2 0 R] /N 3 /Nested << /X [ ] >> >>")}
	o, err := l.object(0, true)
	d, _ := o.(dict)
	if err != nil || len(d["Kids"].(array)) != 2 || d["Kids"].(array)[1] != (ref{2, 0}) || d["N"] != int64(3) {
		t.Errorf("dict: %v %v", o, err)
	}
	deep := bytes.Repeat([]byte("["), 10000)
	if _, err := (&lexer{b: deep}).object(0, true); err == nil {
		t.Error("no error for arrays nested 10000 deep")
	}
}

func TestGlyphText(t *testing.T) {
	tests := map[string]string{
		"ocircumflexacute": "ố", "abrevedotbelow": "ặ", "uhorndotbelow": "ự", "ohorntilde": "ỡ",
		"Acircumflexhookabove": "Ẩ", "Dcroat": "Đ", "dcroat": "đ", "uni1EA0": "Ạ", "uni00410042": "AB",
		"u1EF3": "ỳ", "f_f_i": "ffi", "a.sc": "a", "eacute": "é", "quoteright": "’", "g123": "", ".notdef": "",
	}
	for in, want := range tests {
		if got := cleanText(glyphText(in)); got != want {
			t.Errorf("glyphText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFilters(t *testing.T) {
	d := &doc{budget: &budget{left: 1 << 20}}
	a85 := make([]byte, ascii85.MaxEncodedLen(12))
	a85 = a85[:ascii85.Encode(a85, []byte("Lan Tỏa"))]
	tests := []struct {
		filter name
		in     []byte
		want   string
	}{
		{"ASCIIHexDecode", []byte("4c 61 6E>"), "Lan"},
		{"ASCII85Decode", append(append([]byte("<~"), a85...), "~>"...), "Lan Tỏa"},
		{"RunLengthDecode", []byte{2, 'a', 'b', 'c', 254, 'x', 128, 'z'}, "abcxxx"},
		// The example of ISO 32000-1, 7.4.4.2.
		{"LZWDecode", []byte{0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01}, "-----A---B"},
		{"FlateDecode", deflate([]byte("BT (x) Tj ET")), "BT (x) Tj ET"},
	}
	for _, tt := range tests {
		got, err := d.filter(tt.filter, tt.in, nil)
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: %q %v, want %q", tt.filter, got, err, tt.want)
		}
	}
	if _, err := d.filter("DCTDecode", []byte{0xff}, nil); err == nil {
		t.Error("DCTDecode decoded")
	}
	small := &doc{budget: &budget{left: 100}}
	if _, err := small.filter("FlateDecode", deflate(make([]byte, 1000)), nil); err != errTooLarge {
		t.Errorf("over budget: %v", err)
	}
}

func TestPredictor(t *testing.T) {
	d := &doc{budget: &budget{left: 1 << 20}}
	// Two rows of three bytes: Sub, then Up.
	in := []byte{1, 10, 5, 5, 2, 1, 1, 1}
	got, _ := d.predict(in, dict{"Predictor": int64(12), "Columns": int64(3)})
	if want := []byte{10, 15, 20, 11, 16, 21}; !bytes.Equal(got, want) {
		t.Errorf("PNG predictor: %v, want %v", got, want)
	}
}

func TestCMap(t *testing.T) {
	src := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
2 begincodespacerange <00> <80> <8140> <FFFF> endcodespacerange
1 begincidrange <8140> <8150> 100 endcidrange
2 beginbfchar <41> <0041> <8141> <1EA0> endbfchar
1 beginbfrange <61> <63> [<0061> <00660069> /dcroat] endbfrange
endcmap end end`
	d := &doc{budget: &budget{left: 1 << 20}}
	cm := d.parseCMap(&stream{d: dict{}, raw: []byte(src)})
	if cm == nil {
		t.Fatal("no cmap")
	}
	f := &font{composite: true, space: &cm.space, toCID: cm.cids, uni: cm.uni, dw: 1}
	var got []string
	f.each([]byte("A\x81\x41bc"), func(text string, w float64, ws bool) { got = append(got, text) })
	if want := []string{"A", "Ạ", "fi", "đ"}; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || got[3] != want[3] {
		t.Errorf("codes: %q, want %q", got, want)
	}
	if cm.cids[0x8142] != 102 {
		t.Errorf("cid of 8142: %d", cm.cids[0x8142])
	}
}

func TestTextString(t *testing.T) {
	tests := map[string]string{
		"\xfe\xff\x01\x10\x00i": "Đi",
		"\xff\xfe\x10\x01i\x00": "Đi",
		"\xef\xbb\xbfĐi":        "Đi",
		"Caf\xe9":               "Café",
	}
	for in, want := range tests {
		if got := textString(pdfString(in)); got != want {
			t.Errorf("textString(%q) = %q, want %q", in, got, want)
		}
	}
}
