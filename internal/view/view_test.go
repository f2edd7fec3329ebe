package view

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
)

func f(v float64) *float64 { return &v }
func b(v bool) *bool       { return &v }

// province: two KPIs, three units in two clusters as of June. A1 attains
// both; A2 is behind on thu and has no hai_long figure; B1 has no thu target.
func province() (*campaign.Campaign, score.Result, score.Shortlist) {
	c := &campaign.Campaign{Code: "c-2024", Name: "Thi đua 2024", Year: 2024,
		KPIs: []campaign.KPI{
			{Code: "thu", Name: "Số thu", Unit: "triệu đồng", Kind: campaign.Flow},
			{Code: "hai_long", Name: "Chỉ số hài lòng", Unit: "%", Kind: campaign.Rate},
		},
		Awards:      []campaign.AwardRule{{Code: "co", Name: "Cờ thi đua"}, {Code: "bk", Name: "Bằng khen"}},
		FieldAwards: campaign.FieldAwards{Enabled: true, Name: "Xuất sắc"},
	}
	june, march := report.Period{Year: 2024, Month: 6}, report.Period{Year: 2024, Month: 3}
	r := score.Result{Campaign: c.Code, Period: june, MonthsElapsed: 6, Units: []score.UnitResult{
		{Rank: 1, ClusterRank: 1, Code: "A1", Name: "BHXH A1", Cluster: "Cụm A", Score: 110.5, KPIsAttained: 2, LastReport: &june,
			KPIs: []score.KPIResult{
				{Code: "thu", Actual: f(660), Prior: f(600), Growth: f(0.1), AsOf: &june, Target: f(1200), TargetToDate: f(600), Attainment: 1.1, ToDate: 1.1, AnnualAttainment: 0.55, Attained: true, OnTrack: b(true), Expected: f(600), Projected: f(1320), ProjectedAttainment: f(1.1), Points: 55},
				{Code: "hai_long", Actual: f(88), Prior: f(86.5), Growth: f(1.5), AsOf: &march, Target: f(80), TargetToDate: f(80), Attainment: 1.1, ToDate: 1.1, AnnualAttainment: 1.1, Attained: true, OnTrack: b(true), Projected: f(88), Points: 55.5},
			}},
		{Rank: 2, ClusterRank: 2, Code: "A2", Name: "BHXH A2", Cluster: "Cụm A", Score: 20, KPIsAttained: 0, LastReport: &june,
			KPIs: []score.KPIResult{
				{Code: "thu", Actual: f(480), AsOf: &june, Target: f(1200), TargetToDate: f(600), Attainment: 0.8, ToDate: 0.8, AnnualAttainment: 0.4, OnTrack: b(false), Expected: f(600), Points: 20},
				{Code: "hai_long", Target: f(80), Missing: true},
			}},
		{Rank: 3, ClusterRank: 1, Code: "B1", Name: "=BHXH B1", Cluster: "Cụm B", Score: 10, KPIsAttained: 0, Stale: true,
			KPIs: []score.KPIResult{
				{Code: "thu", Actual: f(100), NoTarget: true},
				{Code: "hai_long", Actual: f(70), Target: f(80), Attainment: 0.875, Points: 10},
			}},
	}}
	sl := score.Shortlist{
		Awards: []score.Award{{Tier: "co", Code: "A1", Name: "BHXH A1", Cluster: "Cụm A", Rank: 1, Score: 110.5,
			Conditions: []score.Condition{{Kind: score.TopInCluster, Met: true, Got: 1, Need: 1, Cluster: "Cụm A"}}}},
		FieldAwards: []score.FieldAward{{KPI: "thu", Code: "A1", Name: "BHXH A1", Attainment: 1.1}},
		NotAwarded: []score.NotAwarded{
			{Code: "A2", Verdicts: []score.Verdict{
				{Tier: "co", TierName: "Cờ thi đua", Conditions: []score.Condition{{Kind: score.TopInCluster, Got: 2, Need: 1, Cluster: "Cụm A"}}},
				{Tier: "bk", TierName: "Bằng khen", Conditions: []score.Condition{{Kind: score.MinScore, Got: 20, Need: 100}}}}},
			{Code: "B1", Verdicts: []score.Verdict{
				{Tier: "co", TierName: "Cờ thi đua", Conditions: []score.Condition{{Kind: score.AllAttained, Got: 0, Need: 2,
					KPIs: []score.Shortfall{{Code: "thu", NoTarget: true}, {Code: "hai_long", Attainment: 0.875}}}}}}},
		},
	}
	return c, r, sl
}

