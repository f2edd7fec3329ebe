package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
)

// UnitTable gives every unit's code, found upper or lower case, and its
// targets, NaN where a unit has none and for a KPI not asked (""), read a
// chunk of units at a time; a code with UnitTable's separators in it is
// read row by row, as right.
func TestUnitTable(t *testing.T) {
	ctx := context.Background()
	chunk := unitChunk
	unitChunk = 1000 // 3,000 units: three chunks and an empty one
	t.Cleanup(func() { unitChunk = chunk })
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		if err := s.SetCampaign(ctx, campaign.Default()); err != nil {
			t.Fatal(err)
		}
		if empty, err := s.UnitTable(ctx, []string{"thu"}); err != nil || empty.Len() != 0 {
			t.Fatalf("no unit: %v", err)
		}
		var units []campaign.Unit
		for i := 0; i < 3000; i++ {
			u := campaign.Unit{Code: fmt.Sprintf("U%04d", i), Name: "x", Targets: map[string]float64{"thu": float64(i) + 0.5, "bhyt": float64(2 * i)},
				Baselines: map[string]float64{"thu": 1}}
			if i%3 == 0 {
				u.Targets["bhxh_bb"] = float64(i) / 7
			}
			if i%10 == 9 {
				u.Targets = map[string]float64{}
			}
			units = append(units, u)
		}
		if err := s.SaveUnits(ctx, units); err != nil {
			t.Fatal(err)
		}
		kpis := []string{"bhxh_bb", "", "bhyt", "thu"}
		check := func(what string, tt *UnitTable, want []campaign.Unit) {
			t.Helper()
			if tt.Len() != len(want) {
				t.Errorf("%s: %d units, want %d", what, tt.Len(), len(want))
			}
			for _, u := range want {
				for _, text := range []string{u.Code, strings.ToLower(u.Code), strings.ToUpper(u.Code)} {
					if code, ok := tt.Code(text); !ok || code != u.Code {
						t.Errorf("%s: %q is %q, %v (want %s)", what, text, code, ok, u.Code)
					}
				}
				got := tt.Of(u.Code)
				if len(u.Targets) == 0 {
					if got != nil {
						t.Errorf("%s: %s has targets %v", what, u.Code, got)
					}
					continue
				}
				if len(got) != len(kpis) {
					t.Fatalf("%s: %s: %v", what, u.Code, got)
				}
				for i, k := range kpis {
					w, ok := u.Targets[k]
					if k == "" || !ok {
						w = math.NaN()
					}
					if got[i] != w && !(math.IsNaN(got[i]) && math.IsNaN(w)) {
						t.Errorf("%s: %s %q = %v, want %v", what, u.Code, k, got[i], w)
					}
				}
			}
		}
		all, err := s.UnitTable(ctx, kpis)
		if err != nil {
			t.Fatal(err)
		}
		check("all", all, units)
		if code, ok := all.Code("nobody"); ok || all.Of("nobody") != nil {
			t.Errorf("an unknown unit found: %q", code)
		}
		// a second targets workbook changes, adds and takes away targets:
		// the table follows
		units[1].Targets = map[string]float64{"thu": 0.1 + 0.2}
		units[9].Targets = map[string]float64{"bhxh_bb": 1e15 + 0.5, "bhyt": -3}
		units[2999].Targets = map[string]float64{}
		if err := s.SaveUnits(ctx, []campaign.Unit{units[1], units[9], units[2999]}); err != nil {
			t.Fatal(err)
		}
		again, err := s.UnitTable(ctx, kpis)
		if err != nil {
			t.Fatal(err)
		}
		check("after a second workbook", again, units)
		// a code that is empty, codes in lower case, and with the separators
		// in them
		odd := []campaign.Unit{
			{Code: "h-low", Name: "x", Targets: map[string]float64{"thu": 7}},
			{Code: "A" + unitSep + "B", Name: "x", Targets: map[string]float64{"bhyt": 8}},
			{Code: "C" + rowSep, Name: "x"},
		}
		empty := campaign.Unit{Code: "", Name: "no code", Targets: map[string]float64{"thu": 3}}
		if err := s.SaveUnits(ctx, []campaign.Unit{empty}); err != nil {
			t.Fatal(err)
		}
		units = append(units, empty)
		withEmpty, err := s.UnitTable(ctx, kpis)
		if err != nil {
			t.Fatal(err)
		}
		check("an empty code", withEmpty, units)
		if err := s.SaveUnits(ctx, odd); err != nil {
			t.Fatal(err)
		}
		both, err := s.UnitTable(ctx, kpis)
		if err != nil {
			t.Fatal(err)
		}
		check("odd codes", both, append(units, odd...))
	})
}

