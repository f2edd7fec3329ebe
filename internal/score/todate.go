package score

import "github.com/bhxh/kpi/internal/campaign"

// Plan to date (kế hoạch lũy kế đến kỳ). For month m, the share of the
// year's plan due by its end is s(m): the unit's quarterly plan cumulated
// (months inside a quarter linear) when its targets workbook gives one,
// else the KPI's phasing Σ_{i≤m} w_i / Σ w, else m/12. Then, with T the
// year's target and B the baseline (last year's value):
//
//	flow                 T_P = T · s(m)
//	stock with B         T_P = B + (T − B) · s(m)
//	stock without B      T_P = T
//	rate                 T_P = T
//
// At December s = 1 and T_P = T.

// ShareDue returns s(m) for unit u and KPI k.
func ShareDue(k campaign.KPI, u campaign.Unit, m int) float64 {
	if q, ok := u.Quarters[k.Code]; ok && q[0]+q[1]+q[2]+q[3] > 0 {
		return campaign.QuarterShare(q, m)
	}
	return k.Share(m)
}

// TargetToDate returns T_P for unit u and KPI k at month m, given the
// year's target t.
func TargetToDate(k campaign.KPI, u campaign.Unit, t float64, m int) float64 {
	s := ShareDue(k, u, m)
	switch k.Kind {
	case campaign.Flow:
		return t * s
	case campaign.Stock:
		if b, ok := u.Baselines[k.Code]; ok {
			return b + (t-b)*s
		}
	}
	return t
}
