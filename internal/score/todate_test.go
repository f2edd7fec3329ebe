package score

import (
	"math"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
)

// The plan to date, as the rulebook states it.
func TestTargetToDate(t *testing.T) {
	flow := campaign.KPI{Code: "thu", Kind: campaign.Flow, Better: "higher"}
	phased := flow
	phased.Phasing = []float64{1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2} // quarter-end months weigh double
	stock := campaign.KPI{Code: "bhyt", Kind: campaign.Stock, Better: "higher"}
	rate := campaign.KPI{Code: "cham_dong", Kind: campaign.Rate, Better: "lower"}
	plain := campaign.Unit{Code: "H01"}
	withB := campaign.Unit{Code: "H02", Baselines: map[string]float64{"bhyt": 9000}}
	quarters := campaign.Unit{Code: "H03", Quarters: map[string][4]float64{"thu": {100, 200, 300, 400}}}
	for _, tc := range []struct {
		name string
		k    campaign.KPI
		u    campaign.Unit
		t    float64
		m    int
		want float64
	}{
		{"a flow's plan grows linearly: March is a quarter of it", flow, plain, 1200, 3, 300},
		{"a flow at December is the whole year", flow, plain, 1200, 12, 1200},
		{"a phased flow: March is 4/16 of the year", phased, plain, 1600, 3, 400},
		{"a phased flow: April is 5/16", phased, plain, 1600, 4, 500},
		{"a quarterly plan replaces the phasing: March is all of Q1", flow, quarters, 1000, 3, 100},
		{"… and May is Q1 plus two thirds of Q2", flow, quarters, 1000, 5, 100 + 200*2.0/3},
		{"… and December is the whole year", flow, quarters, 1000, 12, 1000},
		{"a quarterly plan that does not add up to T still ends at T", flow, quarters, 2000, 12, 2000},
		{"a stock with a baseline moves from B to T", stock, withB, 12000, 6, 9000 + 3000*0.5},
		{"a stock without a baseline is due whole from January", stock, plain, 12000, 1, 12000},
		{"a rate is due whole every month", rate, withB, 2.5, 4, 2.5},
	} {
		if got := TargetToDate(tc.k, tc.u, tc.t, tc.m); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s: T_P = %v, want %v", tc.name, got, tc.want)
		}
	}
}
