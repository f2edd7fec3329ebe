package score

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
)

func month(m int) report.Period { return report.Period{Year: 2024, Month: m} }

func bounds(bonus, penalty float64) *campaign.AdjustmentBounds {
	return &campaign.AdjustmentBounds{MaxBonus: &bonus, MaxPenalty: &penalty}
}

var withdrawn = &campaign.Removal{At: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), Reason: "ghi nhầm"}

// Bonus and penalty points, as the council's rulebook says them.
func TestAdjustments(t *testing.T) {
	adj := func(id int64, unit string, points float64, from int) campaign.Adjustment {
		return campaign.Adjustment{ID: id, Unit: unit, Points: points, Reason: fmt.Sprintf("#%d", id), Period: month(from)}
	}
	cases := []struct {
		rule    string
		bounds  *campaign.AdjustmentBounds
		adjs    []campaign.Adjustment
		at      int
		net     float64
		applied string // the ids that count
		capped  string // "bonus", "penalty", "both" or ""
	}{
		{"no adjustment: nothing added", bounds(5, 10), nil, 6, 0, "", ""},
		{"a bonus counts from its period on", bounds(5, 10), []campaign.Adjustment{adj(1, "H01", 2, 6)}, 6, 2, "1", ""},
		{"… and not before it", bounds(5, 10), []campaign.Adjustment{adj(1, "H01", 2, 6)}, 5, 0, "", ""},
		{"… and still in later months", bounds(5, 10), []campaign.Adjustment{adj(1, "H01", 2, 6)}, 12, 2, "1", ""},
		{"bonus minus penalty", bounds(5, 10), []campaign.Adjustment{adj(1, "H01", 3, 2), adj(2, "H01", -1.5, 4)}, 6, 1.5, "1,2", ""},
		{"another unit's points do not count", bounds(5, 10), []campaign.Adjustment{adj(1, "H02", 3, 2)}, 6, 0, "", ""},
		{"a withdrawn adjustment never counts", bounds(5, 10),
			[]campaign.Adjustment{{ID: 1, Unit: "H01", Points: 3, Period: month(2), Removed: withdrawn}}, 6, 0, "", ""},
		{"the bonus summed is capped at max_bonus", bounds(5, 10), []campaign.Adjustment{adj(1, "H01", 3, 1), adj(2, "H01", 4, 2)}, 6, 5, "1,2", "bonus"},
		{"the penalty summed is capped at max_penalty", bounds(5, 10), []campaign.Adjustment{adj(1, "H01", -8, 1), adj(2, "H01", -4, 2)}, 6, -10, "1,2", "penalty"},
		{"each is capped apart: 7 bonus → 5, 12 penalty → 10", bounds(5, 10),
			[]campaign.Adjustment{adj(1, "H01", 7, 1), adj(2, "H01", -12, 1)}, 6, -5, "1,2", "both"},
		{"a penalty does not eat into the bonus bound: +6 −2 → 5 − 2", bounds(5, 10),
			[]campaign.Adjustment{adj(1, "H01", 6, 1), adj(2, "H01", -2, 1)}, 6, 3, "1,2", "bonus"},
		{"exactly at the bound is not capped", bounds(5, 10), []campaign.Adjustment{adj(1, "H01", 5, 1)}, 6, 5, "1", ""},
		{"no bounds: everything counts", nil, []campaign.Adjustment{adj(1, "H01", 30, 1), adj(2, "H01", -40, 1)}, 6, -10, "1,2", ""},
		{"a bound of 0 allows no bonus", bounds(0, 10), []campaign.Adjustment{adj(1, "H01", 2, 1)}, 6, 0, "1", "bonus"},
		{"last year's adjustment does not count", bounds(5, 10),
			[]campaign.Adjustment{{ID: 1, Unit: "H01", Points: 2, Period: report.Period{Year: 2023, Month: 12}}}, 6, 0, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.rule, func(t *testing.T) {
			a := AdjustmentAt(tc.bounds, tc.adjs, "H01", month(tc.at))
			var ids []string
			for _, x := range a.Applied {
				ids = append(ids, fmt.Sprint(x.ID))
			}
			capped := map[[2]bool]string{{true, false}: "bonus", {false, true}: "penalty", {true, true}: "both"}[[2]bool{a.BonusCapped, a.PenaltyCapped}]
			if math.Abs(a.Net-tc.net) > 1e-9 || strings.Join(ids, ",") != tc.applied || capped != tc.capped {
				t.Errorf("net %g, applied %v, capped %q; want %g, %q, %q", a.Net, ids, capped, tc.net, tc.applied, tc.capped)
			}
		})
	}
}

