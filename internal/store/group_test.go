package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/bhxh/kpi/internal/report"
)

// A group saves files each whole or not at all: a file in parts
// (Begin, Add, End), one taken out (Abort), the same bytes twice, a file
// that fails in the middle of the group.
func TestImportGroup(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 5)
		if _, _, err := s.SaveImport(ctx, rec("old.xlsx", "sha-old"), []report.Report{rep("H01", 3, 1), rep("H02", 3, 2)}, false); err != nil {
			t.Fatal(err)
		}
		var partsID, oneID int64
		err := s.SaveImports(ctx, func(g ImportGroup) error {
			// a file in parts replaces H01 and H02
			f, err := g.Begin(ctx, rec("parts.xlsx", "sha-parts"), false)
			if err != nil {
				return err
			}
			sup1, err := f.Add(ctx, newPart([]report.Report{rep("H01", 3, 10), rep("H03", 3, 30)}))
			if err != nil {
				return err
			}
			sup2, err := f.Add(ctx, newPart([]report.Report{rep("H02", 3, 20)}))
			if err != nil {
				return err
			}
			if len(sup1) != 1 || sup1[0].Unit != "H01" || len(sup2) != 1 || sup2[0].Unit != "H02" {
				return fmt.Errorf("superseded %v %v", sup1, sup2)
			}
			if partsID, err = f.End(ctx, 3, []string{"một cảnh báo"}); err != nil {
				return err
			}
			// a file taken out leaves nothing
			f2, err := g.Begin(ctx, rec("gone.xlsx", "sha-gone"), false)
			if err != nil {
				return err
			}
			if _, err := f2.Add(ctx, newPart([]report.Report{rep("H04", 3, 40)})); err != nil {
				return err
			}
			if err := f2.Abort(ctx); err != nil {
				return err
			}
			// the same bytes as a file of the group, whole or in parts
			if _, err := g.Begin(ctx, rec("again.xlsx", "sha-parts"), false); !errors.As(err, new(*AlreadyImportedError)) {
				return fmt.Errorf("the same bytes in parts: %v", err)
			}
			if _, _, err := g.Save(ctx, rec("again.xlsx", "sha-parts"), []report.Report{rep("H05", 3, 5)}, false); !errors.As(err, new(*AlreadyImportedError)) {
				return fmt.Errorf("the same bytes: %v", err)
			}
			// a file that fails (an unknown unit) is rolled back alone
			if _, _, err := g.Save(ctx, rec("bad.xlsx", "sha-bad"), []report.Report{rep("H05", 3, 5), rep("NOPE", 3, 1)}, false); err == nil {
				return errors.New("a report of an unknown unit saved")
			}
			if oneID, _, err = g.Save(ctx, recOf("one.xlsx", "sha-one", 4), []report.Report{rep("H05", 4, 5)}, false); err != nil {
				return err
			}
			return g.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		hist, err := s.Imports(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var files []string
		for _, h := range hist {
			files = append(files, fmt.Sprintf("%s:%d:%v", h.File, h.Values, h.Warnings))
		}
		if fmt.Sprint(files) != "[old.xlsx:1:[] parts.xlsx:3:[một cảnh báo] one.xlsx:1:[]]" || hist[1].ID != partsID || hist[2].ID != oneID {
			t.Errorf("history %v", files)
		}
		reps, err := s.Reports(ctx, 2024, "", "")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range reps {
			got = append(got, fmt.Sprintf("%s %s #%d", r.Unit, r.Period, r.ImportID))
		}
		want := fmt.Sprintf("[H01 2024-03 #%d H02 2024-03 #%d H03 2024-03 #%d H05 2024-04 #%d]", partsID, partsID, partsID, oneID)
		if fmt.Sprint(got) != want {
			t.Errorf("reports %v, want %s", got, want)
		}
		if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
			t.Errorf("check: %v %v", problems, err)
		}
	})
}

