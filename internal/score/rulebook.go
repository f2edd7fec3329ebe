package score

import (
	"math"
	"sort"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
)

// The rest of the rulebook, beyond attainment × weight: the council's bonus
// and penalty points, exclusions from awards, the leader-relative method,
// and the checks of individual nominations.
//
//   - adjustments (điểm cộng / điểm trừ): an adjustment counts for its unit
//     from its period on (a withdrawn one never). The bonus B+ is the sum of
//     the positive points, the penalty B− the sum of the negative ones (as a
//     positive number); each counts at most its bound (max_bonus,
//     max_penalty; none when the campaign sets none), and the total is
//     capped, never a single adjustment. The net adjustment is
//     min(B+, max_bonus) − min(B−, max_penalty), and the score is
//     Σ points + the net adjustment.
//   - exclusion (không xét khen thưởng): from its period on (a lifted one
//     never), the unit gets no award — no tier, no field award, and its
//     people's titles fail where the title asks not_excluded —, keeps its
//     score and rank, and is listed among the units not awarded.
//   - method leader: points_k = weight_k · min(a_k, cap_k) / L_k, where L_k
//     is the largest min(a, cap_k) for k among the units of the unit's scope
//     (its cluster, or the province); the leader gets the full weight; L_k =
//     0 (nobody reported k, or nobody has any attainment) gives 0 points.
//     Attained, ranks, tiers and field awards are decided exactly as under
//     method capped.
//   - nominations: a nomination for a title passes when the unit meets each
//     of the title's unit conditions (all_attained, min_score — on the
//     score with adjustments —, min_attainment, not_excluded) and is within
//     the title's max_per_unit, the unit's nominations for the title counted
//     in the order they were made.

// AppliedAdjustment is an adjustment that counts at the period.
type AppliedAdjustment struct {
	ID     int64         `json:"id"`
	Points float64       `json:"points"`
	Reason string        `json:"reason"`
	Period report.Period `json:"period"`
	KPI    string        `json:"kpi,omitempty"`
}

// Adjustment is a unit's adjustments at a period, totalled and bounded.
type Adjustment struct {
	Applied []AppliedAdjustment // those that count, oldest first
	Bonus   float64             // the positive points summed, before the bound
	Penalty float64             // the negative points summed, as a positive number, before the bound
	// MaxBonus and MaxPenalty are the campaign's bounds (nil: none);
	// BonusCapped and PenaltyCapped say a total went past its bound.
	MaxBonus, MaxPenalty       *float64
	BonusCapped, PenaltyCapped bool
	Net                        float64 // the points added to the score: counted bonus − counted penalty
}

// AdjustmentAt totals unit's adjustments that count at period p: not
// withdrawn, of p's year, from a period ≤ p; the bonus and the penalty each
// capped by the campaign's bounds b.
func AdjustmentAt(b *campaign.AdjustmentBounds, all []campaign.Adjustment, unit string, p report.Period) Adjustment {
	var out Adjustment
	if b != nil {
		out.MaxBonus, out.MaxPenalty = b.MaxBonus, b.MaxPenalty
	}
	for _, a := range all {
		if a.Unit != unit || a.Removed != nil || a.Period.Year != p.Year || p.Before(a.Period) {
			continue
		}
		out.Applied = append(out.Applied, AppliedAdjustment{ID: a.ID, Points: a.Points, Reason: a.Reason, Period: a.Period, KPI: a.KPI})
		if a.Points > 0 {
			out.Bonus += a.Points
		} else {
			out.Penalty -= a.Points
		}
	}
	sort.SliceStable(out.Applied, func(i, j int) bool { return out.Applied[i].ID < out.Applied[j].ID })
	bonus, penalty := out.Bonus, out.Penalty
	if out.MaxBonus != nil && bonus > *out.MaxBonus+eps {
		bonus, out.BonusCapped = *out.MaxBonus, true
	}
	if out.MaxPenalty != nil && penalty > *out.MaxPenalty+eps {
		penalty, out.PenaltyCapped = *out.MaxPenalty, true
	}
	out.Net = bonus - penalty
	return out
}

