package document

import (
	"fmt"
	"strings"

	"lantoa/internal/problem"
	"lantoa/internal/vn"
)

// Numbering is how a family numbers the documents it issues (domain.md §3,
// reference/formats.md §1.2.2 and NĐ 30 Art. 15). The rules are uncertain
// for some families and change with new regulations, so they are data here,
// one row per family, not conditions scattered through the code.
type Numbering struct {
	PerTerm     bool // a sequence runs over a committee term (nhiệm kỳ); otherwise over a calendar year
	PerType     bool // each document type has its own sequence
	SecretApart bool // secret documents (Mật and above) have a sequence of their own
	// Dashed notations put the type code before the issuer, after a dash:
	// "71-HD/BTGTU", "367-QĐ/TWĐTN-VP". Otherwise the number is followed by
	// a slash and the code joins the issuer with a dash: "15/QĐ-BNV".
	Dashed bool
	family Family // whose rules these are: the type code depends on it
}

var numberings = map[Family]Numbering{
	Party: {PerTerm: true, PerType: true, Dashed: true},
	Youth: {PerTerm: true, PerType: true, Dashed: true},
	State: {SecretApart: true},
	Union: {SecretApart: true},
	Front: {SecretApart: true},
}

// NumberingOf returns the numbering rules of a family; a document of no
// known family is numbered as the state numbers.
func NumberingOf(f Family) Numbering {
	n, ok := numberings[f]
	if !ok {
		f, n = State, numberings[State]
	}
	n.family = f
	return n
}

// Sequence names the counter a number is drawn from: the issuing unit, the
// period (the year, or the first day of the term, as text), and, as the
// rules ask, the document type and secrecy.
func (n Numbering) Sequence(issuer int64, period, docType string, secret bool) string {
	typ := "*"
	if n.PerType {
		// Types that share a code share a sequence: the party writes QĐ for
		// both Quyết định and Quy định, and "05-QĐ/TU" must not come twice.
		if code, ok := TypeCode(docType, n.family); ok && code != "" {
			typ = code
		} else {
			typ = vn.Fold(strings.TrimSpace(vn.NFC(docType)))
		}
	}
	s := fmt.Sprintf("out/%d/%s/%s", issuer, period, typ)
	if secret && n.SecretApart {
		s += "/mat"
	}
	return s
}

// codeOverrides are the type codes that differ by family from the common
// list in vocab.go (keyed by folded type name); an empty code means the
// notation carries none. The party writes CV on its công văn and QĐ for
// Quy định; the state, unions and the Front write no code on công văn.
var codeOverrides = map[Family]map[string]string{
	Party: {"quy dinh": "QĐ", "thong tri": "TT"},
	Youth: {"quy dinh": "QĐ", "thong tri": "TT"},
	State: {"cong van": ""},
	Union: {"cong van": ""},
	Front: {"cong van": ""},
}

// TypeCode returns the code a family writes in the notation of a document
// type ("HD" for Hướng dẫn), "" when it writes none (a state công văn), and
// ok false when the type is unknown or has no code to number it by.
func TypeCode(name string, f Family) (code string, ok bool) {
	key := vn.Fold(strings.TrimSpace(vn.NFC(name)))
	if c, ok := codeOverrides[f][key]; ok {
		return c, true
	}
	for _, t := range docTypes {
		if t.Fold == key && len(t.Codes) > 0 {
			return t.Codes[0], true
		}
	}
	return "", false
}

// Numbered is a number and its notation as the document prints them.
type Numbered struct {
	Number       string // "05"
	Symbol       string // "HD/BTGTU", "UBND-VX"
	NumberSymbol string // "05-HD/BTGTU", "12/UBND-VX"
}

// Notation writes number n of a document of type docType from an issuer
// whose notation is issuer ("BTGTU", "UBND"), in the family's form: party
// "71-HD/BTGTU", state "15/QĐ-BNV" and công văn "12/UBND-VX", union
// "967/LĐLĐ", youth "367-QĐ/TWĐTN-VP". department, when given, is the
// drafting department or field that follows the issuer ("VX", "VP").
// Numbers below 10 are written with a leading zero.
func Notation(f Family, docType string, n int64, issuer, department string) (Numbered, error) {
	issuer, department = strings.TrimSpace(vn.NFC(issuer)), strings.TrimSpace(vn.NFC(department))
	if n <= 0 {
		return Numbered{}, problem.Errorf(problem.Invalid, "Số văn bản phải là số dương")
	}
	if issuer == "" {
		return Numbered{}, problem.Errorf(problem.Invalid, "Đơn vị ban hành chưa có ký hiệu viết tắt để ghi số, ký hiệu văn bản")
	}
	code, ok := TypeCode(docType, f)
	if !ok {
		return Numbered{}, problem.Errorf(problem.Invalid, "Loại văn bản %q không có ký hiệu viết tắt để ghi số, ký hiệu", docType)
	}
	who := issuer
	if department != "" {
		who += "-" + department
	}
	num := fmt.Sprintf("%02d", n)
	var sym, sep string
	switch {
	case NumberingOf(f).Dashed:
		sym, sep = code+"/"+who, "-"
	case code == "":
		sym, sep = who, "/"
	default:
		sym, sep = code+"-"+who, "/"
	}
	return Numbered{Number: num, Symbol: sym, NumberSymbol: num + sep + sym}, nil
}