// A file saved in many-report parts finds the reports in force part by
// part: in a month that had some, the one a later part replaces is
// superseded; in a month that had none (no import of it: nothing is looked
// up), each part just adds; a file after it in the group, of its month,
// supersedes its reports.
func TestFileInPartsSupersedes(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 200)
		if _, _, err := s.SaveImport(ctx, rec("old.xlsx", "sha-old"), []report.Report{rep("H150", 3, 1)}, false); err != nil {
			t.Fatal(err)
		}
		part := func(month, from, to int) []report.Report {
			var out []report.Report
			for i := from; i <= to; i++ {
				out = append(out, rep(fmt.Sprintf("H%02d", i), month, float64(i)))
			}
			return out
		}
		var sups [][]Superseded
		ids := map[int]int64{}
		err := s.SaveImports(ctx, func(g ImportGroup) error {
			for _, month := range []int{3, 4} {
				f, err := g.Begin(ctx, recOf(fmt.Sprintf("t%d.xlsx", month), fmt.Sprintf("sha-%d", month), month), false)
				if err != nil {
					return err
				}
				for _, p := range [][2]int{{1, 100}, {101, 200}} {
					sup, err := f.Add(ctx, newPart(part(month, p[0], p[1])))
					if err != nil {
						return err
					}
					sups = append(sups, sup)
				}
				if ids[month], err = f.End(ctx, 200, nil); err != nil {
					return err
				}
			}
			// whole and in parts, a later file of April replaces the one
			// saved in the group
			_, sup, err := g.Save(ctx, recOf("fix.xlsx", "sha-fix", 4), []report.Report{rep("H05", 4, 55)}, false)
			if err != nil {
				return err
			}
			sups = append(sups, sup)
			f, err := g.Begin(ctx, recOf("fix2.xlsx", "sha-fix2", 4), false)
			if err != nil {
				return err
			}
			if sup, err = f.Add(ctx, newPart(part(4, 6, 200))); err != nil {
				return err
			}
			sups = append(sups, sup)
			_, err = f.End(ctx, 195, nil)
			return errors.Join(err, g.Err())
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(sups) != 6 || len(sups[0]) != 0 || len(sups[1]) != 1 || sups[1][0].Unit != "H150" || len(sups[2]) != 0 || len(sups[3]) != 0 {
			t.Fatalf("superseded %v", sups)
		}
		if len(sups[4]) != 1 || sups[4][0] != (Superseded{Unit: "H05", Period: "2024-04", ImportID: ids[4]}) || len(sups[5]) != 195 || sups[5][0].ImportID != ids[4] {
			t.Fatalf("the later files of April superseded %v, %d", sups[4], len(sups[5]))
		}
		for _, period := range []string{"2024-03", "2024-04"} {
			live, err := s.Reports(ctx, 2024, "", period)
			if err != nil || len(live) != 200 {
				t.Fatalf("%s: %d in force, %v", period, len(live), err)
			}
			for _, r := range live {
				if r.Unit == "H150" && r.Values[0].Month != nil && *r.Values[0].Month != 150 {
					t.Errorf("%s: H150 = %v", period, *r.Values[0].Month)
				}
			}
		}
	})
}

// A file saved alone (SaveAlone) and taken out — aborted, or failing in a
// part — leaves the workspace as it was: the reports it replaced in force
// again, no record; one that ends is saved.
func TestSaveAloneTakenOut(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 200)
		var old []report.Report
		for i := 1; i <= 200; i++ {
			old = append(old, rep(fmt.Sprintf("H%02d", i), 3, 1))
		}
		firstID, _, err := s.SaveImport(ctx, rec("old.xlsx", "sha-old"), old, false)
		if err != nil {
			t.Fatal(err)
		}
		part := func(from, to int, unit string) []report.Report {
			var out []report.Report
			for i := from; i <= to; i++ {
				out = append(out, rep(fmt.Sprintf(unit, i), 3, 2))
			}
			return out
		}
		for _, how := range []string{"aborted", "a part fails"} {
			err := s.SaveAlone(ctx, func(g ImportGroup) error {
				f, err := g.Begin(ctx, rec("new.xlsx", "sha-new"), false)
				if err != nil {
					return err
				}
				if _, err := f.Add(ctx, newPart(part(1, 150, "H%02d"))); err != nil {
					return err
				}
				if how == "aborted" {
					return f.Abort(ctx)
				}
				if _, err := f.Add(ctx, newPart(part(151, 170, "NOPE%d"))); err == nil {
					return errors.New("a report of an unknown unit saved")
				}
				return g.Err()
			})
			if err != nil {
				t.Fatalf("%s: %v", how, err)
			}
			live, err := s.Reports(ctx, 2024, "", "2024-03")
			if err != nil || len(live) != 200 {
				t.Fatalf("%s: %d in force, %v", how, len(live), err)
			}
			for _, r := range live {
				if r.ImportID != firstID {
					t.Fatalf("%s: %s in force from #%d", how, r.Unit, r.ImportID)
				}
			}
			if hist, err := s.Imports(ctx); err != nil || len(hist) != 1 {
				t.Fatalf("%s: history %d, %v", how, len(hist), err)
			}
		}
		var id int64
		err = s.SaveAlone(ctx, func(g ImportGroup) error {
			f, err := g.Begin(ctx, rec("new.xlsx", "sha-new"), false)
			if err != nil {
				return err
			}
			if _, err := f.Add(ctx, newPart(part(1, 200, "H%02d"))); err != nil {
				return err
			}
			id, err = f.End(ctx, 200, nil)
			return err
		})
		if err != nil || id <= firstID {
			t.Fatalf("saved as #%d, %v", id, err)
		}
		if hist, err := s.Imports(ctx); err != nil || len(hist) != 2 {
			t.Fatalf("history %d, %v", len(hist), err)
		}
		live, err := s.Reports(ctx, 2024, "", "2024-03")
		if err != nil || len(live) != 200 || live[0].ImportID != id {
			t.Fatalf("%d in force, %v", len(live), err)
		}
	})
}

