package store

import (
	"context"
	"database/sql"
)

// dialect is what differs between the SQL databases behind DB. Generic
// code asks the dialect; it never asks which database it is.
type dialect interface {
	// rebind rewrites "?" placeholders for the database.
	rebind(q string) string
	migrations() []string
	version(ctx context.Context, w *writeTx) (int, error)
	setVersion(ctx context.Context, w *writeTx, v int) error
	// writeLock is the statement that makes a writing transaction wait for
	// the others of the workspace, one at a time; "" when beginning the
	// transaction has taken the lock already.
	writeLock() (query string, args []any)
	// reportIDs reserves n report ids inside a writing transaction.
	reportIDs(ctx context.Context, w *writeTx, n int) ([]int64, error)
	// liveIndex is what follows "FROM reports" in a query of the reports
	// in force of a period, for the planner to take the index of the
	// reports in force: "" when it does without being told.
	liveIndex() string
	// costlySavepoints says whether a savepoint holds in memory every page
	// its transaction changes, so that a file alone in its transaction is
	// better saved without (SaveAlone). A dialect whose failed statement
	// spoils the transaction says false: a file's savepoint is what keeps
	// it usable.
	costlySavepoints() bool
	// giveBackImportID makes id, the last import id given and its import
	// erased, the next given again (for a file without a savepoint taken
	// out, see costlySavepoints).
	giveBackImportID(ctx context.Context, w *writeTx, id int64) error
	// cachePrepared says whether the store prepares its frequent
	// statements once and runs them in every transaction, or sends them
	// as text (when the driver caches prepared statements itself).
	cachePrepared() bool
	// backup writes a consistent copy of the workspace src to the new
	// file dst, leaving nothing at dst when it fails.
	backup(ctx context.Context, db dbx, src, dst string) error
	// quickCheck is the database's cheap check of its own structure, as a
	// query whose first row is "ok" when it finds nothing; "" when the
	// database has none worth running before each import.
	quickCheck() string
	// damaged recognises the database's errors about damaged data.
	damaged(err error) bool
	// integrityChecks are the database's own integrity checks, as queries
	// returning one line per problem.
	integrityChecks() []problemQuery
	// uniqueViolation recognises a broken unique constraint (a concurrent
	// writer won a race) or another conflict worth retrying.
	uniqueViolation(err error) bool
	// reword turns the database's common failures (disk full, read-only,
	// unreachable, damaged…) into what the officer can do about them, as
	// a *reworded error naming where; other errors come back unchanged.
	reword(where string, err error) error
}

// The optional hooks: a dialect implements one only where it differs.

// oneReportSaver saves a one-report file (a district's monthly workbook,
// the common import) its own faster way, with the statements and the
// guarantees of saveImport; it may send w's write lock with its first
// statements (see takeLock).
type oneReportSaver interface {
	saveOne(ctx context.Context, w *writeTx, imp *importRows, savepoint bool) (id int64, superseded []Superseded, err error)
}

// explicitIDs is a dialect whose id generators must be told about rows
// inserted with their ids given.
type explicitIDs interface {
	// overriding is the clause by which an INSERT gives the value of an
	// identity column.
	overriding() string
	// afterCopy brings the id generators of tables past the ids a copy
	// brought in.
	afterCopy(ctx context.Context, w *writeTx, tables []string) error
}

// statement is a query with its arguments.
type statement struct {
	query string
	args  []any
}

// dbx passes every query through the dialect's rebind, so that the
// store's SQL is written once, with "?" placeholders.
type dbx struct {
	*sql.DB
	d dialect
}

func (x dbx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return x.DB.ExecContext(ctx, x.d.rebind(q), args...)
}

func (x dbx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return x.DB.QueryContext(ctx, x.d.rebind(q), args...)
}

func (x dbx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return x.DB.QueryRowContext(ctx, x.d.rebind(q), args...)
}

