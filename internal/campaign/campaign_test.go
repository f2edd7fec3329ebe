package campaign

import (
	"errors"
	"strings"
	"testing"
)

func TestDefaultCampaignContract(t *testing.T) {
	c := Default()
	if c.Code != "bhxh-2024" || c.Year != 2024 || c.Cap != 1.2 {
		t.Fatalf("campaign = %s %d cap %g", c.Code, c.Year, c.Cap)
	}
	want := []struct {
		code, kind, better string
		weight             float64
	}{
		{"bhxh_bb", Stock, "higher", 20}, {"bhxh_tn", Stock, "higher", 10}, {"bhyt", Stock, "higher", 15},
		{"bhtn", Stock, "higher", 10}, {"thu", Flow, "higher", 25}, {"cham_dong", Rate, "lower", 10},
		{"hai_long", Rate, "higher", 10},
	}
	if len(c.KPIs) != len(want) {
		t.Fatalf("%d KPIs, want %d", len(c.KPIs), len(want))
	}
	for i, w := range want {
		k := c.KPIs[i]
		if k.Code != w.code || k.Kind != w.kind || k.Better != w.better || k.Weight != w.weight {
			t.Errorf("KPI %d = %+v, want %+v", i, k, w)
		}
	}
	hl, _ := c.KPI("hai_long")
	if hl.DefaultTarget == nil || *hl.DefaultTarget != 80 || !hl.Percent() {
		t.Errorf("hai_long default target wrong: %+v", hl)
	}
	cd, _ := c.KPI("cham_dong")
	if !cd.TargetFromBaseline || !cd.LowerIsBetter() {
		t.Errorf("cham_dong: %+v", cd)
	}
	if len(c.Awards) != 3 || c.Awards[0].Code != "co_thi_dua" || c.Awards[1].Code != "bang_khen" || c.Awards[2].Code != "giay_khen" {
		t.Errorf("awards = %+v", c.Awards)
	}
	if !c.FieldAwards.Enabled {
		t.Error("field awards off")
	}
}

func TestKPIByText(t *testing.T) {
	c := Default()
	cases := map[string]string{
		"bhxh_bb": "bhxh_bb",
		"BHXH BB": "bhxh_bb",
		"Số người tham gia BHXH bắt buộc":    "bhxh_bb",
		"so nguoi tham gia bhxh bat buoc":    "bhxh_bb",
		"SỐ THU BHXH, BHYT, BHTN":            "thu",
		"Số thu (triệu đồng)":                "thu",
		"Tỷ lệ chậm đóng (%)":                "cham_dong",
		"  Chỉ số  hài lòng ":                "hai_long",
		"Số người tham gia BHYT":             "bhyt",
		"bhtn":                               "bhtn",
		"Ghi chú":                            "",
		"STT":                                "",
		"Số người tham gia BHXH bắt buộc xx": "",
	}
	for text, want := range cases {
		k, ok := c.KPIByText(text)
		if (want == "") == ok || (ok && k.Code != want) {
			t.Errorf("KPIByText(%q) = %q,%v want %q", text, k.Code, ok, want)
		}
	}
}

