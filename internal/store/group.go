package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/bhxh/kpi/internal/report"
)

// Group commit: an import of many files saves them in a few writing
// transactions instead of one each — a transaction's begin and commit, and
// the preparing of its statements, cost more than a district's workbook
// itself. Each file is saved in its own savepoint: a file that fails is
// rolled back alone and the group goes on; a file is whole or absent after
// a crash, since the group commits or does not as a whole. The importer
// reports a file only once the commit that holds it is done.

// ImportGroup is one writing transaction saving several files (see
// GroupSaver).
type ImportGroup interface {
	// Save saves one file as Store.SaveImport does, in the group's
	// transaction: all its reports, or — on an error — none (the file's
	// savepoint is rolled back, and the group goes on). A file whose
	// SHA-256 is imported already, in the group too, is refused with
	// *AlreadyImportedError.
	Save(ctx context.Context, rec ImportRecord, reports []report.Report, force bool) (id int64, superseded []Superseded, err error)
	// Reports is Store.Reports as the group's transaction sees it, with
	// the files saved in it so far.
	Reports(ctx context.Context, year int, unit, period string) ([]StoredReport, error)
	// ObservationsOf is Store.ObservationsOf as the group's transaction
	// sees it.
	ObservationsOf(ctx context.Context, year int, units []string) ([]report.Observation, error)
	// Begin saves a file whose reports are too many to hold at once: they
	// are given in parts (FileSaver.Add) and the file is closed by
	// FileSaver.End, which gives its figures' count and warnings (rec's
	// are not used). Until End the file can be taken out (Abort); an error
	// of Begin, Add or End takes it out itself. A file whose SHA-256 is
	// imported already is refused with *AlreadyImportedError.
	Begin(ctx context.Context, rec ImportRecord, force bool) (FileSaver, error)
	// Err is the error that broke the group's transaction (the
	// connection was lost, the database refused to roll back to a file's
	// savepoint), after which nothing of the group can be committed; nil
	// while the group is sound.
	Err() error
}

// FileSaver saves one file of a group in parts (see ImportGroup.Begin).
type FileSaver interface {
	// Add saves a part of the file's reports, each superseding the report
	// in force for its unit and period.
	Add(ctx context.Context, part *Part) ([]Superseded, error)
	// End closes the file: it is in the group.
	End(ctx context.Context, values int, warnings []string) (id int64, err error)
	// Abort takes the file out of the group.
	Abort(ctx context.Context) error
}

// Part is reports of a file saved in parts (FileSaver.Add), made ready
// for saving by NewPart where they are read: a consolidated sheet's
// writer, the slower of its two goroutines, only saves them.
type Part struct {
	reports []report.Report
	vals    []string // each report's values, encoded
}

// NewPart makes reports ready for saving. A report changed after must be
// made ready again.
func NewPart(reports []report.Report) (*Part, error) {
	vals, err := encodeReports(reports)
	if err != nil {
		return nil, err
	}
	return &Part{reports: reports, vals: vals}, nil
}

// GroupSaver is a store that saves many files in one transaction.
type GroupSaver interface {
	// SaveImports runs fn in one writing transaction and commits it when
	// fn returns nil and the group is sound; otherwise nothing fn saved
	// is kept, and the error says why.
	SaveImports(ctx context.Context, fn func(g ImportGroup) error) error
	// SaveAlone is SaveImports for one file saved in parts (Begin … End)
	// in a transaction of its own: a consolidated sheet. Where a
	// savepoint costs memory for each page the file changes (the embedded
	// database keeps them in its journal: a national sheet replacing
	// another held some 100 MB), the file has none: taking it out erases
	// what it wrote.
	SaveAlone(ctx context.Context, fn func(g ImportGroup) error) error
}

var _ GroupSaver = (*DB)(nil)

// SaveImports runs fn in one writing transaction (through write) whose
// files are each saved in a savepoint.
func (s *DB) SaveImports(ctx context.Context, fn func(g ImportGroup) error) error {
	return s.saveGroup(ctx, false, fn)
}

// SaveAlone runs fn in a writing transaction of its own, the file Begin
// opens without a savepoint where the dialect's cost memory.
func (s *DB) SaveAlone(ctx context.Context, fn func(g ImportGroup) error) error {
	return s.saveGroup(ctx, s.d.costlySavepoints(), fn)
}

func (s *DB) saveGroup(ctx context.Context, alone bool, fn func(g ImportGroup) error) error {
	return s.write(ctx, func(w *writeTx) error {
		w.long = true
		g := &importGroup{s: s, w: w, alone: alone}
		if err := fn(g); err != nil {
			return err
		}
		return g.err
	})
}

type importGroup struct {
	s     *DB
	w     *writeTx
	err   error // what broke the transaction
	alone bool  // a file Begin opens has no savepoint (SaveAlone)
	// the periods of the imports in force: read at the first lookup —
	// at the latest when a file is begun, before its record is written —,
	// kept as files are saved (saved); a file saved in parts counts from
	// its End
	periods map[string]bool
}

