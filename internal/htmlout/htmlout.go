// Package htmlout writes the campaign report people open in a browser,
// forward by email and print: one self-contained HTML file — its
// stylesheet and its SVG charts inline, nothing fetched from anywhere (a
// Content-Security-Policy forbids it), A4 landscape in print — drawn from
// the same views as every other output (internal/view):
//
//  1. the headline: the province's attainment per KPI (the progress
//     table's Toàn tỉnh row), units reporting, units whose report is stale;
//  2. the ranking: a bar chart of the scores, coloured by cluster, with
//     the 100-point line and the award tiers' minimum scores;
//  3. the heatmap: the progress table itself, its attainment cells shaded
//     red–yellow–green as in Excel;
//  4. the trends: each unit's score month by month (small multiples) and
//     the province's attainment of each KPI month by month, from the
//     progress views of months 1…P;
//  5. the award lists (the awards view), then the report-status matrix.
//
// Every chart is followed by a table of its figures. The charts are drawn
// by a small SVG writer of this package (svg.go, chart.go). The same
// report gives the same bytes. The package is pure: it writes to the
// io.Writer it is given, nothing else.
package htmlout

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/numfmt"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/view"
)

// Report is what the HTML report is drawn from.
type Report struct {
	Campaign *campaign.Campaign // KPI names, the award rules (the tiers' lines)
	Progress *view.Progress     // the standing as of the period
	Awards   *view.Awards       // the shortlist as of the period
	// Months are the standings as of each month from January to the
	// period, oldest first: the trends.
	Months []*view.Progress
	Status Status    // who reported which month
	Date   time.Time // the date of export
	// Document is the heading and the signature block (kpi settings);
	// without an issuing office, the defaults dated Date.
	Document view.Document
}

// document is the report's document.
func (r *Report) document() view.Document {
	if r.Document.Organisation != "" {
		return r.Document
	}
	return view.NewDocument(nil, r.Campaign, r.Date, r.Progress.Lang)
}

// Status is the report-status matrix of kpi status: units × months.
type Status struct {
	Year  int
	Units []StatusUnit // in the workspace's order
}

// StatusUnit is one unit's row of the matrix.
type StatusUnit struct {
	Code, Name, Cluster string
	Months              [12]ReportState // January first
}

// ReportState is what a unit's report for a month is.
type ReportState uint8

// Report states.
const (
	NoReport ReportState = iota // nothing reported
	InForce                     // a report is in force
	Replaced                    // in force, and it replaced an earlier one
)

//go:embed report.css
var baseCSS string

// Section ids, in order: the anchors of the contents and what the tests
// look for.
var sectionIDs = []string{"headline", "ranking", "heatmap", "trends", "awards", "status"}

