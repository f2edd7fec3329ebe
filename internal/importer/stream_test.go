package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/store"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/bhxh/kpi/internal/xlsxin/badfiles"
)

// streamUnits is the size of the consolidated sheets of these tests: more
// than one part of rows (xlsxin gives them out 512 at a time).
const streamUnits = 1500

// setupMany is a workspace of streamUnits units U0001…, each with a
// revenue target of 1,000.
func setupMany(t *testing.T) (*Importer, string) {
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
	for i := 1; i <= streamUnits; i++ {
		units = append(units, campaign.Unit{Code: fmt.Sprintf("U%04d", i), Name: fmt.Sprintf("Đơn vị %d", i),
			Targets: map[string]float64{"thu": 1000}, Baselines: map[string]float64{}})
	}
	if err := st.SaveUnits(ctx, units); err != nil {
		t.Fatal(err)
	}
	im, err := New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	return im, dir
}

// wideBook writes a consolidated sheet of every unit's revenue (month and
// year to date) for March; change may alter a row's cells (by unit
// number), after is XML after the rows (merged ranges).
func wideBook(t *testing.T, dir, name string, change func(i int) string, after string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>BÁO CÁO TỔNG HỢP</t></is></c></row>`)
	b.WriteString(`<row r="2"><c r="A2" t="inlineStr"><is><t>Kỳ báo cáo: 03/2024</t></is></c></row>`)
	b.WriteString(`<row r="4"><c r="A4" t="inlineStr"><is><t>Mã ĐV</t></is></c><c r="B4" t="inlineStr"><is><t>Số thu</t></is></c><c r="C4" t="inlineStr"><is><t>Số thu lũy kế</t></is></c></row>`)
	for i := 1; i <= streamUnits; i++ {
		r := i + 4
		cells := fmt.Sprintf(`<c r="A%d" t="inlineStr"><is><t>U%04d</t></is></c><c r="B%d"><v>%d</v></c><c r="C%d"><v>%d</v></c>`, r, i, r, 10+i%50, r, 30+i%50)
		if change != nil {
			if c := change(i); c != "" {
				cells = c
			}
		}
		fmt.Fprintf(&b, `<row r="%d">%s</row>`, r, cells)
	}
	data, err := badfiles.Book(map[string]string{"xl/worksheets/sheet1.xml": badfiles.SheetXML(b.String(), after)})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// streamed and whole options: every file streamed, or none.
var (
	streamAll = Options{Limits: xlsxgrid.Limits{StreamFrom: 1}}
	streamNo  = Options{Limits: xlsxgrid.Limits{StreamFrom: 1 << 40}}
)

// importBoth imports the same files into two workspaces, streamed and
// whole, and holds the results and the reports equal; it returns the
// streamed results and how many files were streamed to their end.
func importBoth(t *testing.T, files func(dir string) []string, opts Options) ([]FileResult, int) {
	t.Helper()
	ctx := context.Background()
	streamed := 0
	run := func(o Options) ([]FileResult, []string, []store.StoredReport, []store.ImportRecord) {
		im, dir := setupMany(t)
		var seen []string
		res := im.ImportFiles(ctx, files(dir), o, 2, func(r FileResult) { seen = append(seen, summary(r)) })
		streamed += im.streamed
		reps, err := im.Store.Reports(ctx, 2024, "", "")
		if err != nil {
			t.Fatal(err)
		}
		hist, err := im.Store.Imports(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for i := range hist {
			hist[i].ImportedAt, hist[i].Path = hist[i].ImportedAt.UTC(), ""
		}
		return res, seen, reps, hist
	}
	so, sw := streamAll, streamNo
	so.DryRun, sw.DryRun = opts.DryRun, opts.DryRun
	sres, sseen, sreps, shist := run(so)
	n := streamed
	wres, wseen, wreps, whist := run(sw)
	if streamed != n {
		t.Errorf("%d files streamed when none should be", streamed-n)
	}

	if !reflect.DeepEqual(sseen, wseen) {
		t.Errorf("streamed:\n%s\nwhole:\n%s", join(sseen), join(wseen))
	}
	if !reflect.DeepEqual(sreps, wreps) {
		t.Errorf("the reports differ: %d streamed, %d whole", len(sreps), len(wreps))
	}
	if len(shist) != len(whist) {
		t.Errorf("history: %d streamed, %d whole", len(shist), len(whist))
	}
	for i := range shist {
		a, b := shist[i], whist[i]
		a.ImportedAt = b.ImportedAt
		if !reflect.DeepEqual(a, b) {
			t.Errorf("import %d: streamed %+v, whole %+v", i, a, b)
		}
	}
	_ = wres
	return sres, n
}

// A consolidated sheet streamed gives what it gives read whole: results,
// history, reports; so do one that replaces it, one with its title merged
// and one merged in its rows (streamed a second time), small files around
// them in one batch, a dry run — also when the checks read the figures
// they need unit by unit (partial: a workspace too big to hold a year).
func TestStreamedImportAsWhole(t *testing.T) {
	for _, partial := range []bool{false, true} {
		t.Run(fmt.Sprintf("partial=%v", partial), func(t *testing.T) {
			if partial {
				old := wholeYear
				wholeYear = 0
				t.Cleanup(func() { wholeYear = old })
			}
			streamedImportAsWhole(t)
		})
	}
}

func streamedImportAsWhole(t *testing.T) {
	res, n := importBoth(t, func(dir string) []string {
		return []string{
			write(t, dir, "H_2024-02.xlsx", "row 1: Mã đơn vị: U0007\nrow 2: Kỳ báo cáo: 02/2024\n"+longHead+"row 6: thu | 5 |"),
			wideBook(t, dir, "tonghop_2024-03.xlsx", nil, ""),
			write(t, dir, "H_2024-04.xlsx", "row 1: Mã đơn vị: U0007\nrow 2: Kỳ báo cáo: 04/2024\n"+longHead+"row 6: thu | 6 |"),
			wideBook(t, dir, "tonghop_2024-03_sua.xlsx", func(i int) string {
				if i%100 == 0 {
					return fmt.Sprintf(`<c r="A%d" t="inlineStr"><is><t>U%04d</t></is></c><c r="B%d"><v>77</v></c>`, i+4, i, i+4)
				}
				return ""
			}, ""),
			wideBook(t, dir, "tonghop_2024-03_tieude.xlsx", func(i int) string { return "" }, `<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>`),
			wideBook(t, dir, "tonghop_2024-03_gop.xlsx", nil, `<mergeCells count="1"><mergeCell ref="B700:C701"/></mergeCells>`),
		}
	}, Options{})
	want := []Status{Imported, Imported, Imported, Replaced, Replaced, Replaced}
	if n != 4 { // the one merged in its rows too, a second time
		t.Errorf("%d files streamed, want 4", n)
	}
	for i, r := range res {
		if r.Status != want[i] {
			t.Errorf("%s: %s %v, want %s", r.File, r.Status, r.Err, want[i])
		}
	}
	if _, n := importBoth(t, func(dir string) []string {
		return []string{wideBook(t, dir, "tonghop_2024-03.xlsx", nil, ""), wideBook(t, dir, "b_2024-03.xlsx", func(i int) string {
			if i == 10 {
				return `<c r="A14" t="inlineStr"><is><t>U0010</t></is></c><c r="B14"><v>999999</v></c>`
			}
			return ""
		}, "")}
	}, Options{DryRun: true}); n != 1 { // the second fails (a figure beyond plausible)
		t.Errorf("dry run: %d files streamed to their end, want 1", n)
	}
}

// What is wrong in a consolidated sheet is found wherever it is, and the
// file is refused with the errors a whole reading gives, nothing written.
func TestStreamedImportRefusedAsWhole(t *testing.T) {
	for name, change := range map[string]func(i int) string{
		"a cell that is not a number": func(i int) string {
			if i == 1400 {
				return `<c r="A1404" t="inlineStr"><is><t>U1400</t></is></c><c r="B1404" t="inlineStr"><is><t>nhiều</t></is></c>`
			}
			return ""
		},
		"unknown units": func(i int) string {
			if i == 3 || i == 1499 {
				return fmt.Sprintf(`<c r="A%d" t="inlineStr"><is><t>X%04d</t></is></c><c r="B%d"><v>1</v></c>`, i+4, i, i+4)
			}
			return ""
		},
		"a figure beyond plausible": func(i int) string {
			if i == 1300 {
				return `<c r="A1304" t="inlineStr"><is><t>U1300</t></is></c><c r="B1304"><v>5000000</v></c>`
			}
			return ""
		},
		"a unit twice": func(i int) string {
			if i == 1450 {
				return `<c r="A1454" t="inlineStr"><is><t>U0001</t></is></c><c r="B1454"><v>1</v></c>`
			}
			return ""
		},
	} {
		t.Run(name, func(t *testing.T) {
			res, _ := importBoth(t, func(dir string) []string { return []string{wideBook(t, dir, "tonghop_2024-03.xlsx", change, "")} }, Options{})
			if res[0].Status != Failed {
				t.Errorf("%s %v", res[0].Status, res[0].Err)
			}
		})
	}
}

// A consolidated sheet's parts are checked against the targets as they
// come: a figure beyond plausible fails the file, naming its cell, and
// nothing of it is saved.
func TestStreamedPlausible(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		change func(i int) string
		want   Status
	}{
		{"plausible", nil, Imported},
		{"a figure beyond plausible", func(i int) string {
			if i == 20 {
				return `<c r="A24" t="inlineStr"><is><t>U0020</t></is></c><c r="B24"><v>5000000</v></c>`
			}
			return ""
		}, Failed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			im, dir := setupMany(t)
			path := wideBook(t, dir, "tonghop_2024-03.xlsx", tc.change, "")
			res := im.ImportFiles(ctx, []string{path}, streamAll, 2, nil)
			if len(res) != 1 || res[0].Status != tc.want || im.streamed != map[Status]int{Imported: 1, Failed: 0}[tc.want] {
				t.Fatalf("%+v (streamed %d)", res, im.streamed)
			}
			if tc.want == Failed && !strings.Contains(res[0].Err.Error(), "tonghop_2024-03.xlsx › S!B24: thu của U0020 là 5.000.000") {
				t.Errorf("error %v", res[0].Err)
			}
			hist, err := im.Store.Imports(ctx)
			if err != nil || len(hist) != map[Status]int{Imported: 1, Failed: 0}[tc.want] {
				t.Errorf("history %d, %v", len(hist), err)
			}
		})
	}
}

// ImportFile streams a consolidated sheet as ImportFiles does, and saves it.
func TestImportFileStreams(t *testing.T) {
	ctx := context.Background()
	im, dir := setupMany(t)
	r := im.ImportFile(ctx, wideBook(t, dir, "tonghop_2024-03.xlsx", nil, ""), streamAll)
	if r.Status != Imported || r.ImportID == 0 || len(r.Units) != streamUnits || im.streamed != 1 {
		t.Fatalf("%s %v #%d, %d units, streamed %d", r.Status, r.Err, r.ImportID, len(r.Units), im.streamed)
	}
	if reps, err := im.Store.Reports(ctx, 2024, "", "2024-03"); err != nil || len(reps) != streamUnits {
		t.Fatalf("%d reports, %v", len(reps), err)
	}
}

// A dry run keeps a streamed file's figures for the checks of the files
// after it, and only then: the big sheet checked alone holds none of its
// 200,000 reports.
func TestDryRunKeepsStreamedOnlyForLaterFiles(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		files int
		kept  bool
	}{{"alone", 1, false}, {"with a file after it", 2, true}} {
		t.Run(tc.name, func(t *testing.T) {
			im, dir := setupMany(t)
			paths := []string{wideBook(t, dir, "tonghop_2024-03.xlsx", nil, "")}
			if tc.files == 2 {
				paths = append(paths, write(t, dir, "H_2024-04.xlsx", "row 1: Mã đơn vị: U0007\nrow 2: Kỳ báo cáo: 04/2024\n"+longHead+"row 6: thu | 6 |"))
			}
			opts := streamAll
			opts.DryRun = true
			res := im.ImportFiles(ctx, paths, opts, 2, nil)
			for _, r := range res {
				if r.Status != Checked {
					t.Fatalf("%s: %s %v", r.File, r.Status, r.Err)
				}
			}
			if im.streamed != 1 {
				t.Fatalf("streamed %d", im.streamed)
			}
			_, kept := im.obs["U0001"]
			if kept != tc.kept {
				t.Errorf("U0001's March kept: %v, want %v", kept, tc.kept)
			}
		})
	}
}

// A sheet big enough to be streamed that cannot be is read whole only up
// to Limits.MaxWhole: past it the file is refused, saying why and what to
// do, and nothing is written.
func TestTooBigToReadWhole(t *testing.T) {
	ctx := context.Background()
	formula := func(i int) string {
		if i == 1500 {
			return `<c r="A1504" t="inlineStr"><is><t>U1500</t></is></c><c r="B1504"><f>1+1</f></c>`
		}
		return ""
	}
	for _, tc := range []struct {
		name     string
		maxWhole int64
		want     Status
	}{{"within MaxWhole", 1 << 30, Imported}, {"past MaxWhole", 1 << 10, Failed}} {
		t.Run(tc.name, func(t *testing.T) {
			im, dir := setupMany(t)
			path := wideBook(t, dir, "tonghop_2024-03.xlsx", formula, "")
			opts := streamAll
			opts.Limits.MaxWhole = tc.maxWhole
			res := im.ImportFiles(ctx, []string{path}, opts, 2, nil)
			if len(res) != 1 || res[0].Status != tc.want {
				t.Fatalf("%+v", res)
			}
			hist, err := im.Store.Imports(ctx)
			if err != nil || len(hist) != map[Status]int{Imported: 1, Failed: 0}[tc.want] {
				t.Errorf("history %d, %v", len(hist), err)
			}
			if tc.want == Failed {
				msg := res[0].Err.Error()
				for _, w := range []string{"tonghop_2024-03.xlsx › S:", "không đọc từng phần được vì có công thức chưa lưu giá trị (ô B1504)", "Mở tệp bằng Excel và lưu lại"} {
					if !strings.Contains(msg, w) {
						t.Errorf("error %q lacks %q", msg, w)
					}
				}
			}
		})
	}
}

// A file lists its first MaxWarnings warnings and counts the others, in its
// result and its history, streamed or read whole.
func TestWarningsCapped(t *testing.T) {
	ctx := context.Background()
	for _, opts := range []Options{streamAll, streamNo} {
		im, dir := setupMany(t)
		path := wideBook(t, dir, "tonghop_2024-03.xlsx", nil, "") // every unit lacks six KPIs: a warning each
		res := im.ImportFiles(ctx, []string{path}, opts, 2, nil)
		if len(res) != 1 || res[0].Status != Imported {
			t.Fatalf("%+v", res)
		}
		r := res[0]
		if len(r.Warnings) != MaxWarnings || r.MoreWarnings != streamUnits-MaxWarnings {
			t.Errorf("streamed %v: %d warnings listed, %d more", opts.Limits.StreamFrom == 1, len(r.Warnings), r.MoreWarnings)
		}
		hist, err := im.Store.Imports(ctx)
		if err != nil || len(hist) != 1 {
			t.Fatalf("history %d, %v", len(hist), err)
		}
		ws := hist[0].Warnings
		if len(ws) != MaxWarnings+1 || ws[MaxWarnings] != fmt.Sprintf("… và %d cảnh báo khác", streamUnits-MaxWarnings) {
			t.Errorf("history keeps %d warnings, the last %q", len(ws), ws[len(ws)-1])
		}
	}
}

// A consolidated sheet over a month a unit has reported already keeps the
// figures of the report in force that it does not give (bhyt): streamed,
// it saves them as a whole reading does.
func TestStreamedKeepsEarlierFigures(t *testing.T) {
	res, _ := importBoth(t, func(dir string) []string {
		return []string{
			write(t, dir, "U0020_2024-03.xlsx", "row 1: Mã đơn vị: U0020\nrow 2: Kỳ báo cáo: 03/2024\n"+longHead+"row 6: thu | 11 |\nrow 7: bhyt | 5000 |"),
			wideBook(t, dir, "tonghop_2024-03.xlsx", nil, ""),
		}
	}, Options{})
	if len(res) != 2 || res[1].Status != Replaced || len(res[1].Kept) != 1 || res[1].Kept[0].Unit != "U0020" || !slices.Equal(res[1].Kept[0].KPIs, []string{"bhyt"}) {
		t.Fatalf("%+v", res)
	}
}
