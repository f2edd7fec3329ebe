package store

import (
	"context"
	"testing"

	"github.com/bhxh/kpi/internal/report"
)

// Reports lists what kpi values shows: the live figures with the import
// they came from and the unit of measure the workbook used.
func TestReports(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 2)
		conv := rep("H02", 3, 29850.25)
		conv.Values[0].Unit = "đồng"
		id1, _, err := s.SaveImport(ctx, rec("a.xlsx", "sha-a"), []report.Report{rep("H01", 3, 10), conv}, false)
		if err != nil {
			t.Fatal(err)
		}
		id2, _, err := s.SaveImport(ctx, rec("b.xlsx", "sha-b"), []report.Report{rep("H01", 3, 11)}, false)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.SaveImport(ctx, recOf("c.xlsx", "sha-c", 4), []report.Report{rep("H01", 4, 12)}, false); err != nil {
			t.Fatal(err)
		}
		all, err := s.Reports(ctx, 2024, "", "")
		if err != nil || len(all) != 3 {
			t.Fatalf("all = %+v, %v", all, err)
		}
		if all[0].Unit != "H01" || all[0].Period != "2024-03" || all[0].ImportID != id2 || all[0].File != "b.xlsx" || *all[0].Values[0].Month != 11 {
			t.Errorf("H01 March = %+v (the correction is in force)", all[0])
		}
		got, err := s.Reports(ctx, 2024, "H02", "2024-03")
		if err != nil || len(got) != 1 || got[0].ImportID != id1 || got[0].Values[0].Unit != "đồng" || *got[0].Values[0].YTD != 29850.25 {
			t.Errorf("H02 March = %+v, %v", got, err)
		}
		if none, err := s.Reports(ctx, 2023, "", ""); err != nil || len(none) != 0 {
			t.Errorf("2023 = %+v, %v", none, err)
		}
		// one unit's history keeps the replaced report, marked
		hist, err := s.UnitReports(ctx, 2024, "H01")
		if err != nil || len(hist) != 3 || hist[0].ImportID != id1 || hist[0].ReplacedBy != id2 || hist[1].ReplacedBy != 0 || hist[2].Period != "2024-04" {
			t.Errorf("H01 history = %+v, %v", hist, err)
		}
	})
}

// A unit's quarterly plan is kept with its targets and replaced with them.
func TestUnitQuarters(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 2)
		units, err := s.Units(ctx)
		if err != nil {
			t.Fatal(err)
		}
		units[0].Quarters = map[string][4]float64{"thu": {10, 20, 30, 40}}
		if err := s.SaveUnits(ctx, units[:1]); err != nil {
			t.Fatal(err)
		}
		got, err := s.Units(ctx)
		if err != nil || got[0].Quarters["thu"] != [4]float64{10, 20, 30, 40} || len(got[1].Quarters) != 0 {
			t.Fatalf("units = %+v, %v", got, err)
		}
		units[0].Quarters = nil
		if err := s.SaveUnits(ctx, units[:1]); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Units(ctx); err != nil || len(got[0].Quarters) != 0 {
			t.Fatalf("after replacing: %+v, %v", got, err)
		}
	})
}
