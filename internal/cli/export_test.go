package cli

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/xuri/excelize/v2"
)

// demoWorkspace runs the demo once into a temporary folder.
func demoWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if code, _, stderr := run(t, "demo", "--dir", dir); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	return filepath.Join(dir, "kpi.db")
}

type progressDoc struct {
	Period string `json:"period"`
	Units  []struct {
		Rank         int     `json:"rank"`
		Code         string  `json:"code"`
		Name         string  `json:"name"`
		Cluster      string  `json:"cluster"`
		Score        float64 `json:"score"`
		KPIsAttained int     `json:"kpis_attained"`
		KPIs         []struct {
			Code       string   `json:"code"`
			Actual     *float64 `json:"actual"`
			Target     *float64 `json:"target"`
			Attainment float64  `json:"attainment"`
			Missing    bool     `json:"missing"`
		} `json:"kpis"`
	} `json:"units"`
}

// The progress workbook holds what kpi progress --format json says, laid
// out and formatted for print.
func TestExportProgressWorkbook(t *testing.T) {
	db := demoWorkspace(t)
	out := filepath.Join(t.TempDir(), "progress.xlsx")
	if code, _, stderr := run(t, "--db", db, "export", "progress", "-o", out); code != 0 {
		t.Fatal(stderr)
	}
	_, js, _ := run(t, "--db", db, "progress", "--format", "json")
	var doc progressDoc
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "Tổng hợp|Cụm 1|Cụm 2|Cụm 3|Chi tiết|Biểu đồ" {
		t.Fatalf("sheets = %s", got)
	}
	sh := "Tổng hợp"
	// the heading of an official document (5 rows), 2 title lines, a
	// blank row, the header in row 9
	const hr = 9
	for ref, want := range map[string]string{
		"A1": "BẢO HIỂM XÃ HỘI VIỆT NAM", "A2": "BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG", "A4": "Số: …/BC-BHXH",
		"F1": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "F2": "Độc lập - Tự do - Hạnh phúc",
		"F4": i18n.PlaceDate("vi", "Hải Dương", time.Now()), "A6": "BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA",
		"A7": "Phong trào thi đua năm 2024 — Tháng 12/2024 (12/12 tháng)",
	} {
		if v, _ := f.GetCellValue(sh, ref); v != want {
			t.Errorf("%s = %q, want %q", ref, v, want)
		}
	}
	assertStyle(t, f, sh, "A2", func(s *excelize.Style) bool { return s.Font.Bold && s.Font.Family == "Times New Roman" })
	assertStyle(t, f, sh, "A1", func(s *excelize.Style) bool { return !s.Font.Bold })
	assertStyle(t, f, sh, "F2", func(s *excelize.Style) bool { return s.Font.Bold && s.Font.Underline == "single" })
	assertStyle(t, f, sh, "F4", func(s *excelize.Style) bool { return s.Font.Italic })
	header := []string{"Hạng", "Mã", "Đơn vị", "Cụm", "Điểm", "Đạt", "Số người tham gia BHXH bắt buộc (BHXH BB)"}
	for i, h := range header {
		if v, _ := f.GetCellValue(sh, cellName(i+1, hr)); v != h {
			t.Errorf("header %d = %q, want %q", i+1, v, h)
		}
	}
	// the header is tall enough for its longest title (3 lines)
	if h, _ := f.GetRowHeight(sh, hr); h < 45 {
		t.Errorf("header height %v", h)
	}
	// values equal the JSON, unrounded
	for i, u := range doc.Units {
		r := hr + 1 + i
		raw := func(col int) string {
			v, _ := f.GetCellValue(sh, cellName(col, r), excelize.Options{RawCellValue: true})
			return v
		}
		if raw(1) != strconv.Itoa(u.Rank) || raw(2) != u.Code || raw(3) != u.Name || raw(4) != u.Cluster || raw(6) != strconv.Itoa(u.KPIsAttained) {
			t.Errorf("row %d: %s %s %s %s %s vs %+v", r, raw(1), raw(2), raw(3), raw(4), raw(6), u)
		}
		if s, _ := strconv.ParseFloat(raw(5), 64); !same15(s, u.Score) {
			t.Errorf("%s score %s != %v", u.Code, raw(5), u.Score)
		}
		for j, k := range u.KPIs {
			a, err := strconv.ParseFloat(raw(7+j), 64)
			if k.Missing {
				if raw(7+j) != "" {
					t.Errorf("%s %s missing but %q", u.Code, k.Code, raw(7+j))
				}
				continue
			}
			if err != nil || !same15(a, k.Attainment) {
				t.Errorf("%s %s attainment %s != %v", u.Code, k.Code, raw(7+j), k.Attainment)
			}
		}
	}
	for ref, want := range map[string]string{"E10": "0.00", "G10": "0.0%"} {
		idx, _ := f.GetCellStyle(sh, ref)
		st, _ := f.GetStyle(idx)
		if st.CustomNumFmt == nil || *st.CustomNumFmt != want {
			t.Errorf("%s format = %v, want %s", ref, st.CustomNumFmt, want)
		}
	}
	panes, _ := f.GetPanes(sh)
	if !panes.Freeze || panes.YSplit != hr || panes.XSplit != 3 {
		t.Errorf("panes = %+v", panes)
	}
	last := hr + len(doc.Units)
	cf, _ := f.GetConditionalFormats(sh)
	if rule, ok := cf["G10:M"+strconv.Itoa(last)]; !ok || rule[0].Type != "3_color_scale" {
		t.Errorf("conditional formats = %+v", cf)
	}
	assertPrintSetup(t, f, sh, out, "A9:M"+strconv.Itoa(last))
	// the signature block under the totals: the preparer at the left, the
	// director at the right, room to sign, the names of the demo's settings
	sign := last + 4 + 2 // 4 total rows, a blank row
	for ref, want := range map[string]string{
		cellName(1, sign): "NGƯỜI LẬP BIỂU", cellName(6, sign): "GIÁM ĐỐC", cellName(1, sign+1): "(Ký, ghi rõ họ tên)",
		cellName(6, sign+1): "(Ký, ghi rõ họ tên, đóng dấu)", cellName(1, sign+6): "Trần Thị Bình", cellName(6, sign+6): "Nguyễn Văn An",
	} {
		if v, _ := f.GetCellValue(sh, ref); v != want {
			t.Errorf("signature %s = %q, want %q", ref, v, want)
		}
	}
	// the cluster sheets hold their units only, the cluster rank first
	if v, _ := f.GetCellValue("Cụm 2", "E10"); v != "Cụm 2" {
		t.Errorf("cluster sheet E10 = %q", v)
	}
	if v, _ := f.GetCellValue("Cụm 2", "A10"); v != "1" {
		t.Errorf("cluster rank = %q", v)
	}
	if v, _ := f.GetCellValue("Cụm 2", "A9"); v != "Hạng trong cụm" {
		t.Errorf("cluster sheet A9 = %q", v)
	}
	// the detail sheet: KPI rows with head-counts in #,##0
	idx, _ := f.GetCellStyle("Chi tiết", "H10")
	st, _ := f.GetStyle(idx)
	if st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0" {
		t.Errorf("detail actual format = %v", st.CustomNumFmt)
	}
	if v, _ := f.GetCellValue("Chi tiết", "E10"); v != "BHXH BB" {
		t.Errorf("detail E10 = %q", v)
	}
	if v, _ := f.GetCellValue("Chi tiết", "H10", excelize.Options{RawCellValue: true}); v != strconv.FormatFloat(*doc.Units[0].KPIs[0].Actual, 'f', -1, 64) {
		t.Errorf("detail actual = %q", v)
	}
	names := zipNames(t, out)
	if !names["xl/charts/chart1.xml"] || !names["xl/drawings/drawing1.xml"] {
		t.Errorf("no chart in %v", names)
	}
	// the chart: a column chart of the scores from a little under the
	// lowest, dark labels, the 100-point line, the series named by cells
	chart := zipFile(t, out, "xl/charts/chart1.xml")
	lowest := doc.Units[len(doc.Units)-1].Score
	floor := 5 * math.Floor((lowest-3)/5)
	for _, want := range []string{`<barDir val="col">`, `<lineChart>`, `<min val="` + strconv.FormatFloat(floor, 'f', -1, 64) + `">`,
		`<a:srgbClr val="1F1F1F">`, `<a:srgbClr val="C00000">`, `<f>&#39;Biểu đồ&#39;!$E$`} {
		if !strings.Contains(chart, want) {
			t.Errorf("the chart lacks %s", want)
		}
	}
	if strings.Contains(chart, "tx1") && strings.Contains(chart, `<a:lumOff val="85000">`) && !strings.Contains(chart, "Times New Roman") {
		t.Error("the chart's labels are the light default")
	}
}

