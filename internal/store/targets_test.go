package store

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
)

// TargetTable gives every unit's targets, read whole (in parts where the
// dialect cuts the table) or for the units asked, NaN where a unit has
// none and for a KPI not asked ("").
func TestTargetTable(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		if err := s.SetCampaign(ctx, campaign.Default()); err != nil {
			t.Fatal(err)
		}
		var units []campaign.Unit
		for i := 0; i < 3000; i++ {
			u := campaign.Unit{Code: fmt.Sprintf("U%04d", i), Name: "x", Targets: map[string]float64{"thu": float64(i) + 0.5, "bhyt": float64(2 * i)},
				Baselines: map[string]float64{"thu": 1}}
			if i%3 == 0 {
				u.Targets["bhxh_bb"] = float64(i) / 7
			}
			if i%10 == 9 {
				u.Targets = map[string]float64{}
			}
			units = append(units, u)
		}
		if err := s.SaveUnits(ctx, units); err != nil {
			t.Fatal(err)
		}
		kpis := []string{"bhxh_bb", "", "bhyt", "thu"}
		check := func(what string, tt *Targets, want []campaign.Unit) {
			t.Helper()
			for _, u := range want {
				got := tt.Of(u.Code)
				if len(u.Targets) == 0 {
					if got != nil {
						t.Errorf("%s: %s has targets %v", what, u.Code, got)
					}
					continue
				}
				if len(got) != len(kpis) {
					t.Fatalf("%s: %s: %v", what, u.Code, got)
				}
				for i, k := range kpis {
					w, ok := u.Targets[k]
					if k == "" || !ok {
						w = math.NaN()
					}
					if got[i] != w && !(math.IsNaN(got[i]) && math.IsNaN(w)) {
						t.Errorf("%s: %s %q = %v, want %v", what, u.Code, k, got[i], w)
					}
				}
			}
		}
		all, err := s.TargetTable(ctx, kpis, nil)
		if err != nil {
			t.Fatal(err)
		}
		check("all", all, units)
		some, err := s.TargetTable(ctx, kpis, []string{"U0001", "U0009", "U2999", "nobody"})
		if err != nil {
			t.Fatal(err)
		}
		check("some", some, []campaign.Unit{units[1], units[9], units[2999]})
		if some.Of("U0002") != nil {
			t.Error("a unit not asked for has targets")
		}
	})
}