// inForce reports whether an import in force of a period that match
// accepts may have reports in force, as the transaction sees it, the file
// being saved in parts left out (its units are each once in it). A
// report is of its import's period (newImportRows, Add) and an undone
// import has none, so where no import is of the period, the lookups of
// reports in force are skipped: the first month of a national sheet
// looks none of its 200,000 units up.
func (g *importGroup) inForce(ctx context.Context, match func(period string) bool) (bool, error) {
	if g.periods == nil {
		rows, err := g.w.QueryContext(ctx, "SELECT DISTINCT period FROM imports WHERE undone_at IS NULL")
		if err != nil {
			return false, err
		}
		periods := map[string]bool{}
		for rows.Next() {
			var p string
			if err := rows.Scan(&p); err != nil {
				rows.Close()
				return false, err
			}
			periods[p] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return false, err
		}
		g.periods = periods
	}
	for p := range g.periods {
		if match(p) {
			return true, nil
		}
	}
	return false, nil
}

// saved notes a file of period saved in the group.
func (g *importGroup) saved(period string) {
	if g.periods != nil {
		g.periods[period] = true
	}
}

func (g *importGroup) Err() error { return g.err }

// savepointName is the name of a file's savepoint (one at a time).
const savepointName = "kpi_file"

func (g *importGroup) Save(ctx context.Context, rec ImportRecord, reports []report.Report, force bool) (int64, []Superseded, error) {
	if g.err != nil {
		return 0, nil, g.err
	}
	imp, err := newImportRows(rec, reports, force)
	if err != nil {
		return 0, nil, err
	}
	var id int64
	var sup []Superseded
	if one, ok := g.s.d.(oneReportSaver); ok && len(reports) == 1 {
		// the savepoint goes with the file's statements (one round trip)
		id, sup, err = one.saveOne(ctx, g.w, imp, true)
	} else {
		if _, err = g.w.ExecContext(ctx, "SAVEPOINT "+savepointName); err != nil {
			g.err = g.s.reword(err)
			return 0, nil, g.err
		}
		var live bool
		if live, err = g.inForce(ctx, func(p string) bool { return p == rec.Period }); err == nil {
			id, sup, err = g.s.saveImport(ctx, g.w, imp, live)
		}
		if err == nil {
			_, err = g.w.ExecContext(ctx, "RELEASE "+savepointName)
			if err != nil {
				// the file is in the transaction and cannot be taken out alone
				g.err = g.s.reword(err)
				return 0, nil, g.err
			}
		}
	}
	if err == nil {
		g.saved(rec.Period)
		return id, sup, nil
	}
	// the file failed: take it out, keep the group
	if _, rerr := g.w.ExecContext(ctx, "ROLLBACK TO "+savepointName); rerr != nil {
		g.err = g.s.reword(fmt.Errorf("%w (rolling back: %w)", err, rerr))
		return 0, nil, g.err
	}
	if _, rerr := g.w.ExecContext(ctx, "RELEASE "+savepointName); rerr != nil {
		g.err = g.s.reword(rerr)
		return 0, nil, g.err
	}
	if errors.Is(err, errSameFile) {
		// the unique index on the file's SHA-256 said no: name the import,
		// as the transaction sees it (it may be one of the group's)
		var prev int64
		ferr := g.w.QueryRowContext(ctx, findImportSQL, rec.SHA256).Scan(&prev)
		if ferr == nil {
			return 0, nil, &AlreadyImportedError{ID: prev}
		}
		if !errors.Is(ferr, sql.ErrNoRows) {
			g.err = g.s.reword(ferr)
			return 0, nil, g.err
		}
	}
	return 0, nil, g.s.reword(err)
}

func (g *importGroup) Reports(ctx context.Context, year int, unit, period string) ([]StoredReport, error) {
	if g.err != nil {
		return nil, g.err
	}
	return liveReports(ctx, g.w, year, unit, period)
}

func (g *importGroup) ObservationsOf(ctx context.Context, year int, units []string) ([]report.Observation, error) {
	if g.err != nil {
		return nil, g.err
	}
	from, to := yearPeriods(year)
	some, err := g.inForce(ctx, func(p string) bool { return p >= from && p <= to })
	if err != nil || !some {
		return nil, err
	}
	return g.s.observationsOf(ctx, g.w, year, units)
}

// Begin opens the file's savepoint and records the file.
func (g *importGroup) Begin(ctx context.Context, rec ImportRecord, force bool) (FileSaver, error) {
	if g.err != nil {
		return nil, g.err
	}
	rec.Values, rec.Warnings = 0, nil
	imp, err := newImportRows(rec, nil, force)
	if err != nil {
		return nil, err
	}
	live, err := g.inForce(ctx, func(p string) bool { return p == rec.Period })
	if err != nil {
		g.err = g.s.reword(err)
		return nil, g.err
	}
	if !g.alone {
		if _, err := g.w.ExecContext(ctx, "SAVEPOINT "+savepointName); err != nil {
			g.err = g.s.reword(err)
			return nil, g.err
		}
	}
	f := &fileSaver{g: g, sha: rec.SHA256, at: imp.at, period: imp.period, live: live}
	if err := g.s.txQueryRow(ctx, g.w, insertImportSQL, imp.args...).Scan(&f.id); err != nil {
		return nil, f.fail(ctx, sameFile(g.s.d, err), rec.SHA256)
	}
	return f, nil
}

