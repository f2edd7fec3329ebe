package xlsxout

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
	"github.com/bhxh/kpi/internal/view"
	"github.com/xuri/excelize/v2"
)

// Text that came from a district workbook is written as text: a unit name
// beginning with =, +, - or @ never becomes a formula.
func TestExportTextNeverFormula(t *testing.T) {
	c := campaign.Default()
	names := []string{"=1+2", "+SUM(A1:A3)", "-5", "@HYPERLINK(\"http://x\")"}
	var units []campaign.Unit
	var obs []report.Observation
	for i, n := range names {
		code := string(rune('A' + i))
		units = append(units, campaign.Unit{Code: code, Name: n, Cluster: "=Cụm", Targets: map[string]float64{"bhyt": 10}})
		v := float64(10 + i)
		obs = append(obs, report.Observation{Unit: code, Period: report.Period{Year: 2024, Month: 3}, KPI: "bhyt", Month: &v})
	}
	r := score.Compute(score.Input{Campaign: c, Units: units, Observations: obs, Period: report.Period{Year: 2024, Month: 3}})
	e := &Export{Campaign: c, Result: r, Lang: "vi", Date: time.Date(2024, 4, 5, 0, 0, 0, 0, time.UTC)}
	for _, write := range []func(*bytes.Buffer) error{
		func(b *bytes.Buffer) error { return WriteProgress(b, e) },
		func(b *bytes.Buffer) error { return WriteAwards(b, e, score.Awards(c, r)) },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, sh := range f.GetSheetList() {
			rows, _ := f.GetRows(sh)
			for ri, row := range rows {
				for ci, v := range row {
					ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
					if formula, _ := f.GetCellFormula(sh, ref); formula != "" {
						t.Errorf("%s!%s has formula %q", sh, ref, formula)
					}
					for _, n := range names {
						if v == n {
							seen++
						}
					}
				}
			}
		}
		if seen == 0 {
			t.Error("names not written")
		}
		f.Close()
	}
}

func TestSheetName(t *testing.T) {
	for in, want := range map[string]string{"Cụm 1": "Cụm 1", "A/B: C?": "A-B- C-", "": "-",
		"Một tên cụm thi đua rất dài quá ba mươi mốt ký tự": "Một tên cụm thi đua rất dài quá"} {
		if got := sheetName(in); got != want {
			t.Errorf("sheetName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUniqueSheetNames(t *testing.T) {
	got := uniqueSheetNames([]string{"Tổng hợp", "tổng hợp", "Cụm 1", "Cụm 1", "Cụm 1"})
	want := []string{"Tổng hợp", "tổng hợp (2)", "Cụm 1", "Cụm 1 (2)", "Cụm 1 (3)"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%v, want %v", got, want)
		}
	}
}

// A view's table in print: the print columns with their titles, the
// leading sticky columns frozen, adjacent scaled columns shaded as one
// range, blank cells empty but styled.
func TestSheetOf(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		t.Fatal(err)
	}
	v := &view.Table{Columns: []view.Column{
		{Label: "Rank", Kind: view.Int, In: view.All, Sticky: true, Width: 7},
		{Label: "screen only", In: view.Screen},
		{Label: "Name", Kind: view.Text, In: view.All, Sticky: true},
		{Label: "Score", Kind: view.Score, In: view.All},
		{Label: "a", Title: "KPI a", Kind: view.Ratio, In: view.All, Scale: true},
		{Label: "b", Kind: view.Ratio, In: view.All, Scale: true, Sticky: true},
		{Label: "Figure", Kind: view.Amount, In: view.Print},
		{Label: "c", Kind: view.Ratio, In: view.All, Scale: true},
	}, Rows: [][]view.Cell{{{Value: 1}, {Value: "x"}, {Value: "A"}, {Value: 12.5}, {Value: 1.1, Text: "110 %"},
		{Value: 0.0, Text: "—", Blank: true}, {Value: 9.5, Kind: view.Percent}, {}}}}
	s := sheetOf(st, "S", view.Document{}, []string{"t"}, v)
	if got := strings.Join(s.Headers, "|"); got != "Rank|Name|Score|KPI a|b|Figure|c" {
		t.Errorf("headers %s", got)
	}
	if s.FreezeCols != 2 {
		t.Errorf("freeze %d", s.FreezeCols)
	}
	if len(s.CondFormat) != 2 || s.CondFormat["D9:E{last}"] == nil || s.CondFormat["G9:G{last}"] == nil {
		t.Errorf("scales %v", s.CondFormat)
	}
	row := s.Rows[0]
	want := []excelize.Cell{{StyleID: st.int, Value: 1}, {StyleID: st.text, Value: "A"}, {StyleID: st.score, Value: 12.5},
		{StyleID: st.ratio, Value: 1.1}, {StyleID: st.ratio}, {StyleID: st.percent, Value: 9.5}, {StyleID: st.ratio}}
	for i := range want {
		if row[i] != want[i] {
			t.Errorf("cell %d = %+v, want %+v", i, row[i], want[i])
		}
	}
}
