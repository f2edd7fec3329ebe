package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
)

func TestSQLiteRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kpi.db")
	if _, err := OpenSQLite(ctx, path, false); !errors.Is(err, ErrNoWorkspace) {
		t.Fatalf("open missing = %v", err)
	}
	s, err := OpenSQLite(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Campaign(ctx); !errors.Is(err, ErrNoCampaign) {
		t.Fatalf("campaign = %v", err)
	}
	if err := s.SetCampaign(ctx, campaign.Default()); err != nil {
		t.Fatal(err)
	}
	c, err := s.Campaign(ctx)
	if err != nil || c.Code != "bhxh-2024" || len(c.KPIs) != 7 {
		t.Fatalf("campaign = %+v, %v", c, err)
	}
	units := []campaign.Unit{
		{Code: "H02", Name: "B", Cluster: "Cụm 1", Targets: map[string]float64{"thu": 12.5}, Baselines: map[string]float64{"thu": 10}},
		{Code: "H01", Name: "A", Cluster: "Cụm 2", Targets: map[string]float64{}, Baselines: map[string]float64{}},
	}
	if err := s.SaveUnits(ctx, units); err != nil {
		t.Fatal(err)
	}
	// re-save with H01 only: H02 is kept, after H01
	if err := s.SaveUnits(ctx, []campaign.Unit{{Code: "H01", Name: "A2", Targets: map[string]float64{"bhyt": 3}}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Code != "H01" || got[0].Name != "A2" || got[0].Targets["bhyt"] != 3 || got[1].Targets["thu"] != 12.5 || got[1].Baselines["thu"] != 10 {
		t.Fatalf("units = %+v", got)
	}
	s.Close()
}

func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kpi.db")
	s, err := OpenSQLite(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = OpenSQLite(ctx, path, false)
	if err == nil || !strings.Contains(err.Error(), "newer kpi") {
		t.Fatalf("err = %v", err)
	}
}

// A full disk fails the import with a clear message and changes nothing.
func TestDiskFullChangesNothing(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "kpi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetCampaign(ctx, campaign.Default()); err != nil {
		t.Fatal(err)
	}
	var units []campaign.Unit
	var reports []report.Report
	for i := 0; i < 2000; i++ {
		code := fmt.Sprintf("U%04d", i)
		units = append(units, campaign.Unit{Code: code, Name: code})
		v := float64(i)
		reports = append(reports, report.Report{Unit: code, Period: report.Period{Year: 2024, Month: 1},
			Values: []report.Value{{KPI: "bhyt", Month: &v, MonthCell: "S!B2"}, {KPI: "thu", Month: &v, YTD: &v, MonthCell: "S!C2", YTDCell: "S!D2"}}})
	}
	if err := s.SaveUnits(ctx, units); err != nil {
		t.Fatal(err)
	}
	// an import of 250 reports first prepares the cached statements (they
	// are prepared outside the transaction, which the one connection below
	// would not allow)
	if _, _, err := s.SaveImport(ctx, ImportRecord{File: "warm.xlsx", SHA256: "w", Period: "2024-02"}, shift(reports[:250], 2), false); err != nil {
		t.Fatal(err)
	}
	// simulate a full disk: the database may not grow past its size now
	s.db.SetMaxOpenConns(1)
	var pages int
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, fmt.Sprintf("PRAGMA max_page_count = %d", pages+2)); err != nil {
		t.Fatal(err)
	}
	_, _, err = s.SaveImport(ctx, ImportRecord{File: "big.xlsx", SHA256: "x", Period: "2024-01"}, reports, false)
	if err == nil || !strings.Contains(err.Error(), "ổ đĩa đầy") {
		t.Fatalf("err = %v", err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM imports) + (SELECT count(*) FROM reports)").Scan(&n); err != nil || n != 1+250 {
		t.Fatalf("%d rows, want only the first import's (err %v)", n, err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}

// kpi check finds what the invariants forbid.
func TestCheckFindsProblems(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "kpi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.ExecContext(ctx, `INSERT INTO imports (imported_at, file, path, sha256, layout, sheet, period, value_count) VALUES ('t', 'half.xlsx', 'half.xlsx', 'x', 'long', 'S', '2024-01', 0)`); err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check(ctx)
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0].Detail, "half.xlsx") {
		t.Fatalf("problems = %+v, %v", problems, err)
	}
}