// assertStyle checks the style of a cell.
func assertStyle(t *testing.T, f *excelize.File, sh, ref string, ok func(*excelize.Style) bool) {
	t.Helper()
	idx, _ := f.GetCellStyle(sh, ref)
	st, err := f.GetStyle(idx)
	if err != nil || st.Font == nil || !ok(st) {
		t.Errorf("%s!%s style %+v (%v)", sh, ref, st, err)
	}
}

func TestExportAwardsWorkbook(t *testing.T) {
	db := demoWorkspace(t)
	out := filepath.Join(t.TempDir(), "awards.xlsx")
	if code, _, stderr := run(t, "--db", db, "export", "awards", "-o", out, "--lang", "en"); code != 0 {
		t.Fatal(stderr)
	}
	_, js, _ := run(t, "--db", db, "awards", "--format", "json", "--lang", "en") // the reasons in the export's language
	var doc struct {
		Awards []struct {
			Tier, Code, Name, Cluster, Reason string
			Rank                              int
			Score                             float64
		} `json:"awards"`
		NotAwarded []struct {
			Code    string   `json:"code"`
			Reasons []string `json:"reasons"`
		} `json:"not_awarded"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "Cờ thi đua|Bằng khen|Giấy khen|Outstanding by field|Not awarded" {
		t.Fatalf("sheets = %s", got)
	}
	rows := map[string]int{}
	for _, a := range doc.Awards {
		sheet := map[string]string{"co_thi_dua": "Cờ thi đua", "bang_khen": "Bằng khen", "giay_khen": "Giấy khen"}[a.Tier]
		rows[sheet]++
		r := 9 + rows[sheet]
		get := func(col int) string {
			v, _ := f.GetCellValue(sheet, cellName(col, r), excelize.Options{RawCellValue: true})
			return v
		}
		if get(2) != strconv.Itoa(a.Rank) || get(3) != a.Code || get(4) != a.Name || get(5) != a.Cluster || get(7) != a.Reason {
			t.Errorf("%s row %d: %q %q %q %q %q vs %+v", sheet, r, get(2), get(3), get(4), get(5), get(7), a)
		}
		if s, _ := strconv.ParseFloat(get(6), 64); !same15(s, a.Score) {
			t.Errorf("score %s != %v", get(6), a.Score)
		}
	}
	if rows["Cờ thi đua"] == 0 {
		t.Fatal("the demo should have a Cờ thi đua")
	}
	n := rows["Cờ thi đua"]
	// signed with the settings' names under the English titles the
	// settings give
	for ref, want := range map[string]string{
		cellName(1, 9+n+2): "PREPARED BY", cellName(5, 9+n+2): "GIÁM ĐỐC", cellName(5, 9+n+3): "(signature, full name, seal)",
		cellName(5, 9+n+8): "Nguyễn Văn An", "A1": "BẢO HIỂM XÃ HỘI VIỆT NAM", "E1": "SOCIALIST REPUBLIC OF VIETNAM",
	} {
		if v, _ := f.GetCellValue("Cờ thi đua", ref); v != want {
			t.Errorf("%s = %q, want %q", ref, v, want)
		}
	}
	if v, _ := f.GetCellValue("Cờ thi đua", "A9"); v != "No." {
		t.Errorf("header = %q", v)
	}
	for i, na := range doc.NotAwarded {
		v, _ := f.GetCellValue("Not awarded", cellName(7, 10+i))
		if v != strings.Join(na.Reasons, "\n") {
			t.Errorf("reasons of %s = %q", na.Code, v)
		}
		// a row as tall as its reasons, wrapped
		if h, _ := f.GetRowHeight("Not awarded", 10+i); h < 40 {
			t.Errorf("reasons of %s in a row %v high", na.Code, h)
		}
	}
	assertPrintSetup(t, f, "Cờ thi đua", out, "A9:G"+strconv.Itoa(9+n))
}

func assertPrintSetup(t *testing.T, f *excelize.File, sh, path, filter string) {
	t.Helper()
	pl, err := f.GetPageLayout(sh)
	if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
		pl.FitToWidth == nil || *pl.FitToWidth != 1 {
		t.Errorf("%s page layout = %+v", sh, pl)
	}
	hf, _ := f.GetHeaderFooter(sh)
	if !strings.Contains(hf.OddFooter, "&P") {
		t.Errorf("%s footer = %q", sh, hf.OddFooter)
	}
	found := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sh {
			found = strings.HasSuffix(dn.RefersTo, "!$9:$9")
		}
	}
	if !found {
		t.Errorf("%s: no repeated header rows in %+v", sh, f.GetDefinedName())
	}
	x := sheetXMLOf(t, path, f, sh)
	if !strings.Contains(strings.ReplaceAll(x, "$", ""), `<autoFilter ref="`+filter+`"`) {
		t.Errorf("%s: no autofilter %s", sh, filter)
	}
}

// same15 compares as Excel stores numbers: to 15 significant digits
// (excelize writes floats the way Excel keeps them).
func same15(a, b float64) bool {
	return strconv.FormatFloat(a, 'g', 15, 64) == strconv.FormatFloat(b, 'g', 15, 64)
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

func TestExportHTMLFlags(t *testing.T) {
	testFlags(t, NewCmdExportHTML, []flagCase[ExportOptions]{
		{args: args("-o", "tien-do.html"), want: ExportOptions{Kind: "html", Output: "tien-do.html"}},
		{args: args("-o", "T.HTM", "--period", "2024-03"),
			want: ExportOptions{Kind: "html", Output: "T.HTM", Period: "2024-03"}},
		{args: args("-o", "tien-do.xlsx"), wantErr: "-o tien-do.xlsx: the file name must end in .html"},
		{args: args("-o", "p.html", "--lang", "en"), wantErr: "unknown flag --lang"}, // kpi's, not the command's
	})
	if code, _, stderr := run(t, "export", "html", "-o", "bao-cao.pdf"); code != ExitUsage || !strings.Contains(stderr, "lỗi: -o bao-cao.pdf: tên tệp phải có đuôi .html") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// The HTML report shows what kpi progress --format json and kpi status
// say: every unit's rank and score in the ranking's table of figures,
// every month's report in the status matrix; --period gives the trends up
// to that month; --lang en writes it in English.
func TestExportHTML(t *testing.T) {
	db := demoWorkspace(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "tien-do.html")
	code, stdout, stderr := run(t, "--db", db, "export", "html", "-o", out)
	if code != 0 || stdout != "" || !strings.Contains(stderr, "✓ đã ghi "+out) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	page := readFile(t, out)
	_, js, _ := run(t, "--db", db, "progress", "--format", "json")
	var doc progressDoc
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	for _, u := range doc.Units {
		row := `<tr><td class="n">` + strconv.Itoa(u.Rank) + `</td><td class="c">` + u.Code + `</td><td class="t">` + u.Name +
			`</td><td class="t">` + u.Cluster + `</td><td class="n">` + render.Number(u.Score, 2, "vi") + "</td></tr>"
		if !strings.Contains(page, row) {
			t.Errorf("no ranking row %s", row)
		}
	}
	for _, want := range []string{
		"<!DOCTYPE html>", `<html lang="vi">`, "BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG", "Tháng 12/2024 (12/12 tháng)",
		"Tháng 12/2024 (kỳ mới nhất): 11/12 đơn vị; chưa báo cáo: H11.", // as kpi status says
		`<td class="c">H04</td><td class="t">BHXH huyện Cẩm Giàng</td><td class="t">Cụm 1</td><td class="c good">✓</td><td class="c good">✓</td><td class="c good">↻</td>`,
		"H11 BHXH huyện Ninh Giang (BC cuối Tháng 11/2024)", // stale
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if n := strings.Count(page, `<svg xmlns="http://www.w3.org/2000/svg" class="spark"`); n != 12 {
		t.Errorf("%d small multiples", n)
	}

	// as of March, in English: three months of trends
	en := filepath.Join(dir, "progress-03.html")
	if code, _, stderr := run(t, "--db", db, "export", "html", "-o", en, "--period", "2024-03", "--lang", "en"); code != 0 {
		t.Fatal(stderr)
	}
	page = readFile(t, en)
	for _, want := range []string{`<html lang="en">`, "EMULATION CAMPAIGN PROGRESS REPORT", "March 2024 (3/12 months)",
		"<th scope=\"col\">M3</th></tr>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the March report lacks %q", want)
		}
	}
	if strings.Contains(page, "<th scope=\"col\">M4</th>") {
		t.Error("the March report shows April")
	}
	if !strings.Contains(page, "March 2024 (the latest period): all 12/12 units reported.") {
		t.Error("the March report's status line")
	}
	// the same workspace gives the same bytes
	again := filepath.Join(dir, "again.html")
	run(t, "--db", db, "export", "html", "-o", again, "--period", "2024-03", "--lang", "en")
	if readFile(t, again) != page {
		t.Error("two exports of the same workspace differ")
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
