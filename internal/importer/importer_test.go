package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/store"
	"github.com/bhxh/kpi/internal/xlsxspec"
)

func setup(t *testing.T) (*Importer, string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.OpenSQLite(ctx, filepath.Join(dir, "kpi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SetCampaign(ctx, campaign.Default()); err != nil {
		t.Fatal(err)
	}
	var units []campaign.Unit
	for _, code := range []string{"H01", "H02", "H10"} {
		units = append(units, campaign.Unit{Code: code, Name: "BHXH " + code, Targets: map[string]float64{}, Baselines: map[string]float64{}})
	}
	units[0].Name = "BHXH huyện Duy Tiên"
	if err := st.SaveUnits(ctx, units); err != nil {
		t.Fatal(err)
	}
	im, err := New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	return im, dir
}

func write(t *testing.T, dir, name, spec string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := xlsxspec.WriteFile(p, spec); err != nil {
		t.Fatal(err)
	}
	return p
}

const longHead = "row 5: Mã chỉ tiêu | Thực hiện trong tháng | Lũy kế\n"

func TestResolveUnitAndPeriod(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, file, spec string
		opts             Options
		wantUnit         string
		wantPeriod       string
		wantErr          string
	}{
		{"from the workbook", "a.xlsx", "row 1: Mã đơn vị: H01\nrow 2: Kỳ báo cáo: 03/2024\n" + longHead + "row 6: thu | 5", Options{}, "H01", "2024-03", ""},
		{"code label wins over a name label", "a.xlsx", "row 1: Đơn vị: Bảo hiểm xã hội huyện Duy Tiên, tỉnh Hà Nam\nrow 2: Mã ĐV: H02\nrow 3: Kỳ báo cáo: 03/2024\n" + longHead + "row 6: thu | 5", Options{}, "H02", "2024-03", ""},
		{"unit by name", "a.xlsx", "row 1: Đơn vị: BHXH HUYỆN DUY TIÊN\nrow 2: Kỳ báo cáo: 03/2024\n" + longHead + "row 6: thu | 5", Options{}, "H01", "2024-03", ""},
		{"from the file name", "h02_2024-04.xlsx", longHead + "row 6: thu | 5", Options{}, "H02", "2024-04", ""},
		{"from the flags", "baocao.xlsx", longHead + "row 6: thu | 5", Options{Unit: "H10", Period: report.Period{Year: 2024, Month: 5}}, "H10", "2024-05", ""},
		{"flag contradicts workbook", "a.xlsx", "row 1: Mã đơn vị: H01\nrow 2: Kỳ báo cáo: 03/2024\n" + longHead + "row 6: thu | 5", Options{Period: report.Period{Year: 2024, Month: 4}}, "", "", "a.xlsx › Sheet1!A2: --period 2024-04 mâu thuẫn với kỳ báo cáo 2024-03 ghi trong tệp"},
		{"unit flag contradicts workbook", "a.xlsx", "row 1: Mã đơn vị: H01\nrow 2: Kỳ báo cáo: 03/2024\n" + longHead + "row 6: thu | 5", Options{Unit: "H02"}, "", "", "--unit H02 mâu thuẫn với đơn vị H01"},
		{"unknown unit, did you mean", "a.xlsx", "row 1: Mã đơn vị: H1O\nrow 2: Kỳ báo cáo: 03/2024\n" + longHead + "row 6: thu | 5", Options{}, "", "", "a.xlsx › Sheet1!A1: mã đơn vị 'H1O' không có trong danh sách đơn vị (có phải H10?)"},
		{"period outside the year", "a.xlsx", "row 1: Mã đơn vị: H01\nrow 2: Kỳ báo cáo: 12/2023\n" + longHead + "row 6: thu | 5", Options{}, "", "", "Sheet1!A2: kỳ báo cáo 2023-12 nằm ngoài năm thi đua 2024"},
		{"no period anywhere", "a.xlsx", "row 1: Mã đơn vị: H01\n" + longHead + "row 6: thu | 5", Options{}, "", "", "không xác định được kỳ báo cáo"},
		{"no unit anywhere", "a.xlsx", "row 1: Kỳ báo cáo: 03/2024\n" + longHead + "row 6: thu | 5", Options{}, "", "", "không xác định được đơn vị"},
		{"no values", "a.xlsx", "row 1: Mã đơn vị: H01\nrow 2: Kỳ báo cáo: 03/2024\n" + longHead + "row 6: thu | -", Options{}, "", "", "báo cáo không có số liệu chỉ tiêu nào"},
		{"wide, unknown unit", "w.xlsx", "row 1: Kỳ báo cáo: 03/2024\nrow 2: Mã ĐV | thu\nrow 3: H01 | 5\nrow 4: X99 | 6", Options{}, "", "", "w.xlsx › Sheet1!A4: mã đơn vị 'X99' không có trong danh sách đơn vị"},
		{"wide, one unit by flag", "w.xlsx", "row 1: Kỳ báo cáo: 03/2024\nrow 2: Mã ĐV | thu\nrow 3: H01 | 5\nrow 4: H02 | 6", Options{Unit: "h02"}, "H02", "2024-03", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			im, dir := setup(t)
			path := write(t, dir, tc.file, tc.spec)
			res := im.ImportFile(ctx, path, Options{DryRun: true, Unit: tc.opts.Unit, Period: tc.opts.Period})
			if tc.wantErr != "" {
				if res.Status != Failed || !strings.Contains(res.Err.Error(), tc.wantErr) {
					t.Fatalf("status %s err %v, want %q", res.Status, res.Err, tc.wantErr)
				}
				return
			}
			if res.Status != Checked {
				t.Fatalf("status %s err %v", res.Status, res.Err)
			}
			if strings.Join(res.Units, ",") != tc.wantUnit || res.Period.String() != tc.wantPeriod {
				t.Fatalf("units %v period %s", res.Units, res.Period)
			}
		})
	}
}

