package score

import (
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
)

// HandProvince is a small province whose scores, ranks and tiers were
// worked out by hand (testdata/script/scoring.txtar checks the same
// numbers through the commands). Period 2024-06: m = 6, f = 0.5.
//
// Every unit has the same targets: bhxh_bb 1000 (2023: 900), bhxh_tn 100
// (80), bhyt 10000 (9000), bhtn 500 (400), thu 1200; cham_dong's target is
// the unit's 2023 rate 2.0; hai_long's the campaign's 80.
//
//	A1 (Cụm A): bhxh_bb 1100 → 1.1 × 20 = 22
//	            bhxh_tn 130  → 1.3, capped 1.2 × 10 = 12
//	            bhyt 10500   → 1.05 × 15 = 15.75
//	            bhtn 550     → 1.1 × 10 = 11
//	            thu YTD 1320 → 1.1 × 25 = 27.5
//	            cham_dong 1.6 → 2.0/1.6 = 1.25, capped 1.2 × 10 = 12
//	            hai_long 88  → 1.1 × 10 = 11
//	            score 111.25, 7/7 attained
//	A2 (Cụm A): every actual equals its target → every a = 1: score 100, 7/7
//	B1 (Cụm B): bhxh_bb 1150 → 1.15 × 20 = 23
//	            bhxh_tn 120  → 1.2 × 10 = 12
//	            bhyt 11000   → 1.1 × 15 = 16.5
//	            bhtn 600     → 1.2 × 10 = 12
//	            thu YTD 1440 → 1.2 × 25 = 30
//	            cham_dong 2.5 → 2.0/2.5 = 0.8 × 10 = 8
//	            hai_long 96  → 1.2 × 10 = 12
//	            score 113.5, 6/7 attained (cham_dong)
//	B2 (Cụm B): bhxh_bb 960 → 0.96 × 20 = 19.2
//	            bhxh_tn 95   → 0.95 × 10 = 9.5
//	            bhyt 9800    → 0.98 × 15 = 14.7
//	            bhtn 480     → 0.96 × 10 = 9.6
//	            thu YTD 1140 → 0.95 × 25 = 23.75
//	            cham_dong 2.0 → 1.0 × 10 = 10
//	            hai_long 82  → 1.025 × 10 = 10.25
//	            score 97.0, 2/7 attained (cham_dong, hai_long)
//
// Ranks: B1 113.5 (1), A1 111.25 (2), A2 100 (3), B2 97 (4); cluster ranks
// A1 1, A2 2 in Cụm A; B1 1, B2 2 in Cụm B.
//
// Tiers:
//   - Cờ thi đua (top of cluster, 7/7, ≥ 105): A1. B1 leads Cụm B but
//     misses cham_dong.
//   - Bằng khen (7/7, ≥ 100, at most ⌊0.3 × 4⌋ = 1 unit): in rank order
//     B1 fails (6/7), A2 qualifies and takes the one place.
//   - Giấy khen (≥ 95, no KPI below 0.9): B1 has cham_dong 0.8; B2 (97,
//     lowest 0.95) qualifies.
//   - B1, first in the province, gets no tier.
//
// Field awards (highest uncapped attainment among units that attained):
// bhxh_bb B1 1.15, bhxh_tn A1 1.3, bhyt B1 1.1, bhtn B1 1.2, thu B1 1.2,
// cham_dong A1 1.25, hai_long B1 1.2.
func HandProvince() (*campaign.Campaign, []campaign.Unit, []report.Observation) {
	c := campaign.Default()
	var units []campaign.Unit
	for _, u := range []struct{ code, cluster string }{{"A1", "Cụm A"}, {"A2", "Cụm A"}, {"B1", "Cụm B"}, {"B2", "Cụm B"}} {
		units = append(units, campaign.Unit{Code: u.code, Name: "BHXH " + u.code, Cluster: u.cluster,
			Targets:   map[string]float64{"bhxh_bb": 1000, "bhxh_tn": 100, "bhyt": 10000, "bhtn": 500, "thu": 1200},
			Baselines: map[string]float64{"bhxh_bb": 900, "bhxh_tn": 80, "bhyt": 9000, "bhtn": 400, "cham_dong": 2.0}})
	}
	actual := map[string][7]float64{ // bhxh_bb, bhxh_tn, bhyt, bhtn, thu YTD, cham_dong, hai_long
		"A1": {1100, 130, 10500, 550, 1320, 1.6, 88},
		"A2": {1000, 100, 10000, 500, 1200, 2.0, 80},
		"B1": {1150, 120, 11000, 600, 1440, 2.5, 96},
		"B2": {960, 95, 9800, 480, 1140, 2.0, 82},
	}
	var o []report.Observation
	for unit, v := range actual {
		for i, k := range c.KPIs {
			ob := report.Observation{Unit: unit, Period: p(6), KPI: k.Code, Month: f(v[i])}
			if k.Kind == campaign.Flow {
				ob.Month, ob.YTD = f(v[i]/6), f(v[i])
			}
			o = append(o, ob)
		}
	}
	return c, units, o
}

