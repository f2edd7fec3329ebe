package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/xlsxin/badfiles"
)

// workspaceFile makes a closed workspace file with a campaign, units and
// a few imports.
func workspaceFile(t *testing.T, dir string) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(dir, "kpi.db")
	s, err := OpenSQLite(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetCampaign(ctx, campaign.Default()); err != nil {
		t.Fatal(err)
	}
	var units []campaign.Unit
	for i := 0; i < 50; i++ {
		code := fmt.Sprintf("H%02d", i)
		units = append(units, campaign.Unit{Code: code, Name: "Huyện " + code, Cluster: "Cụm 1"})
	}
	if err := s.SaveUnits(ctx, units); err != nil {
		t.Fatal(err)
	}
	for m := 1; m <= 3; m++ {
		var reports []report.Report
		for _, u := range units {
			v := float64(m * 100)
			reports = append(reports, report.Report{Unit: u.Code, Period: report.Period{Year: 2024, Month: m},
				Values: []report.Value{{KPI: "bhyt", Month: &v, MonthCell: "S!B2"}}})
		}
		if _, _, err := s.SaveImport(ctx, ImportRecord{File: fmt.Sprintf("m%d.xlsx", m), SHA256: fmt.Sprint(m), Period: reports[0].Period.String()}, reports, false); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// A workspace whose pages are damaged opens (its header and schema are
// intact) but fails the quick check that imports run first, and cannot be
// backed up: the error names the source and no file is left behind.
func TestDamagedWorkspace(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := workspaceFile(t, dir)
	s, err := OpenSQLite(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.QuickCheck(ctx); err != nil {
		t.Fatalf("a good workspace fails the quick check: %v", err)
	}
	s.Close()
	if err := badfiles.DamageRows(path); err != nil {
		t.Fatal(err)
	}
	s, err = OpenSQLite(ctx, path, false)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()
	err = s.QuickCheck(ctx)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), path+" bị hỏng") || !strings.Contains(err.Error(), "kpi check") {
		t.Fatalf("quick check = %v", err)
	}
	dst := filepath.Join(dir, "saoluu.db")
	err = s.Backup(ctx, dst)
	if err == nil || !strings.Contains(err.Error(), "không sao lưu được "+path+": tệp bị hỏng") {
		t.Fatalf("backup = %v", err)
	}
	for _, p := range []string{dst, dst + "-journal", dst + "-wal"} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left behind (%v)", filepath.Base(p), err)
		}
	}
	if problems, err := s.Check(ctx); err == nil && len(problems) == 0 {
		t.Error("kpi check finds nothing wrong")
	}
}

