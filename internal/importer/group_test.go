package importer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/store"
)

// plainStore hides the store's group commit: every file is saved in a
// transaction of its own.
type plainStore struct{ store.Store }

// groupBatch writes a batch that exercises what a group must do as a
// sequential run does: new reports, a replacement and a month sent as two
// files within the batch, the same bytes twice, a file that fails.
func groupBatch(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	for m := 1; m <= 6; m++ {
		for _, u := range []string{"H01", "H02"} {
			files = append(files, write(t, dir, fmt.Sprintf("%s_2024-%s.xlsx", u, m2(m)),
				fmt.Sprintf("row 1: Mã đơn vị: %s\nrow 2: Kỳ báo cáo: %s/2024\n%srow 6: thu | %d |", u, m2(m), longHead, 100*m)))
		}
	}
	// H01's March again, corrected: replaces the report of the batch
	files = append(files, write(t, dir, "H01_2024-03_sua.xlsx", "row 1: Mã đơn vị: H01\nrow 2: Kỳ báo cáo: 03/2024\n"+longHead+"row 6: thu | 333 |"))
	// H02's April head-counts on a form of their own: keeps the revenue
	files = append(files, write(t, dir, "H02_2024-04_b06.xlsx", "row 1: Mã đơn vị: H02\nrow 2: Kỳ báo cáo: 04/2024\n"+longHead+"row 6: bhyt | 5000 |"))
	// the same bytes under another name
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, "copy.xlsx")
	if err := os.WriteFile(copyPath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	files = append(files, copyPath)
	// a file that fails, among them
	files = append(files, write(t, dir, "X99_2024-01.xlsx", "row 1: Mã đơn vị: X99\nrow 2: Kỳ báo cáo: 01/2024\n"+longHead+"row 6: thu | 1 |"))
	files = append(files, write(t, dir, "H10_2024-01.xlsx", "row 1: Mã đơn vị: H10\nrow 2: Kỳ báo cáo: 01/2024\n"+longHead+"row 6: thu | 7 |"))
	// H02's May head-counts (its revenue kept) jump from April's, a file
	// of the batch
	files = append(files, write(t, dir, "H02_2024-05_b06.xlsx", "row 1: Mã đơn vị: H02\nrow 2: Kỳ báo cáo: 05/2024\n"+longHead+"row 6: bhyt | 9000 |"))
	return files
}

// summary is what a result says, without what differs between two runs
// of the same batch on two workspaces (the paths).
func summary(r FileResult) string {
	err := ""
	if r.Err != nil {
		err = r.Err.Error()
	}
	return fmt.Sprintf("%s %s #%d units=%v values=%d warnings=%v superseded=%v kept=%+v err=%q",
		r.File, r.Status, r.ImportID, r.Units, r.Values, r.Warnings, r.Superseded, r.Kept, err)
}

// Saving files in groups gives the results, history and reports of saving
// them one transaction each; so does reading the figures the checks need
// unit by unit (partial: a workspace too big to hold a year of them).
func TestGroupCommitAsSequential(t *testing.T) {
	ctx := context.Background()
	run := func(plain, partial bool) ([]string, []store.StoredReport) {
		im, dir := setup(t)
		files := groupBatch(t, dir)
		if plain {
			im.Store = plainStore{im.Store}
		}
		im.partial = partial
		var seen []string
		results := im.ImportFiles(ctx, files, Options{}, 2, func(r FileResult) { seen = append(seen, summary(r)) })
		var got []string
		for _, r := range results {
			got = append(got, summary(r))
		}
		if !reflect.DeepEqual(got, seen) {
			t.Errorf("done saw\n%v\nresults are\n%v", seen, got)
		}
		reps, err := im.Store.Reports(ctx, 2024, "", "")
		if err != nil {
			t.Fatal(err)
		}
		return got, reps
	}
	seq, seqReps := run(true, false)
	grp, grpReps := run(false, false)
	if !reflect.DeepEqual(seq, grp) {
		t.Errorf("grouped:\n%s\nsequential:\n%s", join(grp), join(seq))
	}
	if !reflect.DeepEqual(seqReps, grpReps) {
		t.Errorf("reports differ:\n%+v\n%+v", grpReps, seqReps)
	}
	for _, partial := range []bool{true} {
		for _, plain := range []bool{false, true} {
			got, reps := run(plain, partial)
			if !reflect.DeepEqual(seq, got) || !reflect.DeepEqual(seqReps, reps) {
				t.Errorf("partial, plain %v:\n%s\nsequential:\n%s", plain, join(got), join(seq))
			}
		}
	}
	for _, want := range []string{"H01_2024-03_sua.xlsx replaced", "H02_2024-04_b06.xlsx replaced", "copy.xlsx skipped #1", "X99_2024-01.xlsx failed", "kept=[{Unit:H02 Period:2024-04 KPIs:[thu] ImportID:8}]",
		"bhyt của H02 là 9000, kỳ 2024-04 là 5000"} {
		if !containsAny(grp, want) {
			t.Errorf("no result says %q:\n%s", want, join(grp))
		}
	}
}

