package store

import (
	"context"
	"database/sql"
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
	// Err is the error that broke the group's transaction (the
	// connection was lost, the database refused to roll back to a file's
	// savepoint), after which nothing of the group can be committed; nil
	// while the group is sound.
	Err() error
}

// GroupSaver is a store that saves many files in one transaction.
type GroupSaver interface {
	// SaveImports runs fn in one writing transaction and commits it when
	// fn returns nil and the group is sound; otherwise nothing fn saved
	// is kept, and the error says why.
	SaveImports(ctx context.Context, fn func(g ImportGroup) error) error
}

var _ GroupSaver = (*DB)(nil)

// SaveImports runs fn in one writing transaction (through write) whose
// files are each saved in a savepoint.
func (s *DB) SaveImports(ctx context.Context, fn func(g ImportGroup) error) error {
	return s.write(ctx, func(w *writeTx) error {
		w.long = true
		g := &importGroup{s: s, w: w}
		if err := fn(g); err != nil {
			return err
		}
		return g.err
	})
}

type importGroup struct {
	s   *DB
	w   *writeTx
	err error // what broke the transaction
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
		id, sup, err = g.s.saveImport(ctx, g.w, imp)
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
		return id, sup, nil
	}
	// the file failed: take it out, keep the group
	if _, rerr := g.w.ExecContext(ctx, "ROLLBACK TO "+savepointName); rerr != nil {
		g.err = g.s.reword(fmt.Errorf("%w (rolling back: %v)", err, rerr))
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