// units.targets and units.baselines read back to the same values, exactly.
func TestValueList(t *testing.T) {
	tenth := 0.1 // 0.1 + 0.2 at run time, not the constant 0.3
	for _, tc := range []struct {
		in   map[string]float64
		want string
	}{
		{nil, ""},
		{map[string]float64{"thu": 1200.5}, "thu 1200.5"},
		{map[string]float64{"thu": tenth + 0.2, "bhyt": 1e21, "bhxh_bb": -0}, "bhxh_bb 0 bhyt 1e+21 thu 0.30000000000000004"},
		{map[string]float64{"a": math.MaxFloat64, "b": 5e-324}, "a 1.7976931348623157e+308 b 5e-324"},
	} {
		got := valueList(tc.in)
		if got != tc.want {
			t.Errorf("valueList(%v) = %q, want %q", tc.in, got, tc.want)
		}
		back := map[string]float64{}
		if err := eachValue(got, func(k string, v float64) { back[k] = v }); err != nil {
			t.Fatal(err)
		}
		if len(back) != len(tc.in) {
			t.Errorf("%q read back as %v", got, back)
		}
		for k, v := range tc.in {
			if back[k] != v {
				t.Errorf("%q: %s = %v, want %v", got, k, back[k], v)
			}
		}
	}
	for _, bad := range []string{"thu", "thu x", "thu NaN", "thu 1 bhyt"} {
		if err := eachValue(bad, func(string, float64) {}); err == nil {
			t.Errorf("%q read without an error", bad)
		}
	}
}

// A workspace of schema 7 is carried to schema 8 with each unit's targets
// and baselines moved from their rows into the unit, exactly.
func TestMigrationMovesUnitValues(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range sqliteMigrations[:7] {
		if _, err := raw.Exec(m); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		"PRAGMA user_version = 7",
		"INSERT INTO units (code, name, cluster, position) VALUES ('H01', 'A', '', 1), ('H02', 'B', '', 2)",
		"INSERT INTO unit_values VALUES ('H01', 'thu', 'target', 0.1 + 0.2), ('H01', 'bhyt', 'target', 12000), ('H01', 'cham_dong', 'baseline', 2.5)",
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	raw.Close()
	s, err := OpenSQLite(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tt, err := s.UnitTable(ctx, []string{"thu", "bhyt", "cham_dong"})
	if err != nil {
		t.Fatal(err)
	}
	tenth := 0.1 // as SQLite adds 0.1 + 0.2, not the constant 0.3
	got := tt.Of("H01")
	if len(got) != 3 || got[0] != tenth+0.2 || got[1] != 12000 || !math.IsNaN(got[2]) {
		t.Errorf("H01 = %v", got)
	}
	if tt.Of("H02") != nil {
		t.Errorf("H02 has targets: %v", tt.Of("H02"))
	}
	units, err := s.Units(ctx)
	if err != nil || len(units) != 2 {
		t.Fatalf("units = %+v, %v", units, err)
	}
	if h := units[0]; len(h.Targets) != 2 || h.Targets["thu"] != tenth+0.2 || h.Targets["bhyt"] != 12000 || len(h.Baselines) != 1 || h.Baselines["cham_dong"] != 2.5 {
		t.Errorf("H01 = %+v", h)
	}
	if h := units[1]; len(h.Targets) != 0 || len(h.Baselines) != 0 {
		t.Errorf("H02 = %+v", h)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'unit_values'").Scan(&n); err != nil || n != 0 {
		t.Errorf("unit_values left: %d %v", n, err)
	}
}

// A new workspace is made with 64 KB pages and the WAL journal.
func TestNewWorkspacePages(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "kpi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var size int
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_size").Scan(&size); err != nil || size != pageSize {
		t.Errorf("page size %d, %v", size, err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q, %v", mode, err)
	}
}

// parseValue reads every value as strconv.ParseFloat does, bit for bit
// (its whole-number path included), and refuses what it refuses.
func TestParseValue(t *testing.T) {
	for _, s := range []string{"0", "-0", "7", "007", "-42", "80987", "999999999999999", "-999999999999999", "1000000000000000",
		"9007199254740993", "12345678901234567890", "2125.68", "1e+06", "-1.5e-07", "0.1", "", "-", "--1", "1-", "1 ", "abc", "NaN", "Inf", "+5", "0x10", "1_000"} {
		want, werr := strconv.ParseFloat(s, 64)
		got, gerr := parseValue(s)
		if (werr != nil) != (gerr != nil) || (werr == nil && math.Float64bits(got) != math.Float64bits(want)) {
			t.Errorf("%q: %v (%v), want %v (%v)", s, got, gerr, want, werr)
		}
	}
}
