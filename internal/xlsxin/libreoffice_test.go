package xlsxin

import (
	"path/filepath"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/xlsxgrid"
)

// Workbooks saved by LibreOffice Calc (see testdata/libreoffice/make.sh):
// real cached formula values, shared strings, LibreOffice's own styles.
func TestLibreOfficeLong(t *testing.T) {
	c := campaign.Default()
	wb, err := xlsxgrid.Open(filepath.Join("..", "..", "testdata", "libreoffice", "H02_2024-02.xlsx"), xlsxgrid.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ReadReport(wb, c)
	if err != nil {
		t.Fatal(err)
	}
	if b.Layout != LayoutLong || b.Unit.Text != "H02" || b.Unit.Cell != "B4" {
		t.Fatalf("layout %s unit %+v", b.Layout, b.Unit)
	}
	if b.Period.Period != (report.Period{Year: 2024, Month: 2}) || b.Period.Cell != "E4" {
		t.Fatalf("period %+v", b.Period)
	}
	got := values(t, b.Rows[0])
	want := map[string][2]any{
		"bhxh_bb":   {19250.0, nil},
		"bhxh_tn":   {2875.0, nil},
		"bhyt":      {97750.0, nil}, // =E9*34, LibreOffice's cached value
		"bhtn":      {17100.0, nil},
		"thu":       {41000.5, 121000.5},
		"cham_dong": {2.1, nil},
		"hai_long":  {86.5, nil},
	}
	for k, w := range want {
		if g := got[k]; g[0] == nil || abs(g[0].(float64)-w[0].(float64)) > 1e-9 || g[1] != w[1] {
			t.Errorf("%s = %v, want %v", k, g, w)
		}
	}
}

func TestLibreOfficeWide(t *testing.T) {
	c := campaign.Default()
	wb, err := xlsxgrid.Open(filepath.Join("..", "..", "testdata", "libreoffice", "tonghop_2024-03.xlsx"), xlsxgrid.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ReadReport(wb, c)
	if err != nil {
		t.Fatal(err)
	}
	if b.Layout != LayoutWide || b.Period.Period != (report.Period{Year: 2024, Month: 3}) || len(b.Rows) != 2 {
		t.Fatalf("book %+v rows %d", b, len(b.Rows))
	}
	h1, h2 := values(t, b.Rows[0]), values(t, b.Rows[1])
	if h1["thu"] != [2]any{43000.0, 124000.0} || h2["thu"] != [2]any{42000.0, 163000.5} {
		t.Errorf("thu: %v %v", h1["thu"], h2["thu"])
	}
	if h1["cham_dong"] != [2]any{2.0, nil} || abs(h2["cham_dong"][0].(float64)-1.9) > 1e-9 || abs(h1["hai_long"][0].(float64)-90) > 1e-9 {
		t.Errorf("rates: %v %v %v", h1["cham_dong"], h2["cham_dong"], h1["hai_long"])
	}
}

// A LibreOffice-saved report with a two-row header, a date cell for the
// period, an instruction sheet first and text numbers in both styles.
func TestLibreOfficeTwoRowHeader(t *testing.T) {
	c := campaign.Default()
	wb, err := xlsxgrid.Open(filepath.Join("..", "..", "testdata", "libreoffice", "H03_2024-04.xlsx"), xlsxgrid.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ReadReport(wb, c)
	if err != nil {
		t.Fatal(err)
	}
	if b.Sheet != "BaoCao" || b.Unit.Text != "H03" || b.Period.Period != (report.Period{Year: 2024, Month: 4}) {
		t.Fatalf("sheet %s unit %+v period %+v", b.Sheet, b.Unit, b.Period)
	}
	got := values(t, b.Rows[0])
	want := map[string][2]any{
		"bhxh_bb": {20150.0, nil}, "bhxh_tn": {3010.0, nil}, "bhyt": {101200.0, nil}, "bhtn": {18100.0, nil},
		"thu": {42000.25, 162000.25}, "hai_long": {88.5, nil},
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %v, want %v", k, got[k], w)
		}
	}
	if cd := got["cham_dong"]; cd[0] == nil || abs(cd[0].(float64)-1.95) > 1e-9 {
		t.Errorf("cham_dong = %v", cd)
	}
	if len(b.Warnings) != 0 {
		t.Errorf("warnings: %v", b.Warnings)
	}
}
