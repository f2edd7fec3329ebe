package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
)

// actions lists the audit log's entries from the nth on as "action subject
// field: before → after (reason)".
func actions(t *testing.T, s *DB, from int) []string {
	t.Helper()
	log, err := s.AuditLog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range log[from:] {
		line := fmt.Sprintf("%s %s %s: %s → %s", e.Action, e.Subject, e.Field, e.Before, e.After)
		if e.Reason != "" {
			line += " (" + e.Reason + ")"
		}
		out = append(out, line)
	}
	return out
}

func logLen(t *testing.T, s *DB) int {
	t.Helper()
	log, err := s.AuditLog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(log)
}

// The council's decisions on both backends: recorded, withdrawn but never
// deleted, refused when they make no sense, and every one in the audit
// log with its transaction — a refused one leaves no entry.
func TestCouncilDecisions(t *testing.T) {
	ctx := context.Background()
	june := report.Period{Year: 2024, Month: 6}
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 3)
		if got := actions(t, s, 0); len(got) != 4 || got[0] != "campaign bhxh-2024 :  → Phong trào thi đua năm 2024 (7 chỉ tiêu, 3 danh hiệu đơn vị, 2 danh hiệu cá nhân)" ||
			got[1] != "targets H01 đơn vị mới:  → Huyện 1; thu KH 100; cham_dong 2023 2.5" {
			t.Fatalf("the log of a new workspace: %q", got)
		}
		start := logLen(t, s)

		// adjustments
		id1, err := s.AddAdjustment(ctx, campaign.Adjustment{Unit: "H01", Points: 2, Reason: "Bằng khen Thủ tướng", Period: june})
		if err != nil {
			t.Fatal(err)
		}
		id2, err := s.AddAdjustment(ctx, campaign.Adjustment{Unit: "H02", Points: -1.5, Reason: "báo cáo chậm", Period: june, KPI: "thu"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddAdjustment(ctx, campaign.Adjustment{Unit: "H99", Points: 1, Reason: "x", Period: june}); err == nil {
			t.Fatal("an adjustment of a unit that does not exist was recorded")
		}
		if a, err := s.RemoveAdjustment(ctx, id1, "ghi nhầm"); err != nil || a.Unit != "H01" || a.Removed == nil || a.Removed.Reason != "ghi nhầm" {
			t.Fatalf("remove: %+v %v", a, err)
		}
		var removed *RemovedError
		if _, err := s.RemoveAdjustment(ctx, id1, "lần nữa"); !errors.As(err, &removed) || removed.Removed.Reason != "ghi nhầm" {
			t.Fatalf("removed twice: %v", err)
		}
		if _, err := s.RemoveAdjustment(ctx, 999, "x"); !errors.Is(err, ErrNoAdjustment) {
			t.Fatalf("unknown adjustment: %v", err)
		}
		live, err := s.Adjustments(ctx, "", false)
		if err != nil || len(live) != 1 || live[0].ID != id2 || live[0].Points != -1.5 || live[0].Period != june || live[0].KPI != "thu" || live[0].Added.IsZero() {
			t.Fatalf("adjustments in force = %+v, %v", live, err)
		}
		if all, err := s.Adjustments(ctx, "H01", true); err != nil || len(all) != 1 || all[0].Removed == nil {
			t.Fatalf("H01's, withdrawn too = %+v, %v", all, err)
		}

		// exclusions
		if _, err := s.Exclude(ctx, campaign.Exclusion{Unit: "H03", Reason: "kỷ luật", Period: june}); err != nil {
			t.Fatal(err)
		}
		var excluded *ExcludedError
		if _, err := s.Exclude(ctx, campaign.Exclusion{Unit: "H03", Reason: "lần nữa", Period: june}); !errors.As(err, &excluded) || excluded.Exclusion.Reason != "kỷ luật" {
			t.Fatalf("excluded twice: %v", err)
		}
		if e, err := s.RemoveExclusion(ctx, "H03", "huỷ quyết định"); err != nil || e.Period != june {
			t.Fatalf("lift: %+v %v", e, err)
		}
		if _, err := s.RemoveExclusion(ctx, "H03", "x"); !errors.Is(err, ErrNotExcluded) {
			t.Fatalf("lifted twice: %v", err)
		}
		if _, err := s.Exclude(ctx, campaign.Exclusion{Unit: "H03", Reason: "kỷ luật mới", Period: report.Period{Year: 2024, Month: 9}}); err != nil {
			t.Fatalf("excluded again after the lifting: %v", err)
		}
		if ex, err := s.Exclusions(ctx, false); err != nil || len(ex) != 1 || ex[0].Reason != "kỷ luật mới" {
			t.Fatalf("exclusions = %+v, %v", ex, err)
		}
		if ex, err := s.Exclusions(ctx, true); err != nil || len(ex) != 2 {
			t.Fatalf("exclusions, lifted too = %+v, %v", ex, err)
		}

		// nominations
		n1, err := s.AddNomination(ctx, campaign.Nomination{Unit: "H01", Name: "NGUYỄN VĂN AN", Title: "cstd_co_so", Reason: "sáng kiến"})
		if err != nil {
			t.Fatal(err)
		}
		var dup *DuplicateNominationError
		if _, err := s.AddNomination(ctx, campaign.Nomination{Unit: "H01", Name: "Nguyễn  Văn An", Title: "cstd_co_so", Reason: "x"}); !errors.As(err, &dup) || dup.Nomination.ID != n1 {
			t.Fatalf("the same person twice: %v", err)
		}
		if _, err := s.AddNomination(ctx, campaign.Nomination{Unit: "H01", Name: "Nguyễn Văn An", Title: "lao_dong_tien_tien", Reason: "x"}); err != nil {
			t.Fatalf("the same person for another title: %v", err)
		}
		if n, err := s.RemoveNomination(ctx, n1, "rút"); err != nil || n.Name != "NGUYỄN VĂN AN" {
			t.Fatalf("withdraw: %+v %v", n, err)
		}
		if _, err := s.RemoveNomination(ctx, 999, "x"); !errors.Is(err, ErrNoNomination) {
			t.Fatalf("unknown nomination: %v", err)
		}
		if ns, err := s.Nominations(ctx, "H01", false); err != nil || len(ns) != 1 || ns[0].Title != "lao_dong_tien_tien" {
			t.Fatalf("nominations = %+v, %v", ns, err)
		}

		want := []string{
			"adjust_add H01 #1:  → +2 điểm, từ 2024-06 (Bằng khen Thủ tướng)",
			"adjust_add H02 #2:  → -1.5 điểm, từ 2024-06, chỉ tiêu thu (báo cáo chậm)",
			"adjust_remove H01 #1: +2 điểm, từ 2024-06 →  (ghi nhầm)",
			"exclude H03 không xét khen thưởng:  → từ 2024-06 (kỷ luật)",
			"exclude_remove H03 không xét khen thưởng: từ 2024-06 →  (huỷ quyết định)",
			"exclude H03 không xét khen thưởng:  → từ 2024-09 (kỷ luật mới)",
			"nominate_add H01 #1:  → NGUYỄN VĂN AN — cstd_co_so (sáng kiến)",
			"nominate_add H01 #2:  → Nguyễn Văn An — lao_dong_tien_tien (x)",
			"nominate_remove H01 #1: NGUYỄN VĂN AN — cstd_co_so →  (rút)",
		}
		if got := actions(t, s, start); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("audit log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// Changes to the campaign and the targets are logged one setting, one
// value a line, before → after.
func TestCampaignAndTargetsLogged(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 2)
		start := logLen(t, s)
		y := strings.Replace(string(campaign.DefaultYAML()), "max_bonus: 5", "max_bonus: 3", 1)
		c, err := campaign.Parse([]byte(y))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
		units, err := s.Units(ctx)
		if err != nil {
			t.Fatal(err)
		}
		units[1].Targets["thu"] = 120
		units[1].Cluster = "Cụm 2"
		if err := s.SaveUnits(ctx, units[1:]); err != nil {
			t.Fatal(err)
		}
		want := []string{
			"campaign bhxh-2024 adjustments.max_bonus: 5 → 3",
			`targets H02 cụm: "" → "Cụm 2"`,
			"targets H02 thu KH: 100 → 120",
		}
		if got := actions(t, s, start); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("audit log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// An undone import stays in the history, marked, with the units it had;
// its file may come in again; undoing it twice is refused; the undoing is
// logged.
func TestUndoKeepsTheImport(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 2)
		id1, _, err := s.SaveImport(ctx, rec("a.xlsx", "sha-a"), []report.Report{rep("H01", 3, 10), rep("H02", 3, 20)}, false)
		if err != nil {
			t.Fatal(err)
		}
		id2, _, err := s.SaveImport(ctx, rec("a-sua.xlsx", "sha-b"), []report.Report{rep("H01", 3, 11)}, false)
		if err != nil {
			t.Fatal(err)
		}
		start := logLen(t, s)
		if _, err := s.Undo(ctx, id2, "nhầm tệp"); err != nil {
			t.Fatal(err)
		}
		var undone *UndoneError
		if _, err := s.Undo(ctx, id2, ""); !errors.As(err, &undone) || undone.ID != id2 {
			t.Fatalf("undone twice: %v", err)
		}
		hist, err := s.Imports(ctx)
		if err != nil || len(hist) != 2 || hist[1].Undone == nil || fmt.Sprint(hist[1].Units) != "[H01]" || hist[0].Undone != nil || len(hist[0].SupersededBy) != 0 {
			t.Fatalf("history = %+v, %v", hist, err)
		}
		if _, found, err := s.FindImport(ctx, "sha-b"); err != nil || found {
			t.Fatalf("the undone file is still found: %v %v", found, err)
		}
		id3, sup, err := s.SaveImport(ctx, rec("a-sua.xlsx", "sha-b"), []report.Report{rep("H01", 3, 11)}, false)
		if err != nil || len(sup) != 1 || sup[0].ImportID != id1 {
			t.Fatalf("the undone file again: %v %v", sup, err)
		}
		if _, _, err := s.SaveImport(ctx, rec("a-sua.xlsx", "sha-b"), []report.Report{rep("H01", 3, 11)}, false); !errors.As(err, new(*AlreadyImportedError)) {
			t.Fatalf("then once more: %v", err)
		}
		want := []string{fmt.Sprintf("undo #%d a-sua.xlsx: H01 2024-03 → đã hoàn tác; khôi phục H01 2024-03 (#%d) (nhầm tệp)", id2, id1)}
		if got := actions(t, s, start); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("audit log: %q, want %q", got, want)
		}
		if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
			t.Fatalf("check: %+v %v", problems, err)
		}
		_ = id3
	})
}

