package xlsxout

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/score"
	"github.com/xuri/excelize/v2"
)

// Export is what an export is made from.
type Export struct {
	Campaign *campaign.Campaign
	Result   score.Result
	Lang     string
	Date     time.Time // the date of export, printed in the title block
}

func (e *Export) titleLines(l i18n.Labels, report string) []string {
	org := e.Campaign.Organisation
	if org == "" {
		org = "BẢO HIỂM XÃ HỘI TỈNH"
	}
	return []string{
		org,
		fmt.Sprintf("%s — %s", report, e.Campaign.Name),
		fmt.Sprintf("%s %s (%d/12 %s) — %s %s", l.Period, e.Result.Period, e.Result.MonthsElapsed, l.Months, l.ExportedOn, e.Date.Format("02/01/2006")),
	}
}

// ProgressSheets returns the sheet names of the progress workbook: the
// summary, one per cluster, the detail and the chart. Names are made valid
// and unique ("Cụm 1", "Cụm 1 (2)").
func ProgressSheets(r score.Result, lang string) []string {
	l := i18n.For(lang)
	names := []string{l.ProgressSheet}
	names = append(names, clusters(r)...)
	return uniqueSheetNames(append(names, l.DetailSheet, l.ChartSheet))
}

func uniqueSheetNames(names []string) []string {
	out := make([]string, len(names))
	used := map[string]bool{}
	for i, n := range names {
		base := sheetName(n)
		name := base
		for k := 2; used[strings.ToLower(name)]; k++ {
			suffix := fmt.Sprintf(" (%d)", k)
			r := []rune(base)
			if len(r)+len([]rune(suffix)) > 31 {
				r = r[:31-len([]rune(suffix))]
			}
			name = string(r) + suffix
		}
		used[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

func clusters(r score.Result) []string {
	var out []string
	seen := map[string]bool{}
	for _, u := range r.Units {
		if !seen[u.Cluster] {
			seen[u.Cluster] = true
			out = append(out, u.Cluster)
		}
	}
	return out
}

// sheetName makes a valid sheet name: at most 31 characters, none of : \ / ? * [ ].
func sheetName(s string) string {
	if s == "" {
		s = "-"
	}
	r := []rune(s)
	for i, c := range r {
		switch c {
		case ':', '\\', '/', '?', '*', '[', ']':
			r[i] = '-'
		}
	}
	if len(r) > 31 {
		r = r[:31]
	}
	return string(r)
}

// WriteProgress writes the progress workbook: the ranked summary, one sheet
// per cluster, the unit × KPI detail, and a chart of scores.
func WriteProgress(w io.Writer, e *Export) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	l := i18n.For(e.Lang)
	names := ProgressSheets(e.Result, e.Lang)
	summary := e.summaryTable(st, l, names[0], e.Result.Units, false)
	if err := writeTable(f, st, summary, true); err != nil {
		return err
	}
	for ci, cl := range clusters(e.Result) {
		var units []score.UnitResult
		for _, u := range e.Result.Units {
			if u.Cluster == cl {
				units = append(units, u)
			}
		}
		t := e.summaryTable(st, l, names[1+ci], units, true)
		t.Title[1] += " — " + cl
		if err := writeTable(f, st, t, false); err != nil {
			return err
		}
	}
	if err := writeTable(f, st, e.detailTable(st, l, names[len(names)-2]), false); err != nil {
		return err
	}
	if err := e.chartSheet(f, st, l, names[len(names)-1], summary); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// summaryTable: rank, code, unit, cluster, score, KPIs attained, then the
// attainment of each KPI (a ratio shown as 0.0 %, coloured red-yellow-green).
func (e *Export) summaryTable(st *styles, l i18n.Labels, name string, units []score.UnitResult, clusterRank bool) *sheetTable {
	rankLabel := l.Rank
	if clusterRank {
		rankLabel = l.Rank + " (" + l.Cluster + ")"
	}
	t := &sheetTable{Name: name, Title: e.titleLines(l, l.ProgressReport),
		Headers:    []string{l.Rank, rankLabel, l.Code, l.Unit, l.Cluster, l.Score, l.Attained},
		Widths:     []float64{7, 8, 9, 32, 12, 10, 8},
		FreezeCols: 4}
	if !clusterRank {
		t.Headers = append(t.Headers[:1], t.Headers[2:]...)
		t.Widths = append(t.Widths[:1], t.Widths[2:]...)
		t.FreezeCols = 3
	}
	first := len(t.Headers) + 1
	for _, k := range e.Campaign.KPIs {
		t.Headers = append(t.Headers, fmt.Sprintf("%s (%s)", k.Name, k.Code))
		t.Widths = append(t.Widths, 14)
	}
	for _, u := range units {
		row := []excelize.Cell{{StyleID: st.int, Value: u.Rank}}
		if clusterRank {
			row = append(row, excelize.Cell{StyleID: st.int, Value: u.ClusterRank})
		}
		row = append(row, text(st.center, u.Code), text(st.text, u.Name), text(st.text, u.Cluster),
			num(st.score, &u.Score), excelize.Cell{StyleID: st.int, Value: u.KPIsAttained})
		for _, k := range u.KPIs {
			if k.Missing || k.NoTarget {
				row = append(row, excelize.Cell{StyleID: st.ratio})
				continue
			}
			row = append(row, num(st.ratio, &k.Attainment))
		}
		t.Rows = append(t.Rows, row)
	}
	a, _ := excelize.ColumnNumberToName(first)
	b, _ := excelize.ColumnNumberToName(len(t.Headers))
	t.CondFormat = map[string][]excelize.ConditionalFormatOptions{
		fmt.Sprintf("%s%d:%s{last}", a, t.headerRow()+1, b): scaleRule(),
	}
	return t
}

// detailTable: one row per unit and KPI with A, T, B, attainment, on
// track, projection.
func (e *Export) detailTable(st *styles, l i18n.Labels, name string) *sheetTable {
	t := &sheetTable{Name: name, Title: e.titleLines(l, l.ProgressReport),
		Headers: []string{l.Rank, l.Code, l.Unit, l.Cluster, l.KPI, l.KPIName, l.UnitOfMeasure, l.Actual, l.Target, l.Baseline,
			l.Attainment, l.OnTrack, l.Projected, l.ProjectedAttainment, l.Points},
		Widths:     []float64{7, 9, 30, 12, 11, 34, 11, 14, 14, 14, 11, 10, 14, 11, 9},
		FreezeCols: 3}
	for _, u := range e.Result.Units {
		for i, k := range u.KPIs {
			kd := e.Campaign.KPIs[i]
			vs := st.amount
			if kd.Percent() {
				vs = st.percent
			}
			var a excelize.Cell
			if k.Missing || k.NoTarget {
				a = excelize.Cell{StyleID: st.ratio}
			} else {
				a = num(st.ratio, &k.Attainment)
			}
			on := "—"
			switch {
			case k.Missing:
				on = l.Missing
			case k.NoTarget:
				on = l.NoTarget
			case k.OnTrack == nil:
				on = "?"
			case *k.OnTrack:
				on = l.Yes
			default:
				on = l.No
			}
			t.Rows = append(t.Rows, []excelize.Cell{
				{StyleID: st.int, Value: u.Rank}, text(st.center, u.Code), text(st.text, u.Name), text(st.text, u.Cluster),
				text(st.text, k.Code), text(st.text, kd.Name), text(st.center, kd.Unit),
				num(vs, k.Actual), num(vs, k.Target), num(vs, k.Baseline), a, text(st.center, on),
				num(vs, k.Projected), num(st.ratio, k.ProjectedAttainment),
				num(st.score, &k.Points),
			})
		}
	}
	t.CondFormat = map[string][]excelize.ConditionalFormatOptions{
		fmt.Sprintf("K%d:K{last}", t.headerRow()+1): scaleRule(),
	}
	return t
}

// chartSheet adds a sheet with a bar chart of the scores by unit, read
// from the summary sheet.
func (e *Export) chartSheet(f *excelize.File, st *styles, l i18n.Labels, name string, summary *sheetTable) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	title := e.titleLines(l, l.ProgressReport)
	for i, line := range title {
		ref := cellName(1, i+1)
		if err := f.SetCellValue(name, ref, line); err != nil {
			return err
		}
		if err := f.SetCellStyle(name, ref, ref, st.title); err != nil {
			return err
		}
		if err := f.MergeCell(name, ref, cellName(14, i+1)); err != nil {
			return err
		}
	}
	hr := summary.headerRow()
	n := len(summary.Rows)
	if n == 0 {
		return printSetup(f, name, 0)
	}
	ref := func(col string) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", summary.Name, col, hr+1, col, hr+n)
	}
	height := uint(max(400, 22*n+120))
	zero, noVary := 0.0, false
	if err := f.AddChart(name, "A5", &excelize.Chart{
		Type:       excelize.Bar,
		Series:     []excelize.ChartSeries{{Name: l.Score, Categories: ref("C"), Values: ref("E")}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.Score + " — " + e.Result.Period.String()}}},
		Legend:     excelize.ChartLegend{Position: "none"},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, Minimum: &zero},
		VaryColors: &noVary,
		XAxis:      excelize.ChartAxis{ReverseOrder: true},
		Dimension:  excelize.ChartDimension{Width: 900, Height: height},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
	}); err != nil {
		return err
	}
	return printSetup(f, name, 0)
}
