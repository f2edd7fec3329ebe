package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver
)

// sqliteMigrations are applied in order; PRAGMA user_version counts how
// many ran. Never edit one that has been released: add a new one, here and
// in pgMigrations (both are versioned the same way).
var sqliteMigrations = []string{
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
		value REAL NOT NULL,
		PRIMARY KEY (unit_code, kpi, kind)
	);`,
	// 2: the import history. A report is one unit's figures for one month
	// from one import; at most one report per unit and period is live
	// (superseded_by IS NULL), enforced by a unique index.
	`CREATE TABLE imports (
		id INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, even after undo
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
		id INTEGER PRIMARY KEY,
		import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
		unit_code TEXT NOT NULL REFERENCES units (code),
		period TEXT NOT NULL,
		superseded_by INTEGER REFERENCES imports (id),
		UNIQUE (import_id, unit_code)
	);
	CREATE UNIQUE INDEX reports_live ON reports (unit_code, period) WHERE superseded_by IS NULL;
	CREATE INDEX reports_superseded_by ON reports (superseded_by);
	CREATE TABLE observations (
		report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
		kpi TEXT NOT NULL,
		month_value REAL,
		ytd_value REAL,
		month_cell TEXT NOT NULL DEFAULT '',
		ytd_cell TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (report_id, kpi)
	) WITHOUT ROWID;`,
	// 3: a file's bytes are imported once unless forced, enforced by the
	// database itself (two processes importing the same file at once
	// cannot both win).
	`ALTER TABLE imports ADD COLUMN forced INTEGER NOT NULL DEFAULT 0;
	UPDATE imports SET forced = 1 WHERE id NOT IN (SELECT MIN(id) FROM imports GROUP BY sha256);
	CREATE UNIQUE INDEX imports_sha256_once ON imports (sha256) WHERE forced = 0;`,
	// 4: a report's values move into the report, as JSON (see values.go);
	// moveValues copies them over, then observations is dropped.
	`ALTER TABLE reports ADD COLUMN vals TEXT NOT NULL DEFAULT '[]'`,
	// 5: a unit's plan per quarter (the targets workbook's "KH quý I thu"),
	// which replaces the KPI's phasing for that unit.
	`CREATE TABLE unit_quarters (
		unit_code TEXT NOT NULL REFERENCES units (code) ON DELETE CASCADE,
		kpi TEXT NOT NULL,
		quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
		value REAL NOT NULL,
		PRIMARY KEY (unit_code, kpi, quarter)
	)`,
	// 6: the council's rulebook — bonus and penalty points, exclusions from
	// awards, nominations of individuals — and the audit log of every
	// change to them, the campaign and the targets. Nothing is deleted: a
	// withdrawn entry keeps when and why (removed_at, removed_reason), and
	// an undone import stays in the history, marked (undone_at), its units
	// kept; only its reports go. Its file may then be imported again.
	`CREATE TABLE adjustments (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		unit_code TEXT NOT NULL REFERENCES units (code),
		points REAL NOT NULL,
		reason TEXT NOT NULL,
		period TEXT NOT NULL,
		kpi TEXT NOT NULL DEFAULT '',
		added_at TEXT NOT NULL,
		removed_at TEXT,
		removed_reason TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX adjustments_unit ON adjustments (unit_code);
	CREATE TABLE exclusions (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		unit_code TEXT NOT NULL REFERENCES units (code),
		reason TEXT NOT NULL,
		period TEXT NOT NULL,
		added_at TEXT NOT NULL,
		removed_at TEXT,
		removed_reason TEXT NOT NULL DEFAULT ''
	);
	CREATE UNIQUE INDEX exclusions_live ON exclusions (unit_code) WHERE removed_at IS NULL;
	CREATE TABLE nominations (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
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
		id INTEGER PRIMARY KEY AUTOINCREMENT,
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
	// 7: the workspace's settings (kpi settings): the names and the place
	// the official documents print — the issuing office, its parent body,
	// the place, the signer and the preparer —, apart from the campaign's
	// rules. Each change is in the audit log.
	`CREATE TABLE settings (
		key TEXT PRIMARY KEY,
		value TEXT NOT NULL,
		updated_at TEXT NOT NULL
	)`,
	// 8: a unit's targets and baselines move into the unit, as one text
	// each (units.targets, units.baselines, see valuelist.go): the
	// importer reads the targets of a whole country at once, 200,000 rows
	// and not 1.4 million. moveUnitValues fills them from unit_values,
	// then drops it. Only superseded reports are indexed by their
	// superseder: the reports in force (NULL) were every import's extra
	// index entry.
	`ALTER TABLE units ADD COLUMN targets TEXT NOT NULL DEFAULT '';
	ALTER TABLE units ADD COLUMN baselines TEXT NOT NULL DEFAULT '';
	DROP INDEX reports_superseded_by;
	CREATE INDEX reports_superseded_by ON reports (superseded_by) WHERE superseded_by IS NOT NULL;`,
}

// SchemaVersion is the schema this build writes.
var SchemaVersion = len(sqliteMigrations)

// OpenSQLite opens (or, with create, creates) the workspace file at path,
// with WAL journaling, foreign keys and a busy timeout, and brings its schema
// up to date. A file written by a newer kpi is refused.
func OpenSQLite(ctx context.Context, path string, create bool) (*DB, error) {
	if _, err := os.Stat(path); err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		if !create {
			return nil, fmt.Errorf("%w at %s: create one with 'kpi init' (or name another with --db)", ErrNoWorkspace, path)
		}
		if err := newSQLiteFile(ctx, path); err != nil {
			return nil, friendly(path, err)
		}
	} else if !create {
		// an existing file is looked at read-only first: a 0-byte file or
		// another program's database must not be turned into a workspace
		if err := isWorkspaceFile(ctx, path); err != nil {
			return nil, err
		}
	}
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(30000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// a file's savepoint (SaveImports) keeps the pages it changes in a
	// sub-journal: in memory, not in a temporary file written page by
	// page (the database's own journal is the WAL, untouched by this)
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	s := &DB{db: dbx{db, sqliteDialect{}}, d: sqliteDialect{}, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// pageSize is the page size of a new workspace: 64 KB, SQLite's largest,
// where its default is 4 KB. A consolidated sheet's 200,000 reports are
// some 60 MB of pages, written to the WAL and copied into the file at the
// commit: with pages sixteen times as big, as many times fewer, its
// import takes 1.55 s instead of 1.8 (a fifth less inserting, half the
// commit); a national month, a year and reading a year go as fast. The
// page cache stays SQLite's 2 MB. A workspace keeps the page size it was
// created with.
const pageSize = 65536

// newSQLiteFile creates an empty database file with the workspace's page
// size: it must be set before the WAL is (the DSN's pragmas set the
// journal mode first).
func newSQLiteFile(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d", pageSize)); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, "PRAGMA journal_mode = WAL")
	return err
}

// sqliteDialect is the embedded SQLite database.
type sqliteDialect struct{}

var _ dialect = sqliteDialect{}

func (sqliteDialect) rebind(q string) string { return q }
func (sqliteDialect) migrations() []string   { return sqliteMigrations }

func (sqliteDialect) version(ctx context.Context, w *writeTx) (int, error) {
	var v int
	err := w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

func (sqliteDialect) setVersion(ctx context.Context, w *writeTx, v int) error {
	_, err := w.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v))
	return err
}

// writeLock: BEGIN IMMEDIATE (the _txlock setting) has taken SQLite's
// write lock; the busy timeout makes the others wait for it.
func (sqliteDialect) writeLock() (string, []any) { return "", nil }

// reportIDs: the writing transaction holds SQLite's write lock, so the
// next ids after the largest are free.
// A transaction saving many files asks once and counts on: ids that a
// file rolled back to its savepoint leaves unused are a gap, as after an
// undo.
func (sqliteDialect) reportIDs(ctx context.Context, w *writeTx, n int) ([]int64, error) {
	base := w.nextReport - 1
	if w.nextReport == 0 {
		if err := w.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM reports").Scan(&base); err != nil {
			return nil, err
		}
	}
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = base + int64(i) + 1
	}
	if w.long {
		w.nextReport = base + int64(n) + 1
	}
	return ids, nil
}

