package score

import (
	"testing"

	"github.com/bhxh/kpi/internal/report"
)

// The hand province's totals: sums for head-counts and revenue, the mean of
// the reporting units for rates (bình quân), units reporting / expected.
func TestTotals(t *testing.T) {
	c, units, o := HandProvince()
	// B2 sends nothing for hai_long, and its other figures are May's
	var kept []report.Observation
	for _, ob := range o {
		if ob.Unit == "B2" {
			if ob.KPI == "hai_long" {
				continue
			}
			ob.Period = p(5)
		}
		kept = append(kept, ob)
	}
	r := Compute(Input{Campaign: c, Units: units, Observations: kept, Period: p(6)})
	tt := r.Totals
	prov := tt.Province
	if prov.Cluster != "" || prov.Reporting != 3 || prov.Expected != 4 || len(tt.Clusters) != 2 {
		t.Fatalf("province %+v, %d clusters", prov, len(tt.Clusters))
	}
	want := map[string]struct {
		mean                   bool
		units                  int
		a, t, tp, toDate, year float64
	}{
		"thu":       {false, 4, 5100, 4800, 2400, 5100.0 / 2400, 5100.0 / 4800},
		"bhxh_bb":   {false, 4, 4210, 4000, 3800, 4210.0 / 3800, 4210.0 / 4000},
		"cham_dong": {true, 4, 2.025, 2, 2, 2 / 2.025, 2 / 2.025},
		"hai_long":  {true, 3, (88 + 80 + 96) / 3.0, 80, 80, 88.0 / 80, 88.0 / 80},
	}
	for _, k := range prov.KPIs {
		w, ok := want[k.Code]
		if !ok {
			continue
		}
		if k.Mean != w.mean || k.Units != w.units || !eqp(k.Actual, f(w.a)) || !eqp(k.Target, f(w.t)) ||
			!eqp(k.TargetToDate, f(w.tp)) || !eqp(k.Attainment, f(w.toDate)) || !eqp(k.AnnualAttainment, f(w.year)) {
			t.Errorf("%s: %+v (A %v T %v T_P %v a %v year %v)", k.Code, k, fp(k.Actual), fp(k.Target), fp(k.TargetToDate), fp(k.Attainment), fp(k.AnnualAttainment))
		}
	}
	a := tt.Clusters[0] // clusters in the targets workbook's order: Cụm A, then Cụm B
	if a.Cluster != "Cụm A" || tt.Clusters[1].Cluster != "Cụm B" {
		t.Fatalf("clusters %q, %q", tt.Clusters[0].Cluster, a.Cluster)
	}
	for _, k := range a.KPIs {
		if k.Code == "thu" && (!eqp(k.Actual, f(2520)) || !eqp(k.TargetToDate, f(1200))) {
			t.Errorf("Cụm A thu: %v / %v", fp(k.Actual), fp(k.TargetToDate))
		}
	}
	if a.Reporting != 2 || a.Expected != 2 {
		t.Errorf("Cụm A reporting %d/%d", a.Reporting, a.Expected)
	}
}
