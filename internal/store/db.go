package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// DB is a workspace in a SQL database: one implementation, with a dialect
// for what differs between the databases (the dialect files).
type DB struct {
	db   dbx
	d    dialect
	path string

	mu   sync.Mutex
	find *sql.Stmt // see findStmt
}

var _ Store = (*DB)(nil)

// ErrNoWorkspace is returned when opening a workspace that does not exist
// without create.
var ErrNoWorkspace = errors.New("no workspace")

// Path names the workspace (a file path, or a URL without its password).
func (s *DB) Path() string { return s.path }

// Close closes the database.
func (s *DB) Close() error {
	if s.find != nil {
		s.find.Close()
	}
	return s.db.Close()
}

// write runs fn in one writing transaction of the workspace: it begins,
// takes the dialect's write lock (writing transactions take turns across
// every process), runs fn, writes the audit log entries fn made (see
// writeTx.log) and commits. Every change to the workspace goes through
// here, and its log entries commit with it or not at all. An error of fn
// rolls the whole transaction back; errors come back reworded by the
// dialect where it knows them.
func (s *DB) write(ctx context.Context, fn func(w *writeTx) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.reword(err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return s.reword(err)
	}
	defer tx.Rollback()
	w := &writeTx{tx: tx, conn: conn, d: s.d}
	if q, args := s.d.writeLock(); q != "" {
		w.lock = &statement{q, args}
	}
	if err := fn(w); err != nil {
		return s.reword(err)
	}
	if err := s.saveLog(ctx, w); err != nil {
		return s.reword(fmt.Errorf("writing the audit log: %w", err))
	}
	return s.reword(tx.Commit())
}

// ErrNewer is returned when opening a workspace a newer kpi wrote.
var ErrNewer = errors.New("was written by a newer kpi")

// ErrUnreachable is a reworded error's kind when the database cannot be
// reached: the server is down or the network broke, before or in the
// middle of a command. Nothing more can be done until it is back.
var ErrUnreachable = errors.New("database unreachable")

// reworded is a storage error put in words the officer can act on by a
// dialect's reword; the driver's error stays wrapped, and kind (when not
// nil) says what sort of failure it is, for errors.Is.
type reworded struct {
	msg  string
	err  error
	kind error
}

func (e *reworded) Error() string { return e.msg + ": " + e.err.Error() }
func (e *reworded) Unwrap() error { return e.err }

func (e *reworded) Is(target error) bool { return e.kind != nil && target == e.kind }

// reword has the dialect reword err, once, naming the workspace.
func (s *DB) reword(err error) error { return reword(s.d, s.path, err) }

func reword(d dialect, where string, err error) error {
	var done *reworded
	if err == nil || errors.As(err, &done) {
		return err
	}
	return d.reword(where, err)
}

// dataSteps are the migrations that move data in Go, after their SQL: by
// the schema version they bring.
var dataSteps = map[int]func(context.Context, *writeTx) error{4: moveValues, 8: moveUnitValues}

// migrate brings the schema up to date, one migration per writing
// transaction. Each step reads the version inside its transaction, so
// that two kpi processes opening a new workspace at once cannot both
// apply the same migration. A workspace written by a newer kpi is
// refused.
func (s *DB) migrate(ctx context.Context) error {
	for {
		done := false
		err := s.write(ctx, func(w *writeTx) error {
			v, err := s.d.version(ctx, w)
			if err != nil {
				return fmt.Errorf("%s is not a kpi workspace: %w", s.path, s.reword(err))
			}
			if v > SchemaVersion {
				return fmt.Errorf("%s %w (schema %d, this kpi knows %d): update kpi", s.path, ErrNewer, v, SchemaVersion)
			}
			if v == SchemaVersion {
				done = true
				return nil
			}
			if _, err := w.ExecContext(ctx, s.d.migrations()[v]); err != nil {
				return fmt.Errorf("migrating %s to schema %d: %w", s.path, v+1, s.reword(err))
			}
			if step := dataSteps[v+1]; step != nil {
				if err := step(ctx, w); err != nil {
					return fmt.Errorf("migrating %s to schema %d: %w", s.path, v+1, s.reword(err))
				}
			}
			return s.d.setVersion(ctx, w, v+1)
		})
		if err != nil || done {
			return err
		}
	}
}

// txExec and txQueryRow run a frequent statement in a writing
// transaction: prepared once for the transaction (a transaction saving
// many files, see SaveImports, prepares each statement once for all of
// them) when the dialect prepares in-process, as text otherwise (the
// driver keeps its prepared statements itself). Statements are prepared
// on the transaction's connection: no second connection is opened.
func (s *DB) txExec(ctx context.Context, w *writeTx, q string, args ...any) error {
	if !s.d.cachePrepared() {
		_, err := w.ExecContext(ctx, q, args...)
		return err
	}
	tst, err := w.prepared(ctx, q)
	if err != nil {
		return err
	}
	_, err = tst.ExecContext(ctx, textArgs(args)...)
	return err
}

func (s *DB) txQueryRow(ctx context.Context, w *writeTx, q string, args ...any) row {
	if !s.d.cachePrepared() {
		return w.QueryRowContext(ctx, q, args...)
	}
	tst, err := w.prepared(ctx, q)
	if err != nil {
		return row{err: err}
	}
	return row{row: tst.QueryRowContext(ctx, textArgs(args)...)}
}
