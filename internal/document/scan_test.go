package document

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"lantoa/internal/vn"
)

// The hand-written scanners must find what the regular expressions they
// replace would find; the expressions stay here as their specification.
var (
	specNotation    = regexp.MustCompile(`^` + notationPattern)
	specIsAuthority = regexp.MustCompile(`^(?:TM|KT|TL|TUQ|Q|TM\.|T\.M)\s*\.\s*\S|^(?:T/M|K/T|T/L|T/UQ)\s*\S`)
	specAuthority   = regexp.MustCompile(`(?:^|[\s.;,])((?:TM|KT|TL|TUQ)\.\s*|(?:T/M|K/T|T/L)\s+)\p{Lu}`)
	specCiteIssuer  = regexp.MustCompile(`^\s*,?\s*(?:cua|do)\s+`)
	specIssuerStop  = regexp.MustCompile(`\s(ve|v/v|quy dinh|huong dan|ban hanh|tai|da|nham|thuc hien|phe duyet|trien khai|theo|ngay|so|voi|cho|va cac|ket luan)\s|[,;.(:"“”*]|\n\s*\n| -\s`)
	specIssuerVerb  = regexp.MustCompile(`\s(yeu cau|huong dan|de nghi|trien khai|ban hanh|thong bao|chi dao|quyet dinh|xay dung ke hoach|to chuc|ke hoach)\s`)
	specDeadlineDay = regexp.MustCompile(`(truoc|cham nhat(?: la)?|han chot|khong muon hon|han bao cao)\s*(?:la\s*)?(?:ngay\s*)(\d{1,2})\s*(?:/|-|\.|\s*thang\s*)\s*(\d{1,2})(?:\s*(?:/|-|\.|\s*nam\s*)\s*((?:19|20)\d\d))?`)
	specVv          = regexp.MustCompile(`(?:^|\s)(?:V/v|V/V|v/v|(?m:^)[Vv]ề việc)[ \t]*:?[ \t]*`)
	specSyllable    = regexp.MustCompile(`^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|nh|ng|[cmnpt])?$`)
	specPlaceDate   = regexp.MustCompile(`,?\s*ngay\s*(\d{1,2})\s*(?:thang\s*(\d{1,2})\s*nam\s*|[/.-]\s*(\d{1,2})\s*[/.-]\s*)((?:19|20)\d\d)`)
	specDateAt      = regexp.MustCompile(`^ngay\s*(\d{1,2})\s*(?:thang\s*(\d{1,2})\s*nam\s*|[/.-]\s*(\d{1,2})\s*[/.-]\s*)((?:19|20)\d\d)`)
	specCiteDate    = regexp.MustCompile(`^\s*,?\s*(?:ban hanh\s+)?ngay\s*(\d{1,2})\s*(?:thang\s*(\d{1,2})\s*nam|[/.-]\s*(\d{1,2})\s*[/.-])\s*((?:19|20)\d\d)`)
	specBodyStart   = regexp.MustCompile(`^(can cu|thuc hien|kinh gui|theo |xet |nhan duoc|de |qua |tiep theo|ngay \d|trong |i\.|1\.|dieu 1)`)
	specSentenceUp  = regexp.MustCompile(`^\p{Lu}\p{Ll}`)
	specListItem    = regexp.MustCompile(`^[-+•]\s*`)
	specItem        = regexp.MustCompile(`^(?:(\d+(?:\.\d+)*)\.?\)?|([a-zđ])\)|([-+•]))\s*`)
	specSigned      = regexp.MustCompile(`(?i)^[(\[]?\s*(đã ký|đã kí|da ky|ký|signature|chữ ký|ký tên[^)\]]*|ký, ghi rõ[^)\]]*|ký và đóng dấu)\s*[)\]]?\.?$`)
	specGap         = regexp.MustCompile(`\s{3,}`)
	specRules       = regexp.MustCompile(`-{3,}|_{3,}|={3,}`)
	specLoneMarks   = regexp.MustCompile(`(^|[\s(])\p{M}+`)
	specDeadlineFor = regexp.MustCompile(`(trong|vao|cung voi|long ghep (?:vao|trong))\s+bao\s+cao\s+(?:ket qua\s+)?(?:so ket|tong ket|nam|dinh ky|6 thang|sau thang|quy|thang|hang nam|cuoi nam)[^.;,()]*`)
)

var scanSeeds = []string{
	"71-HD/BTGTU", "Số: 12/UBND-VX ngày", "30/2020/NĐ-CP", "367 - QĐ/TWĐTN-VP", "34 /KH", "8264 UBND-KGVX", "2 CÁC", "1234567-HD",
	"12 - 2020", "5/2020 /QĐ-TTg", "12/ ", "7-A&B/ C1 - x", "99\t/\nĐƯ-Ư9", "12/2020/", "1-HD/BTG-", "12/\xffAB",
	" \u0301\u0300x (\u0323a\u0309 \u0300", "\u0300", "a\u0300", "Viêt hai ̀ ̣ ̣ do", "TM. BAN THƯỜNG VỤ", "Lưu VT. TM. BAN", "x,K/T CHỦ", " TUQ.  Giám", "KT.chủ", "T/L\nVĂN", "TTM. A",
	", của Bộ Chính trị về việc", " do  UBND tỉnh ban hành", "cua\n", ",cuaban", "  ,  do x",
	"ban thuong vu tinh uy; ", "bo chinh tri ve ", "a\n \nb", "ubnd tinh - ke", "“ab”", "x\tngay 1", "so", " so ",
	"; ban thuong vu yeu cau cac", " to chuc ke hoach ", "\nhuong dan\n",
	"bao cao truoc ngay 15/12/2022.", "cham nhat la ngay 5 thang 6", "han bao cao ngay 1-2", "trong bao cao so ket 6 thang; ",
	"long ghep vao bao cao  nam 2022 (x)", "vao  bao\ncao ket qua quy", "truoctruoc ngay 3/4",
}

