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