// fileSaver is a file of a group being saved in parts.
type fileSaver struct {
	g       *importGroup
	id      int64
	done    bool   // ended or taken out
	sha, at string // its record's SHA-256 and time: what erase finds it by
	period  report.Period
	live    bool // reports of its period may be in force (see inForce)
}

func (f *fileSaver) Add(ctx context.Context, part *Part) ([]Superseded, error) {
	if f.done {
		return nil, errors.New("file closed")
	}
	if err := ofPeriod(part.reports, f.period); err != nil {
		return nil, f.fail(ctx, err, "")
	}
	sup, err := f.g.s.addReports(ctx, f.g.w, f.id, part.reports, part.vals, f.live)
	if err != nil {
		return nil, f.fail(ctx, err, "")
	}
	return sup, nil
}

func (f *fileSaver) End(ctx context.Context, values int, warnings []string) (int64, error) {
	if f.done {
		return 0, errors.New("file closed")
	}
	ws, err := json.Marshal(textList(warnings))
	if err != nil {
		return 0, f.fail(ctx, err, "")
	}
	if _, err := f.g.w.ExecContext(ctx, "UPDATE imports SET value_count = ?, warnings = ? WHERE id = ?", values, string(ws), f.id); err != nil {
		return 0, f.fail(ctx, err, "")
	}
	f.done = true
	f.g.saved(f.period.String())
	if f.g.alone {
		return f.id, nil
	}
	if _, err := f.g.w.ExecContext(ctx, "RELEASE "+savepointName); err != nil {
		f.g.err = f.g.s.reword(err)
		return 0, f.g.err
	}
	return f.id, nil
}

func (f *fileSaver) Abort(ctx context.Context) error {
	if f.done {
		return nil
	}
	return f.fail(ctx, nil, "")
}

// errTransactionLost: the transaction of a file without a savepoint is no
// longer there to take the file out of.
var errTransactionLost = errors.New("the transaction was rolled back")

// erase takes back what a file without a savepoint wrote, the inverse of
// Begin and Add: its reports go, the reports they superseded are in force
// again, its record goes. Nothing else writes in the transaction.
func (f *fileSaver) erase(ctx context.Context) error {
	if f.id == 0 {
		return nil // its record was not written
	}
	// the database may have rolled the whole transaction back by itself
	// (a full disk): then the record is gone, and the statements below
	// would run outside it — on what another process saved since
	var one int
	switch err := f.g.w.QueryRowContext(ctx, "SELECT 1 FROM imports WHERE id = ? AND sha256 = ? AND imported_at = ?", f.id, f.sha, f.at).Scan(&one); {
	case errors.Is(err, sql.ErrNoRows):
		return errTransactionLost
	case err != nil:
		return err
	}
	for _, q := range []string{
		"DELETE FROM reports WHERE import_id = ?",
		"UPDATE reports SET superseded_by = NULL WHERE superseded_by = ?",
		"DELETE FROM imports WHERE id = ?",
	} {
		if _, err := f.g.w.ExecContext(ctx, q, f.id); err != nil {
			return err
		}
	}
	// its id is given again, as after a savepoint rolled back
	return f.g.s.d.giveBackImportID(ctx, f.g.w, f.id)
}

// fail takes the file out of the group after err (nil: Abort), and
// returns err as Save would: sha names the file whose bytes the unique
// index found imported already.
func (f *fileSaver) fail(ctx context.Context, err error, sha string) error {
	g := f.g
	f.done = true
	if g.alone {
		// no savepoint: what the file wrote is erased (a statement that
		// failed was taken back by the database itself)
		if rerr := f.erase(ctx); rerr != nil {
			if err != nil {
				rerr = fmt.Errorf("%w (taking the file out: %w)", err, rerr)
			}
			g.err = g.s.reword(rerr)
			return g.err
		}
	} else {
		if _, rerr := g.w.ExecContext(ctx, "ROLLBACK TO "+savepointName); rerr != nil {
			if err != nil {
				rerr = fmt.Errorf("%w (rolling back: %w)", err, rerr)
			}
			g.err = g.s.reword(rerr)
			return g.err
		}
		if _, rerr := g.w.ExecContext(ctx, "RELEASE "+savepointName); rerr != nil {
			g.err = g.s.reword(rerr)
			return g.err
		}
	}
	if sha != "" && errors.Is(err, errSameFile) {
		var prev int64
		ferr := g.w.QueryRowContext(ctx, findImportSQL, sha).Scan(&prev)
		if ferr == nil {
			return &AlreadyImportedError{ID: prev}
		}
		if !errors.Is(ferr, sql.ErrNoRows) {
			g.err = g.s.reword(ferr)
			return g.err
		}
	}
	if err == nil {
		return nil
	}
	return g.s.reword(err)
}
