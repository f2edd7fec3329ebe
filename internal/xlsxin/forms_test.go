package xlsxin

import (
	"math"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/fold"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/bhxh/kpi/internal/xlsxspec"
)

func formBook(t *testing.T, name string) *Workbook {
	t.Helper()
	for _, f := range xlsxspec.Forms {
		if f.Name == name {
			data, err := xlsxspec.Build(f.Spec)
			if err != nil {
				t.Fatal(err)
			}
			wb, err := xlsxgrid.OpenBytes(f.Name, data, xlsxgrid.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			return wb
		}
	}
	t.Fatalf("no form %s", name)
	return nil
}

type unitWant struct {
	unit   string
	values map[string][2]any // KPI → {month, ytd}, nil for absent
}

// Official-style reports: each reads to the figures a person reads off
// the form, nothing more.
func TestOfficialForms(t *testing.T) {
	c := campaign.Default()
	cases := []struct {
		form        string
		layout      string
		unit        string // the unit as the sheet names it ("" for wide)
		period      report.Period
		rows        []unitWant
		conversions []string // "kpi from→to"
		warnings    []string // substrings, one per warning
	}{
		{form: "H04_b03a.xlsx", layout: LayoutLong, unit: "BHXH HUYỆN CẨM GIÀNG", period: report.Period{Year: 2024, Month: 3},
			rows: []unitWant{{values: map[string][2]any{
				"bhxh_bb": {11850.0, nil}, "bhxh_tn": {1710.0, nil}, "bhyt": {57300.0, nil}, "bhtn": {10050.0, nil},
				"thu": {24650.5, 72310.25}, "cham_dong": {1.8, nil}, "hai_long": {86.5, nil}}}},
			warnings: []string{"B16: dòng có số liệu nhưng không nhận ra chỉ tiêu 'Tỷ lệ bao phủ BHYT'",
				"B19: dòng có số liệu nhưng không nhận ra chỉ tiêu 'Số phải thu'", "B24: dòng có số liệu nhưng không nhận ra chỉ tiêu 'Số nợ'"}},
		{form: "H03_b06.xlsx", layout: LayoutLong, unit: "BẢO HIỂM XÃ HỘI THỊ XÃ KINH MÔN", period: report.Period{Year: 2024, Month: 3},
			rows: []unitWant{{values: map[string][2]any{
				"bhxh_bb": {29430.0, nil}, "bhxh_tn": {4465.0, nil}, "bhyt": {148400.0, nil}, "bhtn": {26500.0, nil}}}}},
		{form: "H09_b07a.xlsx", layout: LayoutLong, unit: "BHXH H. GIA LỘC", period: report.Period{Year: 2024, Month: 3},
			rows:        []unitWant{{values: map[string][2]any{"thu": {29850.25, 88000.5}}}},
			conversions: []string{"thu đồng→triệu đồng"},
			warnings:    []string{"'Số phải thu'", "'Số còn phải thu (nợ)'"}},
		{form: "H01_congvan.xlsx", layout: LayoutLong, unit: "BHXH TP Hải Dương", period: report.Period{Year: 2024, Month: 3},
			rows: []unitWant{{values: map[string][2]any{
				"bhxh_bb": {57800.0, 57800.0}, "bhxh_tn": {8650.0, 8650.0}, "bhyt": {296100.0, 296100.0}, "bhtn": {51400.0, 51400.0},
				"thu": {118500.0, 348500.0}, "cham_dong": {2.35, nil}, "hai_long": {84.0, nil}}}}},
		{form: "H10_nhom.xlsx", layout: LayoutLong, unit: "BẢO HIỂM XÃ HỘI HUYỆN TỨ KỲ", period: report.Period{Year: 2024, Month: 3},
			rows: []unitWant{{values: map[string][2]any{
				"bhxh_bb": {11800.0, nil}, "bhyt": {60100.0, nil}, "thu": {23100.0, 69000.0}, "hai_long": {83.0, nil}}}}},
		{form: "H07_theo_quy.xlsx", layout: LayoutLong, unit: "BHXH HUYỆN THANH HÀ", period: report.Period{Year: 2024, Month: 3},
			rows: []unitWant{{values: map[string][2]any{
				"bhxh_bb": {30120.0, nil}, "bhxh_tn": {4500.0, nil}, "bhyt": {158000.0, nil}, "bhtn": {26500.0, nil},
				"thu": {58400.0, 174300.0}, "cham_dong": {2.9, nil}, "hai_long": {88.0, nil}}}}},
		{form: "H06_ba_trang.xlsx", layout: LayoutLong, unit: "BHXH HUYỆN KIM THÀNH", period: report.Period{Year: 2024, Month: 3},
			rows: []unitWant{{values: map[string][2]any{
				"bhxh_bb": {30100.0, nil}, "bhxh_tn": {4400.0, nil}, "bhyt": {150200.0, nil}, "bhtn": {26300.0, nil},
				"thu": {61500.0, 184200.0}, "cham_dong": {2.7, nil}, "hai_long": {88.0, nil}}}}},
		// revenue's TH set against the year's KH is the year to date
		{form: "tonghop_tinh_2024-03.xlsx", layout: LayoutWide, period: report.Period{Year: 2024, Month: 3},
			rows: []unitWant{
				{"TP. Hải Dương", map[string][2]any{"bhxh_bb": {56500.0, nil}, "bhyt": {290100.0, nil}, "thu": {nil, 345100.0}}},
				{"Thị xã Kinh Môn", map[string][2]any{"bhxh_bb": {28900.0, nil}, "bhyt": {146300.0, nil}, "thu": {nil, 178010.0}}},
				{"Huyện Cẩm Giàng", map[string][2]any{"bhxh_bb": {11500.0, nil}, "bhyt": {57040.0, nil}, "thu": {nil, 68900.0}}},
				{"BHXH huyện Gia Lộc", map[string][2]any{"bhxh_bb": {14360.0, nil}, "bhyt": {73900.0, nil}, "thu": {nil, 88200.0}}},
				{"Tứ Kỳ", map[string][2]any{"bhyt": {58800.0, nil}, "thu": {nil, 65000.0}}},
				{"Văn phòng BHXH tỉnh", map[string][2]any{"bhxh_bb": {120.0, nil}, "bhyt": {2100.0, nil}, "thu": {nil, 9800.0}}},
			}},
		{form: "tonghop_nhom_2024-03.xlsx", layout: LayoutWide, period: report.Period{Year: 2024, Month: 3},
			rows: []unitWant{
				{"H04", map[string][2]any{"bhxh_bb": {11850.0, nil}, "bhxh_tn": {1710.0, nil}, "bhyt": {57300.0, nil}, "bhtn": {10050.0, nil}, "thu": {24650.5, 72310.25}}},
				{"H09", map[string][2]any{"bhxh_bb": {14400.0, nil}, "bhxh_tn": {2210.0, nil}, "bhyt": {74100.0, nil}, "bhtn": {12900.0, nil}, "thu": {29850.25, 88000.5}}},
			},
			conversions: []string{"thu đồng→triệu đồng"}},
	}
	for _, tc := range cases {
		t.Run(tc.form, func(t *testing.T) {
			b, err := ReadReport(formBook(t, tc.form), c)
			if err != nil {
				t.Fatal(err)
			}
			if b.Layout != tc.layout {
				t.Errorf("layout %s, want %s", b.Layout, tc.layout)
			}
			if tc.unit != "" && (b.Unit == nil || b.Unit.Text != tc.unit) {
				t.Errorf("unit %+v, want %q", b.Unit, tc.unit)
			}
			if b.Period == nil || b.Period.Err != nil || b.Period.Period != tc.period {
				t.Errorf("period %+v, want %s", b.Period, tc.period)
			}
			if len(b.Rows) != len(tc.rows) {
				t.Fatalf("%d rows, want %d: %+v", len(b.Rows), len(tc.rows), b.Rows)
			}
			for i, w := range tc.rows {
				if w.unit != "" && b.Rows[i].Unit != w.unit {
					t.Errorf("row %d unit %q, want %q", i, b.Rows[i].Unit, w.unit)
				}
				got := values(t, b.Rows[i])
				if len(got) != len(w.values) {
					t.Errorf("row %d: %v, want %v", i, got, w.values)
				}
				for k, want := range w.values {
					for j := range 2 {
						g, ok1 := got[k][j].(float64)
						x, ok2 := want[j].(float64)
						if ok1 != ok2 || (ok1 && math.Abs(g-x) > 1e-9*math.Max(1, math.Abs(x))) {
							t.Errorf("row %d %s = %v, want %v", i, k, got[k], want)
							break
						}
					}
				}
			}
			var convs []string
			for _, cv := range b.Conversions {
				convs = append(convs, cv.KPI+" "+cv.From+"→"+cv.To)
			}
			if strings.Join(convs, ";") != strings.Join(tc.conversions, ";") {
				t.Errorf("conversions %q, want %q", convs, tc.conversions)
			}
			if len(b.Warnings) != len(tc.warnings) {
				t.Errorf("warnings %q, want %d", b.Warnings, len(tc.warnings))
			}
			for i, w := range tc.warnings {
				if i < len(b.Warnings) && !strings.Contains(b.Warnings[i], w) {
					t.Errorf("warning %d = %q, want %q", i, b.Warnings[i], w)
				}
			}
		})
	}
}

// Labels as officers write them: the KPI, the KPI followed by its funds,
// and the rows that only look like a KPI.
func TestMatchLabel(t *testing.T) {
	c := campaign.Default()
	for label, want := range map[string]string{
		"Tổng số thu BHXH, BHYT, BHTN":       "thu",
		"Thu BHXH, BHYT, BHTN, BHTNLĐ-BNN":   "thu",
		"2. Tổng số thu BHXH, BHYT, BHTN":    "thu",
		"Số đã thu":                          "thu",
		"Kết quả thu":                        "thu",
		"Số thu được":                        "thu",
		"Số thu năm 2024":                    "thu",
		"Thu BHXH bắt buộc":                  "",
		"Thu BHYT":                           "",
		"Số phải thu":                        "",
		"Số nợ":                              "",
		"Nợ đọng":                            "",
		"Số thu nợ":                          "",
		"Tỷ lệ nợ phải tính lãi":             "cham_dong",
		"Tỷ lệ chậm đóng":                    "cham_dong",
		"Tỷ lệ bao phủ BHYT":                 "",
		"Số người tham gia BHYT":             "bhyt",
		"- BHYT":                             "bhyt",
		"BHYT hộ gia đình":                   "",
		"Số người tham gia BHXH bắt buộc":    "bhxh_bb",
		"Trong đó: BHXH tự nguyện":           "bhxh_tn",
		"Số người tham gia BHXH":             "",
		"Khu vực doanh nghiệp":               "",
		"a) Chỉ số hài lòng":                 "hai_long",
		"Chỉ số hài lòng của người tham gia": "hai_long",
		// the official long names of the rates name their base or population
		"Tỷ lệ chậm đóng phải tính lãi so với tổng số phải thu (%)": "cham_dong",
		"Tỷ lệ nợ phải tính lãi/số phải thu":                        "cham_dong",
		"Tỷ lệ nợ BHXH, BHYT, BHTN phải tính lãi":                   "cham_dong",
		"Tỷ lệ số tiền chậm đóng BHXH, BHYT, BHTN phải tính lãi":    "cham_dong",
		"Chỉ số hài lòng của người dân, doanh nghiệp (%)":           "hai_long",
		"Chỉ số hài lòng về sự phục vụ hành chính":                  "hai_long",
		"Số người tham gia BHXH bắt buộc trên địa bàn":              "bhxh_bb",
	} {
		m := matchLabel(c, label)
		got := ""
		switch {
		case m.ok:
			got = m.kpi.Code
		case m.excluded:
			got = "!" + m.kpi.Code
		}
		if got != want {
			t.Errorf("%q → %q, want %q", label, got, want)
		}
	}
}

// A campaign's not: phrases rule rows out of a KPI.
func TestNotPhrases(t *testing.T) {
	c := campaign.Default()
	for i := range c.KPIs {
		if c.KPIs[i].Code == "thu" {
			c.KPIs[i].Not = append(c.KPIs[i].Not, "BHTNLĐ-BNN")
		}
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if m := matchLabel(c, "Thu BHXH, BHYT, BHTN, BHTNLĐ-BNN"); m.ok || !m.excluded || m.kpi.Code != "thu" {
		t.Errorf("excluded label: %+v", m)
	}
	if m := matchLabel(c, "Thu BHXH, BHYT, BHTN"); !m.ok {
		t.Errorf("label without the not: phrase: %+v", m)
	}
}

func TestRowLevel(t *testing.T) {
	for _, tc := range []struct {
		stt, label string
		want       int
	}{
		{"I", "Số người tham gia", 0}, {"II.", "", 0}, {"A", "", 0}, {"1", "", 1}, {"1.", "", 1}, {"1.2", "", 2},
		{"1.2.1", "", 3}, {"a", "", 5}, {"đ)", "", 5}, {"-", "", 6}, {"+", "", 7},
		{"", "1. Số thu", 1}, {"", "II. Số thu", 0}, {"", "- Khu vực", 6}, {"", "+ Khối", 7}, {"", "a) Thu", 5},
		{"", "Số thu", levelUnknown}, {"", "Trong đó:", levelUnknown}, {"3", "- BHYT", 1},
	} {
		if got := rowLevel(tc.stt, tc.label); got != tc.want {
			t.Errorf("rowLevel(%q, %q) = %d, want %d", tc.stt, tc.label, got, tc.want)
		}
	}
}

func TestPeriodInTitle(t *testing.T) {
	for text, want := range map[string]string{
		"BÁO CÁO TÌNH HÌNH THU BHXH, BHYT, BHTN THÁNG 3 NĂM 2024": "2024-03",
		"Tháng 03/2024":                          "2024-03",
		"Quý I/2024 (tháng 3)":                   "2024-03",
		"Quý II năm 2024":                        "2024-06",
		"Từ 01/3/2024 đến 31/3/2024":             "2024-03",
		"Từ ngày 01/01/2024 đến ngày 30/06/2024": "2024-06",
		"6 tháng đầu năm 2024":                   "2024-06",
		"Cẩm Giàng, ngày 05 tháng 4 năm 2024":    "",
		"BÁO CÁO KẾT QUẢ THỰC HIỆN":              "",
		"Kế hoạch năm 2024":                      "",
	} {
		p, ok := periodInTitle(foldKey(text))
		got := ""
		if ok {
			got = p.String()
		}
		if got != want {
			t.Errorf("%q → %q, want %q", text, got, want)
		}
	}
}

func TestOfficeLine(t *testing.T) {
	for line, want := range map[string]bool{
		"BHXH HUYỆN CẨM GIÀNG": true, "BẢO HIỂM XÃ HỘI THỊ XÃ KINH MÔN": true, "BHXH H. GIA LỘC": true, "BHXH TP Hải Dương": true,
		"BHXH CẨM GIÀNG": true, "BHXH Nam Sách": true,
		"BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG": false, "BẢO HIỂM XÃ HỘI VIỆT NAM": false, "BHXH, BHYT, BHTN": false,
		"BHXH tự nguyện": false, "Bảo hiểm xã hội bắt buộc": false, "BHXH TỈNH HẢI DƯƠNG": false,
	} {
		if got := isOfficeLine(foldKey(line)); got != want {
			t.Errorf("%q: office %v, want %v", line, got, want)
		}
	}
}

func TestUnitNameKey(t *testing.T) {
	for in, want := range map[string]string{
		"BHXH huyện Cẩm Giàng": "cam giang", "Huyện Cẩm Giàng": "cam giang", "CẨM GIÀNG": "cam giang",
		"TP. Hải Dương": "hai duong", "BHXH thành phố Hải Dương": "hai duong", "BẢO HIỂM XÃ HỘI THỊ XÃ KINH MÔN": "kinh mon",
		"BHXH H. GIA LỘC": "gia loc", "Hà Nam": "ha nam", "Huyện": "huyen",
	} {
		if got := UnitNameKey(in); got != want {
			t.Errorf("UnitNameKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// Figures that cannot be right are refused with what to do.
func TestReportPlausibility(t *testing.T) {
	c := campaign.Default()
	for name, tc := range map[string]struct{ spec, want string }{
		"decimal head-count": {"sheet S\nrow 1: Mã chỉ tiêu | Thực hiện trong tháng\nrow 2: bhyt | 4.912",
			"S!B2: số người của bhyt phải là số nguyên, ô ghi 4.912 (có phải 4912?"},
		"money unit on a head-count": {"sheet S\nrow 1: Chỉ tiêu | ĐVT | Thực hiện tháng\nrow 2: Số người tham gia BHYT | triệu đồng | 5000",
			"S!B2: đơn vị tính 'triệu đồng' không hợp với chỉ tiêu bhyt (đơn vị người)"},
		"a head-count unit on revenue": {"sheet S\nrow 1: Chỉ tiêu | ĐVT | Thực hiện tháng\nrow 2: Số thu | người | 5000",
			"S!B2: đơn vị tính 'người' không hợp với chỉ tiêu thu"},
		"a plan sheet titled so": {"sheet KH\nrow 1: GIAO CHỈ TIÊU KẾ HOẠCH NĂM 2024\nrow 3: Mã ĐV | Tên đơn vị | Số thu | BHYT\nrow 4: H01 | A | 1000 | 500",
			"KH!A3: đây là biểu giao chỉ tiêu"},
		"a targets workbook": {"sheet KH\nrow 1: STT | Mã ĐV | Tên đơn vị | Cụm thi đua | KH 2024 thu | Số người tham gia BHYT\nrow 2: 1 | H01 | A | Cụm 1 | 1000 | 500",
			"KH!B1: đây là biểu giao chỉ tiêu"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadReport(openSpec(t, "x.xlsx", tc.spec), c)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want %q", err, tc.want)
			}
		})
	}
}

// A refused file says what was found and the one change that makes it
// readable.
func TestDiagnosis(t *testing.T) {
	c := campaign.Default()
	for name, tc := range map[string]struct{ spec, want string }{
		"no value column": {"sheet BC\nrow 1: BHXH HUYỆN CẨM GIÀNG\nrow 2: Tháng 3 năm 2024\nrow 4: STT | Chỉ tiêu | Kế hoạch | Ước thực hiện\nrow 5: 1 | Số thu | 100 | 90",
			"không nhận ra bảng báo cáo. Dòng giống tiêu đề nhất: trang 'BC' dòng 4 có cột chỉ tiêu B4 'Chỉ tiêu'; không dùng được các cột C4 'Kế hoạch', D4 'Ước thực hiện'. Đơn vị: 'BHXH HUYỆN CẨM GIÀNG' (A1); kỳ: 2024-03 (A2). Cách sửa: đặt tên cột số liệu của tháng là 'Thực hiện trong tháng'"},
		"no KPI column": {"sheet BC\nrow 1: Kỳ báo cáo: 03/2024\nrow 3: STT | Hạng mục | Thực hiện trong tháng\nrow 4: 1 | Số thu | 100",
			"có cột số liệu C3 'Thực hiện trong tháng'; không dùng được các cột B3 'Hạng mục'. Không thấy đơn vị báo cáo; kỳ: 2024-03 (A1). Cách sửa: đặt tên cột ghi tên chỉ tiêu là 'Chỉ tiêu'"},
		"no unit column": {"sheet TH\nrow 1: Kỳ báo cáo: 03/2024\nrow 3: Huyện thị | Số thu | BHYT\nrow 4: Cẩm Giàng | 100 | 200",
			"Cách sửa: thêm cột 'Mã đơn vị' (hoặc 'Tên đơn vị')"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadReport(openSpec(t, "x.xlsx", tc.spec), c)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v\nwant %q", err, tc.want)
			}
		})
	}
}

func foldKey(s string) string { return fold.Key(s) }

// Sheets of one workbook that disagree: another period is left out with a
// warning, the same KPI with other figures is an error naming both cells.
func TestSheetsMerged(t *testing.T) {
	c := campaign.Default()
	b, err := ReadReport(openSpec(t, "x.xlsx", "sheet A\nrow 1: Kỳ báo cáo: 03/2024\nrow 2: Chỉ tiêu | Thực hiện tháng\nrow 3: BHYT | 100\n"+
		"sheet B\nrow 1: Kỳ báo cáo: 02/2024\nrow 2: Chỉ tiêu | Thực hiện tháng\nrow 3: BHTN | 50"), c)
	if err != nil || len(b.Rows[0].Values) != 1 || len(b.Warnings) != 1 || !strings.Contains(b.Warnings[0], "x.xlsx › B: báo cáo kỳ 2024-02, khác kỳ 2024-03 của trang A, bỏ qua trang này") {
		t.Errorf("book %+v, %v", b, err)
	}
	_, err = ReadReport(openSpec(t, "y.xlsx", "sheet A\nrow 1: Chỉ tiêu | Thực hiện tháng\nrow 2: BHYT | 100\n"+
		"sheet B\nrow 1: Chỉ tiêu | Thực hiện tháng\nrow 2: BHYT | 101"), c)
	if err == nil || !strings.Contains(err.Error(), "y.xlsx › B!B2: chỉ tiêu bhyt đã có ở A!B2 với số khác") {
		t.Errorf("error = %v", err)
	}
}

// A conversion keeps every digit the office wrote and no float noise.
func TestConversionExact(t *testing.T) {
	c := campaign.Default()
	b, err := ReadReport(openSpec(t, "x.xlsx", "sheet S\nrow 1: Chỉ tiêu | Thực hiện tháng (1.000đ) | Lũy kế (1.000đ)\nrow 2: Số thu | 77544828 | 223221528"), c)
	if err != nil {
		t.Fatal(err)
	}
	if got := values(t, b.Rows[0])["thu"]; got != [2]any{77544.828, 223221.528} {
		t.Errorf("thu = %v", got)
	}
	if len(b.Conversions) != 1 || b.Conversions[0].From != "1.000đ" || b.Conversions[0].Where != "S!B1" {
		t.Errorf("conversions %+v", b.Conversions)
	}
}

// Layouts the acceptance workbooks showed: a quarter's months side by side,
// the period only in a column's header or only as a month under a title's
// year, a header far down the sheet.
func TestMoreLayouts(t *testing.T) {
	c := campaign.Default()
	for name, tc := range map[string]struct {
		spec   string
		period string
		want   map[string][2]any
	}{
		"a quarter's months, the period picks one; Quý I is the year to date": {
			"sheet S\nrow 1: Tháng 3 năm 2024\nrow 3: Chỉ tiêu | Tháng 1 | Tháng 2 | Tháng 3 | Quý I\nrow 4: Số thu | 60 | 70 | 80 | 210\nrow 5: BHYT | 900 | 950 | 1000 |",
			"2024-03", map[string][2]any{"thu": {80.0, 210.0}, "bhyt": {1000.0, nil}}},
		"the period only in the month column's header": {
			"sheet S\nrow 1: BHXH HUYỆN CẨM GIÀNG\nrow 3: Chỉ tiêu | Thực hiện tháng 3/2024 | Lũy kế\nrow 4: Số thu | 80 | 210",
			"2024-03", map[string][2]any{"thu": {80.0, 210.0}}},
		"Kỳ báo cáo: Tháng 3 under a title with the year": {
			"sheet S\nrow 1: BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2024\nrow 2: Kỳ báo cáo: Tháng 3\nrow 4: Chỉ tiêu | Thực hiện tháng\nrow 5: BHYT | 1000",
			"2024-03", map[string][2]any{"bhyt": {1000.0, nil}}},
		"the header at row 23": {
			"sheet S\nrow 1: Kỳ báo cáo: 03/2024\nrow 23: Chỉ tiêu | Thực hiện tháng\nrow 24: BHYT | 1000",
			"2024-03", map[string][2]any{"bhyt": {1000.0, nil}}},
	} {
		t.Run(name, func(t *testing.T) {
			b, err := ReadReport(openSpec(t, "x.xlsx", tc.spec), c)
			if err != nil {
				t.Fatal(err)
			}
			if b.Period == nil || b.Period.Err != nil || b.Period.Period.String() != tc.period {
				t.Errorf("period %+v", b.Period)
			}
			got := values(t, b.Rows[0])
			for k, w := range tc.want {
				if got[k] != w {
					t.Errorf("%s = %v, want %v", k, got[k], w)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("values %v", got)
			}
		})
	}
	// months side by side but no period: the message says to write one
	_, err := ReadReport(openSpec(t, "x.xlsx", "sheet S\nrow 1: Chỉ tiêu | Tháng 1 | Tháng 2\nrow 2: Số thu | 60 | 70"), c)
	if err == nil || !strings.Contains(err.Error(), "S!C1: bảng có cột của nhiều tháng (B1, C1 …): ghi kỳ báo cáo") {
		t.Errorf("error = %v", err)
	}
}

// Revenue given fund by fund with a total row under the funds: the total
// is the KPI, the funds are its parts.
func TestFundByFundTotal(t *testing.T) {
	c := campaign.Default()
	b, err := ReadReport(openSpec(t, "x.xlsx", `
sheet Thu
row 1: Tháng 3 năm 2024
row 3: STT | Chỉ tiêu | Thực hiện tháng | Lũy kế
row 4: 1 | Thu BHXH bắt buộc | 25000 | 71000
row 5: 2 | Thu BHXH tự nguyện | 900 | 2600
row 6: 3 | Thu BHYT | 12000 | 35000
row 7: 4 | Thu BHTN | 1700 | 5100
row 8: | Cộng | 39600 | 113700
row 9: | Số người tham gia BHYT | 98000 |
`), c)
	if err != nil {
		t.Fatal(err)
	}
	got := values(t, b.Rows[0])
	if got["thu"] != [2]any{39600.0, 113700.0} || got["bhyt"] != [2]any{98000.0, nil} || len(got) != 2 {
		t.Errorf("values %v", got)
	}
	if len(b.Warnings) != 0 {
		t.Errorf("the funds' rows are parts of the revenue, not unknown rows: %q", b.Warnings)
	}
}
