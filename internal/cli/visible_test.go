package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/xlsxspec"
)

// hidden matches what a terminal acts on: C0 controls but tab and newline,
// DEL, C1 controls.
var hidden = regexp.MustCompile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]")

// Whatever kpi prints — an error naming an argument, the line of a file
// whose name holds an escape sequence — shows control characters escaped.
func TestControlCharactersNeverPrinted(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kpi.db")
	if code, _, stderr := run(t, "init", "--db", db); code != ExitOK {
		t.Fatal(stderr)
	}
	targets := filepath.Join(dir, "chitieu.xlsx")
	if err := xlsxspec.WriteFile(targets, "row 1: Mã đơn vị | Tên đơn vị | thu\nrow 2: H01 | Huyện A | 100\n"); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "targets", "import", "--db", db, targets); code != ExitOK {
		t.Fatal(stderr)
	}
	// a file name with a screen clear and a window title in it
	name := filepath.Join(dir, "H01_2024-03 \x1b[2J\x1b]0;pwned\x07.xlsx")
	if err := xlsxspec.WriteFile(name, "row 1: Mã đơn vị: H01\nrow 2: Kỳ báo cáo: 03/2024\nrow 4: Mã chỉ tiêu | Trong tháng\nrow 5: thu | 10\n"); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "H01_2024-04 \u009b2J.xlsx")
	if err := os.WriteFile(bad, []byte("not a workbook \x1b[2J"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"import", "--db", db, name, bad},
		{"history", "--db", db},
		{"progress", "--db", db, "--explain", "H0\x1b[2J"},
		{"units", "--db", db, "--format", "json", "--nope\x1b[2J"},
		{"init", "--db", filepath.Join(dir, "x\x1b[2J", "kpi.db")},
	} {
		_, stdout, stderr := run(t, args...)
		if hidden.MatchString(stdout) || hidden.MatchString(stderr) {
			t.Errorf("kpi %q printed a control character:\n%q\n%q", args, stdout, stderr)
		}
		if !strings.Contains(stdout+stderr, `\x1b`) && !strings.Contains(stdout+stderr, `\u009b`) {
			t.Errorf("kpi %q: the escape is not shown:\n%s\n%s", args, stdout, stderr)
		}
	}
}
