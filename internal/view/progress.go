package view

import (
	"fmt"
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/numfmt"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
)

// Progress is the ranked progress table: one row per unit in rank order,
// with its score, the KPIs it attained and its attainment of each KPI.
type Progress struct {
	About
	Title   string // "Tiến độ thi đua bhxh-2024 — kỳ 2024-06 (6/12)"
	Legend  string // what the marks mean
	Cluster string // the cluster of a per-cluster table (ByCluster); "" for the units given
	Table   *Table

	c *campaign.Campaign
	r score.Result
}

// NewProgress builds the progress table of the units in r (all of them, or
// one cluster's after --cluster) in language lang.
func NewProgress(c *campaign.Campaign, r score.Result, lang string) *Progress {
	l := i18n.For(lang)
	return &Progress{
		About:  about(c, r, lang),
		Title:  progressTitle(c, r, l, lang),
		Legend: l.Legend,
		Table:  progressTable(c, r.Units, r.Period, lang, false, footTotals(r), extrasOf(r.Units)),
		c:      c, r: r,
	}
}

func about(c *campaign.Campaign, r score.Result, lang string) About {
	return About{Lang: lang, Campaign: c.Code, CampaignName: c.Name, Organisation: c.Organisation,
		Period: r.Period, MonthsElapsed: r.MonthsElapsed}
}

func progressTitle(c *campaign.Campaign, r score.Result, l i18n.Labels, lang string) string {
	return fmt.Sprintf("%s %s — %s (%d/12 %s)", l.ProgressTitle, c.Code, i18n.Period(r.Period, lang), r.MonthsElapsed, l.Months)
}

// JSON is the machine form: the score results the table was built from.
func (p *Progress) JSON() any { return p.r }

// ByCluster returns one table per cluster, in the order the clusters first
// appear in the ranking, each showing the cluster rank in print too.
func (p *Progress) ByCluster() []*Progress {
	var out []*Progress
	seen := map[string]bool{}
	for _, u := range p.r.Units {
		if seen[u.Cluster] {
			continue
		}
		seen[u.Cluster] = true
		r := p.r
		r.Units = nil
		for _, v := range p.r.Units {
			if v.Cluster == u.Cluster {
				r.Units = append(r.Units, v)
			}
		}
		q := *p
		q.Cluster, q.r = u.Cluster, r
		q.Table = progressTable(p.c, r.Units, r.Period, p.Lang, true, clusterTotal(p.r.Totals, u.Cluster), extrasOf(p.r.Units))
		out = append(out, &q)
	}
	return out
}

// InCluster returns the table of the units of one cluster (kpi progress
// --cluster): each unit's rank in its cluster first — the one the cluster's
// awards go by —, its rank in the province beside it, both on screen and
// in print.
func (p *Progress) InCluster(cluster string) *Progress {
	q := *p
	q.Cluster = cluster
	q.Table = progressTable(p.c, p.r.Units, p.r.Period, p.Lang, true, footTotals(p.r), extrasOf(p.r.Units))
	return &q
}

// Detail returns the unit × KPI detail of the same units, every KPI.
func (p *Progress) Detail() *Detail { return NewDetail(p.c, p.r, p.Lang, "") }

// extras say which of the rulebook's columns a table shows: the council's
// points ("Cộng/trừ") once an adjustment counts for one of the units, the
// exclusion from awards once one is excluded.
type extras struct{ adjust, excluded bool }

func extrasOf(units []score.UnitResult) extras {
	var x extras
	for _, u := range units {
		x.adjust = x.adjust || len(u.Adjustments) > 0
		x.excluded = x.excluded || u.Excluded != nil
	}
	return x
}

// AdjustmentCell is a unit's net adjustment: the points for machines and
// print (none without an adjustment), for people signed, "(tối đa)" when
// a bound capped the bonus or the penalty.
func AdjustmentCell(u score.UnitResult, lang string) Cell {
	if len(u.Adjustments) == 0 {
		return Cell{}
	}
	c := Cell{Value: u.Adjustment, Text: SignedPoints(u.Adjustment, lang)}
	if u.AdjustmentTotal.BonusCapped || u.AdjustmentTotal.PenaltyCapped {
		c.Text += " (" + i18n.For(lang).AtBound + ")"
	}
	return c
}

