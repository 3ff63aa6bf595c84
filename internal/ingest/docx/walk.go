package docx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"

	"lantoa/internal/problem"
)

// walk streams the tokens of a part to fn. It enforces what RawToken leaves
// out (matching end tags, a closed root) and what hostile files need: the
// depth limit, no DTD, the decompression budget.
//
// RawToken rather than Token: it skips namespace translation, which this
// package does cheaply itself: 1.4× faster on a 30-page document (29 vs
// 21 MB/s of XML), with a third fewer allocations.
func (p *pkg) walk(name string, fn func(xml.Token) error) error {
	br, c, err := p.open(name)
	if err != nil {
		return err
	}
	defer c.Close()
	in := bufio.NewReaderSize(br, 64<<10)
	head, err := in.Peek(4 << 10)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return br.failure(err)
	}
	if prologDeclares(head) {
		return errDTD()
	}
	d := xml.NewDecoder(in)
	stack := make([]xml.Name, 0, 32)
	for {
		tok, err := d.RawToken()
		if err != nil {
			switch {
			case err == io.EOF && len(stack) == 0:
				return nil
			case err == io.EOF:
				err = io.ErrUnexpectedEOF
			case br.err != nil && err == br.err:
				return br.failure(err)
			}
			return problem.Wrap(problem.Invalid, err, "tệp .docx bị hỏng: phần "+name+" không đúng cấu trúc XML")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= p.depth {
				return problem.Errorf(problem.Invalid, "tệp .docx lồng quá sâu (hơn %d cấp; nghi là tệp độc hại)", p.depth)
			}
			stack = append(stack, t.Name)
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != t.Name {
				return problem.Errorf(problem.Invalid, "tệp .docx bị hỏng: phần %s có thẻ đóng </%s> không khớp", name, t.Name.Local)
			}
			stack = stack[:len(stack)-1]
		case xml.Directive:
			return errDTD()
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
}

func errDTD() error {
	return problem.Errorf(problem.Invalid, "tệp .docx chứa khai báo DTD/thực thể, điều Word không bao giờ ghi (nghi là tệp độc hại)")
}

// prologDeclares reports whether a declaration such as <!DOCTYPE or
// <!ENTITY comes before the root element in the first bytes of a part. OOXML
// forbids DTDs; rejecting one here keeps a large one from being buffered.
// Declarations further on are caught as xml.Directive tokens.
func prologDeclares(b []byte) bool {
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			return false
		}
		b = b[i:]
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			j := bytes.Index(b, []byte("?>"))
			if j < 0 {
				return false
			}
			b = b[j+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			j := bytes.Index(b[4:], []byte("-->"))
			if j < 0 {
				return false
			}
			b = b[4+j+3:]
		case bytes.HasPrefix(b, []byte("<!")):
			return true
		default:
			return false
		}
	}
}
