package fold

import (
	"sort"
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Lũy kế", "luy ke"},
		{"Luỹ kế", "luy ke"},
		{"LŨY KẾ TỪ ĐẦU NĂM", "luy ke tu dau nam"},
		{"  Mã  ĐV: ", "ma dv"},
		{"Mã đơn vị", "ma don vi"},
		{"bhxh_bb", "bhxh bb"},
		{"Số thu BHXH, BHYT, BHTN 2024", "so thu bhxh bhyt bhtn 2024"},
		{"Tỷ lệ (%)", "ty le"},
		{"Hòa / Hoà", "hoa hoa"},
		{"Mã\u00a0đơn\tvị", "ma don vi"},
		{"", ""},
		// decomposed input (combining marks typed separately) folds the same
		{"Lu\u0303y ke\u0302\u0301", "luy ke"},
	}
	for _, c := range cases {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestHasWord(t *testing.T) {
	if !HasWord("so thu 2024", "thu") || HasWord("thue", "thu") || !HasWord("thu", "thu") || HasWord("abc", "") {
		t.Fatal("HasWord wrong")
	}
}

func TestKeyCachedEqualsUncached(t *testing.T) {
	for _, s := range []string{"Lũy kế", "Lũy kế", "MÃ ĐV", strings.Repeat("Số thu ", 50)} {
		if Key(s) != key(s) {
			t.Errorf("%q: cached %q, direct %q", s, Key(s), key(s))
		}
	}
}

func BenchmarkKey(b *testing.B) {
	texts := []string{"Thực hiện trong tháng", "Luỹ kế từ đầu năm", "Số người tham gia BHXH bắt buộc", "STT", "Mã đơn vị"}
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			Key(s)
		}
	}
}

func TestNaturalLess(t *testing.T) {
	in := []string{"H10", "H9", "h1", "H02", "Cụm 10", "Cụm 2", "cum 1", "A", "H100", "H9a"}
	sort.SliceStable(in, func(i, j int) bool { return NaturalLess(in[i], in[j]) })
	want := "A cum 1 Cụm 2 Cụm 10 h1 H02 H9 H9a H10 H100"
	if got := strings.Join(in, " "); got != want {
		t.Errorf("sorted = %s, want %s", got, want)
	}
}
