package view

import (
	"fmt"
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
)

// Awards is the award shortlist: one list per tier, the field awards, the
// units that got no tier and why.
type Awards struct {
	About
	Title  string    // "Danh sách đề nghị khen thưởng bhxh-2024 — kỳ 2024-06"
	Tiers  []Section // one per award rule, in the campaign's order
	Field  *Section  // the field awards; nil when the campaign has none
	Missed Section   // the units that got no tier

	doc awardsJSON
}

// Section is one list of the shortlist.
type Section struct {
	Code  string // the tier's code; "field" or "missed" for the other lists
	Name  string // its heading: the tier's name, …
	Sheet string // its name as a sheet of a workbook
	Table *Table
}

// awardsJSON is the machine form of the shortlist: each decision as its
// conditions (score.Condition values) and in words (reason, reasons).
type awardsJSON struct {
	Campaign    string             `json:"campaign"`
	Period      report.Period      `json:"period"`
	Awards      []awardJSON        `json:"awards"`
	FieldAwards []score.FieldAward `json:"field_awards"`
	NotAwarded  []notAwardedJSON   `json:"not_awarded"`
	// Projected marks the forecast: the rules applied to projected
	// attainments (kpi awards --projected), never the real shortlist.
	Projected bool `json:"projected,omitempty"`
}

type awardJSON struct {
	Tier       string            `json:"tier"`
	Code       string            `json:"code"`
	Name       string            `json:"name"`
	Cluster    string            `json:"cluster"`
	Rank       int               `json:"rank"`
	Score      float64           `json:"score"`
	Reason     string            `json:"reason"`     // the conditions met, in words
	Conditions []score.Condition `json:"conditions"` // every condition of the tier
}

type notAwardedJSON struct {
	Code     string          `json:"code"`
	Reasons  []string        `json:"reasons"`  // per tier: "Cờ thi đua: đạt 6/7 chỉ tiêu, …"
	Verdicts []score.Verdict `json:"verdicts"` // per tier: its conditions
}

// ReasonsLang is the language the award decisions are written in — the
// reasons of the shortlist, the lines of the units that missed, kpi awards
// --explain — for output in lang. They stay in the officer's Vietnamese
// under --lang en: the decision is Vietnamese, and the awards export in
// English is checked against the reasons of the default JSON (cli's
// TestExportAwardsWorkbook). Returning lang here makes them follow --lang.
func ReasonsLang(lang string) string { return "vi" }

// NewAwards builds the shortlist of the units in r (all of them, or one
// cluster's): entries of sl for other units are left out.
// Forecast marks the shortlist as the forecast (dự kiến) in its title and
// JSON: it was computed from projected attainments (score.Projected).
func (a *Awards) Forecast() {
	a.Title = i18n.For(a.Lang).Forecast + " — " + a.Title
	a.doc.Projected = true
}

