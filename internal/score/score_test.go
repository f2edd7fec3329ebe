package score

import (
	"math"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
)

func p(m int) report.Period { return report.Period{Year: 2024, Month: m} }
func f(v float64) *float64  { return &v }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// obs builds month-value observations.
func obs(unit string, m int, kv map[string]float64) []report.Observation {
	var out []report.Observation
	for k, v := range kv {
		out = append(out, report.Observation{Unit: unit, Period: p(m), KPI: k, Month: f(v)})
	}
	return out
}

func kpiOf(t *testing.T, r Result, unit, kpi string) KPIResult {
	t.Helper()
	for _, u := range r.Units {
		if u.Code != unit {
			continue
		}
		for _, k := range u.KPIs {
			if k.Code == kpi {
				return k
			}
		}
	}
	t.Fatalf("no %s/%s", unit, kpi)
	return KPIResult{}
}

// The rulebook, one KPI at a time, as of June (m = 6, s = 6/12 = 0.5):
// the plan to date T_P, the attainment to date (scored under the default
// score_basis: to_date) and the annual one (scored under annual).
func TestKPIRules(t *testing.T) {
	u := campaign.Unit{Code: "U", Cluster: "C",
		Targets:   map[string]float64{"bhxh_bb": 1000, "thu": 1200, "bhyt": 10000},
		Baselines: map[string]float64{"bhxh_bb": 900, "cham_dong": 2.0}}
	cases := []struct {
		name      string
		obs       []report.Observation
		kpi       string
		actual    *float64
		tp        *float64 // target to date
		toDate    float64  // A/T_P (T_P/A lower is better)
		annual    float64  // A/T
		points    float64  // weight · min(toDate, cap)
		attained  bool     // toDate ≥ 1
		onTrack   bool     // toDate ≥ 1
		projected *float64
		missing   bool
	}{
		{name: "stock with a baseline: T_P = B + (T−B)·s = 950; projection B+(A−B)·12/m",
			obs: obs("U", 6, map[string]float64{"bhxh_bb": 960}), kpi: "bhxh_bb",
			actual: f(960), tp: f(950), toDate: 960.0 / 950, annual: 0.96, points: 20 * 960.0 / 950, attained: true, onTrack: true, projected: f(1020)},
		{name: "stock below its plan to date 950",
			obs: obs("U", 6, map[string]float64{"bhxh_bb": 940}), kpi: "bhxh_bb",
			actual: f(940), tp: f(950), toDate: 940.0 / 950, annual: 0.94, points: 20 * 940.0 / 950, projected: f(980)},
		{name: "stock: the latest report's value counts, not a sum",
			obs: append(obs("U", 5, map[string]float64{"bhxh_bb": 2000}), obs("U", 6, map[string]float64{"bhxh_bb": 1000})...), kpi: "bhxh_bb",
			actual: f(1000), tp: f(950), toDate: 1000.0 / 950, annual: 1, points: 20 * 1000.0 / 950, attained: true, onTrack: true, projected: f(1100)},
		{name: "stock without a baseline: T_P = T from January; projection = A",
			obs: obs("U", 6, map[string]float64{"bhyt": 12000}), kpi: "bhyt",
			actual: f(12000), tp: f(10000), toDate: 1.2, annual: 1.2, points: 18, attained: true, onTrack: true, projected: f(12000)},
		{name: "cap: attainment 1.3 counts 1.2",
			obs: obs("U", 6, map[string]float64{"bhyt": 13000}), kpi: "bhyt",
			actual: f(13000), tp: f(10000), toDate: 1.3, annual: 1.3, points: 18, attained: true, onTrack: true, projected: f(13000)},
		{name: "flow: A = the latest YTD; T_P = T·s = 600; projection A·12/m",
			obs: []report.Observation{
				{Unit: "U", Period: p(5), KPI: "thu", Month: f(100), YTD: f(500)},
				{Unit: "U", Period: p(6), KPI: "thu", Month: f(100), YTD: f(540)}},
			kpi: "thu", actual: f(540), tp: f(600), toDate: 0.9, annual: 0.45, points: 22.5, projected: f(1080)},
		{name: "flow without YTD: the sum of the month values",
			obs: append(obs("U", 5, map[string]float64{"thu": 300}), obs("U", 6, map[string]float64{"thu": 400})...),
			kpi: "thu", actual: f(700), tp: f(600), toDate: 700.0 / 600, annual: 700.0 / 1200, points: 25 * 700.0 / 600, attained: true, onTrack: true, projected: f(1400)},
		{name: "rate, lower is better: a = T/A with T = the 2023 baseline, due whole every month",
			obs: obs("U", 6, map[string]float64{"cham_dong": 1.6}), kpi: "cham_dong",
			actual: f(1.6), tp: f(2), toDate: 1.25, annual: 1.25, points: 12, attained: true, onTrack: true, projected: f(1.6)},
		{name: "rate, lower is better, A = 0: a = the cap",
			obs: obs("U", 6, map[string]float64{"cham_dong": 0}), kpi: "cham_dong",
			actual: f(0), tp: f(2), toDate: 1.2, annual: 1.2, points: 12, attained: true, onTrack: true, projected: f(0)},
		{name: "rate, higher is better, default target 80",
			obs: obs("U", 6, map[string]float64{"hai_long": 76}), kpi: "hai_long",
			actual: f(76), tp: f(80), toDate: 0.95, annual: 0.95, points: 9.5, projected: f(76)},
		{name: "missing: a = 0, not attained, not on track",
			obs: obs("U", 6, map[string]float64{"bhyt": 1}), kpi: "bhxh_bb", missing: true},
		{name: "reports after P are ignored",
			obs: obs("U", 7, map[string]float64{"bhxh_bb": 1000}), kpi: "bhxh_bb", missing: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, basis := range []string{campaign.BasisToDate, campaign.BasisAnnual} {
				c := campaign.Default()
				c.ScoreBasis = basis
				r := Compute(Input{Campaign: c, Units: []campaign.Unit{u}, Observations: tc.obs, Period: p(6)})
				k := kpiOf(t, r, "U", tc.kpi)
				scored, points, attained := tc.toDate, tc.points, tc.attained
				if basis == campaign.BasisAnnual {
					scored, points, attained = tc.annual, 0, tc.annual >= 1
					if !tc.missing {
						kc, _ := c.KPI(tc.kpi)
						points = kc.Weight * math.Min(tc.annual, c.KPICap(kc))
					}
				}
				if !eqp(k.Actual, tc.actual) || !eqp(k.TargetToDate, tc.tp) || !near(k.Attainment, scored) ||
					!near(k.AnnualAttainment, tc.annual) || !near(k.Points, points) || k.Attained != attained ||
					k.Missing != tc.missing || !eqb(k.OnTrack, bp(tc.onTrack)) || !eqp(k.Projected, tc.projected) {
					t.Errorf("%s: got actual=%v T_P=%v a=%v annual=%v points=%v attained=%v missing=%v onTrack=%v projected=%v",
						basis, fp(k.Actual), fp(k.TargetToDate), k.Attainment, k.AnnualAttainment, k.Points, k.Attained, k.Missing, bv(k.OnTrack), fp(k.Projected))
				}
			}
		})
	}
}