// SignedPoints writes points with their sign: "+2", "-1,5", "0".
func SignedPoints(v float64, lang string) string {
	s := i18n.Points(v, lang)
	if v > 0 {
		s = "+" + s
	}
	return s
}

// excludedCell is a unit's exclusion from awards: its reason, and from
// which period.
func excludedCell(u score.UnitResult, lang string) Cell {
	if u.Excluded == nil {
		return text("")
	}
	return Cell{Value: u.Excluded.Reason, Text: i18n.T(lang, i18n.ExcludedSince, i18n.PeriodIn(u.Excluded.Period, lang), u.Excluded.Reason)}
}

// progressTable: rank, cluster rank, code, unit, cluster, score (and the
// council's points in it), KPIs attained, last report, then the
// attainment of each KPI with its mark (and the exclusion from awards).
// byCluster shows the cluster rank in print (the per-cluster sheets).
func progressTable(c *campaign.Campaign, units []score.UnitResult, period report.Period, lang string, byCluster bool, totals []score.Total, x extras) *Table {
	l := i18n.For(lang)
	rank := Column{Key: "rank", Label: l.Rank, Kind: Int, Width: 7, In: All, Sticky: true}
	clusterRank := Column{Key: "cluster_rank", Label: l.ClusterRank, Title: l.Rank + " (" + l.Cluster + ")", Kind: Int, Width: 8, In: Machine, Sticky: true}
	cluster := Column{Key: "cluster", Label: l.Cluster, Kind: Text, Width: 12, In: All, Narrow: Narrow{Keep: true, Drop: 1}}
	ranks := []Column{rank, clusterRank}
	if byCluster { // the cluster's rank first, the province's beside it
		clusterRank.In, clusterRank.Label, clusterRank.Title = All, i18n.T(lang, i18n.RankInCluster), ""
		rank.Label = i18n.T(lang, i18n.RankInProvince)
		cluster.Narrow.Drop = 1 // one cluster: every row names it
		ranks = []Column{clusterRank, rank}
	}
	codes := make([]string, len(c.KPIs))
	for i, k := range c.KPIs {
		codes[i] = k.Code
	}
	kpiNarrow := Narrow{Drop: 2, Note: i18n.T(lang, i18n.ScreenKPIs, strings.Join(codes, ", "))}
	t := &Table{Lang: lang, Columns: append(ranks,
		Column{Key: "code", Label: l.Code, Kind: Short, Width: 9, In: All, Sticky: true},
		Column{Key: "name", Label: l.Unit, Kind: Text, Width: 32, In: All, Sticky: true, Narrow: Narrow{Min: 9}},
		cluster,
		Column{Key: "score", Label: l.Score, Kind: Score, Decimals: 2, Width: 10, In: All},
	)}
	if x.adjust {
		t.Columns = append(t.Columns, Column{Key: "adjustment", Label: l.Adjustment, Kind: Score, Decimals: 2, Width: 10, In: All})
	}
	t.Columns = append(t.Columns,
		Column{Key: "kpis_attained", Label: l.Attained, Kind: Int, Width: 12, In: All},
		Column{Key: "last_report", Label: l.LastReport, Kind: Text, In: Machine},
		Column{Key: "stale", Label: l.Stale, Kind: Text, In: Machine})
	for _, k := range c.KPIs {
		t.Columns = append(t.Columns, Column{Key: k.Code, Label: k.Label(), Title: fmt.Sprintf("%s (%s)", k.Name, k.Label()),
			Kind: Ratio, Width: 14, In: All, Scale: true, Narrow: kpiNarrow})
	}
	t.Columns = append(t.Columns, Column{Label: l.LastReport, Kind: Text, In: Screen, Narrow: Narrow{Drop: 1}})
	if x.excluded {
		t.Columns = append(t.Columns, Column{Key: "excluded", Label: l.Excluded, Kind: Note, Width: 30, In: All})
	}
	for _, u := range units {
		last, lastText := "", "—"
		if u.LastReport != nil {
			last = u.LastReport.String()
			lastText = i18n.Period(*u.LastReport, lang)
		}
		if u.Stale {
			lastText += " (" + l.Stale + ")"
		}
		row := []Cell{{Value: u.Rank}, {Value: u.ClusterRank}, text(u.Code), unitName(u.Name), text(u.Cluster), num(u.Score)}
		if byCluster {
			row[0], row[1] = row[1], row[0]
		}
		if x.adjust {
			row = append(row, AdjustmentCell(u, lang))
		}
		row = append(row, Cell{Value: u.KPIsAttained, Text: fmt.Sprintf("%d/%d", u.KPIsAttained, len(u.KPIs))},
			text(last), Cell{Value: u.Stale})
		for _, k := range u.KPIs {
			row = append(row, attainmentCell(k, period, lang))
		}
		row = append(row, text(lastText))
		if x.excluded {
			row = append(row, excludedCell(u, lang))
		}
		t.Rows = append(t.Rows, row)
	}
	for _, tot := range totals {
		row := []Cell{{}, {}, text(""), text(totalName(tot, l)), text(tot.Cluster), {Kind: Text}}
		if x.adjust {
			row = append(row, Cell{Kind: Text})
		}
		row = append(row, Cell{Kind: Text, Value: fmt.Sprintf("%d/%d", tot.Reporting, tot.Expected), Text: fmt.Sprintf("%d/%d %s", tot.Reporting, tot.Expected, l.Reporting)},
			text(""), Cell{Kind: Text})
		for _, k := range tot.KPIs {
			row = append(row, totalCell(c, k, lang))
		}
		row = append(row, text(""))
		if x.excluded {
			row = append(row, text(""))
		}
		t.Foot = append(t.Foot, row)
	}
	return t
}

