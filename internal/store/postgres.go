package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// pgMigrations are the PostgreSQL schema, versioned like sqliteMigrations
// (the same number of steps, the same tables and constraints).
var pgMigrations = []string{
	`CREATE TABLE campaign (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		code TEXT NOT NULL,
		year INTEGER NOT NULL,
		yaml TEXT NOT NULL,
		updated_at TEXT NOT NULL
	);
	CREATE TABLE units (
		code TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		cluster TEXT NOT NULL DEFAULT '',
		position INTEGER NOT NULL
	);
	CREATE TABLE unit_values (
		unit_code TEXT NOT NULL REFERENCES units(code) ON DELETE CASCADE,
		kpi TEXT NOT NULL,
		kind TEXT NOT NULL CHECK (kind IN ('target', 'baseline')),
		value DOUBLE PRECISION NOT NULL,
		PRIMARY KEY (unit_code, kpi, kind)
	);`,
	`CREATE TABLE imports (
		id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		imported_at TEXT NOT NULL,
		file TEXT NOT NULL,
		path TEXT NOT NULL,
		sha256 TEXT NOT NULL,
		layout TEXT NOT NULL,
		sheet TEXT NOT NULL,
		period TEXT NOT NULL,
		value_count INTEGER NOT NULL,
		warnings TEXT NOT NULL DEFAULT '[]'
	);
	CREATE INDEX imports_sha256 ON imports (sha256);
	CREATE TABLE reports (
		id BIGSERIAL PRIMARY KEY,
		import_id BIGINT NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
		unit_code TEXT NOT NULL REFERENCES units (code),
		period TEXT NOT NULL,
		superseded_by BIGINT REFERENCES imports (id),
		UNIQUE (import_id, unit_code)
	);
	CREATE UNIQUE INDEX reports_live ON reports (unit_code, period) WHERE superseded_by IS NULL;
	CREATE INDEX reports_superseded_by ON reports (superseded_by);
	CREATE INDEX reports_period ON reports (period) WHERE superseded_by IS NULL;
	CREATE TABLE observations (
		report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
		kpi TEXT NOT NULL,
		month_value DOUBLE PRECISION,
		ytd_value DOUBLE PRECISION,
		month_cell TEXT NOT NULL DEFAULT '',
		ytd_cell TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (report_id, kpi)
	);`,
	`ALTER TABLE imports ADD COLUMN forced INTEGER NOT NULL DEFAULT 0;
	UPDATE imports SET forced = 1 WHERE id NOT IN (SELECT MIN(id) FROM imports GROUP BY sha256);
	CREATE UNIQUE INDEX imports_sha256_once ON imports (sha256) WHERE forced = 0;`,
	`ALTER TABLE reports ADD COLUMN vals TEXT NOT NULL DEFAULT '[]'`,
	`CREATE TABLE unit_quarters (
		unit_code TEXT NOT NULL REFERENCES units (code) ON DELETE CASCADE,
		kpi TEXT NOT NULL,
		quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
		value DOUBLE PRECISION NOT NULL,
		PRIMARY KEY (unit_code, kpi, quarter)
	)`,
	`CREATE TABLE adjustments (
		id BIGSERIAL PRIMARY KEY,
		unit_code TEXT NOT NULL REFERENCES units (code),
		points DOUBLE PRECISION NOT NULL,
		reason TEXT NOT NULL,
		period TEXT NOT NULL,
		kpi TEXT NOT NULL DEFAULT '',
		added_at TEXT NOT NULL,
		removed_at TEXT,
		removed_reason TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX adjustments_unit ON adjustments (unit_code);
	CREATE TABLE exclusions (
		id BIGSERIAL PRIMARY KEY,
		unit_code TEXT NOT NULL REFERENCES units (code),
		reason TEXT NOT NULL,
		period TEXT NOT NULL,
		added_at TEXT NOT NULL,
		removed_at TEXT,
		removed_reason TEXT NOT NULL DEFAULT ''
	);
	CREATE UNIQUE INDEX exclusions_live ON exclusions (unit_code) WHERE removed_at IS NULL;
	CREATE TABLE nominations (
		id BIGSERIAL PRIMARY KEY,
		unit_code TEXT NOT NULL REFERENCES units (code),
		name TEXT NOT NULL,
		title TEXT NOT NULL,
		reason TEXT NOT NULL,
		added_at TEXT NOT NULL,
		removed_at TEXT,
		removed_reason TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX nominations_unit ON nominations (unit_code);
	CREATE TABLE audit_log (
		id BIGSERIAL PRIMARY KEY,
		logged_at TEXT NOT NULL,
		action TEXT NOT NULL,
		subject TEXT NOT NULL DEFAULT '',
		field TEXT NOT NULL DEFAULT '',
		before_value TEXT NOT NULL DEFAULT '',
		after_value TEXT NOT NULL DEFAULT '',
		reason TEXT NOT NULL DEFAULT ''
	);
	ALTER TABLE imports ADD COLUMN undone_at TEXT;
	ALTER TABLE imports ADD COLUMN undone_units TEXT NOT NULL DEFAULT '';
	DROP INDEX imports_sha256_once;
	CREATE UNIQUE INDEX imports_sha256_once ON imports (sha256) WHERE forced = 0 AND undone_at IS NULL;`,
	`CREATE TABLE settings (
		key TEXT PRIMARY KEY,
		value TEXT NOT NULL,
		updated_at TEXT NOT NULL
	)`,
	`ALTER TABLE units ADD COLUMN targets TEXT NOT NULL DEFAULT '';
	ALTER TABLE units ADD COLUMN baselines TEXT NOT NULL DEFAULT '';
	DROP INDEX reports_superseded_by;
	CREATE INDEX reports_superseded_by ON reports (superseded_by) WHERE superseded_by IS NOT NULL;`,
}

