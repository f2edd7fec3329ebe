// Package score is the campaign's rulebook as code: attainment, the
// on-track line, the year-end projection, the score, the rankings and the
// award shortlist. It is pure: no I/O, no SQL, no printing. Every formula is
// documented here and in the README.
//
// As of a period P (month m of the campaign year), for each unit u and KPI k
// with target T and baseline B (the unit's previous-year value), using only
// reports for months ≤ P:
//
//   - actual A: stock and rate KPIs: the value of u's latest report ≤ P that
//     has one (its month value, else its year-to-date column); flow KPIs:
//     the year-to-date value of the latest report ≤ P that has k, when it
//     gives one, else the sum of the month values reported for months ≤ P.
//   - plan to date T_P (see todate.go): flow T·s(m); stock with a baseline
//     B + (T−B)·s(m), without T; rate T — s(m) the share of the year due by
//     month m (m/12, the KPI's phasing, or the unit's quarterly plan).
//   - attainment against a plan X: higher-is-better A/X; lower-is-better X/A
//     (A = 0: the cap); X = 0 (nothing due yet): the cap. The annual
//     attainment is against T, the attainment to date against T_P; the
//     campaign's score_basis (to_date, the default, or annual) says which one
//     is scored, ranked and awarded. Attained means that one ≥ 1.
//   - missing: no value for k in any report ≤ P: a = 0, never attained.
//     A KPI with no target at all scores the same, flagged no_target; so
//     does one whose figures make an attainment overflow (never infinite
//     or NaN), and a projection that overflows is left out.
//   - on track: the attainment to date ≥ 1.
//   - as of: the month the figure comes from; before P it is carried from
//     an earlier report (a blank cell is no value, never zero).
//   - projection: flow A·12/m; stock with a baseline B + (A−B)·12/m, without
//     A; rate A. Projected attainment applies the attainment formula to it.
//   - points: weight_k · min(a_k, cap_k) under the campaign's method capped
//     (the default); under method leader, divided by the best min(a, cap_k)
//     of the unit's cluster or province (see rulebook.go).
//   - score: Σ_k points_k + the council's net adjustment (bonus − penalty,
//     each capped; see rulebook.go); with no adjustment and method capped,
//     100 = exactly on every target.
//   - excluded: a unit excluded from awards keeps its score and rank.
//   - rank, cluster rank: by score rounded to 2 decimals (higher first), then
//     KPIs attained (more first), then unit code; 1, 2, 3 … without ties.
//   - stale: the unit's latest report is older than P.
//
// Comparisons with thresholds (attained, min_attainment) allow 1e-9 for
// floating-point noise; min_score compares the score rounded to 2 decimals,
// the figure people see.
package score

import (
	"math"
	"sort"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/fold"
	"github.com/bhxh/kpi/internal/report"
)

// eps absorbs floating-point noise in threshold comparisons.
const eps = 1e-9

// Input is everything the rules need.
type Input struct {
	Campaign     *campaign.Campaign
	Units        []campaign.Unit
	Observations []report.Observation // live figures; those after Period are ignored
	// Prior are last year's live figures (cùng kỳ): compared, never scored;
	// those after the same month of last year are ignored.
	Prior  []report.Observation
	Period report.Period
	// The council's decisions: bonus and penalty points and exclusions
	// from awards, each applied from its period on (see rulebook.go).
	Adjustments []campaign.Adjustment
	Exclusions  []campaign.Exclusion
}

