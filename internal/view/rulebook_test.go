package view

import (
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
)

// councilProvince is province() after the council: A2 has 6 bonus points
// counted 5, B1 is excluded from awards; two people are nominated, one
// passes.
func councilProvince() (*Progress, *Awards) {
	c, r, sl := province()
	five := 5.0
	r.Units[1].Score += 5
	r.Units[1].Adjustment = 5
	r.Units[1].Adjustments = []score.AppliedAdjustment{{ID: 1, Points: 2, Reason: "Bằng khen"}, {ID: 2, Points: 4, Reason: "sáng kiến"}}
	r.Units[1].AdjustmentTotal = score.Adjustment{Bonus: 6, MaxBonus: &five, BonusCapped: true, Net: 5}
	r.Units[2].Excluded = &score.Exclusion{Reason: "kỷ luật", Period: report.Period{Year: 2024, Month: 5}}
	r.Totals.Province.KPIs = []score.KPITotal{{Code: "thu"}, {Code: "hai_long", Mean: true}}
	sl.NotAwarded[1].Verdicts = []score.Verdict{{Tier: "co", TierName: "Cờ thi đua", Conditions: []score.Condition{{Kind: score.Excluded, Reason: "kỷ luật"}}}}
	sl.Nominations = []score.NominationResult{
		{ID: 1, Unit: "A1", Name: "NGUYỄN VĂN AN", Title: "cstd", TitleName: "Chiến sĩ thi đua cơ sở", Reason: "sáng kiến", Passed: true,
			Conditions: []score.Condition{{Kind: score.AllAttained, Met: true, Got: 2, Need: 2}, {Kind: score.MaxPerUnit, Met: true, Need: 1}}},
		{ID: 2, Unit: "B1", Name: "LÊ VĂN CƯỜNG", Title: "cstd", TitleName: "Chiến sĩ thi đua cơ sở", Reason: "dẫn đầu",
			Conditions: []score.Condition{{Kind: score.NotExcluded, Reason: "kỷ luật"}}},
	}
	return NewProgress(c, r, "vi"), NewAwards(c, r, sl, "vi")
}

// Once the council has given points or excluded a unit, the tables show a
// "Cộng/trừ" column after the score and the exclusion after the KPIs, in
// every medium; without them (TestProgressColumns) neither shows.
func TestProgressShowsTheCouncil(t *testing.T) {
	p, _ := councilProvince()
	for _, tc := range []struct {
		m    Media
		want string
	}{
		{Screen, "Hạng|Mã|Đơn vị|Cụm|Điểm|Cộng/trừ|Đạt|thu|hai_long|BC cuối|Không xét khen thưởng"},
		{Machine, "rank|cluster_rank|code|name|cluster|score|adjustment|kpis_attained|last_report|stale|thu|hai_long|excluded"},
		{Print, "Hạng|Mã|Đơn vị|Cụm|Điểm|Cộng/trừ|Đạt|Số thu (thu)|Chỉ số hài lòng (hai_long)|Không xét khen thưởng"},
	} {
		if got := headers(p.Table, tc.m); got != tc.want {
			t.Errorf("medium %d: %s\nwant %s", tc.m, got, tc.want)
		}
	}
	adj, ex := p.Table.Col("adjustment"), p.Table.Col("excluded")
	a2, b1 := p.Table.Rows[1], p.Table.Rows[2]
	if c := a2[adj]; c.Value != 5.0 || c.Text != "+5 (tối đa)" {
		t.Errorf("A2's points: %+v", c)
	}
	if c := p.Table.Rows[0][adj]; c.Value != nil || c.Text != "" {
		t.Errorf("A1, without points: %+v", c)
	}
	if c := b1[ex]; c.Value != "kỷ luật" || c.Text != "từ tháng 5/2024: kỷ luật" {
		t.Errorf("B1's exclusion: %+v", c)
	}
	for _, row := range p.Table.Foot {
		if len(row) != len(p.Table.Columns) {
			t.Errorf("a total row has %d cells for %d columns", len(row), len(p.Table.Columns))
		}
	}
	// the per-cluster sheets keep the columns of the whole table
	for _, q := range p.ByCluster() {
		if q.Table.Col("adjustment") < 0 || q.Table.Col("excluded") < 0 {
			t.Errorf("%s's sheet lacks the council's columns", q.Cluster)
		}
	}
}

// The shortlist: an excluded unit among those not awarded, with one
// reason; the nominations that pass (signed, as part of the decision) and
// those that do not, with why; every list in the machine table.
func TestAwardsShowTheCouncil(t *testing.T) {
	_, a := councilProvince()
	var codes []string
	for _, s := range a.Sections() {
		codes = append(codes, s.Code)
		if signed := s.Code != "missed" && s.Code != "nominations_missed"; s.Signed != signed {
			t.Errorf("%s: signed %v", s.Code, s.Signed)
		}
	}
	if got := strings.Join(codes, " "); got != "co bk field nominations missed nominations_missed" {
		t.Errorf("sections %s", got)
	}
	if got := a.Missed.Table.Rows[1][a.Missed.Table.Col("reason")].Text; got != "không xét khen thưởng từ tháng 5/2024: kỷ luật" {
		t.Errorf("B1's reason %q", got)
	}
	if n := a.Nominations.Table; len(n.Rows) != 1 || n.Rows[0][n.Col("person")].Value != "NGUYỄN VĂN AN" ||
		n.Rows[0][n.Col("reason")].Value != "đạt 2/2 chỉ tiêu" || n.Rows[0][n.Col("tier")].Value != "individual:cstd" {
		t.Errorf("nominations that pass: %+v", n.Rows)
	}
	if n := a.NominationsMissed.Table; len(n.Rows) != 1 || n.Rows[0][n.Col("reason")].Value != "không xét khen thưởng: kỷ luật" {
		t.Errorf("nominations that do not: %+v", n.Rows)
	}
	if a.Nominations.Title != "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG" {
		t.Errorf("the nominations' print title %q", a.Nominations.Title)
	}
	m := a.Machine()
	if m.Col("person") < 0 || m.Col("proposal") < 0 || len(m.Rows) != 1+1+2+2 {
		t.Errorf("machine table: %s, %d rows", headers(m, Machine), len(m.Rows))
	}
	doc := a.JSON().(awardsJSON)
	if len(doc.Nominations) != 2 || !doc.Nominations[0].Passed || doc.NotAwarded[1].Excluded == nil {
		t.Errorf("JSON: %+v", doc)
	}
	// without nominations, no list of them
	c, r, sl := province()
	if b := NewAwards(c, r, sl, "vi"); b.Nominations != nil || b.NominationsMissed != nil || len(b.Sections()) != 4 {
		t.Errorf("no nominations: %+v", b.Sections())
	}
}