// totalName is "Toàn tỉnh" for the province, "Cộng Cụm 1" for a cluster.
func totalName(t score.Total, l i18n.Labels) string {
	if t.Cluster == "" {
		return l.Province
	}
	return l.SubTotal + " " + t.Cluster
}

// footTotals are the subtotals of the clusters among r's units (all of
// them, or the one --cluster kept), then the province's total.
func footTotals(r score.Result) []score.Total {
	present := map[string]bool{}
	for _, u := range r.Units {
		present[u.Cluster] = true
	}
	var out []score.Total
	for _, c := range r.Totals.Clusters {
		if present[c.Cluster] {
			out = append(out, c)
		}
	}
	return append(out, r.Totals.Province)
}

// clusterTotal is the one cluster's subtotal.
func clusterTotal(t score.Totals, cluster string) []score.Total {
	for _, c := range t.Clusters {
		if c.Cluster == cluster {
			return []score.Total{c}
		}
	}
	return nil
}

// totalCell is a KPI's attainment over a group, on the campaign's basis:
// a percentage, "bq" after a rate's (the mean of the reporting units).
func totalCell(c *campaign.Campaign, k score.KPITotal, lang string) Cell {
	a := k.Attainment
	if c.ScoreBasis == campaign.BasisAnnual {
		a = k.AnnualAttainment
	}
	if a == nil {
		return Cell{Text: "—"}
	}
	cell := Cell{Value: *a, Text: pct(*a, lang)}
	if k.Mean {
		cell.Text += " " + i18n.For(lang).Mean
	}
	return cell
}

// attainmentCell is a KPI's attainment (the one the campaign scores): the
// ratio for machines and print (none when the figure or the target is
// missing), for people a percentage with its mark — ✓ attained, ▼ below
// the plan to date, — no figure, ? no target — and "(T3)" when the figure
// is carried from an earlier month.
func attainmentCell(k score.KPIResult, period report.Period, lang string) Cell {
	switch {
	case k.Missing:
		return Cell{Text: "—"}
	case k.NoTarget:
		return Cell{Text: "?"}
	}
	c := Cell{Value: k.Attainment, Text: pct(k.Attainment, lang)}
	switch {
	case k.Attained:
		c.Text += " ✓"
		c.Mark = Good
	case k.OnTrack != nil && !*k.OnTrack:
		c.Text += " ▼"
		c.Mark = Behind
	}
	c.Text += carried(k, period, lang)
	return c
}