// liveIndex: without statistics, SQLite's planner may take another index
// for "superseded_by IS NULL" and read every report in force (40 ms per
// query on a year of 200,000 units, against 0.7 ms).
func (sqliteDialect) liveIndex() string { return " INDEXED BY reports_live" }

// costlySavepoints: a savepoint's journal keeps the pages it changes in
// memory (temp_store): replacing a national sheet held some 100 MB.
// A failed statement is taken back alone, the transaction goes on.
func (sqliteDialect) costlySavepoints() bool { return true }

func (sqliteDialect) giveBackImportID(ctx context.Context, w *writeTx, id int64) error {
	_, err := w.ExecContext(ctx, "UPDATE sqlite_sequence SET seq = ? WHERE name = 'imports' AND seq = ?", id-1, id)
	return err
}

// cachePrepared: SQLite prepares in-process and the store reuses the
// statements of every import.
func (sqliteDialect) cachePrepared() bool { return true }

// backup writes a consistent copy with VACUUM INTO, while others may go
// on reading. The copy's file is created first (VACUUM INTO fills an empty
// one), so that it is kpi's to remove when the copy fails: a damaged
// workspace leaves no empty or partial file behind, and is named.
func (sqliteDialect) backup(ctx context.Context, db dbx, src, dst string) error {
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	f.Close()
	_, err = db.ExecContext(ctx, "VACUUM INTO ?", dst)
	if err == nil {
		return nil
	}
	for _, p := range []string{dst, dst + "-journal", dst + "-wal", dst + "-shm"} {
		os.Remove(p)
	}
	if isCorrupt(err) {
		return &reworded{msg: fmt.Sprintf("không sao lưu được %s: tệp bị hỏng, SQLite không đọc được hết dữ liệu (không tạo %s); "+
			"giữ nguyên %s, chạy 'kpi check' để xem chỗ hỏng, và dùng bản sao lưu gần nhất", src, dst, src), err: err}
	}
	return err
}

