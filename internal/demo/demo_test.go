package demo

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/bhxh/kpi/internal/xlsxin"
)

// The sample workbooks, messy or not, read back as the figures generated.
func TestWorkbooksReadBack(t *testing.T) {
	c := campaign.Default()
	p := New(c, 12, 3, 7)
	dir := t.TempDir()
	u := p.Units[6]
	for _, st := range []LongStyle{{}, {Messy: true}} {
		path := filepath.Join(dir, "long.xlsx")
		if err := WriteLong(path, c, p, u, 3, st); err != nil {
			t.Fatal(err)
		}
		wb, err := xlsxgrid.Open(path, xlsxgrid.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := xlsxin.ReadReport(wb, c)
		if err != nil {
			t.Fatal(err)
		}
		if b.Rows[0].Unit != u.Code || b.Period.Period.Month != 3 || len(b.Warnings) != 0 {
			t.Fatalf("messy=%v: unit %q period %v warnings %v", st.Messy, b.Rows[0].Unit, b.Period.Period, b.Warnings)
		}
		checkFigures(t, c, b.Rows[0], p.Actual[u.Code][2])
	}
	path := filepath.Join(dir, "wide.xlsx")
	if err := WriteWide(path, c, p, 2); err != nil {
		t.Fatal(err)
	}
	wb, err := xlsxgrid.Open(path, xlsxgrid.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := xlsxin.ReadReport(wb, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != 12 {
		t.Fatalf("%d rows", len(b.Rows))
	}
	for i, row := range b.Rows {
		checkFigures(t, c, row, p.Actual[p.Units[i].Code][1])
	}

	tp := filepath.Join(dir, "targets.xlsx")
	if err := WriteTargets(tp, c, p); err != nil {
		t.Fatal(err)
	}
	wb, err = xlsxgrid.Open(tp, xlsxgrid.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	tg, err := xlsxin.ReadTargets(wb, c)
	if err != nil {
		t.Fatal(err)
	}
	for i, got := range tg.Units {
		want := p.Units[i]
		for k, v := range want.Targets {
			if math.Abs(got.Targets[k]-v) > 1e-9 {
				t.Errorf("%s target %s = %v want %v", want.Code, k, got.Targets[k], v)
			}
		}
		for k, v := range want.Baselines {
			if math.Abs(got.Baselines[k]-v) > 1e-9 {
				t.Errorf("%s baseline %s = %v want %v", want.Code, k, got.Baselines[k], v)
			}
		}
	}
}

func checkFigures(t *testing.T, c *campaign.Campaign, row xlsxin.UnitRow, want map[string]Figure) {
	t.Helper()
	if len(row.Values) != len(c.KPIs) {
		t.Fatalf("%s: %d values", row.Unit, len(row.Values))
	}
	for _, v := range row.Values {
		w := want[v.KPI]
		if v.Month == nil || math.Abs(*v.Month-w.Month) > 1e-9 {
			t.Errorf("%s %s month = %v, want %v", row.Unit, v.KPI, v.Month, w.Month)
		}
		k, _ := c.KPI(v.KPI)
		if k.Kind == campaign.Flow && (v.YTD == nil || math.Abs(*v.YTD-w.YTD) > 1e-9) {
			t.Errorf("%s %s ytd = %v, want %v", row.Unit, v.KPI, v.YTD, w.YTD)
		}
	}
}
