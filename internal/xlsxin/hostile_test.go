package xlsxin

import (
	"runtime"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/bhxh/kpi/internal/xlsxin/badfiles"
	"github.com/bhxh/kpi/internal/xlsxspec"
)

// Every broken or hostile file is an error that names the file and says
// what to do; none panics, none is half read.
func TestHostileFiles(t *testing.T) {
	want := map[string]string{
		"empty.xlsx":     "empty.xlsx: tệp rỗng (0 byte)",
		"csv.xlsx":       "csv.xlsx: đây là tệp văn bản (CSV?)",
		"pdf.xlsx":       "pdf.xlsx: đây là tệp PDF",
		"truncated.xlsx": "truncated.xlsx: tệp .xlsx bị hỏng hoặc chưa tải về hết",
		"legacy.xls":     "legacy.xls: tệp Excel 97–2003 (.xls) không được hỗ trợ",
		"password.xlsx":  "password.xlsx: tệp Excel được đặt mật khẩu",
		"docx.xlsx":      "docx.xlsx: tệp zip nhưng không phải bảng tính Excel",
		"bomb.xlsx":      "bomb.xlsx: workbook too big: phần xl/worksheets/sheet1.xml giải nén ra hơn 16 MB",
		"far-cell.xlsx":  "far-cell.xlsx",
		"macro.xlsm":     "",
	}
	lim := xlsxgrid.Limits{MaxUnzipSize: 16 << 20}
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			data, err := badfiles.Kinds[name]()
			if err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			wb, err := xlsxgrid.OpenBytes(name, data, lim)
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 40<<20 {
				t.Errorf("reading %s allocated %d MB", name, alloc>>20)
			}
			if w == "" {
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if _, err := ReadReport(wb, campaign.Default()); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Fatalf("error = %v, want %q", err, w)
			}
		})
	}
}

// A table on a hidden sheet is found only when no visible sheet has one.
func TestHiddenSheetsComeLast(t *testing.T) {
	wb := openSpec(t, "x.xlsx", "sheet Old\nrow 1: Mã chỉ tiêu | Trong tháng\nrow 2: bhyt | 1\nsheet New\nrow 1: Mã chỉ tiêu | Trong tháng\nrow 2: bhyt | 2\nhide Old")
	b, err := ReadReport(wb, campaign.Default())
	if err != nil || b.Sheet != "New" {
		t.Fatalf("sheet %v, err %v", b, err)
	}
}

// Dates of the 1904 system give the right period.
func TestDate1904Period(t *testing.T) {
	wb := openSpec(t, "x.xlsx", "date1904\nsheet S\nrow 1: Kỳ báo cáo:\ndate B1 2024-05-15\nrow 2: Mã ĐV | thu\nrow 3: H01 | 5")
	if !wb.Date1904 {
		t.Fatal("1904 flag not read")
	}
	b, err := ReadReport(wb, campaign.Default())
	if err != nil || b.Period == nil || b.Period.Period.Month != 5 || b.Period.Period.Year != 2024 {
		t.Fatalf("period %+v, err %v", b.Period, err)
	}
}

// Error values saved by a spreadsheet (#DIV/0!, #REF!) are errors on their
// cell.
func TestErrorCells(t *testing.T) {
	for _, v := range []string{"#DIV/0!", "#REF!", "#N/A"} {
		wb := openSpec(t, "x.xlsx", "sheet S\nrow 1: Mã chỉ tiêu | Trong tháng\nrow 2: thu | =A9/0{"+v+"}")
		_, err := ReadReport(wb, campaign.Default())
		if err == nil || !strings.Contains(err.Error(), "x.xlsx › S!B2: ô có lỗi "+v) {
			t.Errorf("%s: err = %v", v, err)
		}
	}
}

// Unit names are stored in NFC whatever form the workbook used; emoji and
// very long names pass through.
func TestNamesNFC(t *testing.T) {
	long := strings.Repeat("Bảo hiểm ", 2000)
	wb := openSpec(t, "x.xlsx", "row 1: Mã đơn vị | Tên đơn vị\nrow 2: H01 | BHXH huye\u0323\u0302n Lu\u0303y 🌾\nrow 3: H02 | "+long)
	got, err := ReadTargets(wb, campaign.Default())
	if err != nil {
		t.Fatal(err)
	}
	if got.Units[0].Name != "BHXH huyện Lũy 🌾" || got.Units[1].Name != strings.TrimSpace(long) {
		t.Fatalf("names = %q", got.Units[0].Name)
	}
}

func FuzzParseKPIHeader(f *testing.F) {
	c := campaign.Default()
	for _, s := range []string{"KH 2024 thu", "Số thu (lũy kế)", "thu 2023", "Tỷ lệ chậm đóng (%) 2023", "Thực hiện tháng BHYT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if kc, ok := ParseKPIHeader(c, s); ok {
			if _, found := c.KPI(kc.KPI.Code); !found {
				t.Fatalf("%q gave unknown KPI %q", s, kc.KPI.Code)
			}
		}
		parseWideHead(c, colHead{Text: s})
		matchLabel(c, s)
	})
}

// FuzzReadReport runs the whole reader — either path, header detection,
// number rules — on mutated workbooks: errors are fine, panics are not.
func FuzzReadReport(f *testing.F) {
	c := campaign.Default()
	for _, spec := range []string{goodTargets, goodSpec2, formulaSpec} {
		if data, err := xlsxspec.Build(spec); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		wb, err := xlsxgrid.OpenBytes("f.xlsx", data, xlsxgrid.Limits{})
		if err != nil {
			return
		}
		_, _ = ReadReport(wb, c)
		_, _ = ReadTargets(wb, c)
	})
}

const goodSpec2 = "row 1: Mã đơn vị: H01\nrow 2: Kỳ báo cáo: 03/2024\nrow 4: Mã chỉ tiêu | Thực hiện trong tháng | Lũy kế\nrow 5: thu | 100 | 200\nrow 6: bhyt | '1.234 |"

const formulaSpec = "sheet S\nrow 1: Mã chỉ tiêu | Trong tháng | Lũy kế\nrow 2: thu | =2+3{5} | =A9{12.5}\nrow 3: bhyt | '007 | x\nfmt B3 000"