// ExclusionAt returns the unit's exclusion in force at period p — not
// lifted, of p's year, from a period ≤ p —, or nil.
func ExclusionAt(all []campaign.Exclusion, unit string, p report.Period) *campaign.Exclusion {
	for i, e := range all {
		if e.Unit == unit && e.Removed == nil && e.Period.Year == p.Year && !p.Before(e.Period) {
			return &all[i]
		}
	}
	return nil
}

// Leaders returns, for each KPI (by its index in the campaign), the best
// capped attainment L among the units of each scope: the key is the
// cluster's name under leader_scope cluster, "" for the province.
func Leaders(c *campaign.Campaign, units []UnitResult) map[string][]float64 {
	out := map[string][]float64{}
	for _, u := range units {
		key := scopeOf(c, u)
		best, ok := out[key]
		if !ok {
			best = make([]float64, len(c.KPIs))
			out[key] = best
		}
		for i, k := range u.KPIs {
			if i < len(best) && k.Capped > best[i] {
				best[i] = k.Capped
			}
		}
	}
	return out
}

func scopeOf(c *campaign.Campaign, u UnitResult) string {
	if c.LeaderScope == campaign.ScopeProvince {
		return ""
	}
	return u.Cluster
}

// RelativePoints are a KPI's points under method leader: weight · capped /
// leader, 0 when the leader has none.
func RelativePoints(weight, capped, leader float64) float64 {
	if !(leader > 0) {
		return 0
	}
	return weight * capped / leader
}

// ApplyLeader re-counts every unit's KPI points and score under method
// leader (see Leaders, RelativePoints); it returns each unit's leader
// values, by code, for the tables to show. Under method capped it changes
// nothing and returns nil.
func ApplyLeader(c *campaign.Campaign, units []UnitResult) map[string][]float64 {
	if c.Method != campaign.MethodLeader {
		return nil
	}
	leaders := Leaders(c, units)
	out := make(map[string][]float64, len(units))
	for i := range units {
		u := &units[i]
		best := leaders[scopeOf(c, *u)]
		u.Score = 0
		for j := range u.KPIs {
			k := &u.KPIs[j]
			k.Points = RelativePoints(k.Weight, k.Capped, best[j])
			u.Score += k.Points
		}
		out[u.Code] = best
	}
	return out
}

// Kinds of condition of the rulebook's decisions, beside those of the
// award rules (awards.go).
const (
	// Excluded: the unit is excluded from awards (không xét khen thưởng);
	// never met.
	Excluded ConditionKind = "excluded"
	// NotExcluded: a title's unit condition not_excluded; met when the unit
	// is not excluded.
	NotExcluded ConditionKind = "not_excluded"
	// MaxPerUnit: a title's limit per unit; Got the unit's nominations for
	// the title made before this one, Need the limit.
	MaxPerUnit ConditionKind = "max_per_unit"
)

// NominationResult is a nomination as the rules decide it: passed when
// every condition is met, the conditions in the title's order
// (all_attained, min_attainment, min_score, not_excluded, max_per_unit).
type NominationResult struct {
	ID         int64       `json:"id"`
	Unit       string      `json:"unit"`
	Name       string      `json:"name"`
	Title      string      `json:"title"`
	TitleName  string      `json:"-"`
	Reason     string      `json:"reason"`
	Passed     bool        `json:"passed"`
	Conditions []Condition `json:"conditions"`
}

// Reasons are the conditions that decided: when passed, those met (but
// the limit and a clean record, which are no merit); otherwise those not
// met.
func (n NominationResult) Reasons() []Condition {
	return Verdict{Awarded: n.Passed, Conditions: n.Conditions}.Reasons()
}