// When the database itself has rolled back the transaction of a file saved
// without a savepoint (a full disk), taking the file out touches nothing
// another process saved meanwhile, and the save fails.
func TestSaveAloneAfterTheTransactionIsGone(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kpi.db")
	s, err := OpenSQLite(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	seed(t, s, 100)
	other, err := OpenSQLite(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var otherID int64
	err = s.SaveAlone(ctx, func(g ImportGroup) error {
		f, err := g.Begin(ctx, rec("mine.xlsx", "sha-mine"), false)
		if err != nil {
			return err
		}
		var part []report.Report
		for i := 1; i <= 80; i++ {
			part = append(part, rep(fmt.Sprintf("H%02d", i), 3, 1))
		}
		if _, err := f.Add(ctx, newPart(part)); err != nil {
			return err
		}
		// as SQLite does after SQLITE_FULL: the transaction is gone
		if _, err := g.(*importGroup).w.ExecContext(ctx, "ROLLBACK"); err != nil {
			return err
		}
		if otherID, _, err = other.SaveImport(ctx, rec("theirs.xlsx", "sha-theirs"), []report.Report{rep("H01", 3, 7)}, false); err != nil {
			return err
		}
		if _, err := f.Add(ctx, newPart([]report.Report{rep("NOPE", 3, 1)})); err == nil {
			return errors.New("a report of an unknown unit saved")
		}
		return g.Err()
	})
	if err == nil {
		t.Error("the save of a file whose transaction is gone succeeded")
	}
	hist, herr := s.Imports(ctx)
	if herr != nil || len(hist) != 1 || hist[0].ID != otherID || hist[0].File != "theirs.xlsx" {
		t.Fatalf("history %+v, %v", hist, herr)
	}
	live, lerr := s.Reports(ctx, 2024, "H01", "2024-03")
	if lerr != nil || len(live) != 1 || live[0].ImportID != otherID {
		t.Fatalf("H01 in force: %+v, %v", live, lerr)
	}
}

// newPart is NewPart for reports whose values encode (a test's).
func newPart(reports []report.Report) *Part {
	p, err := NewPart(reports)
	if err != nil {
		panic(err)
	}
	return p
}

// A file's period is written as it is stored ("2024-03"): another writing
// would not be found as its month (inForce), and the next file of the
// month would not replace it.
func TestBeginPeriodAsStored(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 3)
		for _, p := range []string{"2024-03 ", "2024-3", "2024-03-01"} {
			r := rec("parts.xlsx", "sha-parts")
			r.Period = p
			err := s.SaveImports(ctx, func(g ImportGroup) error {
				_, err := g.Begin(ctx, r, false)
				return err
			})
			if err == nil {
				t.Errorf("period %q taken", p)
			}
		}
	})
}

