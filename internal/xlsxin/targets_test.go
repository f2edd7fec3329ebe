package xlsxin

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/bhxh/kpi/internal/xlsxspec"
)

func openSpec(t *testing.T, name, spec string) *Workbook {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := xlsxspec.WriteFile(path, spec); err != nil {
		t.Fatal(err)
	}
	wb, err := xlsxgrid.Open(path, xlsxgrid.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return wb
}

const goodTargets = `
sheet Chỉ tiêu 2024
row 1: BẢO HIỂM XÃ HỘI TỈNH HÀ NAM
merge A1:H1
row 2: GIAO CHỈ TIÊU NĂM 2024
merge A2:H2
row 4: STT | MÃ ĐV | Tên đơn vị | Cụm thi đua | KH 2024 thu | thu 2023 | Chậm đóng 2023 | Số người tham gia BHYT | Ghi chú | Tỷ lệ hài lòng (%)
row 5: 1 | 1 | BHXH huyện Duy Tiên | Cụm 1 | 1.234.567 | 1.100.000,5 | 2,5% | 95000 | mới | 0.85
row 6: 2 | '002 | BHXH thị xã Kim Bảng | Cụm 1 | 987654 | 900000 | 0.031 | '80.000 | |
row 7: | | Tổng cộng | | 2222221 | | | | |
fmt B5 000
fmt G6 0.0%
fmt J5 0%
`

func TestReadTargets(t *testing.T) {
	c := campaign.Default()
	wb := openSpec(t, "targets.xlsx", goodTargets)
	got, err := ReadTargets(wb, c)
	if err != nil {
		t.Fatal(err)
	}
	if got.Sheet != "Chỉ tiêu 2024" || len(got.Units) != 2 {
		t.Fatalf("sheet %q, %d units", got.Sheet, len(got.Units))
	}
	u := got.Units[0]
	if u.Code != "001" || u.Name != "BHXH huyện Duy Tiên" || u.Cluster != "Cụm 1" {
		t.Errorf("unit 0 = %+v", u)
	}
	if u.Targets["thu"] != 1234567 || u.Baselines["thu"] != 1100000.5 || u.Baselines["cham_dong"] != 2.5 || u.Targets["bhyt"] != 95000 {
		t.Errorf("unit 0 values = %+v %+v", u.Targets, u.Baselines)
	}
	if u.Targets["hai_long"] != 85 {
		t.Errorf("percent-formatted 0.85 should read as 85, got %v", u.Targets["hai_long"])
	}
	v := got.Units[1]
	if v.Code != "002" || v.Baselines["cham_dong"] != 3.1 || v.Targets["bhyt"] != 80000 {
		t.Errorf("unit 1 = %+v", v)
	}
	if _, ok := v.Targets["hai_long"]; ok {
		t.Error("empty cell must be no value")
	}
	if len(got.Ignored) != 2 || !strings.Contains(got.Ignored[0], "STT") || !strings.Contains(got.Ignored[1], "Ghi chú") {
		t.Errorf("ignored = %v", got.Ignored)
	}
}

func TestReadTargetsErrors(t *testing.T) {
	c := campaign.Default()
	cases := []struct {
		name, spec string
		want       []string
	}{
		{"no header", "row 1: a | b\nrow 2: 1 | 2", []string{"targets.xlsx: không tìm thấy dòng tiêu đề có cột 'Mã đơn vị'"}},
		{"header below row 20", "row 21: Mã đơn vị | thu\nrow 22: H01 | 5", []string{"không tìm thấy dòng tiêu đề"}},
		{"text in a number cell", "sheet T\nrow 1: Mã đơn vị | thu\nrow 2: H01 | mười", []string{"targets.xlsx › T!B2: không đọc được 'mười' thành số"}},
		{"negative target", "sheet T\nrow 1: Mã đơn vị | bhyt\nrow 2: H01 | -5", []string{"T!B2: giá trị âm -5 không hợp lệ cho bhyt"}},
		{"percent out of range", "sheet T\nrow 1: Mã đơn vị | hai_long\nrow 2: H01 | 120", []string{"T!B2: tỷ lệ 120% của hai_long nằm ngoài khoảng 0–100"}},
		{"duplicate unit", "sheet T\nrow 1: Mã đơn vị | thu\nrow 2: H01 | 5\nrow 3: h01 | 6", []string{"T!A3: mã đơn vị 'h01' trùng với ô A2"}},
		{"duplicate column", "sheet T\nrow 1: Mã đơn vị | thu | Số thu 2024\nrow 2: H01 | 5 | 6", []string{"T!C1: cột 'Số thu 2024' trùng với cột B1"}},
		{"all errors listed", "sheet T\nrow 1: Mã đơn vị | thu | bhyt\nrow 2: H01 | abc | -1", []string{"T!B2:", "T!C2:"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			wb := openSpec(t, "targets.xlsx", tc.spec)
			got, err := ReadTargets(wb, c)
			if err == nil {
				t.Fatalf("no error, got %+v", got)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			var es Errors
			var ce *CellError
			if !errors.As(err, &es) && !errors.As(err, &ce) {
				t.Errorf("error is not a cell error: %T", err)
			}
		})
	}
}

func TestParseKPIHeader(t *testing.T) {
	c := campaign.Default()
	cases := map[string][2]any{
		"thu":                          {"thu", 0},
		"Số thu BHXH, BHYT, BHTN 2024": {"thu", 2024},
		"KH 2024 thu":                  {"thu", 2024},
		"thu 2023":                     {"thu", 2023},
		"bhxh_bb 2023":                 {"bhxh_bb", 2023},
		"Số thu năm 2023":              {"thu", 2023},
		"Chỉ tiêu giao BHYT":           {"bhyt", 0},
		"Tỷ lệ chậm đóng (%) 2023":     {"cham_dong", 2023},
		"STT":                          {"", 0},
		"Ghi chú 2024":                 {"", 0},
		"Quỹ BHXH":                     {"", 0},
	}
	for text, want := range cases {
		kc, ok := ParseKPIHeader(c, text)
		if want[0] == "" {
			if ok {
				t.Errorf("%q recognised as %s", text, kc.KPI.Code)
			}
			continue
		}
		if !ok || kc.KPI.Code != want[0] || kc.Year != want[1] {
			t.Errorf("%q = %s %d %v, want %v", text, kc.KPI.Code, kc.Year, ok, want)
		}
	}
}

// Targets under group headers on two rows: "Kế hoạch 2024" and "Thực hiện
// 2023", each merged over the KPIs' names.
func TestReadTargetsTwoRowHeader(t *testing.T) {
	c := campaign.Default()
	wb := openSpec(t, "t.xlsx", `
sheet T
row 1: GIAO CHỈ TIÊU 2024
row 3: STT | Mã đơn vị | Tên đơn vị | Kế hoạch 2024 | | Thực hiện 2023 |
row 4: | | | Số thu | BHYT | Số thu | Chậm đóng
merge A3:A4
merge B3:B4
merge C3:C4
merge D3:E3
merge F3:G3
row 5: 1 | H01 | A | 1200 | 10000 | 1100 | 2.5
`)
	got, err := ReadTargets(wb, c)
	if err != nil {
		t.Fatal(err)
	}
	u := got.Units[0]
	if len(got.Units) != 1 || u.Code != "H01" || u.Name != "A" || u.Targets["thu"] != 1200 || u.Targets["bhyt"] != 10000 ||
		u.Baselines["thu"] != 1100 || u.Baselines["cham_dong"] != 2.5 {
		t.Fatalf("units = %+v", got.Units)
	}
}

// A targets workbook may give a unit's plan per quarter: it replaces the
// KPI's phasing for that unit.
func TestReadTargetsQuarters(t *testing.T) {
	c := campaign.Default()
	wb := openSpec(t, "chitieu.xlsx", `
sheet KH
row 1: Mã ĐV | Tên đơn vị | KH 2024 thu | KH quý I thu | KH quý II thu | Số thu quý 3 | thu quý IV
row 2: H01 | A | 1000 | 100 | 200 | 300 | 400
row 3: H02 | B | 1200 | | | |
`)
	tg, err := ReadTargets(wb, c)
	if err != nil {
		t.Fatal(err)
	}
	if q := tg.Units[0].Quarters["thu"]; q != [4]float64{100, 200, 300, 400} || tg.Units[0].Targets["thu"] != 1000 {
		t.Errorf("H01: %+v", tg.Units[0])
	}
	if len(tg.Units[1].Quarters) != 0 {
		t.Errorf("H02 has quarters %v", tg.Units[1].Quarters)
	}
	if len(tg.Ignored) != 0 {
		t.Errorf("ignored %v", tg.Ignored)
	}
}