func init() {
	if len(pgMigrations) != len(sqliteMigrations) {
		panic("store: the SQLite and PostgreSQL schemas must have the same versions")
	}
}

// IsPostgresURL reports whether a --db value names a PostgreSQL database.
func IsPostgresURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// OpenPostgres opens the workspace in a PostgreSQL database and brings its
// schema up to date. Without create, a database with no kpi schema is
// refused, as a missing file is for SQLite.
func OpenPostgres(ctx context.Context, dsn string, create bool) (*DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	s := &DB{db: dbx{db, pgDialect{}}, d: pgDialect{}, path: Redact(dsn)}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		var done *reworded
		if err := s.reword(err); errors.As(err, &done) {
			return nil, err
		}
		return nil, fmt.Errorf("không kết nối được PostgreSQL %s: %w", s.path, err)
	}
	var exists bool
	if err := db.QueryRowContext(ctx, "SELECT to_regclass('kpi_schema_version') IS NOT NULL").Scan(&exists); err != nil {
		db.Close()
		return nil, s.reword(err)
	}
	if !exists && !create {
		db.Close()
		return nil, fmt.Errorf("%w at %s: create one with 'kpi init'", ErrNoWorkspace, Redact(dsn))
	}
	if _, err := db.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS kpi_schema_version (version INTEGER NOT NULL)"); err != nil {
		db.Close()
		return nil, s.reword(err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// DropWorkspace removes every kpi table from a PostgreSQL database (kpi
// init --force).
func DropWorkspace(ctx context.Context, dsn string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, `DROP TABLE IF EXISTS settings, audit_log, nominations, exclusions, adjustments, observations, reports, imports, unit_quarters, unit_values, units, campaign, kpi_schema_version CASCADE`)
	return err
}

