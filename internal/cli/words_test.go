package cli

import (
	"path/filepath"
	"strings"
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

// --lang en (or KPI_LANG=en) says everything in English: what commands
// did, their warnings and errors, the headers of their lists; Vietnamese
// stays the default.
func TestMessagesInEnglish(t *testing.T) {
	db := demoWorkspace(t)
	for _, tc := range []struct {
		args           []string
		stdout, stderr []string
	}{
		{args: []string{"status"}, stdout: []string{"Code", "Unit name", "M12", "December 2024 (the latest period): 11/12 units; missing: H11"}},
		{args: []string{"units"}, stdout: []string{"Code", "Unit name", "Cluster", "Target BHXH BB"}},
		{args: []string{"history"}, stdout: []string{"Time", "File", "Replaced by"}},
		{args: []string{"adjust", "add", "H04", "--points", "9", "--reason", "award"},
			stderr: []string{"✓ recorded bonus #1: H04 BHXH huyện Cẩm Giàng +9 points, from December 2024 — award",
				"warning: the bonus points of H04 add up to 9, past the campaign's bound 5 (adjustments.max_bonus): 5 count"}},
		{args: []string{"adjust", "list"}, stdout: []string{"Score", "From", "Reason", "Recorded"}},
		{args: []string{"log"}, stdout: []string{"Action", "points given"}},
		{args: []string{"campaign", "show"}, stdout: []string{"Campaign bhxh-2024", "Scoring (method capped): points = weight × min(attainment, cap); bonus at most 5, penalty at most 10",
			"Better when", "higher", "the unit's 2023 figure"}},
		{args: []string{"check"}, stdout: []string{": intact, no problem"}},
		{args: []string{"init"}, stderr: []string{"error: workspace " + db + " already exists: use --force"}},
	} {
		code, stdout, stderr := run(t, append([]string{"--db", db, "--lang", "en"}, tc.args...)...)
		for _, want := range tc.stdout {
			if !strings.Contains(stdout, want) {
				t.Errorf("kpi %v (exit %d): no %q in stdout\n%s%s", tc.args, code, want, stdout, stderr)
			}
		}
		for _, want := range tc.stderr {
			if !strings.Contains(stderr, want) {
				t.Errorf("kpi %v (exit %d): no %q in stderr\n%s", tc.args, code, want, stderr)
			}
		}
	}
	t.Setenv("KPI_LANG", "en")
	if _, out, _ := run(t, "--db", db, "status"); !strings.Contains(out, "December 2024 (the latest period)") {
		t.Errorf("KPI_LANG=en kpi status:\n%s", out)
	}
	if _, out, _ := run(t, "--db", db, "status", "--lang", "vi"); !strings.Contains(out, "Tháng 12/2024 (kỳ mới nhất): 11/12 đơn vị; chưa báo cáo: H11") {
		t.Errorf("KPI_LANG=en kpi status --lang vi:\n%s", out)
	}
}
