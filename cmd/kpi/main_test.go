package main

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bhxh/kpi/internal/cli"
	"github.com/bhxh/kpi/internal/xlsxin/badfiles"
	"github.com/bhxh/kpi/internal/xlsxspec"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"kpi": func() { os.Exit(cli.Main(os.Args[1:], cli.SystemIO())) },
	})
}

// TestScripts runs testdata/script/*.txtar: kpi as a user types it.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("..", "..", "testdata", "script"),
		// KPI_UPDATE_SCRIPTS=1 rewrites the files a failing cmp compares
		// with (review the diff before committing it)
		UpdateScripts: os.Getenv("KPI_UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			env.Setenv("COLUMNS", "250") // wide tables whole; narrow.txtar sets 80
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mkxlsx":   cmdMkxlsx,
			"mkbad":    cmdMkbad,
			"mkforms":  cmdMkforms,
			"xlsxdump": cmdXlsxdump,
			"damagedb": cmdDamagedb,
			"cmpbak":   cmdCmpbak,
			"mkbytes":  cmdMkbytes,
			"fits":     cmdFits,
		},
	})
}

// TestScriptsPostgres runs the scripts for import, targets, scoring,
// hostile files, hostile text, the rulebook and the council's meeting again
// with the workspace on PostgreSQL (each script gets a database of its own),
// and the PostgreSQL-only ones, when KPI_TEST_POSTGRES names a database
// (.ci/run starts a server).
func TestScriptsPostgres(t *testing.T) {
	admin := os.Getenv("KPI_TEST_POSTGRES")
	if admin == "" {
		t.Skip("KPI_TEST_POSTGRES not set")
	}
	dir := filepath.Join("..", "..", "testdata", "script")
	var files []string
	for _, name := range []string{"import", "targets", "scoring", "hostile", "hostile-text", "rulebook", "council"} {
		files = append(files, filepath.Join(dir, name+".txtar"))
	}
	only, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "script-postgres", "*.txtar"))
	files = append(files, only...)
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() }) // the scripts run in parallel, after Run returns
	var n atomic.Int64
	testscript.Run(t, testscript.Params{
		Files: files,
		Setup: func(env *testscript.Env) error {
			name := fmt.Sprintf("kpi_script_%d_%d", os.Getpid(), n.Add(1))
			if _, err := db.Exec("DROP DATABASE IF EXISTS " + name); err != nil {
				return err
			}
			if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
				return err
			}
			env.Defer(func() { db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") })
			u, err := url.Parse(admin)
			if err != nil {
				return err
			}
			u.Path = "/" + name
			env.Setenv("KPI_DB", u.String())
			env.Setenv("NO_COLOR", "1")
			env.Setenv("COLUMNS", "250")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mkxlsx":   cmdMkxlsx,
			"xlsxdump": cmdXlsxdump,
			"mkbad":    cmdMkbad,
			"mkbytes":  cmdMkbytes,
		},
	})
}

// fits N FILE fails when a line of FILE (stdout, stderr or a file) is
// wider than N columns on a terminal, naming the widest.
func cmdFits(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: fits N stdout|stderr|file")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("fits: %v", err)
	}
	text := ts.ReadFile(args[1])
	widest, line := 0, ""
	for _, l := range strings.Split(text, "\n") {
		if w := twwidth.Width(l); w > widest {
			widest, line = w, l
		}
	}
	if neg != (widest > n) {
		if neg {
			ts.Fatalf("every line fits %d columns", n)
		}
		ts.Fatalf("a line is %d columns wide (> %d):\n%s", widest, n, line)
	}
}

// mkxlsx OUT.xlsx SPEC.txt builds a workbook from an xlsxspec text file.
func cmdMkxlsx(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: mkxlsx out.xlsx spec.txt")
	}
	err := xlsxspec.WriteFile(ts.MkAbs(args[0]), ts.ReadFile(args[1]))
	if neg != (err != nil) {
		ts.Fatalf("mkxlsx: %v", err)
	}
}

// mkforms DIR writes the official-style reports of xlsxspec.Forms into DIR.
func cmdMkforms(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: mkforms dir")
	}
	dir := ts.MkAbs(args[0])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		ts.Fatalf("mkforms: %v", err)
	}
	for _, f := range xlsxspec.Forms {
		if err := xlsxspec.WriteFile(filepath.Join(dir, f.Name), f.Spec); err != nil {
			ts.Fatalf("mkforms %s: %v", f.Name, err)
		}
	}
}

// mkbad DIR writes the broken and hostile files of internal/xlsxin/badfiles
// into DIR (made by code: some are large by design).
func cmdMkbad(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: mkbad dir")
	}
	dir := ts.MkAbs(args[0])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		ts.Fatalf("mkbad: %v", err)
	}
	if _, err := badfiles.Make(dir); err != nil {
		ts.Fatalf("mkbad: %v", err)
	}
}

// mkbytes OUT.xlsx SPEC.txt builds a workbook like mkxlsx, with each \xHH
// of the spec written as the raw byte HH (see badfiles.WithBytes).
func cmdMkbytes(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: mkbytes out.xlsx spec.txt")
	}
	data, err := badfiles.WithBytes(ts.ReadFile(args[1]))
	if err != nil {
		ts.Fatalf("mkbytes: %v", err)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}

// damagedb FILE header|newer|rows damages a closed workspace file the
// way internal/xlsxin/badfiles says: its header, its schema version (as a
// newer kpi would), or its last page of table rows.
func cmdDamagedb(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: damagedb file header|newer|rows")
	}
	path := ts.MkAbs(args[0])
	var err error
	switch args[1] {
	case "header":
		err = badfiles.DamageHeader(path)
	case "newer":
		err = badfiles.NewerSchema(path, 999)
	case "rows":
		err = badfiles.DamageRows(path)
	default:
		ts.Fatalf("damagedb: unknown damage %q", args[1])
	}
	if err != nil {
		ts.Fatalf("damagedb: %v", err)
	}
}

// cmpbak ORIG WORKSPACE checks that exactly one copy WORKSPACE.*.bak
// exists (kpi init --force names it by the time) and that it holds ORIG's
// bytes.
func cmdCmpbak(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmpbak orig workspace")
	}
	baks, _ := filepath.Glob(ts.MkAbs(args[1]) + ".*.bak")
	if len(baks) != 1 {
		ts.Fatalf("cmpbak: %d copies of %s, want 1", len(baks), args[1])
	}
	want, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	got, err := os.ReadFile(baks[0])
	ts.Check(err)
	if same := string(got) == string(want); same == neg {
		ts.Fatalf("cmpbak: %s and %s: same bytes %v (%d and %d bytes)", filepath.Base(baks[0]), args[0], same, len(got), len(want))
	}
}

// xlsxdump BOOK.xlsx [SHEET] prints every non-empty cell as "Sheet!A1 = value"
// with the raw (unformatted) value.
func cmdXlsxdump(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 {
		ts.Fatalf("usage: xlsxdump book.xlsx [sheet]")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	if err != nil {
		ts.Fatalf("xlsxdump: %v", err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		if len(args) > 1 && sh != args[1] {
			continue
		}
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			ts.Fatalf("xlsxdump: %v", err)
		}
		var lines []string
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				lines = append(lines, fmt.Sprintf("%s!%s = %s", sh, ref, v))
			}
		}
		b.WriteString(strings.Join(lines, "\n"))
		b.WriteString("\n")
	}
	ts.Stdout().Write([]byte(b.String()))
}
