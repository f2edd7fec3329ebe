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
	r.Units[2].Excluded = &Exclusion{Reason: "kỷ luật", Period: month(10)}
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
	for _, n := range CheckNominations(c, r, ns) {
		var failed []string
		for _, cond := range n.Conditions {
			if !cond.Met {
				failed = append(failed, string(cond.Kind))
			}
		}
		got[n.ID] = fmt.Sprintf("%v %s", n.Passed, strings.Join(failed, ","))
		order = append(order, fmt.Sprint(n.ID))
		if n.ID == 4 && n.Conditions[1].Reason != "kỷ luật" {
			t.Errorf("#4: the exclusion's reason is not given: %+v", n.Conditions)
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

// The council's year-end meeting on the hand-computed province (see
// province_test.go: B1 113,50 (6/7), A1 111,25, A2 100, B2 97 (2/7)):
//
//   - A2 gets +2 (a commendation, from March) and +4 (an initiative, from
//     June): the bonus 6 counts 5, A2 105,00;
//   - B1 loses 1,5 (a late report, from May): 112,00;
//   - B2 is excluded from June on: no Giấy khen, its rank kept.
//
// Ranks: B1 112 (6/7), A1 111,25, A2 105, B2 97. Cờ thi đua: A1 (first in
// Cụm A, 7/7, ≥ 105). Bằng khen (1 place): A2 (7/7, 105 ≥ 100). Giấy
// khen: B1 misses it (cham_dong 80 %), B2 is excluded.
func TestCouncilMeeting(t *testing.T) {
	c, units, o := HandProvince()
	adjs := []campaign.Adjustment{
		{ID: 1, Unit: "A2", Points: 2, Reason: "Bằng khen của Thủ tướng", Period: month(3)},
		{ID: 2, Unit: "A2", Points: 4, Reason: "sáng kiến được áp dụng", Period: month(6)},
		{ID: 3, Unit: "B1", Points: -1.5, Reason: "báo cáo tháng 5 chậm", Period: month(5), KPI: "thu"},
		{ID: 4, Unit: "A1", Points: -3, Reason: "ghi nhầm", Period: month(6), Removed: withdrawn},
	}
	excls := []campaign.Exclusion{{ID: 1, Unit: "B2", Reason: "có cán bộ bị kỷ luật", Period: month(6)}}
	r := Compute(Input{Campaign: c, Units: units, Observations: o, Period: month(6), Adjustments: adjs, Exclusions: excls})
	want := []struct {
		code        string
		score, adj  float64
		applied     int
		bonusCapped bool
		excluded    bool
	}{
		{"B1", 112, -1.5, 1, false, false},
		{"A1", 111.25, 0, 0, false, false},
		{"A2", 105, 5, 2, true, false},
		{"B2", 97, 0, 0, false, true},
	}
	for i, w := range want {
		u := r.Units[i]
		if u.Code != w.code || u.Rank != i+1 || !near(u.Score, w.score) || !near(u.Adjustment, w.adj) || len(u.Adjustments) != w.applied ||
			u.AdjustmentTotal.BonusCapped != w.bonusCapped || (u.Excluded != nil) != w.excluded {
			t.Errorf("rank %d: %s score %g adjustment %g (%d applied, capped %v) excluded %+v; want %+v",
				i+1, u.Code, u.Score, u.Adjustment, len(u.Adjustments), u.AdjustmentTotal.BonusCapped, u.Excluded, w)
		}
	}
	if u := r.Units[2]; !near(u.KPIPoints(), 100) {
		t.Errorf("A2's KPI points %g, want 100", u.KPIPoints())
	}
	sl := Awards(c, r)
	var got []string
	for _, a := range sl.Awards {
		got = append(got, a.Tier+":"+a.Code)
	}
	if strings.Join(got, " ") != "co_thi_dua:A1 bang_khen:A2" {
		t.Errorf("awards %v", got)
	}
	var missed []string
	for _, n := range sl.NotAwarded {
		missed = append(missed, n.Code)
	}
	if strings.Join(missed, " ") != "B1 B2" {
		t.Errorf("not awarded %v", missed)
	}
	for _, v := range sl.Verdicts["B2"] {
		if v.Awarded || len(v.Conditions) != 1 || v.Conditions[0].Kind != Excluded || v.Conditions[0].Reason != "có cán bộ bị kỷ luật" {
			t.Errorf("B2's %s: %+v", v.Tier, v)
		}
	}
	// before June B2 was not excluded yet, and nothing counted but the
	// March commendation (no figures before June: every score is 0)
	may := Compute(Input{Campaign: c, Units: units, Observations: o, Period: month(5), Adjustments: adjs, Exclusions: excls})
	for _, u := range may.Units {
		if u.Excluded != nil {
			t.Errorf("May: %s excluded", u.Code)
		}
		if want := map[string]float64{"A2": 2, "B1": -1.5}[u.Code]; !near(u.Adjustment, want) {
			t.Errorf("May: %s adjustment %g, want %g", u.Code, u.Adjustment, want)
		}
	}
}

// An excluded unit gets no field award: the next best that attained the
// KPI does.
func TestExcludedUnitGetsNoFieldAward(t *testing.T) {
	c, units, o := HandProvince()
	r := Compute(Input{Campaign: c, Units: units, Observations: o, Period: month(6),
		Exclusions: []campaign.Exclusion{{Unit: "B1", Reason: "kỷ luật", Period: month(1)}}})
	sl := Awards(c, r)
	for _, fa := range sl.FieldAwards {
		if fa.Code == "B1" {
			t.Errorf("B1 got the field award of %s", fa.KPI)
		}
	}
	if len(sl.FieldAwards) != 7 || sl.FieldAwards[0].KPI != "bhxh_bb" || sl.FieldAwards[0].Code != "A1" {
		t.Errorf("field awards %+v", sl.FieldAwards)
	}
}

// The province under method leader (leader_scope cluster): the leader of
// each cluster on each KPI gets its full weight. Cụm A: A1 leads every KPI
// (100); A2, at 1 everywhere, gets Σ weight / A1's capped attainment.
// Cụm B: B1 leads all but cham_dong, where B2 (1,0) leads its 0,8: 98.
func TestLeaderProvince(t *testing.T) {
	c, units, o := HandProvince()
	c.Method, c.LeaderScope = campaign.MethodLeader, campaign.ScopeCluster
	r := Compute(Input{Campaign: c, Units: units, Observations: o, Period: month(6)})
	a2 := 20/1.1 + 10/1.2 + 15/1.05 + 10/1.1 + 25/1.1 + 10/1.2 + 10/1.1
	b2 := 20*0.96/1.15 + 10*0.95/1.2 + 15*0.98/1.1 + 10*0.96/1.2 + 25*0.95/1.2 + 10 + 10*1.025/1.2
	want := map[string]float64{"A1": 100, "A2": a2, "B1": 98, "B2": b2}
	for _, u := range r.Units {
		if !near(u.Score, want[u.Code]) {
			t.Errorf("%s: %g, want %g", u.Code, u.Score, want[u.Code])
		}
	}
	if r.Units[0].Code != "A1" || r.Units[1].Code != "B1" {
		t.Errorf("ranks %s %s", r.Units[0].Code, r.Units[1].Code)
	}
	if k := kpiOf(t, r, "B2", "cham_dong"); k.Leader == nil || !near(*k.Leader, 1) || !near(k.Points, 10) {
		t.Errorf("B2 cham_dong: leader %v points %g", k.Leader, k.Points)
	}
	// the province as one scope: B1 leads bhxh_bb (1,15) for Cụm A too
	c.LeaderScope = campaign.ScopeProvince
	r = Compute(Input{Campaign: c, Units: units, Observations: o, Period: month(6)})
	if k := kpiOf(t, r, "A1", "bhxh_bb"); !near(k.Points, 20*1.1/1.15) {
		t.Errorf("A1 bhxh_bb under the province scope: %g", k.Points)
	}
	// the forecast keeps the method and the adjustments
	pr := Projected(c, Compute(Input{Campaign: c, Units: units, Observations: o, Period: month(6),
		Adjustments: []campaign.Adjustment{{ID: 1, Unit: "B2", Points: 2, Period: month(6)}}}))
	for _, u := range pr.Units {
		if u.KPIPoints() > 100+1e-9 {
			t.Errorf("forecast %s: %g KPI points under method leader", u.Code, u.KPIPoints())
		}
		if u.Code == "B2" && !near(u.Adjustment, 2) {
			t.Errorf("forecast B2 adjustment %g", u.Adjustment)
		}
	}
}