// Write writes the report as one HTML document.
func Write(w io.Writer, r *Report) error {
	if r.Progress == nil || r.Awards == nil || r.Campaign == nil {
		return fmt.Errorf("htmlout: the report needs the campaign, the progress view and the awards view")
	}
	p := newPage(r)
	css := p.stylesheet()
	sum := sha256.Sum256([]byte(css))
	var out strings.Builder
	out.Grow(1 << 16)
	title := fmt.Sprintf("%s — %s", p.w.Report, i18n.Period(r.Progress.Period, p.lang))
	out.WriteString("<!DOCTYPE html>\n<html lang=\"" + esc(p.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	out.WriteString(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-` +
		base64.StdEncoding.EncodeToString(sum[:]) + `'; base-uri 'none'; form-action 'none'">` + "\n")
	out.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1">` + "\n")
	out.WriteString(`<meta name="generator" content="kpi">` + "\n")
	out.WriteString("<title>" + esc(title) + "</title>\n<style>" + css + "</style>\n</head>\n<body>\n")
	p.body()
	out.WriteString(p.b.String())
	out.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, out.String())
	return err
}

// page is the report being written.
type page struct {
	r    *Report
	lang string
	l    i18n.Labels
	w    words
	b    strings.Builder

	t        *view.Table // the progress table, every column
	col      map[string]int
	clusters []string       // in the targets workbook's order
	colour   map[string]int // cluster → its colour
	tier     map[string]int // unit code → index of its award tier
}

func newPage(r *Report) *page {
	lang := r.Progress.Lang
	p := &page{r: r, lang: lang, l: i18n.For(lang), w: wordsFor(lang), t: r.Progress.Table,
		col: map[string]int{}, colour: map[string]int{}, tier: map[string]int{}}
	for i, c := range p.t.Columns {
		if c.Key != "" {
			p.col[c.Key] = i
		}
	}
	// clusters: the subtotal rows' order (the targets workbook's), then
	// any cluster only the rows name
	add := func(name string) {
		if _, ok := p.colour[name]; !ok {
			p.colour[name] = len(p.clusters)
			p.clusters = append(p.clusters, name)
		}
	}
	for _, row := range p.t.Foot[:max(0, len(p.t.Foot)-1)] {
		add(str(row[p.col["cluster"]]))
	}
	for _, row := range p.t.Rows {
		add(str(row[p.col["cluster"]]))
	}
	for i, s := range r.Awards.Tiers {
		code := s.Table.Col("code")
		for _, row := range s.Table.Rows {
			if _, ok := p.tier[str(row[code])]; !ok {
				p.tier[str(row[code])] = i
			}
		}
	}
	return p
}

// stylesheet is the report's one stylesheet: the base rules, the heat
// scale's steps and the running heads of the printed pages.
func (p *page) stylesheet() string {
	a := p.r.Progress.About
	org := p.r.document().Organisation
	pageWord := "Trang"
	if p.lang == "en" {
		pageWord = "Page"
	}
	return baseCSS + heatCSS() +
		"@page{size:A4 landscape;margin:14mm 10mm 12mm 10mm;" +
		"@top-left{content:" + cssString(org) + ";font:9pt serif}" +
		"@top-right{content:" + cssString(fmt.Sprintf("%s — %s", a.CampaignName, i18n.Period(a.Period, p.lang))) + ";font:9pt serif}" +
		"@bottom-right{content:" + cssString(pageWord+" ") + " counter(page) \" / \" counter(pages);font:9pt serif}}\n"
}

// cssString quotes s as a CSS string, every character that could end it
// or the <style> element escaped.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r < 0x20 || r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r == 0x7f {
			fmt.Fprintf(&b, "\\%x ", r)
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

func (p *page) body() {
	a := p.r.Progress.About
	d := p.r.document()
	b := &p.b
	// the heading of an official document (Nghị định 30/2020/NĐ-CP), then
	// the title block of the Excel exports (xlsxout's titleLines)
	b.WriteString(`<header class="doc"><div class="head"><div class="left">` +
		`<p class="parent">` + esc(d.Parent) + `</p><p class="office">` + esc(d.Organisation) + `</p>` +
		`<p class="number">` + esc(d.Number()) + `</p></div><div class="right">` +
		`<p class="national">` + esc(d.National()) + `</p><p class="motto"><span>` + esc(d.Motto()) + `</span></p>` +
		`<p class="date">` + esc(d.PlaceDate()) + "</p></div></div>\n<h1>" + esc(p.w.Report) + "</h1>\n")
	b.WriteString(`<p class="campaign">` + esc(a.CampaignName) + " (" + esc(a.Campaign) + ")</p>\n")
	b.WriteString(`<p class="sub">` + esc(fmt.Sprintf("%s (%d/12 %s)", i18n.Period(a.Period, p.lang), a.MonthsElapsed,
		p.l.Months)) + "</p></header>\n")
	titles := []string{p.w.Headline, p.w.Ranking, p.w.Heatmap, p.w.Trends, p.w.Awards, p.w.Status}
	b.WriteString(`<nav class="toc" aria-label="` + esc(p.w.Contents) + `"><ol>`)
	for i, id := range sectionIDs {
		fmt.Fprintf(b, `<li><a href="#%s">%d. %s</a></li>`, id, i+1, esc(titles[i]))
	}
	b.WriteString("</ol></nav>\n")
	sections := []func(){p.headline, p.ranking, p.heatmap, p.trends, p.awards, p.status}
	for i, id := range sectionIDs {
		fmt.Fprintf(b, "<section id=\"%s\">\n<h2>%d. %s</h2>\n", id, i+1, esc(titles[i]))
		sections[i]()
		b.WriteString("</section>\n")
	}
}

// basisLabel names the attainment the views show: the one the campaign
// scores (% KH kỳ, or % KH năm under score_basis annual).
func (p *page) basisLabel() string {
	if p.r.Campaign.ScoreBasis == campaign.BasisAnnual {
		return p.l.Annual
	}
	return p.l.ToDate
}

// province is the progress table's last foot row: Toàn tỉnh.
func province(t *view.Table) []view.Cell {
	if len(t.Foot) == 0 {
		return nil
	}
	return t.Foot[len(t.Foot)-1]
}

// headline: a tile per KPI with the province's attainment and the units
// that attained it, then units reporting and the stale units.
func (p *page) headline() {
	b := &p.b
	prov := province(p.t)
	b.WriteString(`<ul class="tiles">`)
	for _, k := range p.r.Campaign.KPIs {
		i, ok := p.col[k.Code]
		if !ok {
			continue
		}
		var cell view.Cell
		if prov != nil {
			cell = prov[i]
		}
		class, value := "tile na", "—"
		if v, ok := cell.Value.(float64); ok {
			class, value = "tile "+heatClass(v), cellText(cell, view.Ratio, p.lang)
		}
		attained := 0
		for _, row := range p.t.Rows {
			if row[i].Mark == view.Good {
				attained++
			}
		}
		fmt.Fprintf(b, `<li class="%s"><span class="k">%s <small>(%s)</small></span><span class="v">%s</span><span class="s">%s · %s</span></li>`,
			class, esc(k.Name), esc(k.Label()), esc(value), esc(p.basisLabel()),
			esc(fmt.Sprintf(p.w.UnitsAttained, attained, len(p.t.Rows))))
	}
	b.WriteString("</ul>\n<dl class=\"facts\">")
	period := i18n.PeriodIn(p.r.Progress.Period, p.lang)
	reporting := "—"
	if prov != nil {
		reporting = cellText(prov[p.col["kpis_attained"]], view.Text, p.lang)
	}
	fmt.Fprintf(b, "<dt>%s</dt><dd>%s</dd>", esc(fmt.Sprintf(p.w.ReportingFor, period)), esc(reporting))
	var stale []string
	for _, row := range p.t.Rows {
		if v, _ := row[p.col["stale"]].Value.(bool); v {
			last := i18n.PeriodOf(str(row[p.col["last_report"]]), p.lang)
			if last == "" {
				last = "—"
			}
			stale = append(stale, fmt.Sprintf("%s %s (%s %s)", str(row[p.col["code"]]), str(row[p.col["name"]]), p.l.LastReport, last))
		}
	}
	fmt.Fprintf(b, "<dt>%s</dt><dd>", esc(fmt.Sprintf(p.w.StaleUnits, period)))
	if len(stale) == 0 {
		b.WriteString(esc(p.w.None))
	} else {
		b.WriteString(`<ul class="stale">`)
		for _, s := range stale {
			b.WriteString("<li>" + esc(s) + "</li>")
		}
		b.WriteString("</ul>")
	}
	b.WriteString("</dd></dl>\n")
}

// barsPerPanel is how many bars one chart of the ranking holds: a long
// ranking is cut into charts of this many units on the same axis, each
// fitting a printed page.
const barsPerPanel = 40

// ranking: the scores as horizontal bars in rank order, in as many panels
// as it takes, with their figures in a table behind them.
func (p *page) ranking() {
	b := &p.b
	c := p.r.Campaign
	lo, hi := math.Inf(1), 100.0
	var bars []bar
	for _, row := range p.t.Rows {
		score, _ := row[p.col["score"]].Value.(float64)
		lo, hi = math.Min(lo, score), math.Max(hi, score)
		cl := str(row[p.col["cluster"]])
		code, name := str(row[p.col["code"]]), str(row[p.col["name"]])
		bb := bar{
			Label: fmt.Sprintf("%s. %s", cellText(row[p.col["rank"]], view.Int, p.lang), name),
			Title: fmt.Sprintf("%s %s — %s: %s %s", code, name, cl, numfmt.Format(score, 2, p.lang), strings.ToLower(p.l.Score)),
			Value: score, Text: numfmt.Format(score, 2, p.lang), Fill: clusterColour(p.colour[cl]), Mark: -1,
		}
		if t, ok := p.tier[code]; ok {
			bb.Mark = t
		}
		bars = append(bars, bb)
	}
	refs := []refLine{{At: 100, Label: p.w.HundredPoints, Main: true}}
	for i, rule := range c.Awards {
		if rule.MinScore == nil {
			continue
		}
		hi = math.Max(hi, *rule.MinScore)
		lo = math.Min(lo, *rule.MinScore)
		refs = append(refs, refLine{At: *rule.MinScore, Label: numfmt.Format(*rule.MinScore, -1, p.lang), Tier: i})
	}
	if len(bars) == 0 {
		lo = 0
	}
	amin, amax, step := niceAxis(lo-(hi-lo)*0.04, hi)
	b.WriteString(`<ul class="legend">`)
	for i, cl := range p.clusters {
		b.WriteString("<li>" + swatch(clusterColour(i)) + esc(cl) + "</li>")
	}
	for i, rule := range c.Awards {
		name := rule.Name
		if rule.MinScore != nil {
			name = fmt.Sprintf(p.w.TierLine, rule.Name, numfmt.Format(*rule.MinScore, -1, p.lang))
		}
		b.WriteString("<li>" + markerIcon(i) + esc(name) + "</li>")
	}
	b.WriteString("</ul>\n")
	fmt.Fprintf(b, "<p class=\"note\">%s</p>\n", esc(fmt.Sprintf(p.w.RankingAxis, numfmt.Format(amin, -1, p.lang))))
	label := fmt.Sprintf(p.w.RankingChart, len(bars), i18n.PeriodIn(p.r.Progress.Period, p.lang))
	b.WriteString(`<div class="panels">`)
	for start := 0; start < len(bars) || start == 0; start += barsPerPanel {
		end := start + barsPerPanel
		if end > len(bars) {
			end = len(bars)
		}
		l := label
		if len(bars) > barsPerPanel {
			l = fmt.Sprintf("%s (%d–%d)", label, start+1, end)
		}
		rankingChart(b, bars[start:end], axis{amin, amax, step}, refs, l, p.lang)
		if end == len(bars) {
			break
		}
	}
	b.WriteString("</div>\n")
	p.figures(pick(p.t, "rank", "code", "name", "cluster", "score"), "ranking-data")
}

// heatmap: the progress table as printed, its attainment columns shaded.
func (p *page) heatmap() {
	b := &p.b
	fmt.Fprintf(b, "<p class=\"note\">%s %s: ", esc(fmt.Sprintf(p.w.HeatmapNote, p.basisLabel())), esc(p.w.HeatmapScale))
	for _, a := range []float64{0.8, 0.9, 1, 1.1, 1.2} {
		s := numfmt.Format(a*100, 0, p.lang) + "%"
		switch a {
		case 0.8:
			s = "≤ " + s
		case 1.2:
			s = "≥ " + s
		}
		fmt.Fprintf(b, `<span class="key %s">%s</span> `, heatClass(a), esc(s))
	}
	b.WriteString("<br>" + esc(p.r.Progress.Legend) + "</p>\n")
	p.table(p.t.In(view.Print), tableOpts{id: "heatmap-table", class: "heat", heat: true})
}

// trends: each unit's score month by month, then the province's
// attainment of each KPI month by month, each with its figures.
func (p *page) trends() {
	b := &p.b
	months := p.r.Months
	if len(months) == 0 {
		months = []*view.Progress{p.r.Progress}
	}
	// each unit's score by month, read from that month's progress view
	scores := map[string][]float64{}
	monthCells := map[string][]view.Cell{}
	lo, hi := 100.0, 100.0
	for m, mp := range months {
		t := mp.Table
		code, score := t.Col("code"), t.Col("score")
		for _, row := range t.Rows {
			c := str(row[code])
			if scores[c] == nil {
				scores[c] = nanSlice(len(months))
				monthCells[c] = make([]view.Cell, len(months))
			}
			if v, ok := row[score].Value.(float64); ok {
				scores[c][m] = v
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
			monthCells[c][m] = row[score]
		}
	}
	lo, hi, _ = niceAxis(lo, hi)
	fmt.Fprintf(b, "<h3>%s</h3>\n<p class=\"note\">%s</p>\n<div class=\"sparks\">", esc(p.w.UnitTrends),
		esc(fmt.Sprintf(p.w.UnitTrendsAxis, numfmt.Format(lo, -1, p.lang), numfmt.Format(hi, -1, p.lang))))
	data := &view.Table{Lang: p.lang, Columns: []view.Column{
		{Key: "rank", Label: p.l.Rank, Kind: view.Int}, {Key: "code", Label: p.l.Code, Kind: view.Short},
		{Key: "name", Label: p.l.Unit, Kind: view.Text}}}
	var monthLabels []string // T1, T2 …: each view's month
	for _, mp := range months {
		monthLabels = append(monthLabels, fmt.Sprintf("%s%d", p.l.MonthShort, mp.Period.Month))
	}
	for _, l := range monthLabels {
		data.Columns = append(data.Columns, view.Column{Label: l, Kind: view.Score, Decimals: 2})
	}
	for _, row := range p.t.Rows {
		code, name := str(row[p.col["code"]]), str(row[p.col["name"]])
		cl := str(row[p.col["cluster"]])
		rank := cellText(row[p.col["rank"]], view.Int, p.lang)
		label := fmt.Sprintf("%s %s: %s, %s 1–%d", code, name, strings.ToLower(p.l.Score), p.l.Months, months[len(months)-1].Period.Month)
		b.WriteString(`<figure class="spark">`)
		sparkline(b, scores[code], scale{lo: lo, hi: hi}, 100, clusterColour(p.colour[cl]), label)
		last := "—"
		if s := scores[code]; len(s) > 0 && !math.IsNaN(s[len(s)-1]) {
			last = numfmt.Format(s[len(s)-1], 2, p.lang)
		}
		fmt.Fprintf(b, "<figcaption>%s. %s %s <b>%s</b></figcaption></figure>", esc(rank), esc(code), esc(name), esc(last))
		cells := []view.Cell{row[p.col["rank"]], row[p.col["code"]], row[p.col["name"]]}
		cells = append(cells, padCells(monthCells[code], len(months))...)
		data.Rows = append(data.Rows, cells)
	}
	b.WriteString("</div>\n")
	p.figures(data, "unit-trends-data")

	// the province's attainment of each KPI by month: the Toàn tỉnh row
	// of each month's progress view
	fmt.Fprintf(b, "<h3>%s</h3>\n<div class=\"kpis\">", esc(fmt.Sprintf(p.w.KPITrends, p.basisLabel())))
	kdata := &view.Table{Lang: p.lang, Columns: []view.Column{
		{Key: "kpi", Label: p.l.KPI, Kind: view.Short}, {Key: "kpi_name", Label: p.l.KPIName, Kind: view.Text}}}
	for _, l := range monthLabels {
		kdata.Columns = append(kdata.Columns, view.Column{Label: l, Kind: view.Ratio, Scale: true})
	}
	for _, k := range p.r.Campaign.KPIs {
		vals := nanSlice(len(months))
		row := []view.Cell{{Value: k.Label()}, {Value: k.Name}}
		for m, mp := range months {
			cell := view.Cell{Text: "—"}
			if prov, i := province(mp.Table), mp.Table.Col(k.Code); prov != nil && i >= 0 {
				cell = prov[i]
				if v, ok := cell.Value.(float64); ok {
					vals[m] = v
				}
			}
			row = append(row, cell)
		}
		kdata.Rows = append(kdata.Rows, row)
		b.WriteString(`<figure class="kpi-trend">`)
		kpiChart(b, vals, fmt.Sprintf(p.w.KPITrendChart, k.Name, p.basisLabel(), months[len(months)-1].Period.Month), monthLabels, p.lang)
		fmt.Fprintf(b, "<figcaption>%s <small>(%s)</small></figcaption></figure>", esc(k.Name), esc(k.Label()))
	}
	b.WriteString("</div>\n")
	p.figures(kdata, "kpi-trends-data")
}

// awards: the lists of the awards view — each tier, the field awards —
// closed by the signature block as in the awards workbook, then the
// units that missed and why.
func (p *page) awards() {
	b := &p.b
	a := p.r.Awards
	if a.Title != "" {
		fmt.Fprintf(b, "<p class=\"note\">%s</p>\n", esc(a.Title))
	}
	sections := a.Sections()
	lastSigned := -1
	for i, s := range sections {
		if s.Signed {
			lastSigned = i
		}
	}
	for i, s := range sections {
		fmt.Fprintf(b, "<h3 id=\"awards-%s\">%s</h3>\n", esc(s.Code), esc(s.Name))
		t := s.Table.In(view.Print)
		if len(t.Rows) == 0 {
			fmt.Fprintf(b, "<p class=\"none\">%s</p>\n", esc(s.Empty()))
		} else {
			p.table(t, tableOpts{class: "list", id: "list-" + s.Code})
		}
		if i == lastSigned { // the lists of the decision are signed; who missed is not
			p.signature()
		}
	}
}

// signature is the decision's signature block: the preparer on the left,
// the signer on the right, each with the note under the title, room to
// sign and the name.
func (p *page) signature() {
	d := p.r.document()
	side := func(s view.Signature, note string) string {
		return `<div><p class="who">` + esc(s.Title) + `</p><p class="how">` + esc(note) + `</p><p class="name">` + esc(s.Name) + `</p></div>`
	}
	p.b.WriteString(`<div class="sign">` + side(d.Preparer, d.PrepareNote()) + side(d.Signer, d.SignNote()) + "</div>\n")
}

// status: units × months up to the period, ✓ a report in force, ↻ one
// that replaced an earlier report; then the units missing for the latest
// of those months anyone reported, as kpi status says.
func (p *page) status() {
	b := &p.b
	st := p.r.Status
	fmt.Fprintf(b, "<p class=\"note\">%s</p>\n", esc(p.w.StatusLegend))
	t := &view.Table{Lang: p.lang, Columns: []view.Column{
		{Key: "code", Label: p.l.Code, Kind: view.Short}, {Key: "name", Label: p.l.Unit, Kind: view.Text},
		{Key: "cluster", Label: p.l.Cluster, Kind: view.Text}}}
	months := 12 // the report as of P shows the months up to P
	if per := p.r.Progress.Period; per.Year == st.Year && per.Month >= 1 && per.Month <= 12 {
		months = per.Month
	}
	for m := 1; m <= months; m++ {
		t.Columns = append(t.Columns, view.Column{Label: fmt.Sprintf("%s%d", p.l.MonthShort, m), Kind: view.Short})
	}
	latest := 0
	for _, u := range st.Units {
		for m, s := range u.Months[:months] {
			if s != NoReport && m+1 > latest {
				latest = m + 1
			}
		}
	}
	var missing []string
	for _, u := range st.Units {
		row := []view.Cell{{Value: u.Code}, {Value: u.Name}, {Value: u.Cluster}}
		for _, s := range u.Months[:months] {
			switch s {
			case InForce:
				row = append(row, view.Cell{Value: "✓", Mark: view.Good})
			case Replaced:
				row = append(row, view.Cell{Value: "↻", Mark: view.Good})
			default:
				row = append(row, view.Cell{})
			}
		}
		t.Rows = append(t.Rows, row)
		if latest > 0 && u.Months[latest-1] == NoReport {
			missing = append(missing, u.Code)
		}
	}
	n := len(st.Units)
	var line string
	switch {
	case latest == 0:
		line = fmt.Sprintf(p.w.StatusNone, st.Year)
	case len(missing) == 0:
		line = fmt.Sprintf(p.w.StatusAll, i18n.Period(report.Period{Year: st.Year, Month: latest}, p.lang), n, n)
	default:
		line = fmt.Sprintf(p.w.StatusMissing, i18n.Period(report.Period{Year: st.Year, Month: latest}, p.lang), n-len(missing), n, strings.Join(missing, ", "))
	}
	fmt.Fprintf(b, "<p class=\"summary\">%s</p>\n", esc(line))
	p.table(t, tableOpts{id: "status-table", class: "status"})
}

// figuresOpenRows: a chart's table of figures is shown open up to this
// many rows, folded (one click away, and not printed) beyond.
const figuresOpenRows = 60

// figures writes a chart's figures as a table right behind it.
func (p *page) figures(t *view.Table, id string) {
	open := ""
	if len(t.Rows) <= figuresOpenRows {
		open = " open"
	}
	fmt.Fprintf(&p.b, "<details class=\"data\"%s><summary>%s</summary>\n", open, esc(p.w.Figures))
	p.table(t, tableOpts{id: id, class: "data", heat: true})
	p.b.WriteString("</details>\n")
}

// tableOpts say how a view's table is written.
type tableOpts struct {
	id, class string
	heat      bool // shade the columns that scale (attainments)
}

// table writes a view's table as it is given (the caller picks the
// columns): a header of the print headers, the rows, then the foot rows
// (totals) marked as such.
func (p *page) table(t *view.Table, o tableOpts) {
	b := &p.b
	b.WriteString("<table")
	if o.id != "" {
		b.WriteString(` id="` + esc(o.id) + `"`)
	}
	if o.class != "" {
		b.WriteString(` class="` + esc(o.class) + `"`)
	}
	b.WriteString("><thead><tr>")
	for _, c := range t.Columns {
		b.WriteString(`<th scope="col">` + esc(c.Header(view.Print)) + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	row := func(cells []view.Cell, kind func(i int) view.Kind, total bool) {
		if total {
			b.WriteString(`<tr class="total">`)
		} else {
			b.WriteString("<tr>")
		}
		for i, c := range cells {
			if i >= len(t.Columns) {
				break
			}
			k := kind(i)
			var class []string
			switch {
			case k.Numeric():
				class = append(class, "n")
			case k == view.Short:
				class = append(class, "c")
			case k == view.Text:
				class = append(class, "t")
			}
			if v, ok := c.Value.(float64); ok && o.heat && t.Columns[i].Scale && !c.Blank {
				class = append(class, heatClass(v))
			} else if o.heat && t.Columns[i].Scale {
				class = append(class, "na")
			}
			switch c.Mark {
			case view.Good:
				class = append(class, "good")
			case view.Behind:
				class = append(class, "behind")
			}
			if len(class) > 0 {
				b.WriteString(`<td class="` + strings.Join(class, " ") + `">`)
			} else {
				b.WriteString("<td>")
			}
			b.WriteString(strings.ReplaceAll(esc(cellText(c, k, p.lang)), "\n", "<br>"))
			b.WriteString("</td>")
		}
		b.WriteString("</tr>\n")
	}
	for r, cells := range t.Rows {
		row(cells, func(i int) view.Kind { return t.KindOf(r, i) }, false)
	}
	for _, cells := range t.Foot {
		row(cells, func(i int) view.Kind {
			if cells[i].Kind != view.Inherit {
				return cells[i].Kind
			}
			return t.Columns[i].Kind
		}, true)
	}
	b.WriteString("</tbody></table>\n")
}

// cellText is what people read in a cell: its text when the view gives
// one (marks and all), else its value in the language's style — scores
// with 2 decimals, attainments as percentages.
func cellText(c view.Cell, k view.Kind, lang string) string {
	if c.Text != "" {
		return c.Text
	}
	switch v := c.Value.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool:
		if v {
			return i18n.For(lang).Yes
		}
		return i18n.For(lang).No
	case int:
		return numfmt.Format(float64(v), 0, lang)
	case float64:
		switch k {
		case view.Score, view.Percent:
			return numfmt.Format(v, 2, lang)
		case view.Ratio:
			return numfmt.Format(v*100, 1, lang) + "%"
		case view.Int, view.Count:
			return numfmt.Format(v, 0, lang)
		}
		return numfmt.Format(v, -1, lang)
	}
	return fmt.Sprint(c.Value)
}

// pick is t with only the columns of keys, in that order, and its rows.
func pick(t *view.Table, keys ...string) *view.Table {
	out := &view.Table{Lang: t.Lang}
	var idx []int
	for _, k := range keys {
		if i := t.Col(k); i >= 0 {
			idx = append(idx, i)
			out.Columns = append(out.Columns, t.Columns[i])
		}
	}
	for _, row := range t.Rows {
		cells := make([]view.Cell, len(idx))
		for j, i := range idx {
			cells[j] = row[i]
		}
		out.Rows = append(out.Rows, cells)
	}
	return out
}

func str(c view.Cell) string {
	if s, ok := c.Value.(string); ok {
		return s
	}
	return c.Text
}

func nanSlice(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	return out
}

func padCells(c []view.Cell, n int) []view.Cell {
	out := make([]view.Cell, n)
	copy(out, c)
	return out
}
