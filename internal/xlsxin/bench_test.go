package xlsxin

import (
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
