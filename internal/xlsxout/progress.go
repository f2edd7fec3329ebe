package xlsxout

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/score"
	"github.com/bhxh/kpi/internal/view"
	"github.com/xuri/excelize/v2"
)

// Export is what an export is made from, for WriteProgress and
// WriteAwards; the commands build the views themselves and call
// WriteProgressView and WriteAwardsView.
type Export struct {
	Campaign *campaign.Campaign
	Result   score.Result
	Lang     string
	Date     time.Time // the date of export, printed in the title block
}

// titleLines are the lines above a sheet's table: the issuing office, the
// report and the campaign, the period and the date of export.
func titleLines(a view.About, l i18n.Labels, report string, date time.Time) []string {
	org := a.Organisation
	if org == "" {
		org = l.Org
	}
	return []string{
		org,
		fmt.Sprintf("%s — %s", report, a.CampaignName),
		fmt.Sprintf("%s %s (%d/12 %s) — %s %s", l.Period, a.Period, a.MonthsElapsed, l.Months, l.ExportedOn, date.Format("02/01/2006")),
	}
}

// progressSheets returns the sheet names of the progress workbook: the
// summary, one per cluster, the detail and the chart. Names are made valid
// and unique ("Cụm 1", "Cụm 1 (2)").
func progressSheets(l i18n.Labels, clusters []*view.Progress) []string {
	names := []string{l.ProgressSheet}
	for _, c := range clusters {
		names = append(names, c.Cluster)
	}
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
			name = utf16Prefix(base, maxSheetName-len(suffix)) + suffix
		}
		used[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

// maxSheetName is Excel's limit on a sheet name, in UTF-16 code units.
const maxSheetName = 31

// sheetName makes a valid sheet name of a cluster's, a tier's or a
// label's: each of : \ / ? * [ ] and of the control characters becomes
// '-', a leading or trailing ' is dropped and one inside becomes ’ (some
// formulas excelize writes, such as an autofilter's, do not double it),
// the name is cut to 31 UTF-16 code units (as Excel counts), and an empty
// name or Excel's reserved "History" gets a '-'.
func sheetName(s string) string {
	r := []rune(s)
	for i, c := range r {
		if strings.ContainsRune(`:\/?*[]`, c) || c < 0x20 || (c >= 0x7f && c <= 0x9f) {
			r[i] = '-'
		}
	}
	name := strings.ReplaceAll(strings.Trim(utf16Prefix(string(r), maxSheetName), "'"), "'", "’")
	if name == "" || strings.EqualFold(name, "History") {
		name += "-"
	}
	return name
}

// utf16Prefix is the longest prefix of s of at most n UTF-16 code units.
func utf16Prefix(s string, n int) string {
	units := 0
	for i, c := range s {
		w := 1
		if c >= 0x10000 {
			w = 2
		}
		if units+w > n {
			return s[:i]
		}
		units += w
	}
	return s
}

// quoteSheet is a sheet's name as a formula names it: 'Cụm 1', with a '
// inside doubled.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// WriteProgress writes the progress workbook of e (see WriteProgressView).
func WriteProgress(w io.Writer, e *Export) error {
	return WriteProgressView(w, view.NewProgress(e.Campaign, e.Result, e.Lang), e.Date)
}

// WriteProgressView writes the progress workbook: the ranked summary, one
// sheet per cluster (with the cluster rank), the unit × KPI detail, and a
// chart of scores, each sheet drawn from the view's print columns.
func WriteProgressView(w io.Writer, p *view.Progress, date time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	l := i18n.For(p.Lang)
	byCluster := p.ByCluster()
	names := progressSheets(l, byCluster)
	summary := sheetOf(st, names[0], titleLines(p.About, l, l.ProgressReport, date), p.Table)
	if err := writeTable(f, st, summary, true); err != nil {
		return err
	}
	for ci, cp := range byCluster {
		t := sheetOf(st, names[1+ci], titleLines(p.About, l, l.ProgressReport, date), cp.Table)
		t.Title[1] += " — " + cp.Cluster
		if err := writeTable(f, st, t, false); err != nil {
			return err
		}
	}
	detail := sheetOf(st, names[len(names)-2], titleLines(p.About, l, l.ProgressReport, date), p.Detail().Table)
	if err := writeTable(f, st, detail, false); err != nil {
		return err
	}
	if err := chartSheet(f, st, l, p, names[len(names)-1], summary, date); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// chartSheet adds a sheet with a bar chart of the scores by unit, read
// from the unit and score columns of the summary sheet.
func chartSheet(f *excelize.File, st *styles, l i18n.Labels, p *view.Progress, name string, summary *sheetTable, date time.Time) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	title := titleLines(p.About, l, l.ProgressReport, date)
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
	printed := p.Table.In(view.Print)
	ref := func(key string) string {
		col, _ := excelize.ColumnNumberToName(printed.Col(key) + 1)
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(summary.Name), col, hr+1, col, hr+n)
	}
	height := uint(max(400, 22*n+120))
	zero, noVary := 0.0, false
	if err := f.AddChart(name, "A5", &excelize.Chart{
		Type:       excelize.Bar,
		Series:     []excelize.ChartSeries{{Name: l.Score, Categories: ref("name"), Values: ref("score")}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.Score + " — " + i18n.Period(p.Period, p.Lang)}}},
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
