package xlsxout

import (
	"fmt"
	"io"
	"math"
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
	Date     time.Time      // the date of export, which the documents are dated
	Document *view.Document // the heading and the signature; nil: the defaults, dated Date
}

// document is the export's document.
func (e *Export) document() view.Document {
	if e.Document != nil {
		return *e.Document
	}
	return view.NewDocument(nil, e.Campaign, e.Date, e.Lang)
}

// titleLines are the lines under a sheet's heading: the report, then the
// campaign and the period.
func titleLines(a view.About, l i18n.Labels, report string) []string {
	return []string{
		report,
		fmt.Sprintf("%s — %s (%d/12 %s)", a.CampaignName, i18n.Period(a.Period, a.Lang), a.MonthsElapsed, l.Months),
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
	return WriteProgressView(w, view.NewProgress(e.Campaign, e.Result, e.Lang), e.document())
}

// WriteProgressView writes the progress workbook: the ranked summary, one
// sheet per cluster (with the cluster rank), the unit × KPI detail, and a
// chart of scores, each sheet drawn from the view's print columns under
// doc's heading; the summary and the cluster sheets are signed.
func WriteProgressView(w io.Writer, p *view.Progress, doc view.Document) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	l := i18n.For(p.Lang)
	byCluster := p.ByCluster()
	names := progressSheets(l, byCluster)
	summary := sheetOf(st, names[0], doc, titleLines(p.About, l, l.ProgressReport), p.Table)
	summary.Sign = signatureOf(doc)
	if err := writeTable(f, st, summary, true); err != nil {
		return err
	}
	for ci, cp := range byCluster {
		t := sheetOf(st, names[1+ci], doc, titleLines(p.About, l, l.ProgressReport), cp.Table)
		t.Title[0] += " — " + strings.ToUpper(cp.Cluster)
		t.Sign = signatureOf(doc)
		if err := writeTable(f, st, t, false); err != nil {
			return err
		}
	}
	detail := sheetOf(st, names[len(names)-2], doc, titleLines(p.About, l, l.ProgressReport), p.Detail().Table)
	if err := writeTable(f, st, detail, false); err != nil {
		return err
	}
	if err := chartSheet(f, st, l, p, names[len(names)-1], doc); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// chartWidths are the columns of the chart's sheet: the chart over the
// first ones, its figures — unit, score, the 100-point line — under it.
var chartWidths = []float64{7, 9, 30, 10, 10, 12, 12, 12, 12, 12}

// chartSheet adds a sheet with a column chart of the scores by unit in
// rank order: dark labels, the value axis from a little under the lowest
// score (so that 78 and 82 look different), the 100-point line drawn
// across; its figures are written under it, as the chart reads them.
func chartSheet(f *excelize.File, st *styles, l i18n.Labels, p *view.Progress, name string, doc view.Document) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	for i, w := range chartWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(name, col, col, w); err != nil {
			return err
		}
	}
	if err := setLines(f, name, 1, headingLines(st, letterheadOf(doc), chartWidths)); err != nil {
		return err
	}
	if err := f.AddShape(name, ruleShape(chartWidths, doc.Organisation)); err != nil {
		return err
	}
	title := titleLines(p.About, l, l.ProgressReport)
	lastCol := len(chartWidths)
	for i, line := range title {
		ref := cellName(1, headRows+1+i)
		style := st.docTitle
		if i > 0 {
			style = st.subtitle
		}
		if err := f.SetCellValue(name, ref, line); err != nil {
			return err
		}
		if err := f.SetCellStyle(name, ref, ref, style); err != nil {
			return err
		}
		if err := f.MergeCell(name, ref, cellName(lastCol, headRows+1+i)); err != nil {
			return err
		}
	}
	t := p.Table.In(view.Print)
	n := len(t.Rows)
	if n == 0 {
		return printSetup(f, name, 0)
	}
	// the figures, under the chart: what it reads (not printed)
	chartRow := headRows + len(title) + 2
	chartHeight := 460
	dataRow := chartRow + chartHeight/20 + 2
	code, unit, score := t.Col("code"), t.Col("name"), t.Col("score")
	lowest, highest := math.Inf(1), 100.0
	for i, h := range []string{l.Code, l.Unit, l.Score, i18n.T(p.Lang, i18n.ChartLine)} {
		ref := cellName(i+2, dataRow)
		if err := f.SetCellValue(name, ref, h); err != nil {
			return err
		}
		if err := f.SetCellStyle(name, ref, ref, st.header); err != nil {
			return err
		}
	}
	for i, row := range t.Rows {
		r := dataRow + 1 + i
		s, _ := row[score].Value.(float64)
		lowest, highest = min(lowest, s), max(highest, s)
		short := row[unit].Abbr
		if short == "" {
			short = str(row[unit])
		}
		for j, c := range []excelize.Cell{text(st.center, str(row[code])), text(st.text, short), num(st.score, &s), {StyleID: st.score, Value: 100}} {
			if err := f.SetCellValue(name, cellName(j+2, r), c.Value); err != nil {
				return err
			}
			if err := f.SetCellStyle(name, cellName(j+2, r), cellName(j+2, r), c.StyleID); err != nil {
				return err
			}
		}
	}
	column := func(col int) string {
		c, _ := excelize.ColumnNumberToName(col)
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(name), c, dataRow+1, c, dataRow+n)
	}
	header := func(col int) string {
		c, _ := excelize.ColumnNumberToName(col)
		return fmt.Sprintf("%s!$%s$%d", quoteSheet(name), c, dataRow)
	}
	floor, ceiling := axisFloor(lowest), 5*math.Ceil((highest+0.01)/5)
	dark := excelize.Font{Color: "1F1F1F", Size: 10, Family: "Times New Roman"}
	xAxis := excelize.ChartAxis{Font: dark}
	if n > 8 {
		xAxis.Alignment = excelize.Alignment{TextRotation: -45}
	}
	yAxis := excelize.ChartAxis{MajorGridLines: true, Minimum: &floor, Maximum: &ceiling, MajorUnit: 5, Font: dark,
		NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}}
	noVary, gap := false, uint(60)
	width := uint(max(760, 46*n+140))
	bars := &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{Name: header(4), Categories: column(3), Values: column(4),
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5597"}},
			DataLabel: excelize.ChartDataLabel{Font: excelize.Font{Color: "1F1F1F", Size: 9, Bold: true, Family: "Times New Roman"}}}},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.Score + " — " + i18n.Period(p.Period, p.Lang),
			Font: &excelize.Font{Color: "1F1F1F", Size: 12, Bold: true, Family: "Times New Roman"}}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		XAxis:      xAxis,
		YAxis:      yAxis,
		VaryColors: &noVary,
		GapWidth:   &gap,
		Dimension:  excelize.ChartDimension{Width: width, Height: uint(chartHeight)},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.00"}},
	}
	// the 100-point line: a line series over the bars (excelize draws the
	// axes of a combination from the last chart: the same ones)
	line := &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{Name: header(5), Categories: column(3), Values: column(5),
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C00000"}},
			Line:   excelize.LineOptions{Width: 2, Dash: excelize.LineDashDash},
			Marker: excelize.ChartMarker{Symbol: "none"}}},
		XAxis: xAxis,
		YAxis: yAxis,
	}
	if err := f.AddChart(name, cellName(1, chartRow), bars, line); err != nil {
		return err
	}
	if err := printSetup(f, name, 0); err != nil {
		return err
	}
	// the page prints the heading and the chart; the figures stay on screen
	last, _ := excelize.ColumnNumberToName(lastCol)
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: name,
		RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", quoteSheet(name), last, dataRow-1)})
}

// axisFloor is where the value axis starts: the multiple of 5 at least 3
// points under the lowest score (0 for a score under 10), so that the bars
// differ as the scores do.
func axisFloor(lowest float64) float64 {
	if math.IsInf(lowest, 0) || lowest < 10 {
		return 0
	}
	return 5 * math.Floor((lowest-3)/5)
}

// str is a cell's text.
func str(c view.Cell) string {
	if c.Text != "" {
		return c.Text
	}
	s, _ := c.Value.(string)
	return s
}