func bp(b bool) *bool { return &b }
func eqp(a, b *float64) bool {
	return (a == nil) == (b == nil) && (a == nil || near(*a, *b))
}
func eqb(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
func fp(a *float64) any {
	if a == nil {
		return nil
	}
	return *a
}
func bv(a *bool) any {
	if a == nil {
		return nil
	}
	return *a
}

func TestNoTarget(t *testing.T) {
	c := campaign.Default()
	u := campaign.Unit{Code: "U", Targets: map[string]float64{}, Baselines: map[string]float64{}}
	r := Compute(Input{Campaign: c, Units: []campaign.Unit{u}, Observations: obs("U", 3, map[string]float64{"bhyt": 5}), Period: p(3)})
	k := kpiOf(t, r, "U", "bhyt")
	if !k.NoTarget || k.Points != 0 || k.Attained || k.Target != nil || k.Actual == nil {
		t.Fatalf("%+v", k)
	}
}

func TestStale(t *testing.T) {
	c := campaign.Default()
	units := []campaign.Unit{{Code: "A"}, {Code: "B"}, {Code: "C"}}
	o := append(obs("A", 6, map[string]float64{"bhyt": 1}), obs("B", 5, map[string]float64{"bhyt": 1})...)
	r := Compute(Input{Campaign: c, Units: units, Observations: o, Period: p(6)})
	got := map[string]string{}
	for _, u := range r.Units {
		lr := "-"
		if u.LastReport != nil {
			lr = u.LastReport.String()
		}
		got[u.Code] = lr + "/" + map[bool]string{true: "stale", false: "fresh"}[u.Stale]
	}
	want := map[string]string{"A": "2024-06/fresh", "B": "2024-05/stale", "C": "-/stale"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s, want %s", k, got[k], v)
		}
	}
}

