package score

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
)

// Figures stored before absurd numbers were refused (or put in another
// way) never make a score, an attainment or a projection infinite or NaN:
// a KPI whose attainment would overflow scores as missing, a projection
// that would is left out, and the JSON of the results always encodes.
func TestAbsurdFiguresNeverReachScores(t *testing.T) {
	c := campaign.Default()
	u := campaign.Unit{Code: "U", Targets: map[string]float64{"bhyt": 1e-310, "thu": 100, "bhxh_bb": 1e15, "cham_dong": 2.5},
		Baselines: map[string]float64{"bhxh_bb": 0}}
	o := []report.Observation{
		{Unit: "U", Period: p(1), KPI: "thu", Month: f(1e308)},
		{Unit: "U", Period: p(2), KPI: "thu", Month: f(1e308)},        // the year's sum overflows
		{Unit: "U", Period: p(2), KPI: "bhyt", Month: f(5)},           // 5 / 1e-310 overflows
		{Unit: "U", Period: p(2), KPI: "cham_dong", Month: f(5e-324)}, // 2.5 / 5e-324 overflows
		{Unit: "U", Period: p(2), KPI: "bhxh_bb", Month: f(1e308)},    // its projection overflows
		{Unit: "U", Period: p(2), KPI: "hai_long", Month: f(90)},
	}
	r := Compute(Input{Campaign: c, Units: []campaign.Unit{u}, Observations: o, Period: p(2)})
	for _, code := range []string{"thu", "bhyt", "cham_dong"} {
		k := kpiOf(t, r, "U", code)
		if !k.Missing || k.Attained || k.Points != 0 || k.Attainment != 0 || k.Projected != nil {
			t.Errorf("%s: %+v, want scored as missing", code, k)
		}
	}
	if k := kpiOf(t, r, "U", "bhyt"); k.Actual == nil || *k.Actual != 5 {
		t.Errorf("bhyt: the finite figure is not kept: %+v", k)
	}
	bb := kpiOf(t, r, "U", "bhxh_bb")
	if bb.Missing || bb.Projected != nil || bb.ProjectedAttainment != nil || !finite(bb.Attainment) {
		t.Errorf("bhxh_bb: %+v, want scored without a projection", bb)
	}
	if s := r.Units[0].Score; !finite(s) || math.Abs(s-(20*1.2+10*90.0/80)) > 1e-9 {
		t.Errorf("score = %v, want the two finite KPIs' points", s)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Errorf("results JSON: %v", err)
	}
	if _, err := json.Marshal(Awards(c, r)); err != nil {
		t.Errorf("awards JSON: %v", err)
	}
}
