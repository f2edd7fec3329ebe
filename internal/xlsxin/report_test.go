package xlsxin

import (
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
)

func values(t *testing.T, row UnitRow) map[string][2]any {
	t.Helper()
	out := map[string][2]any{}
	for _, v := range row.Values {
		var m, y any
		if v.Month != nil {
			m = *v.Month
		}
		if v.YTD != nil {
			y = *v.YTD
		}
		out[v.KPI] = [2]any{m, y}
	}
	return out
}

func TestReadReportLong(t *testing.T) {
	c := campaign.Default()
	wb := openSpec(t, "H01_2024-03.xlsx", `
sheet BaoCao
row 1: BẢO HIỂM XÃ HỘI TỈNH HÀ NAM
merge A1:G1
row 2: BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA
merge A2:G2
row 3: MÃ ĐV: h01
row 4: Kỳ báo cáo | | Tháng 3/2024
merge A4:B4
row 6: STT | Chỉ tiêu | ĐVT | Kế hoạch năm | Thực hiện trong tháng | Luỹ kế từ đầu năm | % so KH | Ghi chú
row 7: I. | Phát triển người tham gia | | | | |
row 8: 1. | Số người tham gia BHXH bắt buộc | người | 20000 | '19.500 | | =E8/D8 |
row 9: | Trong đó: | | | | |
row 10: 2. | bhxh tu nguyen | người | 3000 | 2,900 | |
row 11: 3 | - BHYT | người | 100000 | =E8*5{97500} | |
row 12: 4 | Số người tham gia BHTN | người | 18000 | =D12-500 | |
row 13: II. | Số thu BHXH, BHYT, BHTN | triệu đồng | 500000 | '40.000,5 | =40000.5+80000 | | ước
row 14: III. | Tỷ lệ chậm đóng | % | | '2,1% | |
row 15: | Chỉ số hài lòng | % | | 0.853 | |
fmt E15 0.0%
row 16: | Chỉ tiêu lạ | | | 55 | |
row 18: | Người lập biểu | | | Giám đốc
row 19: | (ký, ghi rõ họ tên) | | | 12
`)
	b, err := ReadReport(wb, c)
	if err != nil {
		t.Fatal(err)
	}
	if b.Layout != LayoutLong || b.Sheet != "BaoCao" {
		t.Fatalf("layout %s sheet %s", b.Layout, b.Sheet)
	}
	if b.Unit == nil || b.Unit.Text != "h01" || b.Unit.Cell != "A3" {
		t.Errorf("unit label = %+v", b.Unit)
	}
	if b.Period == nil || b.Period.Period != (report.Period{Year: 2024, Month: 3}) || b.Period.Cell != "C4" {
		t.Errorf("period label = %+v", b.Period)
	}
	got := values(t, b.Rows[0])
	want := map[string][2]any{
		"bhxh_bb":   {19500.0, nil},
		"bhxh_tn":   {2900.0, nil},
		"bhyt":      {97500.0, nil}, // cached value of a formula
		"bhtn":      {17500.0, nil}, // formula without a cached value: computed
		"thu":       {40000.5, 120000.5},
		"cham_dong": {2.1, nil},
		"hai_long":  {85.3, nil}, // percent-formatted 0.853
	}
	for k, w := range want {
		g := got[k]
		if k == "hai_long" {
			if g[0] == nil || abs(g[0].(float64)-85.3) > 1e-9 {
				t.Errorf("%s = %v, want %v", k, g, w)
			}
			continue
		}
		if g != w {
			t.Errorf("%s = %v, want %v", k, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d KPIs: %v", len(got), got)
	}
	if len(b.Warnings) != 1 || !strings.Contains(b.Warnings[0], "BaoCao!B16: dòng có số liệu nhưng không nhận ra chỉ tiêu 'Chỉ tiêu lạ'") {
		t.Errorf("warnings = %q", b.Warnings)
	}
	for _, v := range b.Rows[0].Values {
		if v.KPI == "thu" && (v.MonthCell != "BaoCao!E13" || v.YTDCell != "BaoCao!F13") {
			t.Errorf("cells = %s %s", v.MonthCell, v.YTDCell)
		}
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func TestReadReportWide(t *testing.T) {
	c := campaign.Default()
	wb := openSpec(t, "tonghop.xlsx", `
sheet Ghi chú
row 1: Bảng này tổng hợp từ báo cáo các huyện
sheet Tổng hợp
row 1: TỔNG HỢP
row 2: Kỳ báo cáo:
date B2 2024-05-31
row 4: STT | Mã đơn vị | Tên đơn vị | bhxh_bb | Số thu (triệu đồng) | Số thu (lũy kế) | YTD bhyt | thu 2023 | Hài lòng
row 5: 1 | H01 | A | 100 | 10 | 50 | | 999 | 85%
row 6: 2 | H02 | B | | | | | |
row 7: | | Cộng | 100 | 10 | 50 | | |
fmt I5 0%
`)
	b, err := ReadReport(wb, c)
	if err != nil {
		t.Fatal(err)
	}
	if b.Layout != LayoutWide || b.Sheet != "Tổng hợp" || b.Period == nil || b.Period.Period.Month != 5 {
		t.Fatalf("book = %+v period %+v", b, b.Period)
	}
	if len(b.Rows) != 2 || b.Rows[0].Unit != "H01" || b.Rows[0].UnitCell != "Tổng hợp!B5" {
		t.Fatalf("rows = %+v", b.Rows)
	}
	got := values(t, b.Rows[0])
	if got["bhxh_bb"] != [2]any{100.0, nil} || got["thu"] != [2]any{10.0, 50.0} {
		t.Errorf("values = %v", got)
	}
	if _, ok := got["hai_long"]; !ok {
		t.Errorf("hai_long missing: %v", got)
	}
	if len(b.Rows[1].Values) != 0 {
		t.Errorf("empty row has values %v", b.Rows[1].Values)
	}
}

func TestReadReportErrors(t *testing.T) {
	c := campaign.Default()
	cases := []struct{ name, spec, want string }{
		{"no table", "row 1: Báo cáo\nrow 2: 1 | 2", "x.xlsx: không nhận ra bảng báo cáo"},
		{"duplicate KPI row", "sheet S\nrow 1: Mã chỉ tiêu | Lũy kế\nrow 2: thu | 5\nrow 3: Số thu | 6", "x.xlsx › S!A3: chỉ tiêu thu xuất hiện hai lần (dòng 2 và dòng 3)"},
		{"error value", "sheet S\nrow 1: Mã chỉ tiêu | Trong tháng\nrow 2: thu | =1/0", "x.xlsx › S!B2: ô có lỗi #DIV/0!"},
		{"code and name disagree", "sheet S\nrow 1: Mã CT | Tên chỉ tiêu | Tháng này\nrow 2: bhyt | Số thu | 5", "S!A2: mã chỉ tiêu 'bhyt' không khớp tên chỉ tiêu 'Số thu'"},
		{"two month columns", "sheet S\nrow 1: KPI | Month | Tháng này\nrow 2: thu | 5 | 6", "S!C1: hai cột giá trị trong tháng: B1 và C1"},
		{"duplicate unit row", "sheet S\nrow 1: Mã ĐV | thu\nrow 2: H01 | 5\nrow 3: h01 | 6", "S!A3: đơn vị 'h01' xuất hiện hai lần"},
		{"bad period", "sheet S\nrow 1: Kỳ báo cáo: quý 1\nrow 2: Mã ĐV | thu\nrow 3: H01 | 5", ""},
		{"percent sign on a count", "sheet S\nrow 1: Mã chỉ tiêu | Trong tháng\nrow 2: bhyt | 5%", "S!B2: '5%': dấu % chỉ dùng cho chỉ tiêu tính theo %"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			wb := openSpec(t, "x.xlsx", tc.spec)
			b, err := ReadReport(wb, c)
			if tc.want == "" {
				if err != nil || b.Period == nil || b.Period.Err == nil || !strings.Contains(b.Period.Err.Error(), "S!A1: không hiểu kỳ báo cáo 'quý 1'") {
					t.Fatalf("err %v, period %+v", err, b.Period)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want %q", err, tc.want)
			}
		})
	}
}

// A formula saved without a cached value in the last column of its row.
func TestFormulaLastColumnNoCache(t *testing.T) {
	c := campaign.Default()
	wb := openSpec(t, "x.xlsx", "sheet S\nrow 1: Mã chỉ tiêu | Thực hiện trong tháng\nrow 2: thu | =2+3\nrow 3: bhyt | 7")
	b, err := ReadReport(wb, c)
	if err != nil {
		t.Fatal(err)
	}
	got := values(t, b.Rows[0])
	if got["thu"] != [2]any{5.0, nil} {
		t.Fatalf("thu = %v", got["thu"])
	}
}

// Headers on two rows: a merged group header over month / year-to-date
// sub-headers, as many offices lay out their tables.
func TestTwoRowHeaders(t *testing.T) {
	c := campaign.Default()
	long := openSpec(t, "x.xlsx", `
sheet S
row 1: Mã đơn vị: H01
row 2: Kỳ báo cáo: 04/2024
row 4: STT | Chỉ tiêu | Kế hoạch năm | Thực hiện | | Tỷ lệ % so KH
row 5: | | | Tháng | Lũy kế |
merge A4:A5
merge B4:B5
merge D4:E4
row 6: 1 | Số thu | 1200 | 100 | 400 | 33
row 7: 2 | BHYT | 10000 | 9500 | | 95
`)
	b, err := ReadReport(long, c)
	if err != nil {
		t.Fatal(err)
	}
	got := values(t, b.Rows[0])
	if got["thu"] != [2]any{100.0, 400.0} || got["bhyt"] != [2]any{9500.0, nil} || len(got) != 2 {
		t.Errorf("long two-row header: %v", got)
	}
	wide := openSpec(t, "y.xlsx", `
sheet S
row 1: Kỳ báo cáo: 04/2024
row 3: Mã ĐV | Tên đơn vị | Số thu | | BHYT
row 4: | | Trong tháng | Lũy kế | Thực hiện tháng
merge C3:D3
row 5: H01 | A | 100 | 400 | 9500
`)
	b, err = ReadReport(wide, c)
	if err != nil {
		t.Fatal(err)
	}
	got = values(t, b.Rows[0])
	if len(b.Rows) != 1 || got["thu"] != [2]any{100.0, 400.0} || got["bhyt"] != [2]any{9500.0, nil} {
		t.Errorf("wide two-row header: %d rows %v", len(b.Rows), got)
	}
}

func TestValueColumnHeaders(t *testing.T) {
	for header, want := range map[string]string{
		"Thực hiện trong tháng": "month", "Số thực hiện trong tháng": "month", "Thực hiện tháng 3/2024": "month",
		"TH tháng": "month", "Thực hiện": "month", "Tháng này": "month", "Month": "month",
		"Lũy kế": "ytd", "Luỹ kế từ đầu năm": "ytd", "Lũy kế đến hết tháng 3": "ytd", "YTD": "ytd", "Cumulative": "ytd",
		"Kế hoạch tháng": "", "Ghi chú": "", "% so KH": "", "Cùng kỳ năm trước": "",
		"Thực hiện tháng 3/2023": "", "Lũy kế năm 2023": "", "Kỳ này": "month", "Lũy kế đến tháng trước": "",
		"Ước thực hiện tháng 4": "", "Phát sinh tăng": "", "Thực hiện năm 2024 Tháng 3": "month",
		"Số liệu tháng 3/2024": "month", "Lũy kế 3 tháng": "ytd", "Kế hoạch tháng 3": "", "Lũy kế đến tháng 3": "ytd",
	} {
		sh := &Sheet{Book: &Workbook{File: "x"}, Name: "S", Rows: [][]Cell{{{Kind: Text, Raw: "Mã chỉ tiêu"}, {Kind: Text, Raw: header}}}}
		h, ok := longHeader(sh, 0, 2024)
		got := ""
		switch {
		case ok && h.month == 1:
			got = "month"
		case ok && h.ytd == 1:
			got = "ytd"
		}
		if got != want {
			t.Errorf("%q: %q, want %q", header, got, want)
		}
	}
}

func TestWideHeaderVariants(t *testing.T) {
	c := campaign.Default()
	cases := map[string]string{ // header → "code" or "code ytd", "" for no KPI column
		"Số thu tháng 3/2024": "thu", "Số thu lũy kế đến tháng 3/2024": "thu ytd", "Số thu lũy kế đến hết tháng 3": "thu ytd",
		"BHXH bắt buộc (người)": "bhxh_bb", "Thu BHXH, BHYT, BHTN - Lũy kế": "thu ytd", "Tỷ lệ chậm đóng (%)": "cham_dong",
		"Luỹ kế số thu": "thu ytd", "YTD thu": "thu ytd", "thu_ytd": "thu ytd", "Số người tham gia BHYT tháng 3": "bhyt",
		"bhxh_bb 2024": "bhxh_bb", "KH 2024 thu": "", "thu 2023": "", "Số thu cùng kỳ năm trước": "", "Tên đơn vị": "",
	}
	for h, want := range cases {
		k, ytd, ok := parseWideHeaderUncached(c, h)
		got := ""
		if ok {
			got = k.Code
			if ytd {
				got += " ytd"
			}
		}
		if got != want {
			t.Errorf("%q → %q, want %q", h, got, want)
		}
	}
}

// A total written in the unit column of a wide table, in any case, is not
// a unit; isTotalASCII says of an ASCII text what isTotalKey says of it
// lower-cased.
func TestTotalInUnitColumn(t *testing.T) {
	for _, s := range []string{"TONG", "Tong cong", "TOTAL", "total:", "Cong", "TOAN TINH", "toan nganh", "H01", "TO", "", "TONGA", "Toan", "B000001", "cOnG"} {
		if got, want := isTotalASCII(s), isTotalKey(strings.ToLower(s)); got != want {
			t.Errorf("isTotalASCII(%q) = %v, isTotalKey says %v", s, got, want)
		}
	}
	wb := openSpec(t, "tonghop.xlsx", `
sheet TH
row 1: Kỳ báo cáo: 05/2024
row 3: Mã đơn vị | bhxh_bb
row 4: H01 | 100
row 5: TONG | 100
row 6: Total | 100
`)
	b, err := ReadReport(wb, campaign.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != 1 || b.Rows[0].Unit != "H01" {
		t.Errorf("rows = %+v", b.Rows)
	}
}
