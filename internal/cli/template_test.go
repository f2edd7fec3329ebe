package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/store"
	"github.com/bhxh/kpi/internal/xlsxout"
	"github.com/xuri/excelize/v2"
)

// A report form filled in imports without a warning and gives the values
// written.
func TestReportTemplateRoundTrip(t *testing.T) {
	demoDB := demoWorkspace(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "fresh.db") // the demo's units, no reports yet
	if code, _, stderr := run(t, "--db", db, "init"); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := run(t, "--db", db, "targets", "import", filepath.Join(filepath.Dir(demoDB), "chitieu-2024.xlsx")); code != 0 {
		t.Fatal(stderr)
	}
	dir = filepath.Join(dir, "forms")
	if code, _, stderr := run(t, "--db", db, "template", "report", "--all-units", "--period", "2024-03", "-o", dir); code != 0 {
		t.Fatal(stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 12 || entries[0].Name() != "H01_2024-03.xlsx" {
		t.Fatalf("files = %v", entries)
	}
	path := filepath.Join(dir, "H05_2024-03.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	values := []float64{30123, 4321, 150250, 26001, 61234.5, 1.75, 88.5}
	for i, v := range values {
		if err := f.SetCellValue(xlsxout.ReportSheet, xlsxout.ReportCell(i, false), v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellValue(xlsxout.ReportSheet, xlsxout.ReportCell(4, true), 180000.25); err != nil {
		t.Fatal(err)
	}
	// the form protects its labels and validates its inputs
	dvs, _ := f.GetDataValidations(xlsxout.ReportSheet)
	if len(dvs) != 8 {
		t.Errorf("%d data validations, want 7 months + 1 YTD", len(dvs))
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, stdout, stderr := run(t, "--db", db, "import", path)
	if code != 0 {
		t.Fatalf("import: %s %s", stdout, stderr)
	}
	if !strings.Contains(stdout, "H05_2024-03.xlsx") || !strings.Contains(stdout, "H05 tháng 3/2024, bảng dọc (BaoCao), 7 giá trị, 0 cảnh báo") || stderr != "" {
		t.Fatalf("import output: %q, stderr %q", stdout, stderr)
	}
	st, err := store.OpenSQLite(context.Background(), db, false)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	obs, err := st.Observations(context.Background(), 2024, "H05")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]float64{}
	for _, o := range obs {
		if o.Period.Month != 3 {
			continue
		}
		var m, y float64
		if o.Month != nil {
			m = *o.Month
		}
		if o.YTD != nil {
			y = *o.YTD
		}
		got[o.KPI] = [2]float64{m, y}
	}
	want := map[string][2]float64{"bhxh_bb": {30123, 0}, "bhxh_tn": {4321, 0}, "bhyt": {150250, 0}, "bhtn": {26001, 0},
		"thu": {61234.5, 180000.25}, "cham_dong": {1.75, 0}, "hai_long": {88.5, 0}}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %v, want %v", k, got[k], w)
		}
	}
}
