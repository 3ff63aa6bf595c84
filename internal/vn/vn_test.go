package vn

import (
	"slices"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Chỉ thị số 12-CT/TW về đối ngoại", "chi thi so 12-ct/tw ve doi ngoai"},
		{"ĐẢNG CỘNG SẢN VIỆT NAM", "dang cong san viet nam"},
		{"hoá", "hoa"}, {"hóa", "hoa"}, {"Uỷ ban", "uy ban"}, {"Ủy ban", "uy ban"},
		{norm.NFD.String("Nghị quyết"), "nghi quyet"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTonePlacement(t *testing.T) {
	tests := []struct{ old, modern string }{
		{"hóa", "hoá"}, {"hòa", "hoà"}, {"thủy", "thuỷ"}, {"khỏe", "khoẻ"}, {"Thủy", "Thuỷ"}, {"HÓA", "HOÁ"},
		{"Ủy ban", "Uỷ ban"},
	}
	for _, tt := range tests {
		if got := ModernTones(tt.old); got != tt.modern {
			t.Errorf("ModernTones(%q) = %q, want %q", tt.old, got, tt.modern)
		}
		if got := OldTones(tt.modern); got != tt.old {
			t.Errorf("OldTones(%q) = %q, want %q", tt.modern, got, tt.old)
		}
	}
	for _, same := range []string{"hoàn", "khoét", "huýt", "quý", "thuở", "người", "Quyết", "Tỉnh ủy Lai Châu"} {
		if got := ModernTones(OldTones(same)); got != ModernTones(same) {
			t.Errorf("round trip changed %q to %q", same, got)
		}
	}
	if got := ModernTones("hoàn quý"); got != "hoàn quý" {
		t.Errorf("ModernTones changed a closed syllable: %q", got)
	}
}

func TestCompareVietnameseOrder(t *testing.T) {
	names := []string{"Đức", "Em", "Ăn", "Anh", "Dũng", "Ân", "Bình", "Ánh"}
	slices.SortFunc(names, Compare)
	want := []string{"Anh", "Ánh", "Ăn", "Ân", "Bình", "Dũng", "Đức", "Em"}
	if !slices.Equal(names, want) {
		t.Errorf("sorted %v, want %v", names, want)
	}
	if string(SortKey("Dũng")) >= string(SortKey("Đức")) {
		t.Error("SortKey does not put Dũng before Đức")
	}
}

func TestFormatDate(t *testing.T) {
	if got := FormatDate(time.Date(2022, 7, 5, 0, 0, 0, 0, time.UTC)); got != "05/07/2022" {
		t.Errorf("FormatDate = %q", got)
	}
}