func TestYTDWarnings(t *testing.T) {
	ctx := context.Background()
	im, dir := setup(t)
	month := func(m int, thu, ytd string) string {
		return "row 1: Mã đơn vị: H01\nrow 2: Kỳ báo cáo: " + m2(m) + "/2024\n" + longHead + "row 6: thu | " + thu + " | " + ytd
	}
	for i, spec := range []string{month(1, "100", "100"), month(2, "100", "200")} {
		r := im.ImportFile(ctx, write(t, dir, "m"+m2(i+1)+".xlsx", spec), Options{})
		if r.Status != Imported {
			t.Fatalf("month %d: %s %v", i+1, r.Status, r.Err)
		}
	}
	// March: YTD 150 is below February's 200, and far from 100+100+100
	r := im.ImportFile(ctx, write(t, dir, "m03.xlsx", month(3, "100", "150")), Options{})
	w := strings.Join(r.Warnings, "\n")
	if !strings.Contains(w, "m03.xlsx › Sheet1!C6: lũy kế thu của H01 (150) thấp hơn lũy kế kỳ 2024-02 (200)") {
		t.Errorf("no lower-YTD warning in %q", w)
	}
	if !strings.Contains(w, "m03.xlsx › Sheet1!C6: lũy kế thu của H01 (150) lệch -50% so với tổng số trong các tháng (300)") {
		t.Errorf("no sum warning in %q", w)
	}
	if !strings.Contains(w, "H01 2024-03 thiếu chỉ tiêu bhxh_bb") {
		t.Errorf("no missing-KPI warning in %q", w)
	}
	// within 0.5 %: no warning
	r = im.ImportFile(ctx, write(t, dir, "m03b.xlsx", month(3, "100", "301")), Options{})
	if strings.Contains(strings.Join(r.Warnings, "\n"), "lệch") || r.Status != Replaced {
		t.Errorf("status %s warnings %q", r.Status, r.Warnings)
	}
}

func m2(m int) string {
	return string([]byte{byte('0' + m/10), byte('0' + m%10)})
}

func TestCollectFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.xlsx", "a.XLSX", "~$a.xlsx", ".hidden.xlsx", "notes.txt", "m.xlsm", ".git/x.xlsx", "sub/c.xlsx"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	got, err := CollectFiles([]string{dir, filepath.Join(dir, "b.xlsx")})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range got {
		rel, _ := filepath.Rel(dir, g)
		names = append(names, rel)
	}
	if strings.Join(names, " ") != "a.XLSX b.xlsx m.xlsm sub/c.xlsx" {
		t.Fatalf("files = %v", names)
	}
	if _, err := CollectFiles([]string{filepath.Join(dir, "nope")}); err == nil {
		t.Fatal("missing path accepted")
	}
}
