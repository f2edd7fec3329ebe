package xlsxout

import (
	"fmt"
	"io"
	"strings"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/score"
	"github.com/xuri/excelize/v2"
)

// AwardsSheets returns the sheet names of the awards workbook.
func AwardsSheets(e *Export) []string {
	l := i18n.For(e.Lang)
	var names []string
	for _, r := range e.Campaign.Awards {
		names = append(names, r.Name)
	}
	if e.Campaign.FieldAwards.Enabled {
		names = append(names, l.FieldSheet)
	}
	return uniqueSheetNames(append(names, l.NotAwardedSheet))
}

// WriteAwards writes the awards workbook: one sheet per tier (rank, unit,
// cluster, score, reason) closed by the signature block of the decision,
// a sheet of field awards, and a sheet of the units that missed and why.
func WriteAwards(w io.Writer, e *Export, sl score.Shortlist) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	l := i18n.For(e.Lang)
	names := AwardsSheets(e)
	for i, rule := range e.Campaign.Awards {
		t := &sheetTable{Name: names[i], Title: e.titleLines(l, l.AwardsReport+": "+strings.ToUpper(rule.Name)),
			Headers:    []string{l.Seq, l.Rank, l.Code, l.Unit, l.Cluster, l.Score, l.Reason},
			Widths:     []float64{6, 7, 9, 32, 12, 10, 60},
			FreezeCols: 4, After: signature(st, l, e, 4), AfterMerge: []string{"A{r}:D{r}", "E{r}:G{r}"}}
		n := 0
		for _, a := range sl.Awards {
			if a.Tier != rule.Code {
				continue
			}
			n++
			t.Rows = append(t.Rows, []excelize.Cell{{StyleID: st.int, Value: n}, {StyleID: st.int, Value: a.Rank},
				text(st.center, a.Code), text(st.text, a.Name), text(st.text, a.Cluster),
				num(st.score, &a.Score), text(st.wrap, a.Reason)})
		}
		if err := writeTable(f, st, t, i == 0); err != nil {
			return err
		}
	}
	next := len(e.Campaign.Awards)
	if e.Campaign.FieldAwards.Enabled {
		t := &sheetTable{Name: names[next], Title: e.titleLines(l, l.AwardsReport+": "+strings.ToUpper(e.Campaign.FieldAwards.Name)),
			Headers:    []string{l.Seq, l.KPI, l.KPIName, l.Code, l.Unit, l.Attainment},
			Widths:     []float64{6, 11, 36, 9, 32, 12},
			FreezeCols: 2, After: signature(st, l, e, 3), AfterMerge: []string{"A{r}:C{r}", "D{r}:F{r}"}}
		for i, fa := range sl.FieldAwards {
			k, _ := e.Campaign.KPI(fa.KPI)
			t.Rows = append(t.Rows, []excelize.Cell{{StyleID: st.int, Value: i + 1}, text(st.text, fa.KPI), text(st.text, k.Name),
				text(st.center, fa.Code), text(st.text, fa.Name), num(st.ratio, &fa.Attainment)})
		}
		if err := writeTable(f, st, t, next == 0); err != nil {
			return err
		}
		next++
	}
	byCode := map[string]score.UnitResult{}
	for _, u := range e.Result.Units {
		byCode[u.Code] = u
	}
	t := &sheetTable{Name: names[next], Title: e.titleLines(l, strings.ToUpper(l.NotAwarded)),
		Headers:    []string{l.Seq, l.Rank, l.Code, l.Unit, l.Cluster, l.Score, l.Reasons},
		Widths:     []float64{6, 7, 9, 32, 12, 10, 90},
		FreezeCols: 4}
	for i, n := range sl.NotAwarded {
		u := byCode[n.Code]
		t.Rows = append(t.Rows, []excelize.Cell{{StyleID: st.int, Value: i + 1}, {StyleID: st.int, Value: u.Rank},
			text(st.center, u.Code), text(st.text, u.Name), text(st.text, u.Cluster),
			num(st.score, &u.Score), text(st.wrap, strings.Join(n.Reasons, "\n"))})
	}
	if err := writeTable(f, st, t, next == 0); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// signature is the signature block of an official list: the date line,
// then "Người lập biểu" on the left and "Giám đốc" on the right, starting
// at column index right (0-based).
func signature(st *styles, l i18n.Labels, e *Export, right int) [][]excelize.Cell {
	date := fmt.Sprintf("…, ngày %02d tháng %02d năm %d", e.Date.Day(), int(e.Date.Month()), e.Date.Year())
	if e.Lang == "en" {
		date = "…, " + e.Date.Format("2 January 2006")
	}
	line := func(left, rightCell excelize.Cell) []excelize.Cell {
		row := make([]excelize.Cell, right+1)
		row[0], row[right] = left, rightCell
		return row
	}
	return [][]excelize.Cell{
		line(excelize.Cell{}, text(st.signNote, date)),
		line(text(st.sign, l.PreparedBy), text(st.sign, strings.ToUpper(l.Director))),
		line(text(st.signNote, l.SignNote), text(st.signNote, l.SignNote)),
	}
}