func headers(t *Table, m Media) string {
	var h []string
	for _, c := range t.In(m).Columns {
		h = append(h, c.Header(m))
	}
	return strings.Join(h, "|")
}

// Each medium shows its columns: people the labels, machines the keys,
// print the long KPI titles; the cluster rank shows in print only on the
// per-cluster tables.
func TestProgressColumns(t *testing.T) {
	c, r, _ := province()
	p := NewProgress(c, r, "vi")
	for _, tc := range []struct {
		m    Media
		want string
	}{
		{Screen, "Hạng|Mã|Đơn vị|Cụm|Điểm|Đạt|thu|hai_long|BC cuối"},
		{Machine, "rank|cluster_rank|code|name|cluster|score|kpis_attained|last_report|stale|thu|hai_long"},
		{Print, "Hạng|Mã|Đơn vị|Cụm|Điểm|Đạt|Số thu (thu)|Chỉ số hài lòng (hai_long)"},
	} {
		if got := headers(p.Table, tc.m); got != tc.want {
			t.Errorf("medium %d: %s\nwant %s", tc.m, got, tc.want)
		}
	}
	byCluster := p.ByCluster()
	if len(byCluster) != 2 || byCluster[0].Cluster != "Cụm A" || len(byCluster[0].Table.Rows) != 2 || byCluster[1].Cluster != "Cụm B" {
		t.Fatalf("by cluster: %+v", byCluster)
	}
	if got := headers(byCluster[1].Table, Print); !strings.HasPrefix(got, "Hạng trong cụm|Hạng toàn tỉnh|Mã|") {
		t.Errorf("cluster sheet headers %s", got)
	}
	if got := NewProgress(c, r, "vi").Title; got != "Tiến độ thi đua c-2024 — Tháng 6/2024 (6/12 tháng)" {
		t.Errorf("title %q", got)
	}
	if got := NewProgress(c, r, "en").Title; got != "Progress c-2024 — June 2024 (6/12 months)" {
		t.Errorf("title %q", got)
	}
}

// A KPI's attainment: a ratio with its mark for people, the ratio for
// machines, nothing where there is no figure or no target.
func TestProgressAttainmentCells(t *testing.T) {
	c, r, _ := province()
	p := NewProgress(c, r, "vi").Table
	thu, hl, last := p.Col("thu"), p.Col("hai_long"), len(p.Columns)-1
	cases := []struct {
		row, col int
		want     Cell
	}{
		{0, thu, Cell{Value: 1.1, Text: "110,0% ✓", Mark: Good}},
		{1, thu, Cell{Value: 0.8, Text: "80,0% ▼", Mark: Behind}},
		{0, hl, Cell{Value: 1.1, Text: "110,0% ✓ (T3)", Mark: Good}}, // March's figure, carried to June
		{1, hl, Cell{Text: "—"}},
		{2, thu, Cell{Text: "?"}},
		{2, hl, Cell{Value: 0.875, Text: "87,5%"}},
		{0, p.Col("kpis_attained"), Cell{Value: 2, Text: "2/2"}},
		{2, p.Col("last_report"), Cell{Value: ""}},
		{2, p.Col("stale"), Cell{Value: true}},
		{2, last, Cell{Value: "— (chậm báo cáo)"}},
		{0, last, Cell{Value: "Tháng 6/2024"}},
		{0, p.Col("last_report"), Cell{Value: "2024-06"}}, // for machines as stored
	}
	for _, tc := range cases {
		if got := p.Rows[tc.row][tc.col]; got != tc.want {
			t.Errorf("row %d col %s: %+v, want %+v", tc.row, p.Columns[tc.col].Label, got, tc.want)
		}
	}
}