// KPIResult is one unit's standing on one KPI.
type KPIResult struct {
	Code                string         `json:"code"`
	Actual              *float64       `json:"actual"`
	AsOf                *report.Period `json:"as_of"` // the month A comes from; before P: carried
	Target              *float64       `json:"target"`
	TargetToDate        *float64       `json:"target_to_date"`
	Baseline            *float64       `json:"baseline"`
	Attainment          float64        `json:"attainment"` // the one scored (score_basis)
	AnnualAttainment    float64        `json:"annual_attainment"`
	Capped              float64        `json:"capped"`
	Points              float64        `json:"points"`
	OnTrack             *bool          `json:"on_track"`
	Projected           *float64       `json:"projected"`
	ProjectedAttainment *float64       `json:"projected_attainment"`
	Missing             bool           `json:"missing"`
	// Prior is the same period's actual last year (cùng kỳ), by the same
	// rules as A; Growth is A / prior − 1 for stock and flow, A − prior
	// (points) for rates.
	Prior  *float64 `json:"prior"`
	Growth *float64 `json:"growth"`
	// Leader is, under method leader, the best capped attainment of the
	// unit's scope that the points are relative to.
	Leader *float64 `json:"leader,omitempty"`

	Attained bool     `json:"-"`
	NoTarget bool     `json:"-"`
	ToDate   float64  `json:"-"` // the attainment to date, whichever is scored
	Expected *float64 `json:"-"` // the on-track line: T_P
	Weight   float64  `json:"-"`
	Cap      float64  `json:"-"`
}

// Carried reports whether the figure comes from a month before p.
func (k KPIResult) Carried(p report.Period) bool { return k.AsOf != nil && k.AsOf.Before(p) }

// UnitResult is one unit's standing.
type UnitResult struct {
	Rank         int            `json:"rank"`
	ClusterRank  int            `json:"cluster_rank"`
	Code         string         `json:"code"`
	Name         string         `json:"name"`
	Cluster      string         `json:"cluster"`
	Score        float64        `json:"score"`
	KPIsAttained int            `json:"kpis_attained"`
	LastReport   *report.Period `json:"last_report"`
	Stale        bool           `json:"stale"`
	KPIs         []KPIResult    `json:"kpis"`
	// Adjustment is the council's net points in the score (bonus −
	// penalty, each capped); Adjustments those that count, AdjustmentTotal
	// their sums and whether a bound was reached.
	Adjustment      float64             `json:"adjustment"`
	Adjustments     []AppliedAdjustment `json:"adjustments"`
	AdjustmentTotal Adjustment          `json:"-"`
	// Excluded is the unit's exclusion from awards in force, or nil.
	Excluded *Exclusion `json:"excluded"`
}

// Exclusion is a unit's exclusion from awards (không xét khen thưởng).
type Exclusion struct {
	Reason string        `json:"reason"`
	Period report.Period `json:"period"` // from when
}

// KPIPoints is the score before the council's adjustment: Σ points.
func (u UnitResult) KPIPoints() float64 { return u.Score - u.Adjustment }

// AllAttained reports whether every KPI is attained.
func (u UnitResult) AllAttained() bool { return u.KPIsAttained == len(u.KPIs) }

// Result is the ranked standing of every unit as of a period.
type Result struct {
	Campaign      string        `json:"campaign"`
	Period        report.Period `json:"period"`
	MonthsElapsed int           `json:"months_elapsed"`
	Units         []UnitResult  `json:"units"`
	Totals        Totals        `json:"totals"` // the province's and each cluster's (see totals.go)
}

