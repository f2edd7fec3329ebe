package score

import (
	"math"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
)

// HandProvince is a small province whose scores, ranks and tiers were
// worked out by hand (testdata/script/scoring.txtar checks the same
// numbers through the commands). Period 2024-06: m = 6. The campaign
// scores under score_basis: annual (the whole year's target), as it did
// before plan to date; TestPlanToDateProvince scores the same figures
// against the plan to date.
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
	c.ScoreBasis = campaign.BasisAnnual
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

// The hand province scored against the plan to date (score_basis: to_date),
// June, s = 6/12: T_P is bhxh_bb 950, bhxh_tn 90, bhyt 9500, bhtn 450, thu
// 600; cham_dong 2.0 and hai_long 80 (rates are due whole).
//
//	A1: 1100/950 = 1.1579 × 20 = 23.1579; 130/90 → 1.2 × 10 = 12;
//	    10500/9500 = 1.1053 × 15 = 16.5789; 550/450 → 1.2 × 10 = 12;
//	    1320/600 → 1.2 × 25 = 30; 2.0/1.6 → 1.2 × 10 = 12; 88/80 = 1.1 × 10 = 11
//	    score 116.7368, 7/7
//	A2: 21.0526 + 11.1111 + 15.7895 + 11.1111 + 30 + 10 + 10 = 109.0643, 7/7
//	B1: 24 + 12 + 17.3684 + 12 + 30 + 8 + 12 = 115.3684, 6/7 (cham_dong 0.8)
//	B2: 960/950 = 1.0105 × 20 = 20.2105; 95/90 = 1.0556 × 10 = 10.5556;
//	    9800/9500 = 1.0316 × 15 = 15.4737; 480/450 = 1.0667 × 10 = 10.6667;
//	    1140/600 → 1.2 × 25 = 30; 10; 82/80 = 1.025 × 10 = 10.25
//	    score 107.1565, 7/7
//
// Ranks: A1 (1), B1 (2), A2 (3), B2 (4). Tiers: Cờ thi đua A1 (B1 leads
// Cụm B but misses cham_dong); Bằng khen A2 (the one place: B1 is 6/7);
// Giấy khen B2 (B1 has cham_dong 0.8).
func TestPlanToDateProvince(t *testing.T) {
	c, units, o := HandProvince()
	c.ScoreBasis = campaign.BasisToDate
	r := Compute(Input{Campaign: c, Units: units, Observations: o, Period: p(6)})
	want := []struct {
		code     string
		score    float64
		attained int
	}{{"A1", 23 + 3/19.0 + 12 + 16 + 11/19.0 + 12 + 30 + 12 + 11, 7}, {"B1", 24 + 12 + 17 + 7/19.0 + 12 + 30 + 8 + 12, 6},
		{"A2", 20 + 20/19.0 + 100/9.0 + 15 + 15/19.0 + 100/9.0 + 30 + 10 + 10, 7},
		{"B2", 20 + 4/19.0 + 95/9.0 + 15 + 9/19.0 + 96/9.0 + 30 + 10 + 10.25, 7}}
	for i, w := range want {
		u := r.Units[i]
		if u.Code != w.code || !near(u.Score, w.score) || u.KPIsAttained != w.attained || u.Rank != i+1 {
			t.Errorf("place %d: %s %v %d/7; want %+v", i+1, u.Code, u.Score, u.KPIsAttained, w)
		}
	}
	sl := Awards(c, r)
	var got []string
	for _, a := range sl.Awards {
		got = append(got, a.Tier+":"+a.Code)
	}
	if strings.Join(got, " ") != "co_thi_dua:A1 bang_khen:A2 giay_khen:B2" {
		t.Errorf("tiers = %v", got)
	}
}

