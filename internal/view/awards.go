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

// Awards is the award shortlist: one list per tier, the field awards, the
// individuals nominated who pass, the units that got no tier and why, the
// nominations that do not pass and why.
type Awards struct {
	About
	Title  string    // "Danh sách đề nghị khen thưởng bhxh-2024 — kỳ 2024-06"
	Tiers  []Section // one per award rule, in the campaign's order
	Field  *Section  // the field awards; nil when the campaign has none
	Missed Section   // the units that got no tier
	// Nominations and NominationsMissed are the individual nominations that
	// pass and those that do not; nil when there are none at all.
	Nominations, NominationsMissed *Section

	doc   awardsJSON
	units map[string]score.UnitResult
}

// Section is one list of the shortlist.
type Section struct {
	Code  string // the tier's code; "field", "missed", "nominations" or "nominations_missed" for the other lists
	Name  string // its heading: the tier's name, …
	Sheet string // its name as a sheet of a workbook
	Title string // its title in print, when not the default (the report's and its name)
	Table *Table
	// Signed: the list is part of the decision, and its sheet closes with
	// the signature block (not the lists of who missed).
	Signed bool
}

// awardsJSON is the machine form of the shortlist: each decision as its
// conditions (score.Condition values) and in words (reason, reasons).
type awardsJSON struct {
	Campaign    string             `json:"campaign"`
	Period      report.Period      `json:"period"`
	Awards      []awardJSON        `json:"awards"`
	FieldAwards []score.FieldAward `json:"field_awards"`
	NotAwarded  []notAwardedJSON   `json:"not_awarded"`
	Nominations []nominationJSON   `json:"nominations"`
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
	Adjustment float64           `json:"adjustment"` // the council's net points in the score
}

type notAwardedJSON struct {
	Code     string           `json:"code"`
	Reasons  []string         `json:"reasons"`            // each unmet condition once: "đạt 6/7 chỉ tiêu, … — Cờ thi đua, Bằng khen"; excluded: why
	Verdicts []score.Verdict  `json:"verdicts"`           // per tier: its conditions
	Excluded *score.Exclusion `json:"excluded,omitempty"` // the exclusion from awards, when excluded
}

// nominationJSON is an individual nomination as decided.
type nominationJSON struct {
	ID         int64             `json:"id"`
	Unit       string            `json:"unit"`
	Name       string            `json:"name"`
	Title      string            `json:"title"`
	Proposal   string            `json:"proposal"` // the unit's reason for proposing them
	Passed     bool              `json:"passed"`
	Reason     string            `json:"reason"`     // the decision in words
	Conditions []score.Condition `json:"conditions"` // every condition of the title
}

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
		units: units,
		About: about(c, r, lang),
		Title: fmt.Sprintf("%s %s — %s", l.AwardsTitle, c.Code, i18n.Period(r.Period, lang)),
		doc: awardsJSON{Campaign: c.Code, Period: r.Period,
			Awards: []awardJSON{}, FieldAwards: []score.FieldAward{}, NotAwarded: []notAwardedJSON{}, Nominations: []nominationJSON{}},
	}
	x := extrasOf(r.Units)
	say := i18n.SpeakerFor(lang, c)
	for _, aw := range sl.Awards {
		if u, ok := units[aw.Code]; ok {
			a.doc.Awards = append(a.doc.Awards, awardJSON{Tier: aw.Tier, Code: aw.Code, Name: aw.Name, Cluster: aw.Cluster,
				Rank: aw.Rank, Score: aw.Score, Adjustment: u.Adjustment, Reason: say.Reasons(aw.Reasons()), Conditions: nonNil(aw.Conditions)})
		}
	}
	for _, fa := range sl.FieldAwards {
		if _, ok := units[fa.Code]; ok {
			a.doc.FieldAwards = append(a.doc.FieldAwards, fa)
		}
	}
	for _, n := range sl.NotAwarded {
		if u, ok := units[n.Code]; ok {
			na := notAwardedJSON{Code: n.Code, Reasons: []string{}, Verdicts: []score.Verdict{}, Excluded: u.Excluded}
			for _, v := range n.Verdicts {
				v.Conditions = nonNil(v.Conditions)
				na.Verdicts = append(na.Verdicts, v)
			}
			if u.Excluded != nil { // one reason for every tier
				na.Reasons = append(na.Reasons, i18n.T(lang, i18n.ExcludedFrom, i18n.PeriodIn(u.Excluded.Period, lang), u.Excluded.Reason))
			} else {
				na.Reasons = append(na.Reasons, UnitReasons(say, n.Verdicts)...)
			}
			a.doc.NotAwarded = append(a.doc.NotAwarded, na)
		}
	}

	for _, rule := range c.Awards {
		t := &Table{Lang: lang, Columns: tierColumns(l)}
		if x.adjust {
			t.Columns = withAdjustment(t.Columns, l)
		}
		for _, aw := range a.doc.Awards {
			if aw.Tier == rule.Code {
				row := []Cell{text(aw.Tier), {Value: len(t.Rows) + 1}, {Value: aw.Rank}, text(aw.Code),
					unitName(aw.Name), text(aw.Cluster), num(aw.Score)}
				if x.adjust {
					row = append(row, AdjustmentCell(units[aw.Code], lang))
				}
				t.Rows = append(t.Rows, append(row, text(aw.Reason)))
			}
		}
		a.Tiers = append(a.Tiers, Section{Code: rule.Code, Name: rule.Name, Sheet: rule.Name, Table: t, Signed: true})
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
			t.Rows = append(t.Rows, []Cell{text("field:" + fa.KPI), {Value: i + 1}, {Value: fa.KPI, Text: k.Label()}, text(k.Name),
				text(fa.Code), unitName(fa.Name), {Value: fa.Attainment, Text: pct(fa.Attainment, lang)},
				text(fmt.Sprintf("attainment %g", fa.Attainment))})
		}
		a.Field = &Section{Code: "field", Name: c.FieldAwards.Name, Sheet: l.FieldSheet, Table: t, Signed: true}
	}
	a.nominations(units, sl.Nominations, l, say)

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
	if x.adjust {
		t.Columns = withAdjustment(t.Columns, l)
	}
	for i, n := range a.doc.NotAwarded {
		u := units[n.Code]
		row := []Cell{text(""), {Value: i + 1}, {Value: u.Rank}, text(u.Code), unitName(u.Name),
			text(u.Cluster), num(u.Score)}
		if x.adjust {
			row = append(row, AdjustmentCell(u, lang))
		}
		t.Rows = append(t.Rows, append(row, Cell{Value: strings.Join(n.Reasons, "; "), Text: strings.Join(n.Reasons, "\n")}))
	}
	a.Missed = Section{Code: "missed", Name: l.NotAwarded, Sheet: l.NotAwardedSheet, Table: t}
	return a
}

