package cli

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/i18n"
)

// englishTell finds the words that give an English sentence away — Go's,
// a library's, cobra's or kpi's own.
var englishTell = regexp.MustCompile(`(?i)\b(the|and|of|is|are|no|not|found|such|file|directory|error|invalid|cannot|failed|open|stat|unknown|flags?|required|args?|arguments?|exists|already|must|use|expected|unexpected|EOF|checksum|sheet|worksheet|permission|denied|syntax|line|field|type|unmarshal|connect|refused|missing|workbook|accepts|received|help|usage)\b`)

// allowedDetail is what a check may leave out: a flag (--help), and the
// library's detail after a Vietnamese sentence that says what to do.
var allowedDetail = regexp.MustCompile(`--[\w-]+|(?s)rồi chạy lại: failed to connect.*|: file is not a database \(\d+\)`)

// Every command given bad input — no workspace, files that are not there
// or not what they should be, a campaign with mistakes, a folder that
// does not exist, wrong flags and arguments — fails with a Vietnamese
// sentence: no English word of Go's, a library's or cobra's reaches the
// officer who did not ask for --lang en. Usage errors exit 2.
func TestErrorsHaveNoEnglish(t *testing.T) {
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	write := func(name string, data []byte) string {
		t.Helper()
		if err := os.WriteFile(in(name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		return in(name)
	}
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	w, _ := zw.Create("xl/workbook.xml")
	w.Write(bytes.Repeat([]byte("<workbook/>"), 200))
	zw.Close()
	truncated := write("truncated.xlsx", zipped.Bytes()[:zipped.Len()/2])
	text := write("text.xlsx", []byte("Mã đơn vị;Tên\nH01;A\n"))
	empty := write("empty.xlsx", nil)
	noDir := filepath.Join(dir, "nodir", "x.xlsx")
	yamls := map[string]string{
		"cuphap.yaml":  "code: [\n",
		"empty.yaml":   "",
		"typo.yaml":    "code: x\nname: X\nyear: 2024\nkpis:\n  - code: a\n    nam: A\n",
		"kieu.yaml":    "code: x\nname: X\nyear: twenty\n",
		"weights.yaml": "code: x\nname: X\nyear: 2024\nkpis:\n  - {code: a, name: A, unit: người, kind: stock, better: higher, weight: 90}\n",
		"twice.yaml":   "code: x\ncode: y\n",
	}
	for name, y := range yamls {
		write(name, []byte(y))
	}
	notDB := write("notes.txt", bytes.Repeat([]byte("not a database\n"), 100))
	demo := demoWorkspace(t)
	fresh := in("fresh.db")
	if code, _, stderr := run(t, "--db", fresh, "init"); code != 0 {
		t.Fatal(stderr)
	}
	none := in("none.db")

	for _, tc := range []struct {
		args []string
		code int
	}{
		// no workspace
		{args("--db", none, "units"), ExitError},
		{args("--db", none, "status"), ExitError},
		{args("--db", none, "progress"), ExitError},
		{args("--db", none, "awards", "--explain", "H01"), ExitError},
		{args("--db", none, "history"), ExitError},
		{args("--db", none, "log"), ExitError},
		{args("--db", none, "values"), ExitError},
		{args("--db", none, "unit", "H01"), ExitError},
		{args("--db", none, "check"), ExitError},
		{args("--db", none, "backup", in("b.db")), ExitError},
		{args("--db", none, "campaign", "show"), ExitError},
		{args("--db", none, "adjust", "list"), ExitError},
		{args("--db", none, "export", "progress", "-o", in("p.xlsx")), ExitError},
		{args("--db", none, "migrate", "--from", none, "--to", in("m.db")), ExitError},
		// a file that is not a workspace, a folder
		{args("--db", notDB, "units"), ExitError},
		{args("--db", dir, "units"), ExitError},
		// files that are not there, or not workbooks
		{args("--db", fresh, "targets", "import", in("nope.xlsx")), ExitError},
		{args("--db", fresh, "targets", "import", text), ExitError},
		{args("--db", fresh, "targets", "import", truncated), ExitError},
		{args("--db", fresh, "targets", "import", empty), ExitError},
		{args("--db", fresh, "targets", "import", dir), ExitError},
		{args("--db", demo, "import", in("nope.xlsx")), ExitError},
		{args("--db", demo, "import", in("nope")), ExitError},
		{args("--db", demo, "import", truncated, text, empty), ExitError},
		{args("--db", fresh, "import", text), ExitError},
		{args("--db", fresh, "campaign", "load", in("nope.yaml")), ExitError},
		{args("--db", fresh, "campaign", "load", dir), ExitError},
		{args("--db", in("c.db"), "init", "--campaign", in("nope.yaml")), ExitError},
		// campaigns with mistakes
		{args("--db", fresh, "campaign", "load", in("cuphap.yaml")), ExitError},
		{args("--db", fresh, "campaign", "load", in("empty.yaml")), ExitError},
		{args("--db", fresh, "campaign", "load", in("typo.yaml")), ExitError},
		{args("--db", fresh, "campaign", "load", in("kieu.yaml")), ExitError},
		{args("--db", fresh, "campaign", "load", in("weights.yaml")), ExitError},
		{args("--db", fresh, "campaign", "load", in("twice.yaml")), ExitError},
		{args("--db", fresh, "campaign", "load", text), ExitError},
		// nowhere to write
		{args("--db", demo, "export", "progress", "-o", noDir), ExitError},
		{args("--db", demo, "export", "html", "-o", filepath.Join(dir, "nodir", "x.html")), ExitError},
		{args("--db", demo, "template", "targets", "-o", noDir), ExitError},
		{args("--db", demo, "template", "report", "--unit", "H01", "--period", "2024-03", "-o", noDir), ExitError},
		{args("--db", demo, "campaign", "export", "-o", filepath.Join(dir, "nodir", "c.yaml")), ExitError},
		{args("--db", demo, "backup", filepath.Join(dir, "nodir", "b.db")), ExitError},
		{args("--db", demo, "backup", demo), ExitError},
		{args("demo", "--dir", filepath.Join(text, "x")), ExitError},
		{args("sample", "--dir", filepath.Join(text, "x"), "--units", "1", "--months", "1"), ExitError},
		// what the workspace does not hold
		{args("--db", demo, "unit", "H99"), ExitUsage},
		{args("--db", demo, "progress", "--kpi", "nope"), ExitUsage},
		{args("--db", demo, "progress", "--cluster", "Z"), ExitUsage},
		{args("--db", demo, "progress", "--period", "2023-05"), ExitUsage},
		{args("--db", demo, "undo", "999"), ExitError},
		{args("--db", demo, "adjust", "remove", "999", "--reason", "x"), ExitError},
		{args("--db", demo, "nominate", "add", "H01", "--name", "A", "--title", "nope", "--reason", "x"), ExitUsage},
		{args("--db", fresh, "migrate", "--from", fresh, "--to", demo), ExitError},
		// a server that is not there
		{args("--db", "postgres://kpi@127.0.0.1:1/kpi?connect_timeout=2", "units"), ExitError},
		// wrong flags and arguments
		{args("frobnicate"), ExitUsage},
		{args("progres"), ExitUsage},
		{args("campaign", "shw"), ExitUsage},
		{args("help", "nope"), ExitUsage},
		{args("units", "--colour"), ExitUsage},
		{args("units", "-x"), ExitUsage},
		{args("units", "--format", "xml"), ExitUsage},
		{args("units", "extra"), ExitUsage},
		{args("undo"), ExitUsage},
		{args("undo", "abc"), ExitUsage},
		{args("export", "progress"), ExitUsage},
		{args("export", "progress", "-o", "p.txt"), ExitUsage},
		{args("export", "html", "-o", "p.xlsx"), ExitUsage},
		{args("template", "report", "--unit", "H01"), ExitUsage},
		{args("template", "report", "--period", "2024-03", "-o", "x"), ExitUsage},
		{args("migrate", "--from", "a.db"), ExitUsage},
		{args("import"), ExitUsage},
		{args("import", "--max-size", "many", "x.xlsx"), ExitUsage},
		{args("import", "--unit"), ExitUsage},
		{args("import", "--period", "2024-13", "x.xlsx"), ExitUsage},
		{args("status", "--year", "next"), ExitUsage},
		{args("adjust", "add", "H01", "--points", "hai", "--reason", "x"), ExitUsage},
		{args("adjust", "add", "H01", "--points", "2"), ExitUsage},
		{args("nominate", "add", "H01", "--title", "x", "--reason", "x"), ExitUsage},
		{args("sample", "--dir", "d", "--months", "13"), ExitUsage},
		{args("units", "--lang", "fr"), ExitUsage},
		{args("--lang=de", "units"), ExitUsage},
		{args("settings", "set", "office", "X"), ExitUsage},
		{args("settings", "set", "place", "X", "--title", "Y"), ExitUsage},
		{args("--db", none, "settings", "show"), ExitError},
		{args("units", "--wide=maybe"), ExitUsage},
	} {
		code, _, stderr := run(t, tc.args...)
		shown := strings.ReplaceAll(stderr, dir, "…")
		if os.Getenv("KPI_SHOW_ERRORS") != "" {
			t.Logf("kpi %s\n%s", strings.ReplaceAll(strings.Join(tc.args, " "), dir, "…"), shown)
		}
		if code != tc.code {
			t.Errorf("kpi %v: exit %d, want %d\n%s", tc.args, code, tc.code, shown)
		}
		if stderr == "" {
			t.Errorf("kpi %v: says nothing", tc.args)
		}
		// the details of the server's and SQLite's refusals follow a
		// Vietnamese sentence that says what to do: the one English allowed;
		// flags are flags
		check := allowedDetail.ReplaceAllString(shown, "")
		if w := englishTell.FindString(check); w != "" {
			t.Errorf("kpi %v: %q in\n%s", tc.args, w, shown)
		}
	}
}

// The errors of the operating system, zip and the campaign are said in the
// catalogue's words wherever they are wrapped; context around them stays.
func TestSayErrors(t *testing.T) {
	notFound := &fs.PathError{Op: "open", Path: "baocao.xlsx", Err: fs.ErrNotExist}
	for _, tc := range []struct {
		err  error
		lang string
		want string
	}{
		{notFound, "vi", "không tìm thấy baocao.xlsx: kiểm tra lại tên tệp và thư mục (gõ sai, hoặc tệp đã bị chuyển đi nơi khác)"},
		{notFound, "en", "baocao.xlsx not found: check the file's name and folder (a typo, or the file was moved)"},
		{errors.Join(errors.New("H01.xlsx: không đọc được tệp"), notFound), "vi",
			"H01.xlsx: không đọc được tệp\nkhông tìm thấy baocao.xlsx: kiểm tra lại tên tệp và thư mục (gõ sai, hoặc tệp đã bị chuyển đi nơi khác)"},
		{&fs.PathError{Op: "mkdir", Path: "a/b", Err: fs.ErrNotExist}, "vi", "không có thư mục a: tạo thư mục trước, hoặc chọn thư mục khác"},
		{&fs.PathError{Op: "open", Path: "kt.xlsx", Err: fs.ErrPermission}, "vi",
			"không có quyền đọc hoặc ghi kt.xlsx: kiểm tra quyền của tệp, thư mục (hoặc tệp đang chỉ đọc), hoặc chọn chỗ khác"},
		{wrapf("x.xlsx: %w", zip.ErrChecksum), "vi",
			"x.xlsx: tệp bị hỏng hoặc không phải bảng tính .xlsx (phần nén bên trong bị lỗi): xin đơn vị gửi lại, hoặc mở bằng Excel rồi lưu lại"},
		{wrapf("x.xlsx: %w", errors.New("sheet X is not a worksheet")), "vi",
			"kpi gặp lỗi chưa lường trước: x.xlsx: sheet X is not a worksheet — hãy chạy lại lệnh; nếu vẫn lỗi, gửi nguyên văn thông báo này cho người phụ trách kpi"},
	} {
		if got := said(tc.err, tc.lang); got != tc.want {
			t.Errorf("said(%v, %s)\n got %q\nwant %q", tc.err, tc.lang, got, tc.want)
		}
	}
	if got := i18n.Say(i18n.Errorf(i18n.KeepCopyFailed, "kpi.db", notFound), "vi"); !strings.HasSuffix(got, ": không tìm thấy baocao.xlsx: kiểm tra lại tên tệp và thư mục (gõ sai, hoặc tệp đã bị chuyển đi nơi khác)") {
		t.Errorf("an error as an argument: %q", got)
	}
}

func wrapf(format string, err error) error { return &wrapped{format, err} }

type wrapped struct {
	format string
	err    error
}

func (w *wrapped) Error() string { return strings.Replace(w.format, "%w", w.err.Error(), 1) }
func (w *wrapped) Unwrap() error { return w.err }
