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

// UnitMonth is what one month holds for a unit: its standing as of that
// month, the report in force (if it sent one) and the reports it replaced.
type UnitMonth struct {
	Period   report.Period
	Standing score.UnitResult
	Values   []report.Value // the report in force; nil: none this month
	ImportID int64
	File     string
	Replaced []ReplacedReport // oldest first
}

// ReplacedReport is an earlier report of the same unit and month.
type ReplacedReport struct {
	ImportID int64
	Values   []report.Value
}

// UnitYear is one unit's year at a glance (kpi unit CODE): month by month,
// every KPI's month value, year-to-date value, plan to date and attainment,
// the import each came from and the corrections as before → after.
type UnitYear struct {
	About
	Title string
	Table *Table
	doc   unitYearJSON
}

type unitYearJSON struct {
	Campaign string          `json:"campaign"`
	Unit     string          `json:"unit"`
	Name     string          `json:"name"`
	Cluster  string          `json:"cluster"`
	Months   []unitMonthJSON `json:"months"`
}

type unitMonthJSON struct {
	Period   report.Period  `json:"period"`
	ImportID int64          `json:"import_id,omitempty"`
	File     string         `json:"file,omitempty"`
	Score    float64        `json:"score"`
	Rank     int            `json:"rank"`
	KPIs     []unitKPIJSON  `json:"kpis"`
	Replaced []replacedJSON `json:"replaced"`
}

type unitKPIJSON struct {
	Code         string         `json:"code"`
	Month        *float64       `json:"month"`
	YTD          *float64       `json:"ytd"`
	Actual       *float64       `json:"actual"`
	AsOf         *report.Period `json:"as_of"`
	TargetToDate *float64       `json:"target_to_date"`
	Attainment   float64        `json:"attainment"`
	Annual       float64        `json:"annual_attainment"`
	Corrections  []correction   `json:"corrections"`
}

type correction struct {
	ImportID int64    `json:"import_id"` // the replaced import
	Month    *float64 `json:"month"`
	YTD      *float64 `json:"ytd"`
}

type replacedJSON struct {
	ImportID int64 `json:"import_id"`
}

// NewUnitYear builds a unit's year from its months, oldest first.
func NewUnitYear(c *campaign.Campaign, u campaign.Unit, months []UnitMonth, lang string) *UnitYear {
	l := i18n.For(lang)
	y := &UnitYear{
		About: About{Lang: lang, Campaign: c.Code, CampaignName: c.Name, Organisation: c.Organisation},
		Title: fmt.Sprintf("%s %s — %s (%s) — %s %d", u.Code, u.Name, u.Cluster, c.Code, i18n.T(lang, i18n.YearWord), c.Year),
		doc:   unitYearJSON{Campaign: c.Code, Unit: u.Code, Name: u.Name, Cluster: u.Cluster, Months: []unitMonthJSON{}},
	}
	t := &Table{Lang: lang, Columns: []Column{
		{Key: "period", Label: upperFirst(l.Period), Kind: Short, Width: 9, In: All, Sticky: true},
		{Key: "kpi", Label: l.KPI, Kind: Short, Width: 11, In: All, Sticky: true},
		{Key: "month", Label: l.MonthValue, Kind: Amount, Decimals: 2, Width: 14, In: All},
		{Key: "ytd", Label: l.YTD, Kind: Amount, Decimals: 2, Width: 14, In: All, Narrow: Narrow{Drop: 1}},
		{Key: "target_to_date", Label: l.TargetToDate, Kind: Amount, Decimals: 2, Width: 14, In: All},
		{Key: "attainment", Label: l.ToDate, Kind: Ratio, Width: 11, In: All},
		{Key: "import_id", Label: l.Import, Kind: Short, Width: 9, In: All, Narrow: Narrow{Drop: 2}},
		{Key: "corrections", Label: l.Corrections, Kind: Text, Width: 30, In: All},
	}}
	for _, m := range months {
		mj := unitMonthJSON{Period: m.Period, ImportID: m.ImportID, File: m.File, Score: m.Standing.Score,
			Rank: m.Standing.Rank, KPIs: []unitKPIJSON{}, Replaced: []replacedJSON{}}
		for _, r := range m.Replaced {
			mj.Replaced = append(mj.Replaced, replacedJSON{ImportID: r.ImportID})
		}
		for i, k := range c.KPIs {
			var kr score.KPIResult
			if i < len(m.Standing.KPIs) {
				kr = m.Standing.KPIs[i]
			}
			v := valueOf(m.Values, k.Code)
			kj := unitKPIJSON{Code: k.Code, Month: v.Month, YTD: v.YTD, Actual: kr.Actual, AsOf: kr.AsOf,
				TargetToDate: kr.TargetToDate, Attainment: kr.ToDate, Annual: kr.AnnualAttainment, Corrections: []correction{}}
			var fixes []string
			for _, r := range m.Replaced {
				old := valueOf(r.Values, k.Code)
				if same(old.Month, v.Month) && same(old.YTD, v.YTD) {
					continue
				}
				kj.Corrections = append(kj.Corrections, correction{ImportID: r.ImportID, Month: old.Month, YTD: old.YTD})
				fixes = append(fixes, fmt.Sprintf("#%d: %s → %s", r.ImportID, figures(old, lang), figures(v, lang)))
			}
			mj.KPIs = append(mj.KPIs, kj)
			if m.Values == nil && kr.Actual == nil {
				continue // nothing this month, nothing carried
			}
			att := Cell{Text: "—"}
			if kr.TargetToDate != nil && kr.Actual != nil {
				att = Cell{Value: kr.ToDate, Text: pct(kr.ToDate, lang) + carried(kr, m.Period, lang)}
			}
			imp := text("")
			if m.Values != nil {
				imp = text(fmt.Sprintf("#%d", m.ImportID))
			}
			t.Rows = append(t.Rows, []Cell{{Value: m.Period.String(), Text: i18n.Period(m.Period, lang)}, {Value: k.Code, Text: k.Label()},
				FigureCell(k, v.Month, lang), FigureCell(k, v.YTD, lang), FigureCell(k, kr.TargetToDate, lang), att, imp, text(strings.Join(fixes, "; "))})
		}
		y.doc.Months = append(y.doc.Months, mj)
	}
	y.Table = t
	return y
}

// JSON is the machine form of the unit's year.
func (y *UnitYear) JSON() any { return y.doc }

func valueOf(vs []report.Value, kpi string) report.Value {
	for _, v := range vs {
		if v.KPI == kpi {
			return v
		}
	}
	return report.Value{KPI: kpi}
}

func same(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// figures writes a value's month and year-to-date figures: "569.970" or
// "100 / 400" (month / year to date), "—" for none.
func figures(v report.Value, lang string) string {
	f := func(p *float64) string {
		if p == nil {
			return "—"
		}
		return numfmt.Format(*p, -1, lang)
	}
	if v.YTD == nil {
		return f(v.Month)
	}
	return f(v.Month) + " / " + f(v.YTD)
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