// Redact hides a password in a URL for messages.
func Redact(dsn string) string {
	if !IsPostgresURL(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// pgDialect is a shared PostgreSQL server. It has the optional hooks: a
// one-report file goes in one batch (postgres_fast.go), and a copy
// overrides the identity of imports.id.
type pgDialect struct{}

var (
	_ oneReportSaver = pgDialect{}
	_ explicitIDs    = pgDialect{}
)

func (pgDialect) rebind(q string) string { return dollarParams(q) }
func (pgDialect) migrations() []string   { return pgMigrations }

// version reads the schema version, locking the table: migrate's write
// lock already makes kpi processes take turns, this lock keeps out older
// kpi versions, which migrate without it.
func (pgDialect) version(ctx context.Context, w *writeTx) (int, error) {
	if _, err := w.ExecContext(ctx, "LOCK TABLE kpi_schema_version IN EXCLUSIVE MODE"); err != nil {
		return 0, err
	}
	var v int
	err := w.QueryRowContext(ctx, "SELECT version FROM kpi_schema_version").Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

func (pgDialect) setVersion(ctx context.Context, w *writeTx, v int) error {
	if _, err := w.ExecContext(ctx, "DELETE FROM kpi_schema_version"); err != nil {
		return err
	}
	_, err := w.ExecContext(ctx, "INSERT INTO kpi_schema_version (version) VALUES (?)", v)
	return err
}

// writeLockKey is the advisory lock that orders kpi's writing
// transactions on a PostgreSQL workspace.
const writeLockKey = 0x6b7069 // "kpi"

// writeLock is a transaction-scoped advisory lock: files are committed
// one at a time across every process, as on SQLite, so that superseding
// updates cannot deadlock; each transaction is short.
func (pgDialect) writeLock() (string, []any) {
	return "SELECT pg_advisory_xact_lock(?)", []any{writeLockKey}
}

func (pgDialect) reportIDs(ctx context.Context, w *writeTx, n int) ([]int64, error) {
	if n == 1 {
		var id int64
		err := w.QueryRowContext(ctx, "SELECT nextval('reports_id_seq')").Scan(&id)
		return []int64{id}, err
	}
	rows, err := w.QueryContext(ctx, "SELECT nextval('reports_id_seq') FROM generate_series(1, ?)", n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := make([]int64, 0, n)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// cachePrepared: pgx keeps prepared statements per connection itself;
// preparing again on the transaction's connection would cost a round
// trip.
func (pgDialect) cachePrepared() bool { return false }

func (pgDialect) liveIndex() string { return "" }

// costlySavepoints: the server keeps a subtransaction, and a failed
// statement aborts the transaction unless rolled back to one.
func (pgDialect) costlySavepoints() bool { return false }

// giveBackImportID is never asked (costlySavepoints is false).
func (pgDialect) giveBackImportID(context.Context, *writeTx, int64) error { return nil }

func (pgDialect) backup(ctx context.Context, db dbx, src, dst string) error {
	return fmt.Errorf("kpi backup copies SQLite workspaces: back a PostgreSQL workspace up with pg_dump")
}

// quickCheck: the server looks after its own files (checksums, WAL);
// there is nothing cheap to ask it.
func (pgDialect) quickCheck() string { return "" }

// damaged: PostgreSQL's internal errors of class XX (data_corrupted,
// index_corrupted).
func (pgDialect) damaged(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && strings.HasPrefix(pe.Code, "XX")
}

// integrityChecks: PostgreSQL enforces its constraints itself; kpi's own
// invariants are checked by Check.
func (pgDialect) integrityChecks() []problemQuery { return nil }

// uniqueViolation: a unique index said no (23505), or PostgreSQL gave up
// a deadlock or serialisation conflict (40P01, 40001): try again.
func (pgDialect) uniqueViolation(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "23505" || pe.Code == "40P01" || pe.Code == "40001")
}

// reword puts PostgreSQL's common failures in words: the server cannot be
// reached (on any system: by the dial, not by the system's error
// number) or went away in the middle of a command, refuses the login, has
// no such database, is out of disk or connections, or is a read-only
// standby.
func (pgDialect) reword(where string, err error) error {
	var hint string
	var kind error
	var dial *net.OpError // refused, unreachable, unknown host, timed out
	var pe *pgconn.PgError
	code := ""
	if errors.As(err, &pe) {
		code = pe.Code
	}
	switch {
	case errors.As(err, &dial) && dial.Op == "dial":
		hint = fmt.Sprintf("không kết nối được PostgreSQL %s: không tới được máy chủ; kiểm tra máy chủ đang chạy, tên máy và cổng trong --db, và đường mạng, rồi chạy lại", where)
		kind = ErrUnreachable
	case connectionLost(err):
		hint = fmt.Sprintf("mất kết nối tới PostgreSQL %s giữa chừng (máy chủ ngừng hoặc đường mạng đứt): việc đang làm dở không được ghi; kiểm tra máy chủ rồi chạy lại", where)
		kind = ErrUnreachable
	case code == "28P01" || code == "28000":
		hint = fmt.Sprintf("PostgreSQL từ chối đăng nhập vào %s: kiểm tra tên người dùng và mật khẩu trong --db (hoặc PGPASSWORD, ~/.pgpass) và quyền truy cập của máy này (pg_hba.conf)", where)
	case code == "3D000":
		hint = fmt.Sprintf("cơ sở dữ liệu của %s chưa có trên máy chủ PostgreSQL: tạo nó (createdb hoặc CREATE DATABASE) rồi chạy 'kpi init'", where)
	case code == "53100":
		hint = fmt.Sprintf("máy chủ PostgreSQL hết chỗ trống trên đĩa (disk full) khi ghi %s: báo người quản trị máy chủ giải phóng chỗ trống rồi chạy lại; dữ liệu đã có không bị thay đổi", where)
	case code == "53300":
		hint = fmt.Sprintf("máy chủ PostgreSQL của %s đã đủ số kết nối (too many connections): chờ các lệnh kpi khác chạy xong rồi chạy lại, hoặc nhờ người quản trị tăng max_connections", where)
	case code == "25006":
		hint = fmt.Sprintf("%s chỉ đọc (read-only, có lẽ là máy chủ dự phòng): ghi vào máy chủ chính, đặt địa chỉ của nó trong --db", where)
	default:
		return err
	}
	return &reworded{msg: hint, err: err, kind: kind}
}

// connectionLost recognises a connection that broke under a command: the
// server closed it (shutting down: 57P01–57P03, or a connection exception,
// class 08), or the network did (a reset, an unexpected end of the
// stream, a connection the driver found closed).
func connectionLost(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) || errors.Is(err, pgconn.ErrConnClosed)
}

// overriding: imports.id is GENERATED ALWAYS AS IDENTITY.
func (pgDialect) overriding() string { return "OVERRIDING SYSTEM VALUE" }

// afterCopy moves the identity and sequences of the tables with generated
// ids past the copied ids.
func (pgDialect) afterCopy(ctx context.Context, w *writeTx, tables []string) error {
	for _, t := range tables {
		q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%[1]s', 'id'), COALESCE((SELECT MAX(id) FROM %[1]s), 0) + 1, false)", t)
		if _, err := w.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
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