// The detail: one KPI for the terminal, every KPI in print; a percent KPI's
// figures are percents; a missing attainment is blank for people, 0 for
// machines.
func TestDetail(t *testing.T) {
	c, r, _ := province()
	one := NewDetail(c, r, "vi", "thu")
	if one.Subtitle != "thu — Số thu (triệu đồng, cộng dồn)" || len(one.Table.Rows) != 3 {
		t.Fatalf("subtitle %q, %d rows", one.Subtitle, len(one.Table.Rows))
	}
	if got := headers(one.Table, Screen); got != "Hạng|Mã|Đơn vị|Thực hiện|Chỉ tiêu giao|KH kỳ|Năm 2023|% KH kỳ|% KH năm|Đúng tiến độ|Dự báo cuối năm|Tỷ lệ dự báo|Cùng kỳ 2023|So cùng kỳ" {
		t.Errorf("screen headers %s", got)
	}
	if got := headers(one.Table, Machine); got != headers(one.Table, Screen) {
		t.Errorf("machine headers %s: the detail's CSV has people's headers", got)
	}
	if res := one.JSON().(score.Result); len(res.Units[0].KPIs) != 1 || res.Units[0].KPIs[0].Code != "thu" || len(r.Units[0].KPIs) != 2 {
		t.Errorf("json narrows the KPIs of a copy: %+v", res.Units[0].KPIs)
	}
	row := one.Table.Rows[0]
	if row[9].Value != 600.0 || row[11].Text != "110,0%" || row[12].Text != "55,0%" { // a flow's plan to date is an amount: T·s
		t.Errorf("plan to date %+v, %% of it %+v, %% of the year %+v", row[9], row[11], row[12])
	}
	all := NewDetail(c, r, "vi", "")
	if len(all.Table.Rows) != 6 || all.Subtitle != "" {
		t.Fatalf("%d rows", len(all.Table.Rows))
	}
	hl := all.Table.Rows[3] // A2 hai_long: missing
	if a := hl[11]; !a.Blank || a.Value != 0.0 || a.Text != "—" {
		t.Errorf("missing attainment %+v", a)
	}
	if a := all.Table.Rows[1][7]; a.Value != 88.0 || a.Text != "88,00 (T3)" { // A1 hai_long: March's figure in June
		t.Errorf("carried figure %+v", a)
	}
	// cùng kỳ: a revenue's growth in %, a rate's in points
	if g := all.Table.Rows[0][17]; g.Value != 0.1 || g.Text != "+10,0%" {
		t.Errorf("growth of thu %+v", g)
	}
	if g := all.Table.Rows[1][17]; g.Value != 1.5 || g.Text != "+1,50 điểm" {
		t.Errorf("growth of hai_long %+v", g)
	}
	if all.Table.KindOf(3, 7) != Percent || all.Table.KindOf(2, 7) != Amount {
		t.Error("figure kinds")
	}
	if got := headers(all.Table, Print); got != "Hạng|Mã|Đơn vị|Cụm|Chỉ tiêu|Tên chỉ tiêu|ĐVT|Thực hiện|Chỉ tiêu giao|KH kỳ|Năm 2023|% KH kỳ|% KH năm|Đúng tiến độ|Dự báo cuối năm|Tỷ lệ dự báo|Cùng kỳ 2023|So cùng kỳ|điểm" {
		t.Errorf("print headers %s", got)
	}
}