func NewAwards(c *campaign.Campaign, r score.Result, sl score.Shortlist, lang string) *Awards {
	l := i18n.For(lang)
	units := map[string]score.UnitResult{}
	for _, u := range r.Units {
		units[u.Code] = u
	}
	a := &Awards{
		About: about(c, r, lang),
		Title: fmt.Sprintf("%s %s — %s %s", l.AwardsTitle, c.Code, l.Period, r.Period),
		doc: awardsJSON{Campaign: c.Code, Period: r.Period,
			Awards: []awardJSON{}, FieldAwards: []score.FieldAward{}, NotAwarded: []notAwardedJSON{}},
	}
	say := ReasonsLang(lang)
	for _, aw := range sl.Awards {
		if _, ok := units[aw.Code]; ok {
			a.doc.Awards = append(a.doc.Awards, awardJSON{Tier: aw.Tier, Code: aw.Code, Name: aw.Name, Cluster: aw.Cluster,
				Rank: aw.Rank, Score: aw.Score, Reason: i18n.Reasons(say, aw.Reasons()), Conditions: nonNil(aw.Conditions)})
		}
	}
	for _, fa := range sl.FieldAwards {
		if _, ok := units[fa.Code]; ok {
			a.doc.FieldAwards = append(a.doc.FieldAwards, fa)
		}
	}
	for _, n := range sl.NotAwarded {
		if _, ok := units[n.Code]; ok {
			na := notAwardedJSON{Code: n.Code, Reasons: []string{}, Verdicts: []score.Verdict{}}
			for _, v := range n.Verdicts {
				v.Conditions = nonNil(v.Conditions)
				na.Reasons = append(na.Reasons, i18n.Verdict(say, v))
				na.Verdicts = append(na.Verdicts, v)
			}
			a.doc.NotAwarded = append(a.doc.NotAwarded, na)
		}
	}

	for _, rule := range c.Awards {
		t := &Table{Lang: lang, Columns: tierColumns(l)}
		for _, aw := range a.doc.Awards {
			if aw.Tier == rule.Code {
				t.Rows = append(t.Rows, []Cell{text(aw.Tier), {Value: len(t.Rows) + 1}, {Value: aw.Rank}, text(aw.Code),
					text(aw.Name), text(aw.Cluster), num(aw.Score), text(aw.Reason)})
			}
		}
		a.Tiers = append(a.Tiers, Section{Code: rule.Code, Name: rule.Name, Sheet: rule.Name, Table: t})
	}

	if c.FieldAwards.Enabled {
		t := &Table{Lang: lang, Columns: []Column{
			{Key: "tier", Label: l.Tier, Kind: Text, In: Machine},
			{Key: "seq", Label: l.Seq, Kind: Int, Width: 6, In: Print, Sticky: true},
			{Key: "kpi", Label: l.KPI, Kind: Text, Width: 11, In: Screen | Print, Sticky: true},
			{Key: "kpi_name", Label: l.KPIName, Kind: Text, Width: 36, In: Print},
			{Key: "code", Label: l.Code, Kind: Short, Width: 9, In: All},
			{Key: "name", Label: l.Unit, Kind: Text, Width: 32, In: All},
			{Key: "attainment", Label: l.Attainment, Kind: Ratio, Width: 12, In: Screen | Print},
			{Key: "reason", Label: l.Reason, Kind: Text, In: Machine},
		}}
		for i, fa := range a.doc.FieldAwards {
			k, _ := c.KPI(fa.KPI)
			// the machine reason is a key and a plain value, as the columns' keys are
			t.Rows = append(t.Rows, []Cell{text("field:" + fa.KPI), {Value: i + 1}, text(fa.KPI), text(k.Name),
				text(fa.Code), text(fa.Name), {Value: fa.Attainment, Text: pct(fa.Attainment, lang)},
				text(fmt.Sprintf("attainment %g", fa.Attainment))})
		}
		a.Field = &Section{Code: "field", Name: c.FieldAwards.Name, Sheet: l.FieldSheet, Table: t}
	}

	t := &Table{Lang: lang, Columns: []Column{
		{Key: "tier", Label: l.Tier, Kind: Text, In: Machine},
		{Key: "seq", Label: l.Seq, Kind: Int, Width: 6, In: Print, Sticky: true},
		{Key: "rank", Label: l.Rank, Kind: Int, Width: 7, In: Print, Sticky: true},
		{Key: "code", Label: l.Code, Kind: Short, Width: 9, In: All, Sticky: true},
		{Key: "name", Label: l.Unit, Kind: Text, Width: 32, In: All, Sticky: true},
		{Key: "cluster", Label: l.Cluster, Kind: Text, Width: 12, In: Print},
		{Key: "score", Label: l.Score, Kind: Score, Width: 10, In: Print},
		{Key: "reason", Label: l.Reasons, Kind: Note, Width: 90, In: All},
	}}
	for i, n := range a.doc.NotAwarded {
		u := units[n.Code]
		t.Rows = append(t.Rows, []Cell{text(""), {Value: i + 1}, {Value: u.Rank}, text(u.Code), text(u.Name),
			text(u.Cluster), num(u.Score),
			{Value: strings.Join(n.Reasons, " | "), Text: strings.Join(n.Reasons, "\n")}})
	}
	a.Missed = Section{Code: "missed", Name: l.NotAwarded, Sheet: l.NotAwardedSheet, Table: t}
	return a
}

// tierColumns are the columns of a tier's list: rank, code, unit, cluster,
// score and the conditions met.
func tierColumns(l i18n.Labels) []Column {
	return []Column{
		{Key: "tier", Label: l.Tier, Kind: Text, In: Machine},
		{Key: "seq", Label: l.Seq, Kind: Int, Width: 6, In: Print, Sticky: true},
		{Key: "rank", Label: l.Rank, Kind: Int, Width: 7, In: All, Sticky: true},
		{Key: "code", Label: l.Code, Kind: Short, Width: 9, In: All, Sticky: true},
		{Key: "name", Label: l.Unit, Kind: Text, Width: 32, In: All, Sticky: true},
		{Key: "cluster", Label: l.Cluster, Kind: Text, Width: 12, In: All},
		{Key: "score", Label: l.Score, Kind: Score, Decimals: 2, Width: 10, In: All},
		{Key: "reason", Label: l.Reason, Kind: Note, Width: 60, In: All},
	}
}

// JSON is the machine form: the shortlist with English keys.
func (a *Awards) JSON() any { return a.doc }

// Sections returns every list in order: the tiers, the field awards (when
// the campaign has them), the units that missed.
func (a *Awards) Sections() []Section {
	out := append([]Section(nil), a.Tiers...)
	if a.Field != nil {
		out = append(out, *a.Field)
	}
	return append(out, a.Missed)
}

// Machine is the whole shortlist as one table for machines (CSV): the
// machine columns of the tiers' lists (then any other list's), matched by
// key, a row per entry; a list without a column leaves it empty.
func (a *Awards) Machine() *Table {
	out := (&Table{Lang: a.Lang, Columns: tierColumns(i18n.For(a.Lang))}).In(Machine)
	for _, s := range a.Sections() {
		m := s.Table.In(Machine)
		for _, c := range m.Columns {
			if out.Col(c.Key) < 0 {
				out.Columns = append(out.Columns, c)
			}
		}
	}
	for _, s := range a.Sections() {
		m := s.Table.In(Machine)
		for _, row := range m.Rows {
			cells := make([]Cell, len(out.Columns))
			for i, c := range m.Columns {
				cells[out.Col(c.Key)] = row[i]
			}
			out.Rows = append(out.Rows, cells)
		}
	}
	return out
}

func nonNil(cs []score.Condition) []score.Condition {
	if cs == nil {
		return []score.Condition{}
	}
	return cs
}