// Compute applies the rules. Units come back in rank order.
func Compute(in Input) Result {
	c := in.Campaign
	m := in.Period.Month
	res := Result{Campaign: c.Code, Period: in.Period, MonthsElapsed: m, Units: []UnitResult{}}
	byUnit := map[string][]report.Observation{}
	for _, o := range in.Observations {
		if in.Period.Before(o.Period) || o.Period.Year != in.Period.Year {
			continue
		}
		byUnit[o.Unit] = append(byUnit[o.Unit], o)
	}
	lastYear := report.Period{Year: in.Period.Year - 1, Month: in.Period.Month}
	priorByUnit := map[string][]report.Observation{}
	for _, o := range in.Prior {
		if lastYear.Before(o.Period) || o.Period.Year != lastYear.Year {
			continue
		}
		priorByUnit[o.Unit] = append(priorByUnit[o.Unit], o)
	}
	for _, u := range in.Units {
		obs := byUnit[u.Code]
		sort.SliceStable(obs, func(i, j int) bool { return obs[i].Period.Before(obs[j].Period) })
		ur := UnitResult{Code: u.Code, Name: u.Name, Cluster: u.Cluster, KPIs: []KPIResult{}}
		if len(obs) > 0 {
			last := obs[len(obs)-1].Period
			ur.LastReport = &last
			ur.Stale = last.Before(in.Period)
		} else {
			ur.Stale = true
		}
		prior := priorByUnit[u.Code]
		sort.SliceStable(prior, func(i, j int) bool { return prior[i].Period.Before(prior[j].Period) })
		for _, k := range c.KPIs {
			kr := kpiResult(c, k, u, obs, m)
			if pa, ok := Actual(k, prior); ok {
				kr.Prior = ptr(pa)
				if kr.Actual != nil {
					kr.Growth = growth(k, *kr.Actual, pa)
				}
			}
			ur.Score += kr.Points
			if kr.Attained {
				ur.KPIsAttained++
			}
			ur.KPIs = append(ur.KPIs, kr)
		}
		res.Units = append(res.Units, ur)
	}
	applyRulebook(c, res.Units, in.Adjustments, in.Exclusions, in.Period)
	rank(res.Units)
	res.Totals = ComputeTotals(c, res, in.Units)
	return res
}

func ptr(v float64) *float64 { return &v }

// Actual returns A for one unit and KPI from the unit's observations
// (sorted by period, all ≤ P), and whether there is one.
func Actual(k campaign.KPI, obs []report.Observation) (float64, bool) {
	a, _, ok := actualAsOf(k, obs)
	return a, ok
}

// actualAsOf is Actual with the month the figure comes from.
func actualAsOf(k campaign.KPI, obs []report.Observation) (float64, report.Period, bool) {
	latest := -1
	for i, o := range obs {
		if o.KPI == k.Code && (o.Month != nil || o.YTD != nil) {
			latest = i
		}
	}
	if latest < 0 {
		return 0, report.Period{}, false
	}
	o := obs[latest]
	if k.Kind != campaign.Flow {
		if o.Month != nil {
			return *o.Month, o.Period, true
		}
		return *o.YTD, o.Period, true
	}
	if o.YTD != nil {
		return *o.YTD, o.Period, true
	}
	sum, any := 0.0, false
	for _, x := range obs {
		if x.KPI == k.Code && x.Month != nil {
			sum += *x.Month
			any = true
		}
	}
	return sum, o.Period, any
}

// Attainment is A/T for higher-is-better KPIs and T/A for lower-is-better
// ones (A = 0 gives the cap).
func Attainment(k campaign.KPI, a, t, cap float64) float64 {
	if k.LowerIsBetter() {
		if a == 0 {
			return cap
		}
		return t / a
	}
	if t == 0 {
		return 0
	}
	return a / t
}

// attainmentAgainst is the attainment of A against a plan x; nothing due
// (x = 0) counts as fully on plan: the cap.
func attainmentAgainst(k campaign.KPI, a, x, cap float64) float64 {
	if x == 0 && !k.LowerIsBetter() {
		return cap
	}
	return Attainment(k, a, x, cap)
}

