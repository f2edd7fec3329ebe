package xlsxgrid

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/demo"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/view"
	"github.com/bhxh/kpi/internal/xlsxin/badfiles"
	"github.com/bhxh/kpi/internal/xlsxout"
	"github.com/bhxh/kpi/internal/xlsxspec"
)

// targetsSpec is a targets workbook with a title block, merges and
// number formats.
const targetsSpec = `
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

// diffSpecs are workbooks covering what the reader meets: title blocks and
// merges, shared and inline strings, entities, percent, date and zero-padded
// formats, formulas with cached values, errors, booleans, hidden sheets,
// sparse rows, 1904 dates, long and combining-mark texts.
var diffSpecs = []string{
	targetsSpec,
	"sheet A\nrow 1: x & y < z > \"q\" 'a'\nrow 3 at C: 1 | 2.5 | -3 | 1e-7\ncell Z99: far",
	"sheet S\nrow 1: Mã chỉ tiêu | Trong tháng | Lũy kế\nrow 2: thu | =2+3{5} | =A9{12.5}\nrow 3: bhyt | '007 | x\nfmt B3 000",
	"date1904\nsheet S\nrow 1: a\nsheet T\nrow 1: b\ndate A2 2024-03-31\nhide S",
	"sheet S\nrow 1: Lu\u0303y ke\u0302\u0301 | 😀 emoji | tab\there\nrow 2: 0.853 | 0.5 | 12\nfmt A2 0.0%\nfmt B2 0%\nmerge A1:A3\nmerge B2:C3",
	"sheet S\nrow 1: =1/0{#DIV/0!}",
}

func TestLeanMatchesExcelize(t *testing.T) {
	var books [][2]string // name, path
	dir := t.TempDir()
	for i, spec := range diffSpecs {
		p := filepath.Join(dir, "spec"+string(rune('a'+i))+".xlsx")
		if err := xlsxspec.WriteFile(p, spec); err != nil {
			t.Fatalf("spec %d: %v", i, err)
		}
		books = append(books, [2]string{"spec", p})
	}
	for _, f := range xlsxspec.Forms { // the official-style reports
		p := filepath.Join(dir, f.Name)
		if err := xlsxspec.WriteFile(p, f.Spec); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		books = append(books, [2]string{"form", p})
	}
	lo, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "libreoffice", "*.xlsx"))
	for _, p := range lo {
		books = append(books, [2]string{"libreoffice", p})
	}
	if len(lo) == 0 {
		t.Fatal("no LibreOffice fixtures")
	}
	for _, b := range books {
		data, err := os.ReadFile(b[1])
		if err != nil {
			t.Fatal(err)
		}
		compareReaders(t, filepath.Base(b[1]), data)
	}
}

// compareReaders holds the lean reader to the excelize one on a workbook.
func compareReaders(t *testing.T, name string, data []byte) {
	t.Helper()
	lean, err := openLean(name, data, DefaultLimits)
	if errors.Is(err, errLeanUnsupported) {
		t.Logf("%s: lean reader steps aside", name)
		return
	}
	if err != nil {
		t.Fatalf("%s: lean: %v", name, err)
	}
	ex, err := openExcelize(name, data, DefaultLimits)
	if err != nil {
		t.Fatalf("%s: excelize: %v", name, err)
	}
	sameBooks(t, name, lean, ex)
}

// sameBooks holds two readings of a workbook equal: sheets, visibility,
// the date system and every cell (formulas computed).
func sameBooks(t *testing.T, name string, lean, ex *Workbook) {
	t.Helper()
	if lean.Date1904 != ex.Date1904 || len(lean.Sheets) != len(ex.Sheets) {
		t.Fatalf("%s: date1904 %v/%v, %d/%d sheets", name, lean.Date1904, ex.Date1904, len(lean.Sheets), len(ex.Sheets))
	}
	for i, ls := range lean.Sheets {
		es := ex.Sheets[i]
		if ls.Name != es.Name || ls.Hidden != es.Hidden {
			t.Errorf("%s: sheet %d named %q / %q, hidden %v / %v", name, i, ls.Name, es.Name, ls.Hidden, es.Hidden)
		}
		rows := max(len(ls.Rows), len(es.Rows))
		for r := 0; r < rows; r++ {
			cols := 0
			if r < len(ls.Rows) {
				cols = len(ls.Rows[r])
			}
			if r < len(es.Rows) {
				cols = max(cols, len(es.Rows[r]))
			}
			for c := 0; c < cols; c++ {
				if a, b := ls.At(r, c), es.At(r, c); a != b {
					t.Errorf("%s › %s!%s: lean %+v, excelize %+v", name, ls.Name, Ref(r, c), a, b)
				}
			}
		}
	}
}

// A formula without a cached value is computed by the grid when its cell
// is read, on both paths; the lean reader no longer steps aside for it.
func TestUncachedFormulasComputedInTheGrid(t *testing.T) {
	data, err := xlsxspec.Build("row 1: =2+3")
	if err != nil {
		t.Fatal(err)
	}
	lean, err := openLean("x.xlsx", data, DefaultLimits)
	if err != nil || lean.Sheets[0].Rows[0][0].Kind != Formula || lean.Sheets[0].At(0, 0) != (Cell{Kind: Number, Raw: "5"}) {
		t.Fatalf("lean = %+v, %v", lean, err)
	}
	wb, err := OpenBytes("x.xlsx", data, Limits{})
	if err != nil || wb.Sheets[0].At(0, 0) != (Cell{Kind: Number, Raw: "5"}) {
		t.Fatalf("wb = %+v, %v", wb, err)
	}
	compareReaders(t, "x.xlsx", data)
}

// fuzzLimits keep one fuzzed workbook small: a crafted file may make the
// reader use all of them, so that every exec stays well under a
// millisecond.
var fuzzLimits = Limits{MaxUnzipSize: 1 << 20, MaxCells: 50_000, MaxFormulaSteps: 50_000}

// fuzzSeeds are the diff specs cut by badfiles.Slim to the XML the reader
// reads.
func fuzzSeeds(t testing.TB) [][3][]byte {
	var out [][3][]byte
	for _, spec := range diffSpecs {
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

// readAll reads a workbook with the lean reader, panics going up, and
// reads every cell (so computing every formula).
func readAll(data []byte) (*Workbook, error) {
	leanRecovers = false
	defer func() { leanRecovers = true }()
	wb, err := openLean("f.xlsx", data, fuzzLimits)
	if err != nil {
		return nil, err
	}
	for _, s := range wb.Sheets {
		for r := range s.Rows {
			for c := range s.Rows[r] {
				s.At(r, c)
				s.Text(r, c)
			}
		}
	}
	return wb, nil
}

func FuzzLeanReader(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, sheet, sst, styles []byte) {
		data, err := badfiles.Slimmed(sheet, sst, styles)
		if err != nil {
			return
		}
		wb, err := readAll(data)
		if err == nil && wb == nil {
			t.Fatal("nil workbook without error")
		}
	})
}

// Each fuzz exec stays cheap (the fuzzer's rate is then well above 1,000
// execs/s): reading any seed costs under a budget of allocations.
func TestFuzzLeanBudget(t *testing.T) {
	for i, s := range fuzzSeeds(t) {
		data, err := badfiles.Slimmed(s[0], s[1], s[2])
		if err != nil {
			t.Fatal(err)
		}
		allocs := testing.AllocsPerRun(5, func() {
			if _, err := readAll(data); err != nil {
				t.Fatalf("seed %d: %v", i, err)
			}
		})
		if allocs > 2000 {
			t.Errorf("seed %d: %.0f allocations per exec", i, allocs)
		}
	}
}

// The workbooks kpi itself writes and the sample generator's, messy ones
// included, read the same both ways.
func TestLeanMatchesExcelizeOnGenerated(t *testing.T) {
	c := campaign.Default()
	p := demo.New(c, 12, 3, 5)
	dir := t.TempDir()
	paths := map[string]func(string) error{
		"targets.xlsx": func(f string) error { return demo.WriteTargets(f, c, p) },
		"wide.xlsx":    func(f string) error { return demo.WriteWide(f, c, p, 2) },
		"long.xlsx":    func(f string) error { return demo.WriteLong(f, c, p, p.Units[3], 3, demo.LongStyle{}) },
		"messy.xlsx":   func(f string) error { return demo.WriteLong(f, c, p, p.Units[6], 3, demo.LongStyle{Messy: true}) },
		"form.xlsx": func(f string) error {
			var buf bytes.Buffer
			if err := xlsxout.WriteReportTemplate(&buf, c, p.Units[0], report.Period{Year: 2024, Month: 3}, view.NewDocument(nil, c, time.Date(2024, 4, 5, 0, 0, 0, 0, time.UTC), "vi")); err != nil {
				return err
			}
			return os.WriteFile(f, buf.Bytes(), 0o644)
		},
		"chitieu-form.xlsx": func(f string) error {
			var buf bytes.Buffer
			if err := xlsxout.WriteTargetsTemplate(&buf, c, p.Units, view.NewDocument(nil, c, time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), "vi")); err != nil {
				return err
			}
			return os.WriteFile(f, buf.Bytes(), 0o644)
		},
		"big-targets.xlsx": func(f string) error { return demo.WriteBig(f, filepath.Join(dir, "big-report.xlsx"), c, 2000, 3) },
	}
	for name, write := range paths {
		if err := write(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	paths["big-report.xlsx"] = nil
	for name := range paths {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		compareReaders(t, name, data)
	}
}

// TestCorpus holds the two readers equal on every .xlsx/.xlsm under the
// directory $KPI_XLSX_CORPUS (other projects' test workbooks, never
// committed here), and every one streamed a few bytes and rows at a time
// to the whole reading; without it, it is skipped. Files one reader
// refuses are logged.
func TestCorpus(t *testing.T) {
	dir := os.Getenv("KPI_XLSX_CORPUS")
	if dir == "" {
		t.Skip("KPI_XLSX_CORPUS not set")
	}
	smallStreams(t, 5, 3, 61)
	streamed := map[streamOutcome]int{}
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := strings.ToLower(filepath.Ext(p)); ext != ".xlsx" && ext != ".xlsm" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		name, _ := filepath.Rel(dir, p)
		if msg := notAWorkbook(name, data); msg != "" {
			t.Logf("%s: %s", name, msg)
			return nil
		}
		lean, lerr := openLean(name, data, DefaultLimits)
		ex, eerr := openExcelize(name, data, DefaultLimits)
		switch {
		case lerr != nil && eerr != nil:
			t.Logf("%s: both refuse: %v / %v", name, lerr, eerr)
		case errors.Is(lerr, errLeanUnsupported):
			t.Logf("%s: lean steps aside", name)
		case lerr != nil:
			t.Errorf("%s: lean: %v; excelize reads it", name, lerr)
		case eerr != nil:
			t.Logf("%s: excelize: %v; lean reads it", name, eerr)
		default:
			sameBooks(t, name, lean, ex)
		}
		if lerr == nil {
			streamed[streamAgainst(t, name, data)]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d workbooks; streamed as read whole %d, to read whole %d, refused %d", n, streamed[streamedSame], streamed[streamedNot], streamed[streamedErr])
}
