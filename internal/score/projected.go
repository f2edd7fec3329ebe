package score

import (
	"math"

	"github.com/bhxh/kpi/internal/campaign"
)

// Projected is the standing if the year ended on today's trend: every
// KPI's attainment is its projected attainment against the year's target
// T (a KPI without a projection counts as missing), points, score and
// ranks recomputed as for the real standing — under the campaign's method,
// with the council's adjustments and exclusions as they stand. The award
// rules applied to it give the forecast shortlist (dự kiến) — never mixed
// with the real one.
func Projected(c *campaign.Campaign, r Result) Result {
	out := r
	out.Units = make([]UnitResult, len(r.Units))
	for i, u := range r.Units {
		pu := u
		pu.KPIs = make([]KPIResult, len(u.KPIs))
		pu.Score, pu.KPIsAttained = 0, 0
		for j, k := range u.KPIs {
			pk := k
			if k.ProjectedAttainment == nil || k.Missing || k.NoTarget {
				pk.Attainment, pk.Capped, pk.Points, pk.Attained = 0, 0, 0, false
			} else {
				pk.Attainment = *k.ProjectedAttainment
				pk.Capped = math.Min(pk.Attainment, k.Cap)
				pk.Points = k.Weight * pk.Capped
				pk.Attained = pk.Attainment >= 1-eps
			}
			pu.Score += pk.Points
			if pk.Attained {
				pu.KPIsAttained++
			}
			pu.KPIs[j] = pk
		}
		out.Units[i] = pu
	}
	applyMethod(c, out.Units)
	for i := range out.Units {
		out.Units[i].Score += out.Units[i].Adjustment
	}
	rank(out.Units)
	return out
}
