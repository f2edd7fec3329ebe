package i18n

import (
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/score"
)

// Each kind of award condition, met or not, in both languages.
func TestConditionWords(t *testing.T) {
	cd := []score.Shortfall{{Code: "cham_dong", Attainment: 0.8}}
	for _, tc := range []struct {
		c      score.Condition
		vi, en string
	}{
		{score.Condition{Kind: score.TopInCluster, Met: true, Got: 1, Need: 1, Cluster: "Cụm A"},
			"đứng đầu Cụm A", "first in Cụm A"},
		{score.Condition{Kind: score.TopInCluster, Met: true, Got: 2, Need: 3, Cluster: "Cụm A"},
			"hạng 2 Cụm A", "rank 2 in Cụm A"},
		{score.Condition{Kind: score.TopInCluster, Got: 2, Need: 1, Cluster: "Cụm B"},
			"hạng 2 trong Cụm B (cần ≤ 1)", "rank 2 in Cụm B (needs ≤ 1)"},
		{score.Condition{Kind: score.AllAttained, Met: true, Got: 7, Need: 7},
			"đạt 7/7 chỉ tiêu", "7/7 KPIs attained"},
		{score.Condition{Kind: score.AllAttained, Got: 4, Need: 7, KPIs: []score.Shortfall{
			{Code: "bhyt", Missing: true, NoTarget: true}, {Code: "hai_long", NoTarget: true}, {Code: "cham_dong", Attainment: 0.8}}},
			"đạt 4/7 chỉ tiêu, chưa đạt bhyt (thiếu số liệu), hai_long (chưa có chỉ tiêu), cham_dong (80,0%)",
			"4/7 KPIs attained, not bhyt (missing), hai_long (no target), cham_dong (80.0%)"},
		{score.Condition{Kind: score.MinAttainment, Met: true, Got: 0.95, Need: 0.9},
			"mọi chỉ tiêu ≥ 90%", "every KPI ≥ 90%"},
		{score.Condition{Kind: score.MinAttainment, Got: 0, Need: 0.9, KPIs: append(cd, score.Shortfall{Code: "bhyt", Missing: true})},
			"chỉ tiêu dưới 90%: cham_dong 80,0%, bhyt 0,0%", "KPIs below 90%: cham_dong 80.0%, bhyt 0.0%"},
		{score.Condition{Kind: score.MinScore, Met: true, Got: 111.25, Need: 105},
			"111,25 điểm", "111.25 points"},
		{score.Condition{Kind: score.MinScore, Got: 99.5, Need: 100},
			"99,5 điểm < 100", "99.5 points < 100"},
		{score.Condition{Kind: score.ScoreStated, Met: true, Got: 1234.5},
			"1.234,5 điểm", "1,234.5 points"},
		{score.Condition{Kind: score.MaxShare, Got: 3, Need: 3, Share: 0.25},
			"đã đủ 3 suất (25% số đơn vị)", "all 3 places taken (25% of units)"},
		{score.Condition{Kind: score.HigherTier},
			"đã có danh hiệu cao hơn", "already holds a higher award"},
		// the rulebook's: an exclusion, a title's unit condition and limit
		{score.Condition{Kind: score.Excluded, Reason: "có cán bộ bị kỷ luật"},
			"không xét khen thưởng: có cán bộ bị kỷ luật", "excluded from awards: có cán bộ bị kỷ luật"},
		{score.Condition{Kind: score.NotExcluded, Met: true},
			"đơn vị được xét khen thưởng", "the unit is not excluded from awards"},
		{score.Condition{Kind: score.NotExcluded, Reason: "kỷ luật"},
			"không xét khen thưởng: kỷ luật", "excluded from awards: kỷ luật"},
		{score.Condition{Kind: score.MaxPerUnit, Met: true, Got: 1, Need: 2},
			"suất 2/2 của đơn vị", "place 2 of 2 for the unit"},
		{score.Condition{Kind: score.MaxPerUnit, Got: 2, Need: 2},
			"đơn vị đã đủ 2 suất (đề nghị thứ 3)", "the unit's 2 places are taken (nomination 3)"},
	} {
		if got := Condition("vi", tc.c); got != tc.vi {
			t.Errorf("%+v in vi: %q, want %q", tc.c, got, tc.vi)
		}
		if got := Condition("en", tc.c); got != tc.en {
			t.Errorf("%+v in en: %q, want %q", tc.c, got, tc.en)
		}
	}
}