// UnitReasons says why a unit got none of the tiers, each unmet condition
// once with the tiers it kept the unit from ("đạt 6/7 chỉ tiêu, chưa đạt
// Số thu (89,2%) — Cờ thi đua, Bằng khen"), in the order the tiers first
// name them; the score once, with each tier's minimum ("95,9 điểm < 105
// (Cờ thi đua), < 100 (Bằng khen)").
func UnitReasons(say i18n.Speaker, verdicts []score.Verdict) []string {
	lang := say.Lang
	type group struct {
		text  string
		tiers []string
		score []string // under a minimum score: "105 (Cờ thi đua)"
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, v := range verdicts {
		if v.Awarded {
			continue
		}
		for _, c := range v.Reasons() {
			key, text := "", say.Condition(c)
			if c.Kind == score.MinScore {
				key = string(c.Kind)
			} else {
				key = string(c.Kind) + "\x00" + text
			}
			g := byKey[key]
			if g == nil {
				g = &group{text: text}
				if c.Kind == score.MinScore {
					g.text = i18n.Points(c.Got, lang)
				}
				byKey[key] = g
				groups = append(groups, g)
			}
			if c.Kind == score.MinScore {
				g.score = append(g.score, numfmt.Format(c.Need, -1, lang)+" ("+v.TierName+")")
			}
			g.tiers = append(g.tiers, v.TierName)
		}
	}
	out := make([]string, 0, len(groups))
	for _, g := range groups {
		switch {
		case len(g.score) == 1:
			out = append(out, i18n.T(lang, i18n.ReasonTiers, i18n.T(lang, i18n.CondNotMinScore, g.text, strings.TrimSuffix(g.score[0], " ("+g.tiers[0]+")")), g.tiers[0]))
		case len(g.score) > 1:
			out = append(out, i18n.T(lang, i18n.CondNotMinScore, g.text, strings.Join(g.score, ", < ")))
		default:
			out = append(out, i18n.T(lang, i18n.ReasonTiers, g.text, strings.Join(g.tiers, ", ")))
		}
	}
	return out
}

// Empty is what an empty list says: "(không có đơn vị)" under a list of
// units, "(không có)" under a list of individuals.
func (s Section) Empty() string {
	lang := s.Table.Lang
	if s.Code == "nominations" || s.Code == "nominations_missed" {
		return i18n.For(lang).None
	}
	return i18n.T(lang, i18n.NoUnitListed)
}

// InCluster shows, for the shortlist of one cluster (kpi awards
// --cluster), each unit's rank in its cluster — the one top_in_cluster
// rules on — before its rank in the province, on screen and in print.
func (a *Awards) InCluster() {
	for _, s := range a.Sections() {
		t := s.Table
		i, code := t.Col("rank"), t.Col("code")
		if i < 0 || code < 0 || t.Columns[i].In&(Screen|Print) == 0 {
			continue
		}
		col := Column{Key: "cluster_rank", Label: i18n.T(a.Lang, i18n.RankInCluster), Kind: Int, Width: 8, In: t.Columns[i].In &^ Machine, Sticky: true}
		t.Columns[i].Label = i18n.T(a.Lang, i18n.RankInProvince)
		t.Columns = append(t.Columns[:i], append([]Column{col}, t.Columns[i:]...)...)
		for r, row := range t.Rows {
			u := a.units[str(row[code])]
			t.Rows[r] = append(row[:i], append([]Cell{{Value: u.ClusterRank}}, row[i:]...)...)
		}
	}
}

// str is a text cell's value.
func str(c Cell) string {
	s, _ := c.Value.(string)
	return s
}

// withAdjustment adds the council's points ("Cộng/trừ") after the score.
func withAdjustment(cols []Column, l i18n.Labels) []Column {
	out := make([]Column, 0, len(cols)+1)
	for _, c := range cols {
		out = append(out, c)
		if c.Key == "score" {
			out = append(out, Column{Key: "adjustment", Label: l.Adjustment, Kind: Score, Decimals: 2, Width: 10, In: c.In})
		}
	}
	return out
}

// nominations builds the lists of the individual nominations of the units
// shown: those that pass (part of the decision), those that do not and
// why; none when no nomination stands.
func (a *Awards) nominations(units map[string]score.UnitResult, ns []score.NominationResult, l i18n.Labels, say i18n.Speaker) {
	var passed, missed []score.NominationResult
	said := map[int64]string{} // each nomination's decision in words
	for _, n := range ns {
		if _, ok := units[n.Unit]; !ok {
			continue
		}
		reason := say.Reasons(n.Reasons())
		if n.Passed && reason == "" {
			reason = i18n.T(say.Lang, i18n.NominationPasses)
		}
		said[n.ID] = reason
		a.doc.Nominations = append(a.doc.Nominations, nominationJSON{ID: n.ID, Unit: n.Unit, Name: n.Name, Title: n.Title,
			Proposal: n.Reason, Passed: n.Passed, Reason: reason, Conditions: nonNil(n.Conditions)})
		if n.Passed {
			passed = append(passed, n)
		} else {
			missed = append(missed, n)
		}
	}
	if len(passed)+len(missed) == 0 {
		return
	}
	table := func(list []score.NominationResult, passed bool) *Table {
		t := &Table{Lang: a.Lang, Columns: []Column{
			{Key: "tier", Label: l.Tier, Kind: Text, In: Machine},
			{Key: "seq", Label: l.Seq, Kind: Int, Width: 6, In: Print, Sticky: true},
			{Key: "title", Label: l.Tier, Kind: Text, Width: 24, In: Screen | Print, Sticky: true},
			{Key: "person", Label: l.Person, Kind: Text, Width: 26, In: All, Sticky: true},
			{Key: "code", Label: l.Code, Kind: Short, Width: 9, In: All},
			{Key: "name", Label: l.Unit, Kind: Text, Width: 30, In: All},
			{Key: "proposal", Label: l.Proposal, Kind: Note, Width: 40, In: All},
			{Key: "reason", Label: l.Reason, Kind: Note, Width: 50, In: All},
		}}
		for i, n := range list {
			tier := ""
			if passed {
				tier = "individual:" + n.Title
			}
			t.Rows = append(t.Rows, []Cell{text(tier), {Value: i + 1}, text(n.TitleName), text(n.Name), text(n.Unit),
				unitName(units[n.Unit].Name), text(n.Reason), text(said[n.ID])})
		}
		return t
	}
	a.Nominations = &Section{Code: "nominations", Name: l.Nominations, Sheet: l.NominationsSheet, Title: l.NominationsReport,
		Table: table(passed, true), Signed: true}
	a.NominationsMissed = &Section{Code: "nominations_missed", Name: l.NominationsMissed, Sheet: l.NominationsMissedSheet, Table: table(missed, false)}
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
// the campaign has them), the individuals who pass (when any is
// nominated), the units that missed, the nominations that do not pass.
func (a *Awards) Sections() []Section {
	out := append([]Section(nil), a.Tiers...)
	if a.Field != nil {
		out = append(out, *a.Field)
	}
	if a.Nominations != nil {
		out = append(out, *a.Nominations)
	}
	out = append(out, a.Missed)
	if a.NominationsMissed != nil {
		out = append(out, *a.NominationsMissed)
	}
	return out
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