func shift(reports []report.Report, month int) []report.Report {
	out := make([]report.Report, len(reports))
	for i, r := range reports {
		r.Period.Month = month
		out[i] = r
	}
	return out
}

// A workspace of schema 3 (values one row per KPI) is carried to schema 4
// (values in the report) with every value exact.
func TestMigrationMovesValues(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range sqliteMigrations[:3] {
		if _, err := raw.Exec(m); err != nil {
			t.Fatal(err)
		}
	}
	v := 0.1 + 0.2 // 0.30000000000000004: must survive exactly
	for _, q := range []string{
		"PRAGMA user_version = 3",
		"INSERT INTO units (code, name, cluster, position) VALUES ('H01', 'A', '', 1)",
		"INSERT INTO imports (imported_at, file, path, sha256, layout, sheet, period, value_count) VALUES ('t', 'f', 'f', 's', 'long', 'S', '2024-03', 2)",
		"INSERT INTO reports (id, import_id, unit_code, period) VALUES (7, 1, 'H01', '2024-03')",
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	if _, err := raw.Exec("INSERT INTO observations VALUES (7, 'thu', ?, ?, 'S!B2', 'S!C2'), (7, 'bhyt', 12, NULL, 'S!B3', '')", v, 1e15+0.5); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	s, err := OpenSQLite(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	obs, err := s.Observations(ctx, 2024, "")
	if err != nil || len(obs) != 2 {
		t.Fatalf("obs = %+v, %v", obs, err)
	}
	got := map[string]report.Observation{}
	for _, o := range obs {
		got[o.KPI] = o
	}
	if *got["thu"].Month != v || *got["thu"].YTD != 1e15+0.5 || *got["bhyt"].Month != 12 || got["bhyt"].YTD != nil {
		t.Fatalf("values changed: %+v %+v", got["thu"], got["bhyt"])
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'observations'").Scan(&n); err != nil || n != 0 {
		t.Fatalf("observations table left: %d %v", n, err)
	}
}

// Storage errors are reworded into what the officer can do.
func TestFriendlyErrors(t *testing.T) {
	for raw, want := range map[string]string{
		"database or disk is full (13)":                    "ổ đĩa đầy",
		"attempt to write a readonly database (8)":         "chỉ đọc (read-only)",
		"unable to open database file: out of memory (14)": "không mở được",
		"file is not a database (26)":                      "hỏng hoặc không phải cơ sở dữ liệu kpi",
	} {
		err := friendly("kpi.db", errors.New(raw))
		if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), raw) {
			t.Errorf("%q → %v", raw, err)
		}
	}
	if friendly("kpi.db", nil) != nil {
		t.Error("nil error changed")
	}
}

// A file that is not a workspace is never made into one by a command that
// only opens it: an empty file, another program's database, a text file.
func TestNotAWorkspace(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	other := filepath.Join(dir, "other.db")
	text := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(text, []byte("không phải cơ sở dữ liệu\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", "file:"+other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("CREATE TABLE contacts (name TEXT)"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	for path, want := range map[string]string{
		empty: "là tệp rỗng (0 byte)", other: "là cơ sở dữ liệu của chương trình khác", text: "không phải cơ sở dữ liệu",
	} {
		before, _ := os.ReadFile(path)
		_, err := OpenSQLite(ctx, path, false)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error = %v, want %q", filepath.Base(path), err, want)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Errorf("%s was changed by opening it", filepath.Base(path))
		}
	}
}