// A copy carries the council's decisions and the audit log, ids kept, and
// the copy goes on numbering after them.
func TestCopyCarriesTheRulebook(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		src, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "src.db"), true)
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		seed(t, src, 2)
		june := report.Period{Year: 2024, Month: 6}
		if _, err := src.AddAdjustment(ctx, campaign.Adjustment{Unit: "H01", Points: 2, Reason: "r", Period: june}); err != nil {
			t.Fatal(err)
		}
		if _, err := src.Exclude(ctx, campaign.Exclusion{Unit: "H02", Reason: "r", Period: june}); err != nil {
			t.Fatal(err)
		}
		if _, err := src.AddNomination(ctx, campaign.Nomination{Unit: "H01", Name: "A", Title: "t", Reason: "r"}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := src.SaveImport(ctx, rec("a.xlsx", "sha-a"), []report.Report{rep("H01", 3, 10)}, false); err != nil {
			t.Fatal(err)
		}
		if _, err := src.Undo(ctx, 1, ""); err != nil {
			t.Fatal(err)
		}
		if err := src.SetSetting(ctx, "place", "Hải Dương"); err != nil {
			t.Fatal(err)
		}
		dst := open()
		if err := src.CopyTo(ctx, dst); err != nil {
			t.Fatal(err)
		}
		a, _ := src.Summarise(ctx)
		b, _ := dst.Summarise(ctx)
		if fmt.Sprint(a.Counts) != fmt.Sprint(b.Counts) || b.Counts["audit_log"] != logLen(t, src) || b.Counts["nominations"] != 1 || b.Counts["settings"] != 1 {
			t.Fatalf("counts %v → %v", a.Counts, b.Counts)
		}
		id, err := dst.AddAdjustment(ctx, campaign.Adjustment{Unit: "H02", Points: -1, Reason: "r", Period: june})
		if err != nil || id != 2 {
			t.Fatalf("the copy's next adjustment: #%d, %v", id, err)
		}
		if hist, err := dst.Imports(ctx); err != nil || len(hist) != 1 || hist[0].Undone == nil || fmt.Sprint(hist[0].Units) != "[H01]" {
			t.Fatalf("the copy's history: %+v %v", hist, err)
		}
	})
}