// CheckNominations decides every nomination in force against the standing
// r: the title's unit conditions, the unit's exclusion in force
// (UnitResult.Excluded), and the title's limit per unit in the order the
// nominations were made (by id). A nomination of a title or a unit unknown
// to r fails with no condition. Results come in the order of the
// campaign's titles, then of the units' ranks, then by id.
func CheckNominations(c *campaign.Campaign, r Result, all []campaign.Nomination) []NominationResult {
	units := make(map[string]UnitResult, len(r.Units))
	for _, u := range r.Units {
		units[u.Code] = u
	}
	ns := make([]campaign.Nomination, 0, len(all))
	for _, n := range all {
		if n.Removed == nil {
			ns = append(ns, n)
		}
	}
	sort.SliceStable(ns, func(i, j int) bool { return ns[i].ID < ns[j].ID })
	before := map[[2]string]int{} // (unit, title) → nominations counted so far
	out := make([]NominationResult, 0, len(ns))
	for _, n := range ns {
		res := NominationResult{ID: n.ID, Unit: n.Unit, Name: n.Name, Title: n.Title, TitleName: n.Title, Reason: n.Reason, Conditions: []Condition{}}
		t, okT := c.Title(n.Title)
		u, okU := units[n.Unit]
		if !okT || !okU {
			out = append(out, res)
			continue
		}
		res.TitleName = t.Name
		res.Conditions = UnitConditions(t.Unit, u)
		if t.Unit.NotExcluded {
			cond := Condition{Kind: NotExcluded, Met: u.Excluded == nil}
			if u.Excluded != nil {
				cond.Reason = u.Excluded.Reason
			}
			res.Conditions = append(res.Conditions, cond)
		}
		if t.MaxPerUnit > 0 {
			key := [2]string{n.Unit, n.Title}
			res.Conditions = append(res.Conditions, Condition{Kind: MaxPerUnit, Met: before[key] < t.MaxPerUnit,
				Got: float64(before[key]), Need: float64(t.MaxPerUnit)})
			before[key]++
		}
		res.Passed = allMet(res.Conditions)
		out = append(out, res)
	}
	titleOrder := func(code string) int {
		for i, t := range c.Titles {
			if t.Code == code {
				return i
			}
		}
		return len(c.Titles)
	}
	rankOf := func(code string) int {
		if u, ok := units[code]; ok {
			return u.Rank
		}
		return math.MaxInt
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ta, tb := titleOrder(a.Title), titleOrder(b.Title); ta != tb {
			return ta < tb
		}
		if ra, rb := rankOf(a.Unit), rankOf(b.Unit); ra != rb {
			return ra < rb
		}
		return a.ID < b.ID
	})
	return out
}

// UnitConditions returns how unit u stands against a title's unit
// conditions, in order: all_attained, min_attainment, min_score (the
// conditions of the award rules of the same names).
func UnitConditions(uc campaign.UnitCondition, u UnitResult) []Condition {
	rule := campaign.AwardRule{AllAttained: uc.AllAttained, MinAttainment: uc.MinAttainment, MinScore: uc.MinScore}
	var out []Condition
	for _, c := range Conditions(rule, u) {
		if c.Kind != ScoreStated {
			out = append(out, c)
		}
	}
	return out
}

// applyRulebook applies the campaign's method, then the council's
// adjustments and exclusions at period p, to units whose KPI points and
// score are counted (the score before adjustments).
func applyRulebook(c *campaign.Campaign, units []UnitResult, adjs []campaign.Adjustment, excls []campaign.Exclusion, p report.Period) {
	applyMethod(c, units)
	for i := range units {
		u := &units[i]
		a := AdjustmentAt(c.Adjustments, adjs, u.Code, p)
		u.AdjustmentTotal, u.Adjustment = a, a.Net
		u.Adjustments = append([]AppliedAdjustment{}, a.Applied...)
		u.Score += a.Net
		if e := ExclusionAt(excls, u.Code, p); e != nil {
			u.Excluded = &Exclusion{Reason: e.Reason, Period: e.Period}
		}
	}
}

// applyMethod counts the points under the campaign's method: under method
// leader relative to the scope's leader (ApplyLeader), each KPI noting its
// leader's value.
func applyMethod(c *campaign.Campaign, units []UnitResult) {
	leaders := ApplyLeader(c, units)
	for i := range units {
		best, ok := leaders[units[i].Code]
		if !ok {
			continue
		}
		for j := range units[i].KPIs {
			if j < len(best) {
				units[i].KPIs[j].Leader = ptr(best[j])
			}
		}
	}
}