// KeepCopy copies byte for byte what it cannot open: a damaged header, a
// newer schema, an empty file; and a workspace's write-ahead log with it.
func TestKeepCopy(t *testing.T) {
	dir := t.TempDir()
	for name, damage := range map[string]func(string) error{
		"header": badfiles.DamageHeader,
		"newer":  func(p string) error { return badfiles.NewerSchema(p, 999) },
		"empty":  func(p string) error { return os.WriteFile(p, nil, 0o644) },
	} {
		path := workspaceFile(t, t.TempDir())
		if err := damage(path); err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(path)
		bak := filepath.Join(dir, name+".bak")
		if err := KeepCopy(path, bak); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if after, _ := os.ReadFile(bak); !bytes.Equal(after, before) {
			t.Errorf("%s: the copy differs (%d bytes, want %d)", name, len(after), len(before))
		}
		if err := KeepCopy(path, bak); err == nil {
			t.Errorf("%s: an existing copy was overwritten", name)
		}
		if err := RemoveFile(path); err != nil {
			t.Fatal(err)
		}
	}

	// a workspace still open, with its last import in the write-ahead log
	ctx := context.Background()
	path := workspaceFile(t, t.TempDir())
	s, err := OpenSQLite(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SaveUnits(ctx, []campaign.Unit{{Code: "WAL", Name: "in the log only"}}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path + "-wal"); err != nil || info.Size() == 0 {
		t.Fatalf("no write-ahead log to copy: %v", err)
	}
	bak := filepath.Join(dir, "open.bak")
	if err := KeepCopy(path, bak); err != nil {
		t.Fatal(err)
	}
	c, err := OpenSQLite(ctx, bak, false)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	units, err := c.UnitNames(ctx)
	found := false
	for _, u := range units {
		found = found || u.Code == "WAL"
	}
	if err != nil || len(units) != 51 || !found {
		t.Fatalf("copy has %d units (%v), want the one in the log too", len(units), err)
	}
}

// Text is stored valid UTF-8 without NUL, whatever a workbook or a file
// name held: unit names and clusters, file, sheet, warnings, cells — on
// every backend, by the general and the one-report paths.
func TestTextStoredValid(t *testing.T) {
	ctx := context.Background()
	bad := "Huy\xe7n \xff\x00 \x1b[2J"
	want := "Huy\uFFFDn \uFFFD\uFFFD \x1b[2J" // control characters are text: kept, shown escaped
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 2)
		if err := s.SaveUnits(ctx, []campaign.Unit{{Code: "H01", Name: bad, Cluster: bad}}); err != nil {
			t.Fatal(err)
		}
		units, err := s.UnitNames(ctx)
		if err != nil || units[0].Name != want || units[0].Cluster != want {
			t.Fatalf("units = %+q, %v", fmt.Sprint(units), err)
		}
		r := rec("b\xffo c\xe1o.xlsx", "sha-bad")
		r.Sheet, r.Warnings = bad, []string{bad}
		v := 1.0
		one := []report.Report{{Unit: "H01", Period: report.Period{Year: 2024, Month: 3},
			Values: []report.Value{{KPI: "thu", Month: &v, MonthCell: bad + "!B2"}}}}
		if _, _, err := s.SaveImport(ctx, r, one, false); err != nil {
			t.Fatal(err)
		}
		r.SHA256 = "sha-bad-2"
		two := append(one, rep("H02", 3, 2))
		if _, _, err := s.SaveImport(ctx, r, two, false); err != nil {
			t.Fatal(err)
		}
		hist, err := s.Imports(ctx)
		if err != nil || len(hist) != 2 {
			t.Fatalf("history = %+v, %v", hist, err)
		}
		for _, h := range hist {
			if h.File != "b\uFFFDo c\uFFFDo.xlsx" || h.Sheet != want || h.Warnings[0] != want {
				t.Errorf("import #%d: file %q sheet %q warnings %q", h.ID, h.File, h.Sheet, h.Warnings)
			}
		}
		reps, err := s.Reports(ctx, 2024, "H01", "")
		if err != nil || len(reps) != 1 || len(reps[0].Values) != 1 || !utf8.ValidString(reps[0].Values[0].MonthCell) {
			t.Fatalf("reports = %+v, %v", reps, err)
		}
	})
}

// A SQLite workspace that an older kpi filled with bytes that are not
// UTF-8 and with NULs migrates to PostgreSQL, and the copy verifies.
func TestMigrateInvalidText(t *testing.T) {
	url := os.Getenv("KPI_TEST_POSTGRES")
	if url == "" {
		t.Skip("KPI_TEST_POSTGRES not set")
	}
	ctx := context.Background()
	src, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "old.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	seed(t, src, 2)
	if _, _, err := src.SaveImport(ctx, rec("a.xlsx", "sha-a"), []report.Report{rep("H01", 3, 10), rep("H02", 3, 20)}, false); err != nil {
		t.Fatal(err)
	}
	// what an older kpi wrote, bypassing the write path
	for _, q := range []string{
		"UPDATE units SET name = CAST(X'4875799E6E00' AS TEXT), cluster = CAST(X'43FF' AS TEXT) WHERE code = 'H01'",
		"UPDATE imports SET file = CAST(X'62FF2E786C7378' AS TEXT), sheet = CAST(X'5300' AS TEXT), warnings = '[\"\\u0000\"]'",
	} {
		if _, err := src.db.ExecContext(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	if err := DropWorkspace(ctx, url); err != nil {
		t.Fatal(err)
	}
	dst, err := OpenPostgres(ctx, url, true)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if err := src.CopyTo(ctx, dst); err != nil {
		t.Fatalf("copy: %v", err)
	}
	a, err := src.Summarise(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := dst.Summarise(ctx)
	if err != nil || a.Checksum != b.Checksum || fmt.Sprint(a.Counts) != fmt.Sprint(b.Counts) {
		t.Fatalf("summaries differ: %+v %+v %v", a, b, err)
	}
	units, err := dst.UnitNames(ctx)
	if err != nil || units[0].Name != "Huy\uFFFDn\uFFFD" || units[0].Cluster != "C\uFFFD" {
		t.Fatalf("units = %+q, %v", fmt.Sprint(units), err)
	}
}
