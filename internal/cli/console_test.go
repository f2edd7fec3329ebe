package cli

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
)

// Windows shells hand wildcards to the program: kpi expands them as a Unix
// shell would, leaving flags' values and patterns that match nothing alone.
func TestExpandArgs(t *testing.T) {
	files := map[string][]string{
		`baocao\thang03\*.xlsx`: {`baocao\thang03\H01.xlsx`, `baocao\thang03\H02.xlsx`},
		"*.db":                  {"a.db", "b.db"},
	}
	glob := func(p string) ([]string, error) {
		m := append([]string{}, files[p]...)
		sort.Strings(m)
		return m, nil
	}
	for _, tc := range []struct{ in, want []string }{
		{[]string{"import", `baocao\thang03\*.xlsx`}, []string{"import", `baocao\thang03\H01.xlsx`, `baocao\thang03\H02.xlsx`}},
		{[]string{"import", "--db", "*.db", "x.xlsx"}, []string{"import", "--db", "*.db", "x.xlsx"}},
		{[]string{"import", "--db=*.db", "*.db"}, []string{"import", "--db=*.db", "a.db", "b.db"}},
		{[]string{"import", "--dry-run", "*.db"}, []string{"import", "--dry-run", "a.db", "b.db"}},
		{[]string{"import", "khong-co-*.xlsx"}, []string{"import", "khong-co-*.xlsx"}},
		{[]string{"progress", "--period", "2024-03"}, []string{"progress", "--period", "2024-03"}},
	} {
		if got := expandArgs(tc.in, glob); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q → %q, want %q", tc.in, got, tc.want)
		}
	}
	dir := t.TempDir()
	if got := expandArgs([]string{filepath.Join(dir, "*.xlsx")}, globFiles); len(got) != 1 || !strings.HasSuffix(got[0], "*.xlsx") {
		t.Errorf("a pattern matching nothing: %q", got)
	}
}

// Started by a double-click, kpi explains itself in Vietnamese and waits
// for Enter.
func TestExplorerHelp(t *testing.T) {
	var out bytes.Buffer
	explorerHelp(&out, strings.NewReader("\n"), "vi")
	if !strings.Contains(out.String(), "không mở bằng cách nhấp đúp") || !strings.Contains(out.String(), "Nhấn Enter") {
		t.Errorf("help = %q", out.String())
	}
}

// Main asks the hooks: a double-click without arguments gets the help,
// exit 2, and nothing else runs.
func TestMainDoubleClicked(t *testing.T) {
	defer func(f func() bool) { doubleClicked = f }(doubleClicked)
	doubleClicked = func() bool { return true }
	var out, errOut bytes.Buffer
	code := Main(nil, &IOStreams{In: strings.NewReader("\n"), Out: &out, ErrOut: &errOut})
	if code != ExitUsage || !strings.Contains(errOut.String(), "nhấp đúp") || out.Len() != 0 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}

// kpi --version says the version, commit and date from the build info.
func TestVersionOf(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "fd34726c0ffee1234567"}, {Key: "vcs.time", Value: "2026-11-28T21:49:04Z"}, {Key: "vcs.modified", Value: "true"}}}
	if got := versionOf(info, "vi"); got != "bản dựng từ mã nguồn (commit fd34726c0ffe, ngày 28/11/2026, có sửa đổi chưa commit); go1.26.8" {
		t.Errorf("version = %q", got)
	}
	if got := versionOf(info, "en"); got != "development build (commit fd34726c0ffe, 28 Nov 2026, with uncommitted changes); go1.26.8" {
		t.Errorf("version = %q", got)
	}
	info = &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}}
	if got := versionOf(info, "vi"); got != "v1.2.0; go1.26.8" {
		t.Errorf("version = %q", got)
	}
}

// Tables fit $COLUMNS, else the terminal (less the column a Windows
// console wraps at), else 80.
func TestScreenWidth(t *testing.T) {
	size := func(w int, err error) func() (int, error) { return func() (int, error) { return w, err } }
	for _, tc := range []struct {
		columns string
		tty     bool
		size    func() (int, error)
		margin  int
		want    int
	}{
		{"120", true, size(200, nil), 0, 120},
		{" 100 ", false, size(0, errors.New("no tty")), 0, 100},
		{"", true, size(132, nil), 0, 132},
		{"", true, size(80, nil), 1, 79},
		{"", false, size(132, nil), 0, 80},
		{"abc", true, size(0, errors.New("no size")), 0, 80},
		{"0", false, nil, 0, 80},
	} {
		defer func(m int) { lastColumn = m }(lastColumn)
		lastColumn = tc.margin
		if got := screenWidth(tc.columns, tc.tty, tc.size); got != tc.want {
			t.Errorf("screenWidth(%q, %v) = %d, want %d", tc.columns, tc.tty, got, tc.want)
		}
	}
	io := &IOStreams{Width: 80}
	if io.TableWidth() != 80 {
		t.Error("width not used")
	}
	io.Wide = true
	if io.TableWidth() != 0 {
		t.Error("--wide still fits the screen")
	}
}

// The import's progress bar leaves room on its line for the count and the
// times, so that it never wraps.
func TestBarWidth(t *testing.T) {
	for _, tc := range []struct{ width, files, want int }{
		{80, 9, 38}, {80, 8400, 32}, {0, 12, 36}, {200, 12, 40}, {40, 12, 10},
	} {
		if got := barWidth(tc.width, tc.files); got != tc.want {
			t.Errorf("barWidth(%d, %d) = %d, want %d", tc.width, tc.files, got, tc.want)
		}
	}
}