// Ranking: score rounded to 2 decimals, then KPIs attained, then code.
func TestRankingTies(t *testing.T) {
	mk := func(code, cluster string, score float64, attained int) UnitResult {
		return UnitResult{Code: code, Cluster: cluster, Score: score, KPIsAttained: attained}
	}
	units := []UnitResult{
		mk("H05", "X", 100.004, 3), // rounds to 100.00: tie with H02 and H09
		mk("H02", "Y", 99.996, 3),
		mk("H09", "X", 100, 5), // more attained: first among the tied
		mk("H01", "Y", 101, 0),
		mk("H03", "X", 90, 7),
	}
	rank(units)
	var order []string
	for _, u := range units {
		order = append(order, u.Code+":"+itoa(u.Rank)+"/"+itoa(u.ClusterRank))
	}
	if got := strings.Join(order, " "); got != "H01:1/1 H09:2/1 H02:3/2 H05:4/2 H03:5/3" {
		t.Fatalf("order = %s", got)
	}
}

func itoa(i int) string { return string(rune('0' + i)) }

func TestAttainmentFormula(t *testing.T) {
	c := campaign.Default()
	thu, _ := c.KPI("thu")
	cd, _ := c.KPI("cham_dong")
	for _, tc := range []struct {
		k       campaign.KPI
		a, t, w float64
	}{{thu, 50, 100, 0.5}, {thu, 0, 100, 0}, {cd, 4, 2, 0.5}, {cd, 1, 2, 2}, {cd, 0, 2, 1.2}} {
		if got := Attainment(tc.k, tc.a, tc.t, 1.2); !near(got, tc.w) {
			t.Errorf("%s A=%v T=%v: %v want %v", tc.k.Code, tc.a, tc.t, got, tc.w)
		}
	}
}

