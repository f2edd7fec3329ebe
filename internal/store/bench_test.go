package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/bhxh/kpi/internal/report"
)

// benchBackends runs a benchmark against every store, as backends does
// for tests.
func benchBackends(b *testing.B, bench func(b *testing.B, s *DB)) {
	b.Run("sqlite", func(b *testing.B) {
		s, err := OpenSQLite(context.Background(), filepath.Join(b.TempDir(), "kpi.db"), true)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		bench(b, s)
	})
	b.Run("postgres", func(b *testing.B) {
		url := os.Getenv("KPI_TEST_POSTGRES")
		if url == "" {
			b.Skip("KPI_TEST_POSTGRES not set")
		}
		if err := DropWorkspace(context.Background(), url); err != nil {
			b.Fatal(err)
		}
		s, err := OpenPostgres(context.Background(), url, true)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		bench(b, s)
	})
}

// BenchmarkSaveImportOne saves one-report files, a district's monthly
// workbook each: the common import.
func BenchmarkSaveImportOne(b *testing.B) {
	ctx := context.Background()
	benchBackends(b, func(b *testing.B, s *DB) {
		seed(b, s, 700)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			r := rep(fmt.Sprintf("H%02d", i%700+1), 1+i/700%12, float64(i))
			if _, _, err := s.SaveImport(ctx, rec("h.xlsx", fmt.Sprintf("sha-%d", i)), []report.Report{r}, false); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSaveImport700 saves a consolidated sheet of 700 reports.
func BenchmarkSaveImport700(b *testing.B) {
	ctx := context.Background()
	benchBackends(b, func(b *testing.B, s *DB) {
		seed(b, s, 700)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			reports := make([]report.Report, 700)
			for u := range reports {
				reports[u] = rep(fmt.Sprintf("H%02d", u+1), 1+i%12, float64(i))
			}
			if _, _, err := s.SaveImport(ctx, rec("all.xlsx", fmt.Sprintf("sha-%d", i)), reports, false); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSaveImportsGroup saves a national month of one-report files
// (700) in one transaction, a savepoint each (SaveImports): the writer of
// kpi import. Compare BenchmarkSaveImportOne, a transaction per file.
func BenchmarkSaveImportsGroup(b *testing.B) {
	ctx := context.Background()
	benchBackends(b, func(b *testing.B, s *DB) {
		seed(b, s, 700)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			err := s.SaveImports(ctx, func(g ImportGroup) error {
				for u := 0; u < 700; u++ {
					r := rep(fmt.Sprintf("H%02d", u+1), 1+i%12, float64(i))
					if _, _, err := g.Save(ctx, rec("h.xlsx", fmt.Sprintf("sha-%d-%d", i, u)), []report.Report{r}, false); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N*700)/b.Elapsed().Seconds(), "files/s")
	})
}

// BenchmarkObservations reads a national year's figures (700 units × 12
// months × 7 KPIs), what kpi progress and kpi awards start from.
func BenchmarkObservations(b *testing.B) {
	ctx := context.Background()
	benchBackends(b, func(b *testing.B, s *DB) {
		seed(b, s, 700)
		kpis := []string{"bhxh_bb", "bhxh_tn", "bhyt", "bhtn", "thu", "cham_dong", "hai_long"}
		for m := 1; m <= 12; m++ {
			reports := make([]report.Report, 700)
			for u := range reports {
				r := report.Report{Unit: fmt.Sprintf("H%02d", u+1), Period: report.Period{Year: 2024, Month: m}}
				for k, kpi := range kpis {
					v, y := float64(u*k+m), float64(u*k*m)
					r.Values = append(r.Values, report.Value{KPI: kpi, Month: &v, YTD: &y, MonthCell: fmt.Sprintf("BaoCao!D%d", 9+k), YTDCell: fmt.Sprintf("BaoCao!E%d", 9+k)})
				}
				reports[u] = r
			}
			if _, _, err := s.SaveImport(ctx, rec("all.xlsx", fmt.Sprintf("sha-%d", m)), reports, false); err != nil {
				b.Fatal(err)
			}
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			obs, err := s.Observations(ctx, 2024, "")
			if err != nil || len(obs) != 700*12*7 {
				b.Fatal(len(obs), err)
			}
		}
		b.ReportMetric(float64(b.N*700*12)/b.Elapsed().Seconds(), "reports/s")
	})
}

// BenchmarkSaveStreamed saves a consolidated sheet of 50,000 reports of 7
// KPIs in parts of 512 (Begin, Add, End: the writer of a streamed import,
// bench/run.sh's 200,000-row sheet), a new month each time.
func BenchmarkSaveStreamed(b *testing.B) {
	ctx := context.Background()
	const units = 50000
	benchBackends(b, func(b *testing.B, s *DB) {
		seed(b, s, units)
		kpis := []string{"bhxh_bb", "bhxh_tn", "bhyt", "bhtn", "thu", "cham_dong", "hai_long"}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			err := s.SaveImports(ctx, func(g ImportGroup) error {
				f, err := g.Begin(ctx, rec("tonghop.xlsx", fmt.Sprintf("sha-%d", i)), false)
				if err != nil {
					return err
				}
				for start := 0; start < units; start += 512 {
					part := make([]report.Report, 0, 512)
					for u := start; u < min(start+512, units); u++ {
						r := report.Report{Unit: fmt.Sprintf("H%02d", u+1), Period: report.Period{Year: 2024 + i/12, Month: 1 + i%12}}
						for k, kpi := range kpis {
							v := float64(u*k + i)
							r.Values = append(r.Values, report.Value{KPI: kpi, Month: &v, MonthCell: fmt.Sprintf("TongHop!%c%d", 'D'+k, u+4)})
						}
						part = append(part, r)
					}
					if _, err := f.Add(ctx, newPart(part)); err != nil {
						return err
					}
				}
				_, err = f.End(ctx, units*len(kpis), nil)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N*units)/b.Elapsed().Seconds(), "reports/s")
	})
}

// BenchmarkUnitTable reads 50,000 units with their targets, as an import
// does first.
func BenchmarkUnitTable(b *testing.B) {
	ctx := context.Background()
	benchBackends(b, func(b *testing.B, s *DB) {
		seed(b, s, 50000)
		kpis := []string{"bhxh_bb", "bhxh_tn", "bhyt", "bhtn", "thu", "", ""}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			t, err := s.UnitTable(ctx, kpis)
			if err != nil || t.Of("H50000") == nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N*50000)/b.Elapsed().Seconds(), "units/s")
	})
}