// An exclusion from awards, in force from its period on unless lifted.
func TestExclusionAt(t *testing.T) {
	ex := []campaign.Exclusion{
		{ID: 1, Unit: "H01", Reason: "kỷ luật", Period: month(3), Removed: withdrawn},
		{ID: 2, Unit: "H01", Reason: "kỷ luật (QĐ 15)", Period: month(9)},
		{ID: 3, Unit: "H02", Reason: "kỷ luật", Period: month(1)},
	}
	for _, tc := range []struct {
		rule string
		unit string
		at   int
		want string // the reason, "" when not excluded
	}{
		{"a lifted exclusion never applies", "H01", 6, ""},
		{"an exclusion applies from its period", "H01", 9, "kỷ luật (QĐ 15)"},
		{"… on", "H01", 12, "kỷ luật (QĐ 15)"},
		{"another unit's exclusion is its own", "H02", 2, "kỷ luật"},
		{"a unit never excluded", "H03", 12, ""},
	} {
		e := ExclusionAt(ex, tc.unit, month(tc.at))
		got := ""
		if e != nil {
			got = e.Reason
		}
		if got != tc.want {
			t.Errorf("%s: %s at %d: %q, want %q", tc.rule, tc.unit, tc.at, got, tc.want)
		}
	}
}

// leaderCampaign is two KPIs of weight 60 and 40, cap 1.2.
func leaderCampaign(scope string) *campaign.Campaign {
	return &campaign.Campaign{Code: "x", Year: 2024, Cap: 1.2, Method: campaign.MethodLeader, LeaderScope: scope,
		KPIs: []campaign.KPI{{Code: "a", Weight: 60}, {Code: "b", Weight: 40}}}
}

// unit builds a unit of a cluster with its capped attainments per KPI (a
// negative value: missing).
func unit(code, cluster string, capped ...float64) UnitResult {
	u := UnitResult{Code: code, Cluster: cluster}
	weights := []float64{60, 40}
	for i, c := range capped {
		k := KPIResult{Code: string(rune('a' + i)), Weight: weights[i], Capped: c, Points: weights[i] * c}
		if c < 0 {
			k.Capped, k.Points, k.Missing = 0, 0, true
		}
		u.KPIs = append(u.KPIs, k)
		u.Score += k.Points
	}
	return u
}

// Leader-relative scoring: the leader of the scope gets the full weight,
// the others weight · capped / the leader's capped.
func TestLeaderMethod(t *testing.T) {
	cases := []struct {
		rule   string
		scope  string
		units  []UnitResult
		points map[string][2]float64
	}{
		{"the leader gets the full weight; the others in proportion", campaign.ScopeCluster,
			[]UnitResult{unit("A1", "Cụm A", 1.2, 0.9), unit("A2", "Cụm A", 0.9, 1.0)},
			map[string][2]float64{"A1": {60, 36}, "A2": {45, 40}}},
		{"the cap applies before the comparison: 1.5 and 1.3 both count 1.2", campaign.ScopeCluster,
			[]UnitResult{unit("A1", "Cụm A", 1.2, 1), unit("A2", "Cụm A", 1.2, 1)},
			map[string][2]float64{"A1": {60, 40}, "A2": {60, 40}}},
		{"each cluster has its own leader", campaign.ScopeCluster,
			[]UnitResult{unit("A1", "Cụm A", 1.0, 1), unit("B1", "Cụm B", 0.5, 1), unit("B2", "Cụm B", 0.25, 1)},
			map[string][2]float64{"A1": {60, 40}, "B1": {60, 40}, "B2": {30, 40}}},
		{"under the province scope one leader for all", campaign.ScopeProvince,
			[]UnitResult{unit("A1", "Cụm A", 1.0, 1), unit("B1", "Cụm B", 0.5, 1), unit("B2", "Cụm B", 0.25, 1)},
			map[string][2]float64{"A1": {60, 40}, "B1": {30, 40}, "B2": {15, 40}}},
		{"a missing KPI gives 0 and does not lead", campaign.ScopeCluster,
			[]UnitResult{unit("A1", "Cụm A", -1, 1), unit("A2", "Cụm A", 0.8, 0.5)},
			map[string][2]float64{"A1": {0, 40}, "A2": {60, 20}}},
		{"a KPI nobody reported gives 0 to everyone", campaign.ScopeCluster,
			[]UnitResult{unit("A1", "Cụm A", -1, 1), unit("A2", "Cụm A", -1, 0.5)},
			map[string][2]float64{"A1": {0, 40}, "A2": {0, 20}}},
	}
	for _, tc := range cases {
		t.Run(tc.rule, func(t *testing.T) {
			c := leaderCampaign(tc.scope)
			leaders := ApplyLeader(c, tc.units)
			for _, u := range tc.units {
				want := tc.points[u.Code]
				got := [2]float64{u.KPIs[0].Points, u.KPIs[1].Points}
				if math.Abs(got[0]-want[0]) > 1e-9 || math.Abs(got[1]-want[1]) > 1e-9 || math.Abs(u.Score-want[0]-want[1]) > 1e-9 {
					t.Errorf("%s: points %v score %g, want %v", u.Code, got, u.Score, want)
				}
				if len(leaders[u.Code]) != 2 {
					t.Errorf("%s: leaders %v", u.Code, leaders[u.Code])
				}
			}
		})
	}
	// under method capped nothing changes
	units := []UnitResult{unit("A1", "Cụm A", 0.5, 1)}
	c := leaderCampaign("")
	c.Method = campaign.MethodCapped
	if ApplyLeader(c, units) != nil || units[0].Score != 70 {
		t.Errorf("capped: score %g", units[0].Score)
	}
}