// Cùng kỳ: the same period last year, by the same rules as A, compared —
// never scored.
func TestPriorYear(t *testing.T) {
	c := campaign.Default()
	u := campaign.Unit{Code: "U", Targets: map[string]float64{"bhxh_bb": 1000, "thu": 1200}}
	last := func(m int) report.Period { return report.Period{Year: 2023, Month: m} }
	prior := []report.Observation{
		{Unit: "U", Period: last(6), KPI: "bhxh_bb", Month: f(900)},
		{Unit: "U", Period: last(7), KPI: "bhxh_bb", Month: f(5000)}, // after the same month: ignored
		{Unit: "U", Period: last(6), KPI: "thu", Month: f(100), YTD: f(480)},
		{Unit: "U", Period: last(5), KPI: "cham_dong", Month: f(2.4)}, // carried to June
	}
	now := append(obs("U", 6, map[string]float64{"bhxh_bb": 990, "cham_dong": 2.0}),
		report.Observation{Unit: "U", Period: p(6), KPI: "thu", Month: f(110), YTD: f(600)})
	r := Compute(Input{Campaign: c, Units: []campaign.Unit{u}, Observations: now, Prior: prior, Period: p(6)})
	for _, tc := range []struct {
		kpi           string
		prior, growth *float64
	}{
		{"bhxh_bb", f(900), f(0.1)},    // 990 / 900 − 1
		{"thu", f(480), f(0.25)},       // 600 / 480 − 1
		{"cham_dong", f(2.4), f(-0.4)}, // a rate: the difference in points
		{"bhyt", nil, nil},
	} {
		k := kpiOf(t, r, "U", tc.kpi)
		if !eqp(k.Prior, tc.prior) || !eqp(k.Growth, tc.growth) {
			t.Errorf("%s: prior %v growth %v, want %v %v", tc.kpi, fp(k.Prior), fp(k.Growth), fp(tc.prior), fp(tc.growth))
		}
	}
	if u := r.Units[0]; !near(u.Score, Compute(Input{Campaign: c, Units: []campaign.Unit{u2(u.Code)}, Observations: now, Period: p(6)}).Units[0].Score) {
		t.Error("last year's figures changed the score")
	}
}

func u2(code string) campaign.Unit {
	return campaign.Unit{Code: code, Targets: map[string]float64{"bhxh_bb": 1000, "thu": 1200}}
}

// The forecast: attainments are the projected ones against T, then points,
// score and ranks as for the real standing.
func TestProjected(t *testing.T) {
	c := campaign.Default()
	units := []campaign.Unit{
		{Code: "FAST", Targets: map[string]float64{"thu": 1200}},
		{Code: "SLOW", Targets: map[string]float64{"thu": 1200}},
	}
	o := []report.Observation{
		{Unit: "FAST", Period: p(3), KPI: "thu", YTD: f(330)}, // × 12/3 = 1320: 1.1
		{Unit: "SLOW", Period: p(3), KPI: "thu", YTD: f(240)}, // × 12/3 = 960: 0.8
	}
	r := Compute(Input{Campaign: c, Units: units, Observations: o, Period: p(3)})
	before := r.Units[1].KPIs[4]
	pr := Projected(c, r)
	if pr.Units[0].Code != "FAST" || !near(pr.Units[0].Score, 25*1.1) || !near(pr.Units[1].Score, 25*0.8) {
		t.Errorf("projected %+v", pr.Units)
	}
	if k := kpiOf(t, pr, "FAST", "thu"); !k.Attained || !near(k.Attainment, 1.1) {
		t.Errorf("FAST thu %+v", k)
	}
	if after := r.Units[1].KPIs[4]; after.Code != before.Code || after.Attainment != before.Attainment || after.Points != before.Points {
		t.Errorf("the real standing was changed: %+v → %+v", before, after)
	}
	if k := kpiOf(t, pr, "SLOW", "bhyt"); k.Attained || k.Points != 0 {
		t.Errorf("a KPI without a figure: %+v", k)
	}
}

// Equal scores and KPIs attained: unit codes in natural order, H9 before H10.
func TestRankTieNaturalOrder(t *testing.T) {
	c := campaign.Default()
	var units []campaign.Unit
	for _, code := range []string{"H10", "H9", "H100"} {
		units = append(units, campaign.Unit{Code: code, Targets: map[string]float64{"thu": 100}})
	}
	r := Compute(Input{Campaign: c, Units: units, Period: p(3)})
	if got := r.Units[0].Code + " " + r.Units[1].Code + " " + r.Units[2].Code; got != "H9 H10 H100" {
		t.Errorf("ranks = %s", got)
	}
}
