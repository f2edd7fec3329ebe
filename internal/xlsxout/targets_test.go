package xlsxout

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/view"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/bhxh/kpi/internal/xlsxin"
)

// A filled targets form reads back with the values written.
func TestTargetsTemplateRoundTrip(t *testing.T) {
	c := campaign.Default()
	units := []campaign.Unit{
		{Code: "001", Name: "BHXH huyện A", Cluster: "Cụm 1",
			Targets:   map[string]float64{"thu": 123456.5, "hai_long": 85, "bhyt": 1000},
			Baselines: map[string]float64{"thu": 100000, "cham_dong": 2.25}},
		{Code: "H02", Name: "=BHXH B", Cluster: "Cụm 2", Targets: map[string]float64{}, Baselines: map[string]float64{}},
	}
	path := filepath.Join(t.TempDir(), "t.xlsx")
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteTargetsTemplate(fh, c, units, view.NewDocument(map[string]string{"organisation": "BẢO HIỂM XÃ HỘI TỈNH HÀ NAM"}, c, time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), "vi")); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	wb, err := xlsxgrid.Open(path, xlsxgrid.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := xlsxin.ReadTargets(wb, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Ignored) != 1 || len(got.Units) != 2 {
		t.Fatalf("ignored %v (want only STT), %d units", got.Ignored, len(got.Units))
	}
	u := got.Units[0]
	if u.Code != "001" || u.Targets["thu"] != 123456.5 || u.Targets["hai_long"] != 85 || u.Baselines["cham_dong"] != 2.25 || len(u.Targets) != 3 || len(u.Baselines) != 2 {
		t.Errorf("unit = %+v", u)
	}
	if got.Units[1].Name != "=BHXH B" {
		t.Errorf("name written as formula? %q", got.Units[1].Name)
	}
}