func TestHandComputedProvince(t *testing.T) {
	c, units, o := HandProvince()
	r := Compute(Input{Campaign: c, Units: units, Observations: o, Period: p(6)})
	want := []struct {
		code     string
		score    float64
		attained int
		rank     int
		cluster  int
	}{{"B1", 113.5, 6, 1, 1}, {"A1", 111.25, 7, 2, 1}, {"A2", 100, 7, 3, 2}, {"B2", 97, 2, 4, 2}}
	for i, w := range want {
		u := r.Units[i]
		if u.Code != w.code || !near(u.Score, w.score) || u.KPIsAttained != w.attained || u.Rank != w.rank || u.ClusterRank != w.cluster {
			t.Errorf("place %d: %s %v %d/7 rank %d/%d; want %+v", i+1, u.Code, u.Score, u.KPIsAttained, u.Rank, u.ClusterRank, w)
		}
	}
	sl := Awards(c, r)
	var tiers []string
	for _, a := range sl.Awards {
		tiers = append(tiers, a.Tier+":"+a.Code)
	}
	if got := strings.Join(tiers, " "); got != "co_thi_dua:A1 bang_khen:A2 giay_khen:B2" {
		t.Fatalf("tiers = %s", got)
	}
	// the reasons in words: words_test.go
	if got, want := sl.Awards[0].Reasons(), []Condition{
		{Kind: TopInCluster, Met: true, Got: 1, Need: 1, Cluster: "Cụm A"},
		{Kind: AllAttained, Met: true, Got: 7, Need: 7},
		{Kind: MinScore, Met: true, Got: 111.25, Need: 105},
	}; !sameConditions(got, want) {
		t.Errorf("A1's reasons = %+v", got)
	}
	if len(sl.NotAwarded) != 1 || sl.NotAwarded[0].Code != "B1" {
		t.Fatalf("not awarded = %+v", sl.NotAwarded)
	}
	cd := []Shortfall{{Code: "cham_dong", Attainment: 0.8}}
	for i, want := range [][]Condition{
		{{Kind: AllAttained, Got: 6, Need: 7, KPIs: cd}},       // Cờ thi đua
		{{Kind: AllAttained, Got: 6, Need: 7, KPIs: cd}},       // Bằng khen
		{{Kind: MinAttainment, Got: 0.8, Need: 0.9, KPIs: cd}}, // Giấy khen
	} {
		if got := sl.NotAwarded[0].Verdicts[i].Reasons(); !sameConditions(got, want) {
			t.Errorf("B1 %s: %+v, want %+v", sl.NotAwarded[0].Verdicts[i].TierName, got, want)
		}
	}
	var fields []string
	for _, fa := range sl.FieldAwards {
		fields = append(fields, fa.KPI+":"+fa.Code)
	}
	if got := strings.Join(fields, " "); got != "bhxh_bb:B1 bhxh_tn:A1 bhyt:B1 bhtn:B1 thu:B1 cham_dong:A1 hai_long:B1" {
		t.Errorf("field awards = %s", got)
	}
}

// Bằng khen's quota is ⌊share × units⌋ but at least one, in rank order.
func TestQuota(t *testing.T) {
	c := campaign.Default()
	c.Awards = []campaign.AwardRule{{Code: "bk", Name: "BK", AllAttained: true, MaxShare: f(0.3)}}
	for _, tc := range []struct{ units, want int }{{1, 1}, {3, 1}, {4, 1}, {7, 2}, {10, 3}, {13, 3}} {
		var r Result
		for i := 0; i < tc.units; i++ {
			u := UnitResult{Code: string(rune('A' + i)), Rank: i + 1, ClusterRank: 1}
			for range c.KPIs {
				u.KPIs = append(u.KPIs, KPIResult{Attained: true, Attainment: 1})
			}
			u.KPIsAttained = len(c.KPIs)
			r.Units = append(r.Units, u)
		}
		sl := Awards(c, r)
		if len(sl.Awards) != tc.want || (tc.want > 0 && sl.Awards[0].Code != "A") {
			t.Errorf("%d units: %d awarded, want %d", tc.units, len(sl.Awards), tc.want)
		}
		if len(sl.NotAwarded) > 0 {
			want := []Condition{{Kind: MaxShare, Got: float64(tc.want), Need: float64(tc.want), Share: 0.3}}
			if got := sl.NotAwarded[0].Verdicts[0].Reasons(); !sameConditions(got, want) {
				t.Errorf("%d units: reasons = %+v, want %+v", tc.units, got, want)
			}
		}
	}
}

// A unit holds at most one tier; field awards may go to a tier holder.
func TestOneTierEach(t *testing.T) {
	c, units, o := HandProvince()
	r := Compute(Input{Campaign: c, Units: units, Observations: o, Period: p(6)})
	sl := Awards(c, r)
	seen := map[string]bool{}
	for _, a := range sl.Awards {
		if seen[a.Code] {
			t.Fatalf("%s has two tiers", a.Code)
		}
		seen[a.Code] = true
	}
	v := sl.Verdicts["A1"]
	if len(v) != 3 || !v[0].Awarded || !sameConditions(v[1].Reasons(), []Condition{{Kind: HigherTier}}) {
		t.Fatalf("A1 verdicts = %+v", v)
	}
}