func TestValidate(t *testing.T) {
	base := string(DefaultYAML())
	// wantErr is the problem as InvalidError's Error writes it: where,
	// the kind's code, the values (i18n says them in words)
	cases := []struct {
		name, from, to, wantErr string
	}{
		{"default is valid", "", "", ""},
		{"weights must sum to 100", "weight: 20", "weight: 25", "weights_sum 105"},
		{"weight must be positive", "weight: 20", "weight: -20", `kpis[0] "bhxh_bb": weight_not_positive -20`},
		{"codes unique", "code: bhxh_tn", "code: bhxh_bb", `kpis[1] "bhxh_bb": duplicate_code`},
		{"kind known", "kind: flow", "kind: monthly", `kpis[4] "thu": bad_kind monthly`},
		{"better known", "better: lower", "better: less", `kpis[5] "cham_dong": bad_better less`},
		{"cap at least 1", "cap: 1.2", "cap: 0.8", "cap_below_one 0.8"},
		{"max_share in range", "max_share: 0.3", "max_share: 1.5", `awards[1] "bang_khen": max_share_range 1.5`},
		{"unknown key refused", "min_score: 95", "min_scor: 95", "yaml_unknown_field min_scor"},
		{"alias naming two KPIs", "aliases: [BHTN,", "aliases: [BHYT,", "name_clash BHYT bhyt bhtn"},
		{"score basis known", "score_basis: to_date", "score_basis: monthly", "bad_score_basis monthly"},
		{"annual basis accepted", "score_basis: to_date", "score_basis: annual", ""},
		{"phasing of 12 weights", "kind: flow\n", "kind: flow\n    phasing: [1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2]\n", ""},
		{"phasing needs 12 weights", "kind: flow\n", "kind: flow\n    phasing: [1, 2, 3]\n", "bad_phasing"},
		{"phasing not negative", "kind: flow\n", "kind: flow\n    phasing: [1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, -2]\n", "bad_phasing"},
		{"not: never one of the KPI's names", "not: [phải thu,", "not: [Số thu,", `kpis[4] "thu": not_own_name Số thu`},
		// the rest of the rulebook
		{"method known", "method: capped", "method: relative", "bad_method relative"},
		{"leader scope known", "method: capped", "method: leader\nleader_scope: region", "bad_leader_scope region"},
		{"leader scope only for leader", "method: capped", "method: capped\nleader_scope: cluster", "scope_without_leader cluster"},
		{"bonus bound not negative", "max_bonus: 5", "max_bonus: -5", "adjustments: adjust_bound_range max_bonus -5 100"},
		{"penalty bound in range", "max_penalty: 10", "max_penalty: 1000", "adjustments: adjust_bound_range max_penalty 1000 100"},
		{"adjustment bounds: unknown key refused", "max_penalty: 10", "max_penalties: 10", "yaml_unknown_field max_penalties"},
		{"title codes unique", "code: lao_dong_tien_tien", "code: cstd_co_so", `individual_titles[1] "cstd_co_so": duplicate_code`},
		{"title names unique", "name: Lao động tiên tiến", "name: chiến sĩ THI ĐUA cơ sở", "duplicate_name chiến sĩ THI ĐUA cơ sở"},
		{"title limit not negative", "max_per_unit: 2", "max_per_unit: -1", "max_per_unit_negative -1"},
		{"title unit condition in range", "min_score: 90", "min_score: 9000", "unit: min_score_range 9000"},
		{"title: unknown key refused", "all_attained: true\n      not_excluded: true", "all_attained: true\n      excluded: false", "yaml_unknown_field excluded"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			y := base
			if tc.from != "" {
				if !strings.Contains(y, tc.from) {
					t.Fatalf("fixture lacks %q", tc.from)
				}
				y = strings.Replace(y, tc.from, tc.to, 1)
			}
			_, err := Parse([]byte(y))
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.wantErr)
			}
		})
	}
}

func TestRuleWithoutCondition(t *testing.T) {
	y := strings.Replace(string(DefaultYAML()), "    min_score: 95\n    min_attainment: 0.9\n", "", 1)
	if _, err := Parse([]byte(y)); err == nil || !strings.Contains(err.Error(), `awards[2] "giay_khen": no_condition`) {
		t.Fatalf("err = %v", err)
	}
}

func TestYAMLRoundTrip(t *testing.T) {
	c := Default()
	y, err := c.YAML()
	if err != nil {
		t.Fatal(err)
	}
	c2, err := Parse(y)
	if err != nil {
		t.Fatalf("re-parse: %v\n%s", err, y)
	}
	if len(c2.KPIs) != 7 || c2.KPIs[5].Code != "cham_dong" || *c2.Awards[0].MinScore != 105 {
		t.Fatal("round trip lost data")
	}
}