func (x dbx) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return x.DB.PrepareContext(ctx, x.d.rebind(q))
}

// writeTx is a writing transaction, as write hands it to its function.
// Its statements go through the dialect's rebind, and their text
// arguments through validText. The write lock, when
// the dialect takes it with a statement, is taken before the first of
// them — or with it, in the same round trip, by a dialect that sends
// statements in batches (see takeLock).
type writeTx struct {
	tx   *sql.Tx
	conn *sql.Conn // the connection tx runs on
	d    dialect
	lock *statement // the write lock, not taken yet

	entries []AuditEntry // the audit log entries of the transaction (log)

	stmts map[string]*sql.Stmt // frequent statements, prepared once (prepared)
	// long: the transaction saves many files (SaveImports), so that the
	// dialect may keep what it learnt of the database under its lock
	// (nextReport: the next free report id, 0 when unknown)
	long       bool
	nextReport int64
}

// log adds entries to the audit log, written with the transaction (see
// DB.write).
func (w *writeTx) log(entries ...AuditEntry) { w.entries = append(w.entries, entries...) }

// takeLock returns the write lock's statement if it has not run yet, for
// a batch to send first; the caller must run it before anything else.
func (w *writeTx) takeLock() *statement {
	l := w.lock
	w.lock = nil
	return l
}

// locked takes the write lock if it has not been taken yet.
func (w *writeTx) locked(ctx context.Context) error {
	if l := w.takeLock(); l != nil {
		if _, err := w.tx.ExecContext(ctx, w.d.rebind(l.query), l.args...); err != nil {
			return err
		}
	}
	return nil
}

func (w *writeTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if err := w.locked(ctx); err != nil {
		return nil, err
	}
	return w.tx.ExecContext(ctx, w.d.rebind(q), textArgs(args)...)
}

func (w *writeTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if err := w.locked(ctx); err != nil {
		return nil, err
	}
	return w.tx.QueryContext(ctx, w.d.rebind(q), textArgs(args)...)
}

func (w *writeTx) QueryRowContext(ctx context.Context, q string, args ...any) row {
	if err := w.locked(ctx); err != nil {
		return row{err: err}
	}
	return row{row: w.tx.QueryRowContext(ctx, w.d.rebind(q), textArgs(args)...)}
}

func (w *writeTx) PrepareContext(ctx context.Context, q string) (*txStmt, error) {
	if err := w.locked(ctx); err != nil {
		return nil, err
	}
	st, err := w.tx.PrepareContext(ctx, w.d.rebind(q))
	if err != nil {
		return nil, err
	}
	return &txStmt{st}, nil
}

// txStmt is a statement prepared in a writing transaction; its text
// arguments go through validText, as writeTx's.
type txStmt struct{ st *sql.Stmt }

func (t *txStmt) ExecContext(ctx context.Context, args ...any) (sql.Result, error) {
	return t.st.ExecContext(ctx, textArgs(args)...)
}

func (t *txStmt) QueryContext(ctx context.Context, args ...any) (*sql.Rows, error) {
	return t.st.QueryContext(ctx, textArgs(args)...)
}

func (t *txStmt) QueryRowContext(ctx context.Context, args ...any) *sql.Row {
	return t.st.QueryRowContext(ctx, textArgs(args)...)
}

func (t *txStmt) Close() error { return t.st.Close() }

// prepared returns q prepared in the transaction, preparing it the first
// time (see DB.txExec).
func (w *writeTx) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	if err := w.locked(ctx); err != nil {
		return nil, err
	}
	st, err := w.tx.PrepareContext(ctx, w.d.rebind(q))
	if err != nil {
		return nil, err
	}
	if w.stmts == nil {
		w.stmts = map[string]*sql.Stmt{}
	}
	w.stmts[q] = st
	return st, nil
}

// row is a *sql.Row, or the error that kept its query from running.
type row struct {
	row *sql.Row
	err error
}

func (r row) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	return r.row.Scan(dest...)
}
