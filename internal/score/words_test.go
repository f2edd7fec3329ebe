package score_test

import (
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
)

// The hand-computed province's decisions in the officer's words, as the
// shortlist and kpi awards --explain say them (the catalogue is in
// internal/i18n; the conditions themselves are checked in province_test.go).
func TestHandProvinceInWords(t *testing.T) {
	c, units, o := score.HandProvince()
	r := score.Compute(score.Input{Campaign: c, Units: units, Observations: o, Period: report.Period{Year: 2024, Month: 6}})
	sl := score.Awards(c, r)
	if got := i18n.Reasons("vi", sl.Awards[0].Reasons()); got != "đứng đầu Cụm A; đạt 7/7 chỉ tiêu; 111,25 điểm" {
		t.Errorf("reason = %q", got)
	}
	if got := i18n.Reasons("en", sl.Awards[0].Reasons()); got != "first in Cụm A; 7/7 KPIs attained; 111.25 points" {
		t.Errorf("reason in English = %q", got)
	}
	var said []string
	for _, v := range sl.NotAwarded[0].Verdicts {
		said = append(said, i18n.Verdict("vi", v))
	}
	reasons := strings.Join(said, " | ")
	for _, w := range []string{
		"Cờ thi đua: đạt 6/7 chỉ tiêu, chưa đạt cham_dong (80,0%)",
		"Bằng khen: đạt 6/7 chỉ tiêu, chưa đạt cham_dong (80,0%)",
		"Giấy khen: chỉ tiêu dưới 90%: cham_dong 80,0%",
	} {
		if !strings.Contains(reasons, w) {
			t.Errorf("B1 reasons %q lack %q", reasons, w)
		}
	}
	if v := sl.Verdicts["A1"]; i18n.Reasons("vi", v[1].Reasons()) != "đã có danh hiệu cao hơn" {
		t.Errorf("A1's Bằng khen = %+v", v[1])
	}
}