func join(s []string) string {
	out := ""
	for _, x := range s {
		out += x + "\n"
	}
	return out
}

func containsAny(s []string, sub string) bool {
	for _, x := range s {
		if strings.Contains(x, sub) {
			return true
		}
	}
	return false
}

// breakingStore's groups break at its breakAt-th save (counted over the
// whole batch): that save fails as a lost connection would, and nothing
// of its group may be committed.
type breakingStore struct {
	*store.DB
	breakAt, saves int
	groups         int
}

func (b *breakingStore) SaveImports(ctx context.Context, fn func(g store.ImportGroup) error) error {
	b.groups++
	return b.DB.SaveImports(ctx, func(g store.ImportGroup) error { return fn(&breakingGroup{ImportGroup: g, b: b}) })
}

type breakingGroup struct {
	store.ImportGroup
	b   *breakingStore
	err error
}

func (g *breakingGroup) Save(ctx context.Context, rec store.ImportRecord, reports []report.Report, force bool) (int64, []store.Superseded, error) {
	g.b.saves++
	if g.b.saves == g.b.breakAt {
		g.err = errors.New("connection reset by peer")
	}
	if g.err != nil {
		return 0, nil, g.err
	}
	return g.ImportGroup.Save(ctx, rec, reports, force)
}

func (g *breakingGroup) Err() error {
	if g.err != nil {
		return g.err
	}
	return g.ImportGroup.Err()
}

// A group that breaks loses nothing: its files are saved again, each
// alone, and every file's result is given once, in order, after the
// commit that holds it.
func TestGroupThatBreaksIsSavedFileByFile(t *testing.T) {
	ctx := context.Background()
	im, dir := setup(t)
	db := im.Store.(*store.DB)
	bs := &breakingStore{DB: db, breakAt: 4}
	im.Store = bs
	files := groupBatch(t, dir)
	var seen []string
	results := im.ImportFiles(ctx, files, Options{}, 2, func(r FileResult) {
		seen = append(seen, r.File)
		if r.Status == Imported || r.Status == Replaced {
			// another connection sees it: the commit is done
			id, found, err := db.FindImport(ctx, r.SHA256)
			if err != nil || !found || id != r.ImportID {
				t.Errorf("%s given as %s #%d before its commit (found %v #%d, %v)", r.File, r.Status, r.ImportID, found, id, err)
			}
		}
	})
	if len(results) != len(files) || len(seen) != len(files) {
		t.Fatalf("%d results, %d given, for %d files", len(results), len(seen), len(files))
	}
	for i, r := range results {
		if r.Path != files[i] || seen[i] != r.File {
			t.Errorf("result %d is %s (given %s), want %s", i, r.Path, seen[i], files[i])
		}
		want := Imported
		switch r.File {
		case "H01_2024-03_sua.xlsx", "H02_2024-04_b06.xlsx", "H02_2024-05_b06.xlsx":
			want = Replaced
		case "copy.xlsx":
			want = Skipped
		case "X99_2024-01.xlsx":
			want = Failed
		}
		if r.Status != want {
			t.Errorf("%s: %s %v, want %s", r.File, r.Status, r.Err, want)
		}
	}
	// the history holds each file once
	hist, err := db.Imports(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != len(files)-2 {
		t.Errorf("%d imports in the history, want %d", len(hist), len(files)-2)
	}
	if problems, err := db.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

// A dry run checks each file against the files before it in the batch —
// kept KPIs, jumps from an earlier month — also when the figures are read
// unit by unit (partial), though the workspace never gets them.
func TestDryRunPartialAsWhole(t *testing.T) {
	ctx := context.Background()
	run := func(partial bool) []string {
		im, dir := setup(t)
		im.partial = partial
		var got []string
		for _, r := range im.ImportFiles(ctx, groupBatch(t, dir), Options{DryRun: true}, 2, nil) {
			got = append(got, summary(r))
		}
		return got
	}
	whole, partial := run(false), run(true)
	if !reflect.DeepEqual(whole, partial) {
		t.Errorf("partial:\n%s\nwhole:\n%s", join(partial), join(whole))
	}
	for _, want := range []string{"H02_2024-04_b06.xlsx checked", "kept=[{Unit:H02 Period:2024-04 KPIs:[thu]", "bhyt của H02 là 9000, kỳ 2024-04 là 5000"} {
		if !containsAny(partial, want) {
			t.Errorf("no result says %q:\n%s", want, join(partial))
		}
	}
}
