package xlsxin

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/demo"
	"github.com/bhxh/kpi/internal/xlsxgrid"
)

func BenchmarkParseText(b *testing.B) {
	texts := []string{"1.234.567", "1.234,5", "85,3%", "1,234,567.5", "42", "-"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			ParseText(s, true)
		}
	}
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "values/s")
}

// BenchmarkReadSmallReport reads one district workbook (open + find the
// table + read every value), the unit of a national import.
func BenchmarkReadSmallReport(b *testing.B) {
	c := campaign.Default()
	p := demo.New(c, 12, 3, 1)
	path := filepath.Join(b.TempDir(), "H07_2024-03.xlsx")
	if err := demo.WriteLong(path, c, p, p.Units[6], 3, demo.LongStyle{Messy: true}); err != nil {
		b.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	benchReaders(b, c, "H07_2024-03.xlsx", data, 1, "files/s")
}

// BenchmarkReadWideSheet reads a consolidated sheet of 20,000 rows × 11
// columns (bench/run.sh measures the 200,000-row one end to end).
func BenchmarkReadWideSheet(b *testing.B) {
	c := campaign.Default()
	dir := b.TempDir()
	report := filepath.Join(dir, "tonghop_2024-01.xlsx")
	if err := demo.WriteBig(filepath.Join(dir, "t.xlsx"), report, c, 20000, 1); err != nil {
		b.Fatal(err)
	}
	data, _ := os.ReadFile(report)
	benchReaders(b, c, "tonghop_2024-01.xlsx", data, 20000, "rows/s")
}

// benchReaders reads a workbook both ways — the lean reader (with its
// excelize fallback) and excelize alone — and reports units/s.
func benchReaders(b *testing.B, c *campaign.Campaign, name string, data []byte, units int, unit string) {
	for _, tc := range []struct {
		name string
		open func(string, []byte, xlsxgrid.Limits) (*Workbook, error)
	}{{"lean", xlsxgrid.OpenBytes}, {"excelize", xlsxgrid.OpenExcelize}} {
		b.Run(tc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				wb, err := tc.open(name, data, xlsxgrid.Limits{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := ReadReport(wb, c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*units)/b.Elapsed().Seconds(), unit)
		})
	}
}

// BenchmarkReadWideStream streams a consolidated sheet of 100,000 rows
// (xlsxgrid.OpenStream, ReadReportStream): the reader's side of the big
// sheet's import in bench/run.sh. KPI_BENCH_BIG names an existing
// workbook to read instead (bench/run.sh's 200,000 rows).
func BenchmarkReadWideStream(b *testing.B) {
	c := campaign.Default()
	path := os.Getenv("KPI_BENCH_BIG")
	if path == "" {
		dir := b.TempDir()
		path = filepath.Join(dir, "tonghop_2024-01.xlsx")
		if err := demo.WriteBig(filepath.Join(dir, "t.xlsx"), path, c, 100000, 1); err != nil {
			b.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	rows := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		wb, err := xlsxgrid.OpenStream(filepath.Base(path), bytes.NewReader(data), int64(len(data)), xlsxgrid.Limits{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		rows = 0
		if _, err := ReadReportStream(wb, c, func(bk *Book) error { rows += len(bk.Rows); return nil }); err != nil {
			b.Fatal(err)
		}
		wb.Close()
	}
	b.ReportMetric(float64(b.N*rows)/b.Elapsed().Seconds(), "rows/s")
}