// carried is " (T3)" when a KPI's figure is the one of month 3, carried to
// a later period; "" otherwise.
func carried(k score.KPIResult, period report.Period, lang string) string {
	if !k.Carried(period) {
		return ""
	}
	return fmt.Sprintf(" (%s%d)", i18n.For(lang).MonthShort, k.AsOf.Month)
}

// OnTrackText says in words whether a KPI is on track.
func OnTrackText(k score.KPIResult, l i18n.Labels) string {
	switch {
	case k.Missing:
		return l.Missing
	case k.NoTarget:
		return l.NoTarget
	case k.OnTrack == nil:
		return "?"
	case *k.OnTrack:
		return l.Yes
	}
	return l.No
}

// Detail is the unit × KPI table: actual, target, baseline, attainment, the
// on-track line, on track or not, the year-end projection.
type Detail struct {
	About
	Title    string // as the progress table's
	Subtitle string // the KPI shown, when only one is: "thu — Số thu … (triệu đồng, flow)"
	Table    *Table

	r score.Result
}

// NewDetail builds the detail of the units in r for one KPI (its code), or
// for every KPI (kpi ""), one row per unit and KPI. A code not in the
// campaign gives no rows.
func NewDetail(c *campaign.Campaign, r score.Result, lang, kpi string) *Detail {
	l := i18n.For(lang)
	d := &Detail{About: about(c, r, lang), Title: progressTitle(c, r, l, lang)}
	idx := make([]int, 0, len(c.KPIs))
	for i, k := range c.KPIs {
		if kpi == "" || k.Code == kpi {
			idx = append(idx, i)
		}
	}
	if kpi != "" && len(idx) == 1 {
		k := c.KPIs[idx[0]]
		d.Subtitle = fmt.Sprintf("%s — %s (%s, %s)", k.Label(), k.Name, k.Unit, i18n.KPIKind(k.Kind, lang))
	}
	d.r = r
	if kpi != "" {
		d.r.Units = make([]score.UnitResult, len(r.Units))
		for i, u := range r.Units {
			u.KPIs = make([]score.KPIResult, 0, len(idx))
			for _, j := range idx {
				u.KPIs = append(u.KPIs, r.Units[i].KPIs[j])
			}
			d.r.Units[i] = u
		}
	}
	// on a narrow screen the attainment the campaign scores stays, with
	// what it is made of; the other one, the year's target, the
	// projection, last year's figures and the baseline give way
	toDate, annual := Narrow{}, Narrow{Drop: 1}
	if c.ScoreBasis == campaign.BasisAnnual {
		toDate, annual = annual, toDate
	}
	t := &Table{Lang: lang, Columns: []Column{
		{Label: l.Rank, Kind: Int, Width: 7, In: All, Sticky: true},
		{Label: l.Code, Kind: Short, Width: 9, In: All, Sticky: true},
		{Label: l.Unit, Kind: Text, Width: 30, In: All, Sticky: true, Narrow: Narrow{Min: 9}},
		{Label: l.Cluster, Kind: Text, Width: 12, In: Print},
		{Label: l.KPI, Kind: Text, Width: 11, In: Print},
		{Label: l.KPIName, Kind: Text, Width: 34, In: Print},
		{Label: l.UnitOfMeasure, Kind: Short, Width: 11, In: Print},
		{Label: l.Actual, Kind: Amount, Decimals: 2, Width: 14, In: All},
		{Label: l.Target, Kind: Amount, Decimals: 2, Width: 14, In: All, Narrow: annual},
		{Label: l.TargetToDate, Kind: Amount, Decimals: 2, Width: 14, In: All, Narrow: toDate},
		{Label: i18n.T(lang, i18n.BaselineYear, c.Year-1), Kind: Amount, Decimals: 2, Width: 14, In: All, Narrow: Narrow{Drop: 4}},
		{Label: l.ToDate, Kind: Ratio, Width: 11, In: All, Scale: true, Narrow: toDate},
		{Label: l.Annual, Kind: Ratio, Width: 11, In: All, Narrow: annual},
		{Label: l.OnTrack, Kind: Short, Width: 10, In: All},
		{Label: l.Projected, Kind: Amount, Decimals: 2, Width: 14, In: All, Narrow: Narrow{Drop: 2}},
		{Label: l.ProjectedAttainment, Kind: Ratio, Width: 11, In: All, Narrow: Narrow{Drop: 2}},
		{Label: i18n.T(lang, i18n.PriorYear, c.Year-1), Kind: Amount, Decimals: 2, Width: 14, In: All, Narrow: Narrow{Drop: 3}},
		{Label: l.Growth, Kind: Short, Width: 11, In: All, Narrow: Narrow{Drop: 3}},
		{Label: l.Points, Kind: Score, Width: 9, In: Print},
	}}
	leader := c.Method == campaign.MethodLeader
	if leader {
		t.Columns = append(t.Columns, Column{Label: l.Capped, Kind: Ratio, Width: 11, In: All, Narrow: Narrow{Drop: 3}},
			Column{Label: l.Leader, Kind: Ratio, Width: 11, In: All, Narrow: Narrow{Drop: 3}})
	}
	for _, u := range r.Units {
		for _, i := range idx {
			k, kr := c.KPIs[i], u.KPIs[i]
			figure := func(p *float64) Cell { return FigureCell(k, p, lang) }
			ratio := func(x float64) Cell {
				a := Cell{Value: x, Text: pct(x, lang)}
				if kr.Missing || kr.NoTarget {
					a.Text, a.Blank = "—", true
				}
				return a
			}
			actual := figure(kr.Actual)
			if note := carried(kr, r.Period, lang); note != "" {
				actual.Text = FigureText(k, *kr.Actual, lang) + note
			}
			pa := opt(kr.ProjectedAttainment)
			if kr.ProjectedAttainment != nil {
				pa.Text = pct(*kr.ProjectedAttainment, lang)
			}
			row := []Cell{
				{Value: u.Rank}, text(u.Code), unitName(u.Name), text(u.Cluster), {Value: kr.Code, Text: k.Label()}, text(k.Name), text(k.Unit),
				actual, figure(kr.Target), figure(kr.TargetToDate), figure(kr.Baseline), ratio(kr.ToDate), ratio(kr.AnnualAttainment), text(OnTrackText(kr, l)),
				figure(kr.Projected), pa, figure(kr.Prior), growthCell(k, kr.Growth, lang), num(kr.Points),
			}
			if leader { // min(a, cap) and the scope's best, which the points are relative to
				lead := opt(kr.Leader)
				if kr.Leader != nil {
					lead.Text = pct(*kr.Leader, lang)
				}
				row = append(row, Cell{Value: kr.Capped, Text: pct(kr.Capped, lang)}, lead)
			}
			t.Rows = append(t.Rows, row)
		}
	}
	d.Table = t
	return d
}

