package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
)

// dialect is what differs between the SQL databases behind DB.
type dialect interface {
	name() string
	// rebind rewrites "?" placeholders for the database.
	rebind(q string) string
	migrations() []string
	version(ctx context.Context, tx txx) (int, error)
	setVersion(ctx context.Context, tx txx, v int) error
	// reportIDs reserves n report ids inside a writing transaction.
	reportIDs(ctx context.Context, tx txx, n int) ([]int64, error)
	backup(ctx context.Context, db dbx, path string) error
	// integrityChecks are the database's own integrity checks, as queries
	// returning one line per problem.
	integrityChecks() []problemQuery
	// uniqueViolation recognises a broken unique constraint (a concurrent
	// writer won a race) or another conflict worth retrying.
	uniqueViolation(err error) bool
	// lockWrites makes a writing transaction wait for the others of the
	// workspace, one at a time (SQLite's own write lock does this).
	lockWrites(ctx context.Context, tx txx) error
	// afterCopy brings id generators past the ids a copy brought in.
	afterCopy(ctx context.Context, tx txx) error
}

// dbx and txx pass every query through the dialect's rebind, so that the
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

func (x dbx) BeginTx(ctx context.Context, opts *sql.TxOptions) (txx, error) {
	tx, err := x.DB.BeginTx(ctx, opts)
	return txx{tx, x.d}, err
}

type txx struct {
	*sql.Tx
	d dialect
}

func (x txx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return x.Tx.ExecContext(ctx, x.d.rebind(q), args...)
}

func (x txx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return x.Tx.QueryContext(ctx, x.d.rebind(q), args...)
}

func (x txx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return x.Tx.QueryRowContext(ctx, x.d.rebind(q), args...)
}

// dollarParams rewrites ? placeholders as $1, $2 … (outside quotes).
func dollarParams(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	inQuote := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			inQuote = !inQuote
		case c == '?' && !inQuote:
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func (x txx) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return x.Tx.PrepareContext(ctx, x.d.rebind(q))
}