// The shortlist: one list per tier, the field awards, the units that
// missed; for machines one table whose lists fill the columns they have.
func TestAwards(t *testing.T) {
	c, r, sl := province()
	a := NewAwards(c, r, sl, "vi")
	if len(a.Tiers) != 2 || len(a.Tiers[0].Table.Rows) != 1 || len(a.Tiers[1].Table.Rows) != 0 || a.Field == nil || len(a.Missed.Table.Rows) != 2 {
		t.Fatalf("%+v", a)
	}
	if got := headers(a.Missed.Table, Screen); got != "Mã|Đơn vị|Lý do" {
		t.Errorf("missed headers %s", got)
	}
	if got := headers(a.Missed.Table, Print); got != "STT|Hạng|Mã|Đơn vị|Cụm|Điểm|Lý do" {
		t.Errorf("missed print headers %s", got)
	}
	m := a.Machine()
	if got := headers(m, Machine); got != "tier|rank|code|name|cluster|score|reason" {
		t.Fatalf("machine headers %s", got)
	}
	var rows []string
	for _, row := range m.Rows {
		var cells []string
		for _, c := range row {
			if c.Value == nil {
				cells = append(cells, "")
			} else {
				cells = append(cells, fmt.Sprint(c.Value))
			}
		}
		rows = append(rows, strings.Join(cells, ","))
	}
	want := []string{
		"co,1,A1,BHXH A1,Cụm A,110.5,đứng đầu Cụm A",
		"field:thu,,A1,BHXH A1,,,attainment 1.1",
		",,A2,BHXH A2,,,hạng 2 trong Cụm A (cần ≤ 1) — Cờ thi đua; 20 điểm < 100 — Bằng khen",
		",,B1,=BHXH B1,,,đạt 0/2 chỉ tiêu, chưa đạt thu (chưa có chỉ tiêu), hai_long (87,5%) — Cờ thi đua",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("machine rows\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if got := a.Missed.Table.Rows[0][7].Text; got != "hạng 2 trong Cụm A (cần ≤ 1) — Cờ thi đua\n20 điểm < 100 — Bằng khen" {
		t.Errorf("reasons for people %q", got)
	}

	// one cluster: the other units' entries are left out, the lists stay lists
	rb := r
	rb.Units = r.Units[2:]
	b := NewAwards(c, rb, sl, "vi")
	doc := b.JSON().(awardsJSON)
	if len(doc.Awards) != 0 || doc.Awards == nil || len(doc.FieldAwards) != 0 || len(doc.NotAwarded) != 1 || doc.NotAwarded[0].Code != "B1" {
		t.Errorf("cluster B: %+v", doc)
	}
}

// The shortlist's JSON carries each decision twice: as conditions for
// machines and in words (reason, reasons), in the language asked for.
func TestAwardsJSONConditions(t *testing.T) {
	c, r, sl := province()
	b, err := json.Marshal(NewAwards(c, r, sl, "vi").JSON())
	if err != nil {
		t.Fatal(err)
	}
	if want := `"reason":"đứng đầu Cụm A","conditions":[{"kind":"top_in_cluster"`; !strings.Contains(string(b), want) {
		t.Errorf("JSON lacks %s\n%s", want, b)
	}
	b, err = json.Marshal(NewAwards(c, r, sl, "en").JSON())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"reason":"first in Cụm A","conditions":[{"kind":"top_in_cluster","met":true,"got":1,"need":1,"cluster":"Cụm A"}]`,
		`{"code":"A2","reasons":["rank 2 in Cụm A (needs ≤ 1) — Cờ thi đua","20 points \u003c 100 — Bằng khen"],` +
			`"verdicts":[{"tier":"co","awarded":false,"conditions":[{"kind":"top_in_cluster","met":false,"got":2,"need":1,"cluster":"Cụm A"}]},` +
			`{"tier":"bk","awarded":false,"conditions":[{"kind":"min_score","met":false,"got":20,"need":100}]}]}`,
		`"kpis":[{"code":"thu","attainment":0,"no_target":true},{"code":"hai_long","attainment":0.875}]`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s\n%s", want, b)
		}
	}
}

// People read a KPI by its short name — in the columns, the detail, the
// award reasons —, machines by its code; head-counts are whole people.
func TestShortNamesAndHeadCounts(t *testing.T) {
	c, r, sl := province()
	c.KPIs[0].ShortName, c.KPIs[0].Unit = "Số thu", "người"
	p := NewProgress(c, r, "vi").Table
	if col := p.Columns[p.Col("thu")]; col.Label != "Số thu" || col.Key != "thu" || col.Title != "Số thu (Số thu)" {
		t.Errorf("column %+v", col)
	}
	d := NewDetail(c, r, "vi", "")
	if cell := d.Table.Rows[0][4]; cell.Value != "thu" || cell.Text != "Số thu" {
		t.Errorf("detail KPI cell %+v", cell)
	}
	if cell := d.Table.Rows[0][7]; cell.Kind != Count || cell.Text != "660" {
		t.Errorf("a head-count %+v", cell)
	}
	a := NewAwards(c, r, sl, "vi")
	if got := a.Missed.Table.Rows[1][7].Value; got != "đạt 0/2 chỉ tiêu, chưa đạt Số thu (chưa có chỉ tiêu), hai_long (87,5%) — Cờ thi đua" {
		t.Errorf("reasons %q", got)
	}
}

func TestShortName(t *testing.T) {
	for in, want := range map[string]string{
		"BHXH huyện Cẩm Giàng":            "Cẩm Giàng",
		"BHXH thành phố Hải Dương":        "TP Hải Dương",
		"Bảo hiểm xã hội thị xã Kinh Môn": "TX Kinh Môn",
		"BHXH HUYỆN GIA LỘC":              "GIA LỘC",
		"BHXH TP. Chí Linh":               "TP Chí Linh",
		"Cẩm Giàng":                       "",
		"BHXH huyện":                      "huyện",
		"":                                "",
	} {
		if got := ShortName(in); got != want {
			t.Errorf("ShortName(%q) = %q, want %q", in, got, want)
		}
	}
}
