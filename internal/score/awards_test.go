package score

import (
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
)

// sameConditions compares conditions, numbers to 1e-9.
func sameConditions(a, b []Condition) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Kind != y.Kind || x.Met != y.Met || !near(x.Got, y.Got) || !near(x.Need, y.Need) || x.Cluster != y.Cluster ||
			!near(x.Share, y.Share) || len(x.KPIs) != len(y.KPIs) {
			return false
		}
		for j := range x.KPIs {
			p, q := x.KPIs[j], y.KPIs[j]
			if p.Code != q.Code || !near(p.Attainment, q.Attainment) || p.Missing != q.Missing || p.NoTarget != q.NoTarget {
				return false
			}
		}
	}
	return true
}

// standing is a unit of cluster "Cụm A" with its cluster rank, score and
// KPIs: each "code=attainment", "code=missing" or "code=no target".
func standing(clusterRank int, score float64, kpis ...KPIResult) UnitResult {
	u := UnitResult{Code: "H01", Cluster: "Cụm A", ClusterRank: clusterRank, Score: score, KPIs: kpis}
	for _, k := range kpis {
		if k.Attained {
			u.KPIsAttained++
		}
	}
	return u
}

func attained(code string, a float64) KPIResult {
	return KPIResult{Code: code, Attainment: a, Attained: true}
}
func below(code string, a float64) KPIResult { return KPIResult{Code: code, Attainment: a} }
func missing(code string) KPIResult          { return KPIResult{Code: code, Missing: true} }
func noTarget(code string) KPIResult         { return KPIResult{Code: code, NoTarget: true} }

// Each condition of an award rule, as a unit stands against it: the cases
// read like the rulebook. A rule without min_score states the score.
func TestConditions(t *testing.T) {
	score := func(v float64) Condition { return Condition{Kind: ScoreStated, Met: true, Got: v} }
	for _, tc := range []struct {
		rule string
		r    campaign.AwardRule
		unit UnitResult
		want []Condition
	}{
		{"top_in_cluster 1: the first of its cluster meets it",
			campaign.AwardRule{TopInCluster: 1}, standing(1, 108),
			[]Condition{{Kind: TopInCluster, Met: true, Got: 1, Need: 1, Cluster: "Cụm A"}, score(108)}},
		{"top_in_cluster 1: the second does not",
			campaign.AwardRule{TopInCluster: 1}, standing(2, 108),
			[]Condition{{Kind: TopInCluster, Got: 2, Need: 1, Cluster: "Cụm A"}, score(108)}},
		{"top_in_cluster 3: the third meets it",
			campaign.AwardRule{TopInCluster: 3}, standing(3, 99),
			[]Condition{{Kind: TopInCluster, Met: true, Got: 3, Need: 3, Cluster: "Cụm A"}, score(99)}},
		{"all_attained: every KPI attained",
			campaign.AwardRule{AllAttained: true}, standing(1, 105, attained("thu", 1.05), attained("bhyt", 1)),
			[]Condition{{Kind: AllAttained, Met: true, Got: 2, Need: 2}, score(105)}},
		{"all_attained: a missing figure, a missing target and a KPI below 100 % each fail it",
			campaign.AwardRule{AllAttained: true},
			standing(1, 90, attained("bhxh_bb", 1.1), missing("bhyt"), noTarget("hai_long"), below("thu", 0.8)),
			[]Condition{{Kind: AllAttained, Got: 1, Need: 4, KPIs: []Shortfall{
				{Code: "bhyt", Missing: true}, {Code: "hai_long", NoTarget: true}, {Code: "thu", Attainment: 0.8}}}, score(90)}},
		{"min_attainment 0.9: no KPI below 90 %, the lowest exactly 90 %",
			campaign.AwardRule{MinAttainment: f(0.9)}, standing(1, 97, below("thu", 0.9), attained("bhyt", 1.2)),
			[]Condition{{Kind: MinAttainment, Met: true, Got: 0.9, Need: 0.9}, score(97)}},
		{"min_attainment 0.9: a missing KPI counts as 0",
			campaign.AwardRule{MinAttainment: f(0.9)}, standing(1, 80, below("thu", 0.85), missing("bhyt"), attained("bhtn", 1)),
			[]Condition{{Kind: MinAttainment, Got: 0, Need: 0.9, KPIs: []Shortfall{
				{Code: "thu", Attainment: 0.85}, {Code: "bhyt", Missing: true}}}, score(80)}},
		{"min_score 100: the score rounded to 2 decimals counts (99,996 is 100,00)",
			campaign.AwardRule{MinScore: f(100)}, standing(1, 99.996),
			[]Condition{{Kind: MinScore, Met: true, Got: 99.996, Need: 100}}},
		{"min_score 100: 99,994 is 99,99, short of it",
			campaign.AwardRule{MinScore: f(100)}, standing(1, 99.994),
			[]Condition{{Kind: MinScore, Got: 99.994, Need: 100}}},
		{"Cờ thi đua's rule: every condition in the rule's order",
			campaign.AwardRule{TopInCluster: 1, AllAttained: true, MinScore: f(105)}, standing(1, 111.25, attained("thu", 1.1)),
			[]Condition{{Kind: TopInCluster, Met: true, Got: 1, Need: 1, Cluster: "Cụm A"},
				{Kind: AllAttained, Met: true, Got: 1, Need: 1}, {Kind: MinScore, Met: true, Got: 111.25, Need: 105}}},
	} {
		if got := Conditions(tc.r, tc.unit); !sameConditions(got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.rule, got, tc.want)
		}
	}
}

// A verdict's reasons are the conditions that decided it: met ones for a
// tier given (the quota is no merit), unmet ones for a tier refused.
func TestVerdictReasons(t *testing.T) {
	top := Condition{Kind: TopInCluster, Met: true, Got: 1, Need: 1, Cluster: "Cụm A"}
	low := Condition{Kind: MinScore, Got: 99, Need: 100}
	quota := Condition{Kind: MaxShare, Met: true, Got: 0, Need: 1, Share: 0.3}
	full := Condition{Kind: MaxShare, Got: 1, Need: 1, Share: 0.3}
	for _, tc := range []struct {
		name string
		v    Verdict
		want []Condition
	}{
		{"awarded: the conditions met, without the quota", Verdict{Awarded: true, Conditions: []Condition{top, quota}}, []Condition{top}},
		{"refused: the conditions not met", Verdict{Conditions: []Condition{top, low}}, []Condition{low}},
		{"refused for the quota alone", Verdict{Conditions: []Condition{top, full}}, []Condition{full}},
	} {
		if got := tc.v.Reasons(); !sameConditions(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
