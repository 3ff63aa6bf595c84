package document

import (
	"testing"

	"lantoa/internal/problem"
)

func TestNotationFollowsTheFamily(t *testing.T) {
	tests := []struct {
		family              Family
		docType             string
		n                   int64
		issuer, department  string
		number, sym, joined string
	}{
		{Party, "Hướng dẫn", 71, "BTGTU", "", "71", "HD/BTGTU", "71-HD/BTGTU"},
		{Party, "Công văn", 674, "ThU", "", "674", "CV/ThU", "674-CV/ThU"},
		{Party, "Quy định", 5, "TW", "", "05", "QĐ/TW", "05-QĐ/TW"},
		{Party, "Thông tri", 3, "TU", "", "03", "TT/TU", "03-TT/TU"},
		{State, "Quyết định", 15, "BNV", "", "15", "QĐ-BNV", "15/QĐ-BNV"},
		{State, "Công văn", 12, "UBND", "VX", "12", "UBND-VX", "12/UBND-VX"},
		{State, "Thông tư", 1, "BNV", "", "01", "TT-BNV", "01/TT-BNV"},
		{State, "Quy định", 2, "UBND", "", "02", "QyĐ-UBND", "02/QyĐ-UBND"},
		{Union, "Công văn", 967, "LĐLĐ", "", "967", "LĐLĐ", "967/LĐLĐ"},
		{Union, "Quyết định", 933, "TLĐ", "", "933", "QĐ-TLĐ", "933/QĐ-TLĐ"},
		{Front, "Kế hoạch", 40, "MTTQ", "BTT", "40", "KH-MTTQ-BTT", "40/KH-MTTQ-BTT"},
		{Youth, "Quyết định", 367, "TWĐTN", "VP", "367", "QĐ/TWĐTN-VP", "367-QĐ/TWĐTN-VP"},
	}
	for _, tt := range tests {
		got, err := Notation(tt.family, tt.docType, tt.n, tt.issuer, tt.department)
		if err != nil {
			t.Errorf("%s %s %d: %v", tt.family, tt.docType, tt.n, err)
			continue
		}
		want := Numbered{Number: tt.number, Symbol: tt.sym, NumberSymbol: tt.joined}
		if got != want {
			t.Errorf("%s %s %d = %+v, want %+v", tt.family, tt.docType, tt.n, got, want)
		}
	}
}

func TestNotationRefusesWhatCannotBeNumbered(t *testing.T) {
	for _, c := range []struct {
		docType, issuer string
		n               int64
	}{
		{"Luật", "QH", 1},       // a type with no code
		{"Bài thơ", "BTGTU", 1}, // not a document type
		{"Hướng dẫn", "", 1},    // issuer without notation
		{"Hướng dẫn", "BTGTU", 0},
	} {
		_, err := Notation(Party, c.docType, c.n, c.issuer, "")
		if problem.KindOf(err) != problem.Invalid {
			t.Errorf("Notation(%q, %q, %d): err = %v, want invalid", c.docType, c.issuer, c.n, err)
		}
	}
}

func TestSequencesFollowTheFamilyRules(t *testing.T) {
	party, state := NumberingOf(Party), NumberingOf(State)
	// Party: one sequence per type; secret documents share it.
	if party.Sequence(7, "nk2020-10-15", "Hướng dẫn", false) == party.Sequence(7, "nk2020-10-15", "Kế hoạch", false) {
		t.Error("party: Hướng dẫn and Kế hoạch share a sequence")
	}
	if party.Sequence(7, "nk2020-10-15", "Quyết định", false) != party.Sequence(7, "nk2020-10-15", "Quy định", false) {
		t.Error("the party's Quyết định and Quy định, both written QĐ, draw from two sequences")
	}
	if party.Sequence(7, "nk2020-10-15", "Hướng dẫn", true) != party.Sequence(7, "nk2020-10-15", "HƯỚNG DẪN", false) {
		t.Error("party: a secret Hướng dẫn has a sequence of its own")
	}
	// State: one sequence for all types; secret documents apart.
	if state.Sequence(7, "2022", "Quyết định", false) != state.Sequence(7, "2022", "Công văn", false) {
		t.Error("state: types have separate sequences")
	}
	if state.Sequence(7, "2022", "Công văn", true) == state.Sequence(7, "2022", "Công văn", false) {
		t.Error("state: secret documents share the open sequence")
	}
	if state.Sequence(7, "2022", "", false) == state.Sequence(8, "2022", "", false) || state.Sequence(7, "2022", "", false) == state.Sequence(7, "2023", "", false) {
		t.Error("state: issuers or years share a sequence")
	}
	same := func(a, b Numbering) bool { a.family, b.family = "", ""; return a == b }
	if !same(NumberingOf(Youth), party) || !same(NumberingOf(Union), state) || !same(NumberingOf(Front), state) {
		t.Error("youth must number like the party; union and Front like the state")
	}
}