// A verdict says the conditions that decided it, after the tier's name.
func TestVerdictWords(t *testing.T) {
	v := score.Verdict{Tier: "co_thi_dua", TierName: "Cờ thi đua", Conditions: []score.Condition{
		{Kind: score.TopInCluster, Met: true, Got: 1, Need: 1, Cluster: "Cụm B"},
		{Kind: score.AllAttained, Got: 6, Need: 7, KPIs: []score.Shortfall{{Code: "cham_dong", Attainment: 0.8}}},
		{Kind: score.MinScore, Got: 98, Need: 105},
	}}
	if got, want := Verdict("vi", v), "Cờ thi đua: đạt 6/7 chỉ tiêu, chưa đạt cham_dong (80,0%); 98 điểm < 105"; got != want {
		t.Errorf("vi: %q, want %q", got, want)
	}
	// with the campaign's names for its KPIs
	if got, want := SpeakerFor("vi", campaign.Default()).Verdict(v), "Cờ thi đua: đạt 6/7 chỉ tiêu, chưa đạt Chậm đóng (80,0%); 98 điểm < 105"; got != want {
		t.Errorf("vi with short names: %q, want %q", got, want)
	}
	if got, want := SpeakerFor("en", campaign.Default()).FieldAward(score.FieldAward{KPI: "thu", Attainment: 1.228}), "Số thu (122.8%)"; got != want {
		t.Errorf("field award: %q, want %q", got, want)
	}
	v.Awarded = true
	v.Conditions = append(v.Conditions[:1], score.Condition{Kind: score.MaxShare, Met: true, Need: 1, Share: 0.3})
	if got, want := Verdict("en", v), "Cờ thi đua: first in Cụm B"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
}

// Scores in reasons: rounded to 2 decimals, trailing zeros dropped.
func TestPoints(t *testing.T) {
	for v, want := range map[float64]string{108.4: "108,4", 108.4049: "108,4", 111.25: "111,25", 100: "100", 99.999: "100", 1234.5: "1.234,5"} {
		if got := Points(v, "vi"); got != want {
			t.Errorf("Points(%v) = %q, want %q", v, got, want)
		}
	}
	if got := Points(1234.5, "en"); got != "1,234.5" {
		t.Errorf("Points(1234.5, en) = %q", got)
	}
}

func TestRuleWords(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, tc := range []struct {
		r      campaign.AwardRule
		vi, en string
	}{
		{campaign.AwardRule{TopInCluster: 1, AllAttained: true, MinScore: f(105)},
			"đứng đầu cụm; đạt mọi chỉ tiêu; điểm ≥ 105", "first in its cluster; every KPI attained; score ≥ 105"},
		{campaign.AwardRule{TopInCluster: 3, MinAttainment: f(0.9), MaxShare: f(0.25)},
			"hạng 1–3 trong cụm; không chỉ tiêu nào dưới 90%; tối đa 25% số đơn vị",
			"rank 1–3 in its cluster; no KPI below 90%; at most 25% of units"},
	} {
		if got := Rule("vi", tc.r); got != tc.vi {
			t.Errorf("vi: %q, want %q", got, tc.vi)
		}
		if got := Rule("en", tc.r); got != tc.en {
			t.Errorf("en: %q, want %q", got, tc.en)
		}
	}
}

// An individual title's rules as kpi campaign show says them.
func TestTitleRuleWords(t *testing.T) {
	c := campaign.Default()
	for _, tc := range []struct{ code, vi, en string }{
		{"cstd_co_so", "tối đa 2 người mỗi đơn vị; đơn vị: đạt mọi chỉ tiêu; không bị loại khỏi xét khen thưởng",
			"at most 2 people a unit; the unit: every KPI attained; not excluded from awards"},
		{"lao_dong_tien_tien", "tối đa 10 người mỗi đơn vị; đơn vị: điểm ≥ 90; không bị loại khỏi xét khen thưởng",
			"at most 10 people a unit; the unit: score ≥ 90; not excluded from awards"},
	} {
		title, _ := c.Title(tc.code)
		if got := TitleRule("vi", title); got != tc.vi {
			t.Errorf("%s in vi: %q", tc.code, got)
		}
		if got := TitleRule("en", title); got != tc.en {
			t.Errorf("%s in en: %q", tc.code, got)
		}
	}
}
