package score

import "github.com/bhxh/kpi/internal/campaign"

// Totals of a group of units — the province (Toàn tỉnh), each cluster:
//
//   - stock and flow KPIs: A, T and T_P summed over the group's units (A
//     over the units with a figure, T and T_P over the units with a
//     target), and their attainments ΣA / ΣT_P and ΣA / ΣT (the reverse
//     for lower-is-better);
//   - rate KPIs: the mean of the units with a figure (bình quân) for A, T
//     and T_P, and the attainments of those means;
//   - units reporting (a report for the period itself) against units
//     expected (all the group's units).
type Totals struct {
	Province Total   `json:"province"`
	Clusters []Total `json:"clusters"`
}

// Total is one group's totals.
type Total struct {
	Cluster   string     `json:"cluster,omitempty"` // "" for the province
	Reporting int        `json:"units_reporting"`
	Expected  int        `json:"units_expected"`
	KPIs      []KPITotal `json:"kpis"`
}

// KPITotal is one KPI summed (or averaged) over a group.
type KPITotal struct {
	Code             string   `json:"code"`
	Mean             bool     `json:"mean"` // a rate: the mean of the units with a figure (bình quân)
	Units            int      `json:"units"`
	Actual           *float64 `json:"actual"`
	Target           *float64 `json:"target"`
	TargetToDate     *float64 `json:"target_to_date"`
	Attainment       *float64 `json:"attainment"` // to date
	AnnualAttainment *float64 `json:"annual_attainment"`
}

// ComputeTotals sums r's units for the province and for each cluster, in
// the order the clusters first appear among units (the targets workbook's
// order), else in r.
func ComputeTotals(c *campaign.Campaign, r Result, units []campaign.Unit) Totals {
	var out Totals
	out.Province = total(c, r, "", r.Units)
	var order []string
	seen := map[string]bool{}
	for _, u := range units {
		if !seen[u.Cluster] {
			seen[u.Cluster] = true
			order = append(order, u.Cluster)
		}
	}
	by := map[string][]UnitResult{}
	for _, u := range r.Units {
		if !seen[u.Cluster] {
			seen[u.Cluster] = true
			order = append(order, u.Cluster)
		}
		by[u.Cluster] = append(by[u.Cluster], u)
	}
	for _, cl := range order {
		if len(by[cl]) > 0 {
			out.Clusters = append(out.Clusters, total(c, r, cl, by[cl]))
		}
	}
	return out
}

func total(c *campaign.Campaign, r Result, cluster string, units []UnitResult) Total {
	t := Total{Cluster: cluster, Expected: len(units), KPIs: []KPITotal{}}
	for _, u := range units {
		if u.LastReport != nil && *u.LastReport == r.Period {
			t.Reporting++
		}
	}
	for i, k := range c.KPIs {
		kt := KPITotal{Code: k.Code, Mean: k.Kind == campaign.Rate}
		var a, tgt, tp float64
		var withTarget int
		for _, u := range units {
			if i >= len(u.KPIs) {
				continue
			}
			kr := u.KPIs[i]
			if kr.Actual != nil {
				a += *kr.Actual
				kt.Units++
			}
			if kr.Target != nil && (!kt.Mean || kr.Actual != nil) {
				tgt += *kr.Target
				if kr.TargetToDate != nil {
					tp += *kr.TargetToDate
				}
				withTarget++
			}
		}
		if kt.Units == 0 {
			t.KPIs = append(t.KPIs, kt)
			continue
		}
		if kt.Mean {
			a /= float64(kt.Units)
			if withTarget > 0 {
				tgt /= float64(withTarget)
				tp /= float64(withTarget)
			}
		}
		kt.Actual = ptr(a)
		if withTarget > 0 {
			cap := c.KPICap(k)
			kt.Target, kt.TargetToDate = ptr(tgt), ptr(tp)
			kt.Attainment = ptr(attainmentAgainst(k, a, tp, cap))
			kt.AnnualAttainment = ptr(Attainment(k, a, tgt, cap))
		}
		t.KPIs = append(t.KPIs, kt)
	}
	return t
}
