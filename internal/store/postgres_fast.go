package store

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// The ids a one-report import chains through: the import's, made by the
// INSERT that records it, and the report's, taken from its sequence.
const (
	lastImportID = "currval(pg_get_serial_sequence('imports', 'id'))"
	nextReportID = "nextval('reports_id_seq')"
)

// saveOne saves a one-report file (a district's monthly workbook, the
// common case) in three round trips instead of eight: write's BEGIN, one
// pipelined batch of the write lock and every statement, write's COMMIT.
// The statements are saveImport's, chained through currval() where one
// needs the id another made; the guarantees are the same (one
// transaction, the advisory write lock, the unique indexes). With
// savepoint (a group of files, see SaveImports) the batch also opens and
// releases the file's savepoint: one round trip per file.
func (d pgDialect) saveOne(ctx context.Context, w *writeTx, imp *importRows, savepoint bool) (int64, []Superseded, error) {
	r := imp.reports[0]
	period := r.Period.String()
	b := &pgx.Batch{}
	lock := w.takeLock()
	if lock != nil {
		b.Queue(d.rebind(lock.query), lock.args...)
	}
	if savepoint {
		b.Queue("SAVEPOINT " + savepointName)
	}
	b.Queue(d.rebind(insertImportSQL), textArgs(imp.args)...)
	b.Queue(d.rebind(supersedeSQL(lastImportID)+returningImport), textArgs([]any{r.Unit, period})...)
	b.Queue(d.rebind(insertSQL(reportsTable, reportRow(nextReportID, lastImportID), 1)), textArgs([]any{r.Unit, period, imp.vals[0]})...)
	if savepoint {
		b.Queue("RELEASE " + savepointName)
	}
	var id int64
	var superseded []Superseded
	err := w.conn.Raw(func(dc any) error {
		// the batch goes on the connection of write's transaction, in it
		br := dc.(*stdlib.Conn).Conn().SendBatch(ctx, b)
		defer br.Close()
		if lock != nil {
			if _, err := br.Exec(); err != nil {
				return err
			}
		}
		if savepoint {
			if _, err := br.Exec(); err != nil {
				return err
			}
		}
		if err := br.QueryRow().Scan(&id); err != nil {
			return sameFile(d, err)
		}
		var old int64
		switch err := br.QueryRow().Scan(&old); {
		case err == nil:
			superseded = append(superseded, Superseded{Unit: r.Unit, Period: period, ImportID: old})
		case !errors.Is(err, pgx.ErrNoRows):
			return err
		}
		if _, err := br.Exec(); err != nil {
			return err
		}
		if savepoint {
			if _, err := br.Exec(); err != nil {
				return err
			}
		}
		return br.Close()
	})
	if err != nil {
		return 0, nil, err
	}
	return id, superseded, nil
}