func kpiResult(c *campaign.Campaign, k campaign.KPI, u campaign.Unit, obs []report.Observation, m int) KPIResult {
	cap := c.KPICap(k)
	kr := KPIResult{Code: k.Code, Weight: k.Weight, Cap: cap}
	if t, ok := campaign.EffectiveTarget(k, u); ok {
		kr.Target = ptr(t)
	} else {
		kr.NoTarget = true
	}
	if b, ok := u.Baselines[k.Code]; ok {
		kr.Baseline = ptr(b)
	}
	a, asOf, ok := actualAsOf(k, obs)
	if !ok {
		kr.Missing = true
		f := false
		kr.OnTrack = &f
		return kr
	}
	kr.Actual, kr.AsOf = ptr(a), &asOf
	if kr.NoTarget {
		f := false
		kr.OnTrack = &f
		return kr
	}
	t := *kr.Target
	tp := TargetToDate(k, u, t, m)
	kr.TargetToDate, kr.Expected = ptr(tp), ptr(tp)
	kr.AnnualAttainment = Attainment(k, a, t, cap)
	kr.ToDate = attainmentAgainst(k, a, tp, cap)
	kr.Attainment = kr.ToDate
	if c.ScoreBasis == campaign.BasisAnnual {
		kr.Attainment = kr.AnnualAttainment
	}
	if !finite(a) || !finite(tp) || !finite(kr.AnnualAttainment) || !finite(kr.ToDate) {
		return unscorable(kr)
	}
	kr.Capped = math.Min(kr.Attainment, cap)
	kr.Points = k.Weight * kr.Capped
	kr.Attained = kr.Attainment >= 1-eps
	on := kr.ToDate >= 1-eps
	kr.OnTrack = &on
	if m > 0 {
		var p float64
		switch {
		case k.Kind == campaign.Flow:
			p = a * 12 / float64(m)
		case k.Kind == campaign.Stock && kr.Baseline != nil:
			p = *kr.Baseline + (a-*kr.Baseline)*12/float64(m)
		default:
			p = a
		}
		if pa := Attainment(k, p, t, cap); finite(p) && finite(pa) {
			kr.Projected, kr.ProjectedAttainment = ptr(p), ptr(pa)
		}
	}
	return kr
}

// growth compares A with the same period last year: A / prior − 1 for
// stock and flow (none when prior is 0), the difference in points for
// rates.
func growth(k campaign.KPI, a, prior float64) *float64 {
	if k.Kind == campaign.Rate {
		if d := a - prior; finite(d) {
			return ptr(d)
		}
		return nil
	}
	if prior == 0 {
		return nil
	}
	if g := a/prior - 1; finite(g) {
		return ptr(g)
	}
	return nil
}

// finite reports whether v is a number JSON and the rules can use.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// unscorable is a KPI whose figures overflow the rules (stored before
// xlsxin refused absurd numbers, or put in another way): it scores as
// missing, never as infinite or NaN, and keeps the figures that are finite
// for people to see. A projection that overflows is no projection.
func unscorable(kr KPIResult) KPIResult {
	finiteOr := func(p *float64) *float64 {
		if p == nil || !finite(*p) {
			return nil
		}
		return p
	}
	f := false
	return KPIResult{Code: kr.Code, Weight: kr.Weight, Cap: kr.Cap, Missing: true, OnTrack: &f,
		Actual: finiteOr(kr.Actual), AsOf: kr.AsOf, Target: finiteOr(kr.Target), TargetToDate: finiteOr(kr.TargetToDate),
		Expected: finiteOr(kr.Expected), Baseline: finiteOr(kr.Baseline)}
}

// Round2 rounds to 2 decimals, as scores are ranked and shown.
func Round2(v float64) float64 { return math.Round(v*100) / 100 }

// less orders units for ranking: score rounded to 2 decimals (higher
// first), KPIs attained (more first), unit code in natural order (H9
// before H10).
func less(a, b UnitResult) bool {
	sa, sb := Round2(a.Score), Round2(b.Score)
	if sa != sb {
		return sa > sb
	}
	if a.KPIsAttained != b.KPIsAttained {
		return a.KPIsAttained > b.KPIsAttained
	}
	return fold.NaturalLess(a.Code, b.Code)
}

func rank(units []UnitResult) {
	sort.SliceStable(units, func(i, j int) bool { return less(units[i], units[j]) })
	inCluster := map[string]int{}
	for i := range units {
		units[i].Rank = i + 1
		inCluster[units[i].Cluster]++
		units[i].ClusterRank = inCluster[units[i].Cluster]
	}
}
