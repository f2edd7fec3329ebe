package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  string
	}{
		{"đạt 7/7 chỉ tiêu", 0, "đạt 7/7 chỉ tiêu"},
		{"đạt 7/7 chỉ tiêu", 16, "đạt 7/7 chỉ tiêu"},
		{"đạt 7/7 chỉ tiêu", 10, "đạt 7/7\nchỉ tiêu"},
		{"2024-11 (chậm báo cáo)", 13, "2024-11 (chậm\nbáo cáo)"},
		{"tonghop_2024-01.xlsx", 8, "tonghop_\n2024-01.\nxlsx"},
		{"a b\nc d e", 3, "a b\nc d\ne"},
		{"  ", 3, "  "},
	} {
		if got := Wrap(tc.in, tc.width); got != tc.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
	if got, want := WrapHanging("✗ Cờ thi đua: hạng 4 trong Cụm 2 (cần ≤ 1)", 20), "✗ Cờ thi đua: hạng 4\n  trong Cụm 2 (cần ≤\n  1)"; got != want {
		t.Errorf("WrapHanging = %q, want %q", got, want)
	}
}

// widest is the width of the widest line of s.
func widest(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, twwidth.Width(l))
	}
	return w
}

// A table gives way step by step, each only when the step before was not
// enough: a table that fits is printed as ever.
func TestFit(t *testing.T) {
	table := func() *Table {
		return &Table{
			Headers: []string{"Hạng", "Mã", "Đơn vị", "Điểm", "Lý do", "thu", "bhyt"},
			Rows: [][]any{
				{1, "H01", Abbrev{"BHXH thành phố Hải Dương", "TP Hải Dương"}, 104.4, "đạt 7/7 chỉ tiêu; 104,4 điểm", "103,4% ✓", "100,2% ✓"},
				{2, "H04", Abbrev{"BHXH huyện Cẩm Giàng", "Cẩm Giàng"}, 110.12, "đứng đầu Cụm 1; đạt 7/7 chỉ tiêu", "122,8% ✓", "100,7% ✓"},
			},
			Decimals: []int{0, 0, 0, 2},
			Fits:     []Fit{1: {Keep: true}, 2: {Min: 9}, 5: {Drop: 1, Note: "từng chỉ tiêu: kpi progress --kpi MÃ"}, 6: {Drop: 1}},
		}
	}
	for _, tc := range []struct {
		name           string
		width          int
		want, wantNot  []string
		maxWidth       int // 0: width
		hiddenExpected bool
	}{
		{name: "no limit", width: 0, want: []string{"│ BHXH thành phố Hải Dương │", "│ Lý do"}, maxWidth: 1000},
		{name: "fits", width: 120, want: []string{"│ BHXH thành phố Hải Dương │", "│ đạt 7/7 chỉ tiêu; 104,4 điểm"}},
		{name: "short names", width: 90, want: []string{"│ TP Hải Dương │", "│ 122,8% ✓ │"}, wantNot: []string{"BHXH thành phố"}},
		{name: "wrapped", width: 76, want: []string{"│ TP Hải Dương │", "│ 122,8% ✓ │", "│ 104,40 │"}},
		{name: "dropped", width: 60, want: []string{"│ TP Hải Dương │", "từng chỉ tiêu: kpi progress --kpi MÃ", "--wide", "--format csv"},
			wantNot: []string{"122,8%", "│ bhyt"}, hiddenExpected: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := table()
			tb.Width = tc.width
			var b bytes.Buffer
			if err := tb.Write(&b, "table"); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			flat := strings.ReplaceAll(out, "\n", " ")
			limit := tc.maxWidth
			if limit == 0 {
				limit = tc.width
			}
			if w := widest(out); w > limit {
				t.Errorf("a line is %d wide (> %d):\n%s", w, limit, out)
			}
			for _, s := range tc.want {
				if !strings.Contains(out, s) && !strings.Contains(flat, s) {
					t.Errorf("no %q in\n%s", s, out)
				}
			}
			for _, s := range tc.wantNot {
				if strings.Contains(out, s) {
					t.Errorf("%q in\n%s", s, out)
				}
			}
			if got := strings.Contains(out, "Ẩn cho vừa"); got != tc.hiddenExpected {
				t.Errorf("hidden note %v in\n%s", got, out)
			}
		})
	}
	// a fitting table is the table as printed without a width
	var wide, fits bytes.Buffer
	_ = table().Write(&wide, "table")
	tb := table()
	tb.Width = widest(wide.String())
	_ = tb.Write(&fits, "table")
	if wide.String() != fits.String() {
		t.Errorf("a table that fits changed:\n%s\nvs\n%s", fits.String(), wide.String())
	}
	// CSV and Markdown are never fitted
	var csv bytes.Buffer
	tb.Width = 20
	_ = tb.Write(&csv, "csv")
	if !strings.Contains(csv.String(), "BHXH thành phố Hải Dương") || !strings.Contains(csv.String(), "bhyt") {
		t.Errorf("csv = %s", csv.String())
	}
}

// The English note, and a table that cannot fit however it gives way is
// printed as narrow as it gets.
func TestFitLimits(t *testing.T) {
	tb := &Table{Lang: "en", Headers: []string{"A", "B"}, Rows: [][]any{{1234567.0, 7654321.0}}, Width: 10}
	var b bytes.Buffer
	if err := tb.Write(&b, "table"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "1,234,567") || strings.Contains(b.String(), "Left out") {
		t.Errorf("table = %s", b.String())
	}
	tb = &Table{Lang: "en", Headers: []string{"Code", "Note"}, Rows: [][]any{{"H01", "x"}}, Width: 10, Fits: []Fit{1: {Drop: 1}}}
	b.Reset()
	_ = tb.Write(&b, "table")
	if !strings.Contains(strings.ReplaceAll(b.String(), "\n", " "), "Left out to fit 10 columns: Note.") {
		t.Errorf("table = %s", b.String())
	}
}