// FigureCell is a KPI's figure in its own unit: a head-count in whole
// people, a percentage as Percent, an amount as Amount; none when p is nil.
func FigureCell(k campaign.KPI, p *float64, lang string) Cell {
	c := opt(p)
	switch {
	case k.Percent():
		c.Kind = Percent
	case k.HeadCount():
		c.Kind = Count
		if p != nil {
			c.Text = FigureText(k, *p, lang)
		}
	default:
		c.Kind = Amount
	}
	return c
}

// FigureText writes a KPI's figure for people: whole people for a
// head-count ("12.093"), two decimals otherwise ("341.136,25").
func FigureText(k campaign.KPI, v float64, lang string) string {
	if k.HeadCount() {
		return numfmt.Format(v, 0, lang)
	}
	return numfmt.Format(v, 2, lang)
}

// growthCell is the growth on the same period last year: "+5,3%" for
// head-counts and amounts, "−0,40 điểm" for rates; the plain number for
// machines.
func growthCell(k campaign.KPI, g *float64, lang string) Cell {
	if g == nil {
		return Cell{}
	}
	if k.Kind == campaign.Rate {
		return Cell{Value: *g, Text: signed(numfmt.Format(*g, 2, lang), *g) + " " + i18n.For(lang).PointsUnit}
	}
	return Cell{Value: *g, Text: signed(pct(*g, lang), *g)}
}

func signed(s string, v float64) string {
	if v > 0 {
		return "+" + s
	}
	return s
}

// JSON is the machine form: the score results of the units, with only the
// KPI shown when one is.
func (d *Detail) JSON() any { return d.r }
