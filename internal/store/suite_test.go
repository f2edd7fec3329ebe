package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
)

// backends runs a test against every store kpi has: SQLite always, and
// PostgreSQL when KPI_TEST_POSTGRES names a database (.ci/run starts one).
// open returns a fresh, empty workspace (a new handle each call on the
// same workspace, like another process).
func backends(t *testing.T, test func(t *testing.T, open func() *DB)) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "kpi.db")
		test(t, func() *DB {
			s, err := OpenSQLite(context.Background(), path, true)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		})
	})
	url := os.Getenv("KPI_TEST_POSTGRES")
	t.Run("postgres", func(t *testing.T) {
		if url == "" {
			t.Skip("KPI_TEST_POSTGRES not set")
		}
		if err := DropWorkspace(context.Background(), url); err != nil {
			t.Fatal(err)
		}
		test(t, func() *DB {
			s, err := OpenPostgres(context.Background(), url, true)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		})
	})
}

func seed(t testing.TB, s *DB, n int) {
	t.Helper()
	ctx := context.Background()
	if err := s.SetCampaign(ctx, campaign.Default()); err != nil {
		t.Fatal(err)
	}
	var units []campaign.Unit
	for i := 0; i < n; i++ {
		units = append(units, campaign.Unit{Code: fmt.Sprintf("H%02d", i+1), Name: fmt.Sprintf("Huyện %d", i+1),
			Targets: map[string]float64{"thu": 100}, Baselines: map[string]float64{"cham_dong": 2.5}})
	}
	if err := s.SaveUnits(ctx, units); err != nil {
		t.Fatal(err)
	}
}

func rep(unit string, month int, v float64) report.Report {
	return report.Report{Unit: unit, Period: report.Period{Year: 2024, Month: month},
		Values: []report.Value{{KPI: "thu", Month: &v, YTD: &v, MonthCell: "S!B2", YTDCell: "S!C2"}}}
}

func rec(file, sha string) ImportRecord { return recOf(file, sha, 3) }

// recOf is the record of a file of month 2024-MM (a file's reports are of
// its period).
func recOf(file, sha string, month int) ImportRecord {
	return ImportRecord{ImportedAt: time.Date(2024, 4, 5, 8, 0, 0, 0, time.UTC), File: file, Path: file, SHA256: sha, Layout: "long", Sheet: "S",
		Period: report.Period{Year: 2024, Month: month}.String(), Values: 1}
}

func TestStoreSuite(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 3)
		units, err := s.Units(ctx)
		if err != nil || len(units) != 3 || units[0].Targets["thu"] != 100 || units[0].Baselines["cham_dong"] != 2.5 {
			t.Fatalf("units = %+v, %v", units, err)
		}
		// import, the same bytes again, a correction, undo
		id1, sup, err := s.SaveImport(ctx, rec("a.xlsx", "sha-a"), []report.Report{rep("H01", 3, 10), rep("H02", 3, 20)}, false)
		if err != nil || len(sup) != 0 {
			t.Fatalf("first import: %v %v", sup, err)
		}
		var already *AlreadyImportedError
		if _, _, err := s.SaveImport(ctx, rec("a-copy.xlsx", "sha-a"), []report.Report{rep("H01", 3, 10)}, false); !errors.As(err, &already) || already.ID != id1 {
			t.Fatalf("same bytes: %v", err)
		}
		id2, sup, err := s.SaveImport(ctx, rec("a-fix.xlsx", "sha-b"), []report.Report{rep("H01", 3, 11)}, false)
		if err != nil || len(sup) != 1 || sup[0].ImportID != id1 || sup[0].Unit != "H01" {
			t.Fatalf("correction: %+v %v", sup, err)
		}
		if _, _, err := s.SaveImport(ctx, rec("a-again.xlsx", "sha-a"), []report.Report{rep("H01", 3, 10)}, true); err != nil {
			t.Fatalf("forced re-import: %v", err)
		}
		obs, err := s.Observations(ctx, 2024, "H01")
		if err != nil || len(obs) != 1 || *obs[0].Month != 10 {
			t.Fatalf("observations = %+v, %v", obs, err)
		}
		hist, err := s.Imports(ctx)
		if err != nil || len(hist) != 3 || len(hist[0].Units) != 2 || fmt.Sprint(hist[0].SupersededBy) != fmt.Sprintf("[%d]", id2) {
			t.Fatalf("history = %+v, %v", hist, err)
		}
		restored, err := s.Undo(ctx, hist[2].ID, "")
		if err != nil || len(restored) != 1 || restored[0].ImportID != id2 {
			t.Fatalf("undo: %+v %v", restored, err)
		}
		live, err := s.LiveReports(ctx, 2024)
		if err != nil || len(live) != 2 || live[0].ImportID != id2 || !live[0].Replaced {
			t.Fatalf("live = %+v, %v", live, err)
		}
		if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
			t.Fatalf("check: %+v %v", problems, err)
		}
	})
}

// Four writers at once, each with its own connections as another process
// would have: the same file and competing files for the same units and
// month. The database lets exactly one copy of a file in and keeps one
// report in force per unit and month.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		seed(t, open(), 20)
		var wg sync.WaitGroup
		errs := make(chan error, 100)
		for w := 0; w < 4; w++ {
			s := open()
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := 0; i < 10; i++ {
					var reports []report.Report
					for u := 1; u <= 20; u++ {
						reports = append(reports, rep(fmt.Sprintf("H%02d", u), 3, float64(100*w+i)))
					}
					// the same bytes from every writer …
					_, _, err := s.SaveImport(ctx, rec("same.xlsx", fmt.Sprintf("same-%d", i)), reports, false)
					var already *AlreadyImportedError
					if err != nil && !errors.As(err, &already) {
						errs <- err
					}
					// … and each writer's own correction of the same month
					if _, _, err := s.SaveImport(ctx, rec("own.xlsx", fmt.Sprintf("own-%d-%d", w, i)), reports, false); err != nil {
						errs <- err
					}
					// one-report files (a district's workbook) race too
					one := []report.Report{rep("H01", 4, float64(w))}
					if _, _, err := s.SaveImport(ctx, recOf("h01.xlsx", fmt.Sprintf("h01-%d", i), 4), one, false); err != nil && !errors.As(err, &already) {
						errs <- err
					}
					if _, _, err := s.SaveImport(ctx, recOf("h01-own.xlsx", fmt.Sprintf("h01-%d-%d", w, i), 4), one, false); err != nil {
						errs <- err
					}
				}
			}(w)
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		s := open()
		hist, err := s.Imports(ctx)
		if err != nil || len(hist) != 2*(10+40) {
			t.Fatalf("%d imports (want 2 × (10 shared + 40 own)), %v", len(hist), err)
		}
		live, err := s.LiveReports(ctx, 2024)
		if err != nil || len(live) != 20+1 {
			t.Fatalf("%d live reports, want 20 for March and 1 for April; %v", len(live), err)
		}
		if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
			t.Fatalf("check: %+v %v", problems, err)
		}
	})
}