// quickCheck: SQLite's quick_check reads every page of the file and checks
// its structure (not that indexes match their tables), stopping at the
// first problem: about 15 ms on a national year (8,400 reports, 7 MB).
func (sqliteDialect) quickCheck() string { return "PRAGMA quick_check(1)" }

func (sqliteDialect) damaged(err error) bool { return isCorrupt(err) }

func (sqliteDialect) integrityChecks() []problemQuery {
	return []problemQuery{
		{"integrity_check", "SELECT integrity_check FROM pragma_integrity_check WHERE integrity_check <> 'ok'"},
		{"khoá ngoại", `SELECT "table" || ' rowid ' || rowid || ' → ' || parent FROM pragma_foreign_key_check`},
	}
}

func (sqliteDialect) uniqueViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

func (sqliteDialect) reword(path string, err error) error { return friendly(path, err) }

// friendly turns SQLite's storage errors into what the officer can act on
// (the SQLite dialect's reword).
// ErrNotWorkspace is returned when --db names a file that is not a kpi
// workspace (empty, another program's database, not a database at all).
var ErrNotWorkspace = errors.New("không phải cơ sở dữ liệu kpi")

// isWorkspaceFile checks, without writing anything, that path holds a kpi
// workspace: an SQLite database whose schema version kpi set.
func isWorkspaceFile(ctx context.Context, path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	notOurs := func(why string) error {
		return fmt.Errorf("%w: %s %s; chọn đúng tệp bằng --db, hoặc tạo workspace mới bằng kpi init --db TỆP_MỚI (tệp này không bị thay đổi)", ErrNotWorkspace, path, why)
	}
	if info.Size() == 0 {
		return notOurs("là tệp rỗng (0 byte)")
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(30000)")
	if err != nil {
		return err
	}
	defer db.Close()
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		if f := friendly(path, err); f != err {
			return f
		}
		return notOurs("không phải cơ sở dữ liệu SQLite")
	}
	if version == 0 {
		return notOurs("là cơ sở dữ liệu của chương trình khác")
	}
	return nil
}

// isCorrupt recognises SQLite's errors about a damaged file.
func isCorrupt(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_CORRUPT") || strings.Contains(msg, "malformed") || strings.Contains(msg, "file is not a database")
}

func friendly(path string, err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	var hint string
	switch {
	case strings.Contains(msg, "SQLITE_FULL") || strings.Contains(msg, "database or disk is full"):
		hint = fmt.Sprintf("ổ đĩa đầy (disk full) khi ghi %s: giải phóng chỗ trống rồi chạy lại; dữ liệu đã có không bị thay đổi", path)
	case strings.Contains(msg, "SQLITE_READONLY") || strings.Contains(msg, "readonly database"):
		hint = fmt.Sprintf("%s chỉ đọc (read-only): không ghi được; kiểm tra quyền ghi của tệp và thư mục", path)
	case strings.Contains(msg, "SQLITE_CANTOPEN") || strings.Contains(msg, "unable to open database"):
		hint = fmt.Sprintf("không mở được %s: kiểm tra đường dẫn và quyền của thư mục", path)
	case isCorrupt(err):
		hint = fmt.Sprintf("%s hỏng hoặc không phải cơ sở dữ liệu kpi: dùng bản sao lưu (kpi backup)", path)
	default:
		return err
	}
	return &reworded{msg: hint, err: err}
}