// The reports in force are looked up where an import in force may have
// some (inForce) in every sequence: observations read before a file is
// opened, a file in parts aborted, one failing in a later part, a whole
// file rolled back, parts then a whole file of one month in a group, a
// month whose later import was undone (the earlier one in force again), a
// month whose only import was undone.
func TestInForceSequences(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 200)
		many := func(month, from, to int, v float64) []report.Report {
			var out []report.Report
			for i := from; i <= to; i++ {
				out = append(out, rep(fmt.Sprintf("H%02d", i), month, v))
			}
			return out
		}
		// X (March, H01..H100), Y (March, H01..H100) supersedes X; undo Y: X in force again
		x, _, err := s.SaveImport(ctx, recOf("x.xlsx", "sha-x", 3), many(3, 1, 100, 1), false)
		if err != nil {
			t.Fatal(err)
		}
		y, _, err := s.SaveImport(ctx, recOf("y.xlsx", "sha-y", 3), many(3, 1, 100, 2), false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Undo(ctx, y, ""); err != nil {
			t.Fatal(err)
		}
		// Z (May) saved then undone: no import of May in force
		z, _, err := s.SaveImport(ctx, recOf("z.xlsx", "sha-z", 5), many(5, 1, 100, 1), false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Undo(ctx, z, ""); err != nil {
			t.Fatal(err)
		}
		var sups [][]Superseded
		note := func(sup []Superseded, err error) error { sups = append(sups, sup); return err }
		err = s.SaveAlone(ctx, func(g ImportGroup) error {
			// observations first (as commitStream does), then a file in parts of April, aborted
			if _, err := g.ObservationsOf(ctx, 2024, []string{"H01"}); err != nil {
				return err
			}
			f, err := g.Begin(ctx, recOf("a1.xlsx", "sha-a1", 4), false)
			if err != nil {
				return err
			}
			if _, err := f.Add(ctx, newPart(many(4, 1, 100, 1))); err != nil {
				return err
			}
			if err := f.Abort(ctx); err != nil {
				return err
			}
			// a file of April that fails (unknown unit) after a part
			f, err = g.Begin(ctx, recOf("a2.xlsx", "sha-a2", 4), false)
			if err != nil {
				return err
			}
			if _, err := f.Add(ctx, newPart(many(4, 1, 100, 2))); err != nil {
				return err
			}
			if _, err := f.Add(ctx, newPart([]report.Report{rep("NOPE", 4, 1)})); err == nil {
				return fmt.Errorf("unknown unit saved")
			}
			// a whole file of April that fails
			if _, _, err := g.Save(ctx, recOf("a3.xlsx", "sha-a3", 4), append(many(4, 1, 100, 3), rep("NOPE", 4, 1)), false); err == nil {
				return fmt.Errorf("unknown unit saved")
			}
			// April for real, in parts, then again whole: the second supersedes the first
			f, err = g.Begin(ctx, recOf("a4.xlsx", "sha-a4", 4), false)
			if err != nil {
				return err
			}
			if err := note(f.Add(ctx, newPart(many(4, 1, 100, 4)))); err != nil {
				return err
			}
			if _, err := f.End(ctx, 100, nil); err != nil {
				return err
			}
			if err := note(func() ([]Superseded, error) {
				_, sup, err := g.Save(ctx, recOf("a5.xlsx", "sha-a5", 4), many(4, 50, 150, 5), false)
				return sup, err
			}()); err != nil {
				return err
			}
			// March: X in force again after the undo of Y
			if err := note(func() ([]Superseded, error) {
				_, sup, err := g.Save(ctx, recOf("m.xlsx", "sha-m", 3), many(3, 1, 200, 6), false)
				return sup, err
			}()); err != nil {
				return err
			}
			// May: Z undone
			if err := note(func() ([]Superseded, error) {
				_, sup, err := g.Save(ctx, recOf("may.xlsx", "sha-may", 5), many(5, 1, 200, 7), false)
				return sup, err
			}()); err != nil {
				return err
			}
			obs, err := g.ObservationsOf(ctx, 2024, []string{"H60"})
			if err != nil {
				return err
			}
			if len(obs) != 3 {
				return fmt.Errorf("H60 observations %+v", obs)
			}
			return g.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(sups) != 4 || len(sups[0]) != 0 || len(sups[1]) != 51 || len(sups[2]) != 100 || sups[2][0].ImportID != x || len(sups[3]) != 0 {
			t.Fatalf("superseded: %d lists %v", len(sups), func() []int {
				var n []int
				for _, s := range sups {
					n = append(n, len(s))
				}
				return n
			}())
		}
	})
}

// A file of many reports (their import and period written in the
// statement, see literalRows) is saved as one of a few: each report of its
// unit, period, import and figures.
func TestManyReportsSaved(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, literalRows+44)
		var reports []report.Report
		for i := 1; i <= literalRows+44; i++ {
			reports = append(reports, rep(fmt.Sprintf("H%02d", i), 4, float64(i)))
		}
		id, _, err := s.SaveImport(ctx, recOf("many.xlsx", "sha-many", 4), reports, false)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Reports(ctx, 2024, "", "")
		if err != nil || len(got) != len(reports) {
			t.Fatalf("%d reports, %v", len(got), err)
		}
		for _, r := range got {
			var n int
			fmt.Sscanf(r.Unit, "H%d", &n)
			if r.Period != "2024-04" || r.ImportID != id || *r.Values[0].Month != float64(n) {
				t.Fatalf("%+v", r)
			}
		}
	})
}