// Settings are set, changed and cleared, each change logged once; setting
// a value a setting has already logs nothing.
func TestSettings(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		if got, err := s.Settings(ctx); err != nil || len(got) != 0 {
			t.Fatalf("a new workspace's settings: %v %v", got, err)
		}
		for _, kv := range [][2]string{
			{"place", "Hải Dương"}, {"signer_name", "Nguyễn Văn An"}, {"place", "Hải Dương"},
			{"place", "TP. Hải Dương"}, {"signer_name", ""}, {"organisation", "BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG\x00"},
		} {
			if err := s.SetSetting(ctx, kv[0], kv[1]); err != nil {
				t.Fatal(err)
			}
		}
		got, err := open().Settings(ctx)
		if err != nil || fmt.Sprint(got) != "map[organisation:BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG\uFFFD place:TP. Hải Dương]" {
			t.Errorf("settings %q %v", got, err)
		}
		log, err := s.AuditLog(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var said []string
		for _, e := range log {
			if e.Action == ActSetting {
				said = append(said, e.Subject+": "+e.Before+" → "+e.After)
			}
		}
		want := "[place:  → Hải Dương signer_name:  → Nguyễn Văn An place: Hải Dương → TP. Hải Dương signer_name: Nguyễn Văn An →  organisation:  → BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG\uFFFD]"
		if fmt.Sprint(said) != want {
			t.Errorf("log %q\nwant %q", fmt.Sprint(said), want)
		}
	})
}