func FuzzNotationAt(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := notationAt(s), specNotation.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Errorf("notationAt(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzScanners(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check := func(name string, got, want []int) {
			if !slices.Equal(got, want) {
				t.Errorf("%s(%q) = %v, want %v", name, s, got, want)
			}
		}
		check("findAuthority", findAuthority(s), specAuthority.FindStringIndex(s))
		if got, want := isAuthority(s), specIsAuthority.MatchString(s); got != want {
			t.Errorf("isAuthority(%q) = %v, want %v", s, got, want)
		}
		check("reDeadlineDate", reDeadlineDate.FindStringSubmatchIndex(s), specDeadlineDay.FindStringSubmatchIndex(s))
		if m := reDeadlineText.FindStringSubmatchIndex(s); m != nil {
			check("reDeadlineText", m[:2], specDeadlineFor.FindStringIndex(s))
		} else {
			check("reDeadlineText", nil, specDeadlineFor.FindStringIndex(s))
		}
		want := len(s)
		if m := specIssuerStop.FindStringIndex(s); m != nil {
			want = m[0]
		}
		check("issuerEnd", []int{issuerEnd(s)}, []int{want})
		want = -1
		if m := specCiteIssuer.FindStringIndex(s); m != nil {
			want = m[1]
		}
		check("issuerLeadEnd", []int{issuerLeadEnd(s)}, []int{want})
		var verbs, wantVerbs []int
		for at, end := nextIssuerVerb(s, 0); at >= 0; at, end = nextIssuerVerb(s, end) {
			verbs = append(verbs, at, end)
		}
		for _, m := range specIssuerVerb.FindAllStringIndex(s, -1) {
			wantVerbs = append(wantVerbs, m...)
		}
		check("nextIssuerVerb", verbs, wantVerbs)
		if got, want := dropLoneMarks(s), specLoneMarks.ReplaceAllString(s, "$1"); got != want && utf8.ValidString(s) {
			t.Errorf("dropLoneMarks(%q) = %q, want %q", s, got, want)
		}
		if isPlainNFC(s) && (!utf8.ValidString(s) || vn.NFC(s) != s) {
			t.Errorf("isPlainNFC(%q) = true", s)
		}
		check("findVv", findVv(s), specVv.FindStringIndex(s))
		if startsBody(s) != specBodyStart.MatchString(s) || startsSentence(s) != specSentenceUp.MatchString(s) || isListItem(s) != specListItem.MatchString(s) {
			t.Errorf("startsBody, startsSentence or isListItem(%q) is wrong", s)
		}
		for _, heads := range [][]string{orgHeads, positions} {
			want := false
			for _, h := range heads {
				want = want || strings.HasPrefix(vn.Fold(s)+" ", h)
			}
			if startsWithAny(s, heads) != want {
				t.Errorf("startsWithAny(%q) = %v", s, !want)
			}
		}
		if got, want := itemMarker(s), specItem.FindString(s); got != want {
			t.Errorf("itemMarker(%q) = %q, want %q", s, got, want)
		}
		if got, want := isSignedNote(s), specSigned.MatchString(s); got != want {
			t.Errorf("isSignedNote(%q) = %v, want %v", s, got, want)
		}
		if got, want := splitGaps(s), specGap.Split(s, -1); !slices.Equal(got, want) {
			t.Errorf("splitGaps(%q) = %q, want %q", s, got, want)
		}
		check("dateAt", dateAt(s), specDateAt.FindStringSubmatchIndex(s))
		check("citeDate", citeDate(s), specCiteDate.FindStringSubmatchIndex(s))
		check("findPlaceDate", findPlaceDate(s), specPlaceDate.FindStringIndex(s))
		if got, want := isSyllable(s), specSyllable.MatchString(strings.ToLower(s)); got != want {
			t.Errorf("isSyllable(%q) = %v, want %v", s, got, want)
		}
		if got, want := breakRules(s), specRules.ReplaceAllString(s, "\n"); got != want {
			t.Errorf("breakRules(%q) = %q, want %q", s, got, want)
		}
		if got, want := singleSpaced(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("singleSpaced(%q) = %q, want %q", s, got, want)
		}
	})
}

// specFold is the plain form of newFolded: rune by rune, appending.
func specFold(s string) (string, []int32) {
	var fold []byte
	var off []int32
	for i, r := range s {
		fold = utf8.AppendRune(fold, foldRune(r))
		for len(off) < len(fold) {
			off = append(off, int32(i))
		}
	}
	return string(fold), append(off, int32(len(s)))
}

func FuzzFold(f *testing.F) {
	for _, s := range append(scanSeeds, "ȺȺȺ abc Ⱥ", "Ⱥ\xff\u0301Đ", "CỘNG HOÀ xã hội") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := newFolded(s)
		fold, off := specFold(s)
		if got.fold != fold || !slices.Equal(got.off, off) {
			t.Errorf("newFolded(%q) = %q %v, want %q %v", s, got.fold, got.off, fold, off)
		}
	})
}
