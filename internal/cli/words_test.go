package cli

import (
	"path/filepath"
	"testing"
)

// Errors are said in the catalogue's words: Vietnamese, or English where
// the command has --lang en; usage errors close with the hint to --help.
func TestErrorsInTheOfficersLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kpi.db")
	if code, _, stderr := run(t, "init", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	const (
		noUnitsVI = "lỗi: chưa có đơn vị nào: nhập biểu giao chỉ tiêu bằng kpi targets import TỆP.xlsx\n"
		noUnitsEN = "error: the workspace has no units yet: kpi targets import FILE.xlsx\n"
		helpVI    = "xem 'kpi --help' hoặc 'kpi <lệnh> --help'\n"
		helpEN    = "see 'kpi --help' or 'kpi <command> --help'\n"
	)
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		// one sentence for "no units yet", wherever it comes from
		{[]string{"progress"}, ExitError, noUnitsVI},
		{[]string{"progress", "--lang", "en"}, ExitError, noUnitsEN},
		{[]string{"awards", "--lang", "en"}, ExitError, noUnitsEN},
		{[]string{"export", "awards", "-o", "kt.xlsx"}, ExitError, noUnitsVI},
		{[]string{"template", "report", "--all-units", "--period", "2024-03", "-o", t.TempDir()}, ExitError, noUnitsVI},
		{[]string{"template", "report", "--unit", "H99", "--period", "2024-03", "-o", "x.xlsx"}, ExitError,
			"lỗi: không có đơn vị \"H99\" (xem kpi units)\n"},
		// usage errors kpi finds itself
		{[]string{"progress", "--lang", "fr"}, ExitUsage, "lỗi: không có ngôn ngữ \"fr\": dùng vi hoặc en\n" + helpVI},
		{[]string{"export", "progress", "-o", "p.txt", "--lang", "en"}, ExitUsage,
			"error: -o p.txt: the file name must end in .xlsx or .csv\n" + helpEN},
		{[]string{"undo", "abc"}, ExitUsage, "lỗi: ID phải là số lần nhập trong 'kpi history', không phải \"abc\"\n" + helpVI},
		{[]string{"undo", "7"}, ExitError, "lỗi: không có lần nhập #7 (xem kpi history)\n"},
	} {
		code, _, stderr := run(t, append([]string{"--db", db}, tc.args...)...)
		if code != tc.code || stderr != tc.stderr {
			t.Errorf("kpi %v: exit %d, stderr %q\nwant exit %d, %q", tc.args, code, stderr, tc.code, tc.stderr)
		}
	}
}
