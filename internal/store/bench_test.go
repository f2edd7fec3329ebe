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