// An independent computation of every month's scores, written from the
// README's formulas and nothing else, agrees with Compute at every month
// under both bases; at December the two bases agree.
func TestPlanToDateEveryMonth(t *testing.T) {
	c := campaign.Default()
	units := []campaign.Unit{
		{Code: "H1", Cluster: "A", Targets: map[string]float64{"bhxh_bb": 1200, "bhxh_tn": 300, "bhyt": 9000, "bhtn": 1000, "thu": 24000},
			Baselines: map[string]float64{"bhxh_bb": 1000, "bhyt": 8800, "cham_dong": 3}},
		{Code: "H2", Cluster: "A", Targets: map[string]float64{"bhxh_bb": 800, "bhxh_tn": 150, "bhyt": 7000, "bhtn": 700, "thu": 12000, "cham_dong": 2.5},
			Baselines: map[string]float64{"bhxh_tn": 120, "bhtn": 650}},
		{Code: "H3", Cluster: "B", Targets: map[string]float64{"bhxh_bb": 500, "bhxh_tn": 90, "bhyt": 5000, "bhtn": 400, "thu": 6000},
			Baselines: map[string]float64{"bhxh_bb": 480, "bhxh_tn": 60, "bhyt": 4000, "bhtn": 300, "cham_dong": 1.8}},
	}
	var o []report.Observation
	for i, u := range units {
		ytd := 0.0
		for m := 1; m <= 12; m++ {
			for _, k := range c.KPIs {
				x := float64(m)
				var ob report.Observation
				switch k.Code {
				case "thu":
					month := u.Targets["thu"] / 12 * (0.8 + 0.05*x + 0.1*float64(i))
					ytd += month
					ob = report.Observation{Month: f(month), YTD: f(ytd)}
				case "cham_dong":
					ob = report.Observation{Month: f(1.5 + 0.1*x - 0.2*float64(i))}
				case "hai_long":
					ob = report.Observation{Month: f(75 + x)}
				default:
					b, ok := u.Baselines[k.Code]
					if !ok {
						b = u.Targets[k.Code] * 0.9
					}
					ob = report.Observation{Month: f(b + (u.Targets[k.Code]-b)*x/12*(0.9+0.1*float64(i)))}
				}
				if m == 4 && i == 1 && k.Code == "bhyt" {
					continue // a blank cell: the figure of March is carried
				}
				ob.Unit, ob.Period, ob.KPI = u.Code, p(m), k.Code
				o = append(o, ob)
			}
		}
	}
	for m := 1; m <= 12; m++ {
		for _, basis := range []string{campaign.BasisToDate, campaign.BasisAnnual} {
			c.ScoreBasis = basis
			r := Compute(Input{Campaign: c, Units: units, Observations: o, Period: p(m)})
			for _, ur := range r.Units {
				if want := independentScore(c, unitOf(units, ur.Code), o, m, basis); !near(ur.Score, want) {
					t.Errorf("month %d %s %s: score %v, independently %v", m, basis, ur.Code, ur.Score, want)
				}
			}
		}
	}
	c.ScoreBasis = campaign.BasisToDate
	dec := Compute(Input{Campaign: c, Units: units, Observations: o, Period: p(12)})
	c.ScoreBasis = campaign.BasisAnnual
	decAnnual := Compute(Input{Campaign: c, Units: units, Observations: o, Period: p(12)})
	for i := range dec.Units {
		if dec.Units[i].Code != decAnnual.Units[i].Code || !near(dec.Units[i].Score, decAnnual.Units[i].Score) {
			t.Errorf("December differs between bases: %+v vs %+v", dec.Units[i], decAnnual.Units[i])
		}
	}
	c.ScoreBasis = campaign.BasisToDate
	april := Compute(Input{Campaign: c, Units: units, Observations: o, Period: p(4)})
	if k := kpiOf(t, april, "H2", "bhyt"); !k.Carried(p(4)) || k.AsOf.Month != 3 {
		t.Errorf("H2 bhyt in April: as of %v, want March carried", k.AsOf)
	}
}

func unitOf(units []campaign.Unit, code string) campaign.Unit {
	for _, u := range units {
		if u.Code == code {
			return u
		}
	}
	return campaign.Unit{}
}

// independentScore applies the README's formulas directly: A from the
// latest report ≤ m (a flow's YTD), T_P = T·m/12 for flows, B + (T−B)·m/12
// for stocks with a baseline, T otherwise; a = A/X or X/A; points
// weight · min(a, cap).
func independentScore(c *campaign.Campaign, u campaign.Unit, o []report.Observation, m int, basis string) float64 {
	total := 0.0
	for _, k := range c.KPIs {
		var a *float64
		for _, ob := range o {
			if ob.Unit == u.Code && ob.KPI == k.Code && ob.Period.Month <= m {
				if k.Kind == campaign.Flow {
					a = ob.YTD
				} else {
					a = ob.Month
				}
			}
		}
		t, ok := u.Targets[k.Code]
		if !ok && k.DefaultTarget != nil {
			t, ok = *k.DefaultTarget, true
		}
		if !ok && k.TargetFromBaseline {
			t, ok = u.Baselines[k.Code]
		}
		if a == nil || !ok {
			continue
		}
		x := t
		if basis == campaign.BasisToDate {
			switch b, hasB := u.Baselines[k.Code]; {
			case k.Kind == campaign.Flow:
				x = t * float64(m) / 12
			case k.Kind == campaign.Stock && hasB:
				x = b + (t-b)*float64(m)/12
			}
		}
		att := *a / x
		if k.Better == "lower" {
			att = x / *a
		}
		total += k.Weight * math.Min(att, c.KPICap(k))
	}
	return total
}
