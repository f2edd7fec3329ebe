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
		"bomb.xlsx":      "bomb.xlsx: bảng tính quá lớn: phần xl/worksheets/sheet1.xml giải nén ra hơn 16 MB",
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
// number rules — on mutated workbooks: errors are fine, panics are not. It
// mutates the XML of a sheet, its shared strings and number formats
// (badfiles.Slim), within small limits, so that every exec stays cheap.
func FuzzReadReport(f *testing.F) {
	c := campaign.Default()
	for _, s := range reportFuzzSeeds(f) {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, sheet, sst, styles []byte) {
		readFuzzed(c, sheet, sst, styles)
	})
}

var reportFuzzLimits = xlsxgrid.Limits{MaxUnzipSize: 1 << 20, MaxCells: 50_000, MaxFormulaSteps: 50_000}

func readFuzzed(c *campaign.Campaign, sheet, sst, styles []byte) {
	data, err := badfiles.Slimmed(sheet, sst, styles)
	if err != nil {
		return
	}
	wb, err := xlsxgrid.OpenBytes("f.xlsx", data, reportFuzzLimits)
	if err != nil {
		return
	}
	_, _ = ReadReport(wb, c)
	_, _ = ReadTargets(wb, c)
}

func reportFuzzSeeds(t testing.TB) [][3][]byte {
	var out [][3][]byte
	for _, spec := range []string{smallTargets, goodSpec2, formulaSpec} {
		data, err := xlsxspec.Build(spec)
		if err != nil {
			t.Fatal(err)
		}
		sheet, sst, styles, err := badfiles.Slim(data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, [3][]byte{sheet, sst, styles})
	}
	return out
}

// Each exec of FuzzReadReport stays cheap (the fuzzer's rate is then well
// above 1,000 execs/s): a budget of allocations per seed.
func TestFuzzReadReportBudget(t *testing.T) {
	c := campaign.Default()
	for i, s := range reportFuzzSeeds(t) {
		allocs := testing.AllocsPerRun(5, func() { readFuzzed(c, s[0], s[1], s[2]) })
		if allocs > 5000 {
			t.Errorf("seed %d: %.0f allocations per exec", i, allocs)
		}
	}
}

// smallTargets is a targets table small enough to minimise quickly (the
// minimiser's work grows with the square of an input's size).
const smallTargets = "row 1: Mã ĐV | Tên đơn vị | KH 2024 thu | thu 2023\nrow 2: H01 | BHXH A | 1.234 | 0.5\nfmt C2 0%"

const goodSpec2 = "row 1: Mã đơn vị: H01\nrow 2: Kỳ báo cáo: 03/2024\nrow 4: Mã chỉ tiêu | Thực hiện trong tháng | Lũy kế\nrow 5: thu | 100 | 200\nrow 6: bhyt | '1.234 |"

const formulaSpec = "sheet S\nrow 1: Mã chỉ tiêu | Trong tháng | Lũy kế\nrow 2: thu | =2+3{5} | =A9{12.5}\nrow 3: bhyt | '007 | x\nfmt B3 000"

// Crafted files that once cost minutes or gigabytes are read within an
// allocation budget, each to the outcome Excel would give or an error
// naming the cell: formulas without cached values are computed in the
// grid, only where the report reads them, within a work budget; merges are
// filled once; text is quoted, never carried whole.
func TestCostlyFiles(t *testing.T) {
	cases := map[string]struct {
		budgetMB uint64
		value    float64 // bhyt's value when the report reads
		err      string  // else the error
	}{
		"far-formula.xlsx":    {budgetMB: 64, value: 100},
		"million-rows.xlsx":   {budgetMB: 64, value: 100},
		"formula-storm.xlsx":  {budgetMB: 160, err: "formula-storm.xlsx › S!B5: ô có lỗi (công thức quá phức tạp: hãy lưu lại tệp bằng Excel để có giá trị)"},
		"table-formulas.xlsx": {budgetMB: 16, err: "table-formulas.xlsx › S!B5: ô có lỗi (công thức =SUM(Table1[Sales]) không tính được"},
		"merges.xlsx":         {budgetMB: 64, value: 100},
		// the 70 MB string is read (it is within --max-size), never copied
		// into the grid or a message
		"huge-string.xlsx": {budgetMB: 256, err: "huge-string.xlsx › S!B5: không đọc được 'mười mười"},
	}
	if len(cases) != len(badfiles.Costly) {
		t.Fatalf("%d cases for %d files", len(cases), len(badfiles.Costly))
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			data, err := badfiles.Costly[name]()
			if err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			wb, err := xlsxgrid.OpenBytes(name, data, xlsxgrid.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			b, err := ReadReport(wb, campaign.Default())
			runtime.ReadMemStats(&after)
			if alloc := (after.TotalAlloc - before.TotalAlloc) >> 20; alloc > tc.budgetMB {
				t.Errorf("reading %s allocated %d MB, budget %d MB", name, alloc, tc.budgetMB)
			}
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error = %.300v, want %q", err, tc.err)
				}
				if n := len([]rune(err.Error())); n > 2*xlsxgrid.MaxQuote+200 {
					t.Errorf("message of %d characters", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Rows) != 1 || len(b.Rows[0].Values) != 1 {
				t.Fatalf("rows %+v", b.Rows)
			}
			for _, v := range b.Rows[0].Values {
				if v.Month == nil || *v.Month != tc.value {
					t.Fatalf("value %+v, want %v", v, tc.value)
				}
			}
		})
	}
}

// Warnings quote cell text, never carry it whole: each is cut to
// xlsxgrid.MaxMessage characters.
func TestWarningsClipped(t *testing.T) {
	long := strings.Repeat("Ghi chú rất dài ", 3000)
	wb := openSpec(t, "x.xlsx", "row 1: Mã ĐV | Tên đơn vị | thu | "+long+"\nrow 2: H01 | A | 5 | x")
	got, err := ReadTargets(wb, campaign.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Warnings) == 0 {
		t.Fatal("no warning")
	}
	for _, w := range got.Warnings {
		if n := len([]rune(w)); n > xlsxgrid.MaxMessage+1 {
			t.Errorf("warning of %d characters", n)
		}
	}
}