// Individual nominations against the title's conditions on the unit and
// its limit per unit.
func TestCheckNominations(t *testing.T) {
	min90 := 90.0
	c := &campaign.Campaign{Code: "x", Year: 2024, KPIs: []campaign.KPI{{Code: "a"}, {Code: "b"}}, Titles: []campaign.Title{
		{Code: "cstd", Name: "Chiến sĩ thi đua cơ sở", MaxPerUnit: 1, Unit: campaign.UnitCondition{AllAttained: true, NotExcluded: true}},
		{Code: "ldtt", Name: "Lao động tiên tiến", MaxPerUnit: 2, Unit: campaign.UnitCondition{MinScore: &min90}},
	}}
	attained := func(code string, score float64, n int) UnitResult {
		u := UnitResult{Code: code, Score: score, KPIsAttained: n, KPIs: []KPIResult{{Code: "a", Attainment: 1.1, Attained: true}, {Code: "b", Attainment: 1, Attained: n == 2}}}
		if n < 2 {
			u.KPIs[1].Attainment = 0.8
		}
		return u
	}
	r := Result{Period: month(12), Units: []UnitResult{attained("H01", 110, 2), attained("H02", 95, 1), attained("H03", 85, 2)}}
	for i := range r.Units {
		r.Units[i].Rank = i + 1
	}
	exclusions := []campaign.Exclusion{{ID: 1, Unit: "H03", Reason: "kỷ luật", Period: month(10)}}
	nom := func(id int64, unit, title string) campaign.Nomination {
		return campaign.Nomination{ID: id, Unit: unit, Name: fmt.Sprintf("Người %d", id), Title: title}
	}
	ns := []campaign.Nomination{
		nom(1, "H01", "cstd"), // passes: every KPI attained, not excluded, the first of H01
		nom(2, "H01", "cstd"), // fails: H01's one place is taken
		nom(3, "H02", "cstd"), // fails: H02 attained 1/2
		nom(4, "H03", "cstd"), // fails: H03 is excluded
		nom(5, "H02", "ldtt"), // passes: 95 ≥ 90
		nom(6, "H03", "ldtt"), // fails: 85 < 90 (not_excluded is not a condition of this title)
		{ID: 7, Unit: "H01", Name: "Rút", Title: "ldtt", Removed: withdrawn}, // withdrawn: not decided
		nom(8, "H01", "anh_hung"), // a title the campaign does not have
	}
	got := map[int64]string{}
	var order []string
	for _, n := range CheckNominations(c, r, exclusions, ns) {
		var failed []string
		for _, cond := range n.Conditions {
			if !cond.Met {
				failed = append(failed, string(cond.Kind))
			}
		}
		got[n.ID] = fmt.Sprintf("%v %s", n.Passed, strings.Join(failed, ","))
		order = append(order, fmt.Sprint(n.ID))
		if n.ID == 4 && (n.Exclusion == nil || n.Exclusion.Reason != "kỷ luật") {
			t.Errorf("#4: the exclusion is not given: %+v", n.Exclusion)
		}
	}
	want := map[int64]string{
		1: "true ", 2: "false max_per_unit", 3: "false all_attained", 4: "false not_excluded",
		5: "true ", 6: "false min_score", 8: "false ",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("#%d: %q, want %q", id, got[id], w)
		}
	}
	if _, ok := got[7]; ok {
		t.Error("a withdrawn nomination was decided")
	}
	// by title, then by the unit's rank, then in the order made
	if o := strings.Join(order, ","); o != "1,2,3,4,5,6,8" {
		t.Errorf("order %s", o)
	}
}