func TestEffectiveTarget(t *testing.T) {
	c := Default()
	u := Unit{Targets: map[string]float64{"thu": 1000}, Baselines: map[string]float64{"cham_dong": 2.5}}
	for _, tc := range []struct {
		kpi  string
		want float64
		ok   bool
	}{{"thu", 1000, true}, {"hai_long", 80, true}, {"cham_dong", 2.5, true}, {"bhyt", 0, false}} {
		k, _ := c.KPI(tc.kpi)
		got, ok := EffectiveTarget(k, u)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: %g,%v want %g,%v", tc.kpi, got, ok, tc.want, tc.ok)
		}
	}
}

func TestShares(t *testing.T) {
	k := KPI{Code: "thu", Kind: Flow}
	if got := k.Share(3); got != 0.25 {
		t.Errorf("equal weights: s(3) = %v", got)
	}
	k.Phasing = []float64{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	if got := k.Share(11); got != 0 {
		t.Errorf("all in December: s(11) = %v", got)
	}
	if got := k.Share(12); got != 1 {
		t.Errorf("s(12) = %v", got)
	}
	if got := QuarterShare([4]float64{300, 300, 300, 300}, 2); got != 2.0/12 {
		t.Errorf("equal quarters: s(2) = %v", got)
	}
}

// Under method leader the KPIs give at most 100 points: with max_bonus 5, a
// rule asking 105 can still be met, one asking more cannot.
func TestLeaderMethod(t *testing.T) {
	y := strings.Replace(string(DefaultYAML()), "method: capped", "method: leader", 1)
	c, err := Parse([]byte(y))
	if err != nil {
		t.Fatalf("leader with the default rules: %v", err)
	}
	if c.Method != MethodLeader || c.LeaderScope != ScopeCluster || c.MaxScore() != 100 {
		t.Errorf("method %q, scope %q (want the cluster by default), max score %g", c.Method, c.LeaderScope, c.MaxScore())
	}
	y = strings.Replace(y, "max_bonus: 5", "max_bonus: 4", 1)
	if _, err := Parse([]byte(y)); err == nil || !strings.Contains(err.Error(), `awards[0] "co_thi_dua": min_score_unreachable 105 leader 104`) {
		t.Errorf("min_score 105 with max_bonus 4: %v", err)
	}
	if Default().MaxScore() != 120 || Default().Method != MethodCapped {
		t.Errorf("the default campaign: method %q, max score %g", Default().Method, Default().MaxScore())
	}
}

// The default campaign's rulebook: adjustment bounds and two individual
// titles with their limits and unit conditions.
func TestDefaultRulebook(t *testing.T) {
	c := Default()
	if b := c.Adjustments; b == nil || *b.MaxBonus != 5 || *b.MaxPenalty != 10 {
		t.Fatalf("adjustments = %+v", c.Adjustments)
	}
	if len(c.Titles) != 2 {
		t.Fatalf("titles = %+v", c.Titles)
	}
	cstd, ok := c.TitleByText("chien si thi dua co so")
	if !ok || cstd.Code != "cstd_co_so" || cstd.MaxPerUnit != 2 || !cstd.Unit.AllAttained || !cstd.Unit.NotExcluded {
		t.Errorf("Chiến sĩ thi đua cơ sở = %+v", cstd)
	}
	ldtt, ok := c.TitleByText("lao_dong_tien_tien")
	if !ok || ldtt.Name != "Lao động tiên tiến" || ldtt.Unit.MinScore == nil || *ldtt.Unit.MinScore != 90 {
		t.Errorf("Lao động tiên tiến = %+v", ldtt)
	}
	if _, ok := c.TitleByText("Anh hùng lao động"); ok {
		t.Error("a title the campaign does not have was found")
	}
}

// The audit log's before → after of a campaign load, one setting a line.
func TestCampaignDiff(t *testing.T) {
	old := Default()
	y := strings.Replace(string(DefaultYAML()), "weight: 25", "weight: 20", 1)
	y = strings.Replace(y, "weight: 10\n    default_target: 80", "weight: 15\n    default_target: 80", 1)
	y = strings.Replace(y, "max_bonus: 5", "max_bonus: 3", 1)
	updated, err := Parse([]byte(y))
	if err != nil {
		t.Fatal(err)
	}
	ch, err := Diff(old, updated)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range ch {
		got = append(got, c.String())
	}
	want := []string{"adjustments.max_bonus 5 → 3", "kpis[hai_long].weight 10 → 15", "kpis[thu].weight 25 → 20"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("diff = %q, want %q", got, want)
	}
	if ch, _ := Diff(old, Default()); len(ch) != 0 {
		t.Errorf("no change: %v", ch)
	}
}

func TestUnitDiffAndSummary(t *testing.T) {
	a := Unit{Code: "H01", Name: "BHXH A", Cluster: "Cụm 1", Targets: map[string]float64{"thu": 1000}, Baselines: map[string]float64{}}
	b := Unit{Code: "H01", Name: "BHXH A", Cluster: "Cụm 2", Targets: map[string]float64{"thu": 1200, "bhyt": 5}, Baselines: map[string]float64{}}
	var got []string
	for _, c := range UnitDiff(a, b) {
		got = append(got, c.String())
	}
	if strings.Join(got, "; ") != `cụm "Cụm 1" → "Cụm 2"; bhyt KH (trống) → 5; thu KH 1000 → 1200` {
		t.Errorf("diff = %q", got)
	}
	if s := UnitSummary(b); s != "BHXH A; Cụm 2; bhyt KH 5; thu KH 1200" {
		t.Errorf("summary = %q", s)
	}
}

// People read a KPI by its short name; a campaign without one (stored by
// an earlier kpi) gets the embedded campaign's for the codes it knows, and
// two KPIs may not share one.
func TestShortNames(t *testing.T) {
	c := Default()
	var got []string
	for _, k := range c.KPIs {
		got = append(got, k.Label())
	}
	if want := "BHXH BB|BHXH TN|BHYT|BHTN|Số thu|Chậm đóng|Hài lòng"; strings.Join(got, "|") != want {
		t.Errorf("labels %q, want %q", strings.Join(got, "|"), want)
	}
	old := strings.ReplaceAll(string(DefaultYAML()), "    short_name: Số thu\n", "")
	old = strings.Replace(old, "  - code: bhtn\n", "  - code: bhtn_moi\n", 1)
	old = strings.Replace(old, "    short_name: BHTN\n", "", 1)
	c, err := Parse([]byte(old))
	if err != nil {
		t.Fatal(err)
	}
	if k, _ := c.KPI("thu"); k.Label() != "Số thu" {
		t.Errorf("thu without a short name: %q", k.Label())
	}
	if k, _ := c.KPI("bhtn_moi"); k.Label() != "bhtn_moi" {
		t.Errorf("a code the embedded campaign does not know: %q", k.Label())
	}
	clash := strings.Replace(string(DefaultYAML()), "short_name: BHTN", "short_name: bhyt", 1)
	var ie *InvalidError
	if _, err := Parse([]byte(clash)); !errors.As(err, &ie) || !strings.Contains(err.Error(), `kpis[3] "bhtn": short_name_clash bhyt bhyt`) {
		t.Errorf("two KPIs called BHYT: %v", err)
	}
	for _, k := range Default().KPIs {
		if k.HeadCount() != (k.Unit == "người") {
			t.Errorf("%s: head-count %v", k.Code, k.HeadCount())
		}
	}
}

// The YAML decoder's errors become problems with their line.
func TestYAMLProblems(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"", "yaml_empty"},
		{"code: [\n", "line 1: yaml_syntax"},
		{"code: x\nyear: twenty\n", "line 2: yaml_wrong_type twenty number"},
		{"code: x\ncode: y\n", "line 2: yaml_duplicate code"},
		{"code: x\nkpis:\n  - nam: A\n", "line 3: yaml_unknown_field nam"},
		{"kpis: 3\n", "line 1: yaml_wrong_type 3 list"},
	} {
		_, err := Parse([]byte(tc.yaml))
		var ie *InvalidError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.yaml, err, tc.want)
		}
	}
}
