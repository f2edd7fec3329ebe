package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
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
}

// SchemaVersion is the schema this build writes.
var SchemaVersion = len(sqliteMigrations)

// DB is a workspace in a SQL database: SQLite (the embedded single-file
// default) or PostgreSQL (a shared server), one implementation with a
// dialect for what differs.
type DB struct {
	db   dbx
	d    dialect
	path string

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // prepared once, used by every import
}

var _ Store = (*DB)(nil)

// ErrNoWorkspace is returned by OpenSQLite when the file does not exist and
// create is false.
var ErrNoWorkspace = errors.New("no workspace")

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
	}
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(30000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
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

func (s *DB) migrate(ctx context.Context) error {
	for {
		// each step reads the version inside its own write transaction, so
		// two kpi processes opening a new workspace at once cannot both
		// apply the same migration
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return friendly(s.path, err)
		}
		v, err := s.d.version(ctx, tx)
		if err != nil {
			tx.Rollback()
			return fmt.Errorf("%s is not a kpi workspace: %w", s.path, friendly(s.path, err))
		}
		if v > SchemaVersion {
			tx.Rollback()
			return fmt.Errorf("%s was written by a newer kpi (schema %d, this kpi knows %d): update kpi", s.path, v, SchemaVersion)
		}
		if v == SchemaVersion {
			return tx.Rollback()
		}
		if _, err := tx.ExecContext(ctx, s.d.migrations()[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrating %s to schema %d: %w", s.path, v+1, friendly(s.path, err))
		}
		if v+1 == 4 {
			if err := moveValues(ctx, tx); err != nil {
				tx.Rollback()
				return fmt.Errorf("migrating %s to schema 4: %w", s.path, friendly(s.path, err))
			}
		}
		if err := s.d.setVersion(ctx, tx, v+1); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return friendly(s.path, err)
		}
	}
}

// friendly turns SQLite's storage errors into what the officer can act on.
func friendly(path string, err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "SQLITE_FULL") || strings.Contains(msg, "database or disk is full"):
		return fmt.Errorf("ổ đĩa đầy (disk full) khi ghi %s: giải phóng chỗ trống rồi chạy lại; dữ liệu đã có không bị thay đổi: %w", path, err)
	case strings.Contains(msg, "SQLITE_READONLY") || strings.Contains(msg, "readonly database"):
		return fmt.Errorf("%s chỉ đọc (read-only): không ghi được; kiểm tra quyền ghi của tệp và thư mục: %w", path, err)
	case strings.Contains(msg, "SQLITE_CANTOPEN") || strings.Contains(msg, "unable to open database"):
		return fmt.Errorf("không mở được %s: kiểm tra đường dẫn và quyền của thư mục: %w", path, err)
	case strings.Contains(msg, "SQLITE_CORRUPT") || strings.Contains(msg, "malformed") || strings.Contains(msg, "file is not a database"):
		return fmt.Errorf("%s hỏng hoặc không phải cơ sở dữ liệu kpi: dùng bản sao lưu (kpi backup): %w", path, err)
	}
	return err
}

// Path returns the file path.
func (s *DB) Path() string { return s.path }

// Close closes the database.
func (s *DB) Close() error {
	for _, st := range s.stmts {
		st.Close()
	}
	return s.db.Close()
}

// stmt returns the prepared statement for query, preparing it once.
func (s *DB) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.stmts[query]; ok {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[query] = st
	return st, nil
}

// Campaign returns the stored campaign.
func (s *DB) Campaign(ctx context.Context) (*campaign.Campaign, error) {
	var y string
	err := s.db.QueryRowContext(ctx, "SELECT yaml FROM campaign WHERE id = 1").Scan(&y)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNoCampaign
	}
	if err != nil {
		return nil, err
	}
	return campaign.Parse([]byte(y))
}

// SetCampaign stores the campaign.
func (s *DB) SetCampaign(ctx context.Context, c *campaign.Campaign) error {
	y, err := c.YAML()
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO campaign (id, code, year, yaml, updated_at) VALUES (1, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET code = excluded.code, year = excluded.year, yaml = excluded.yaml, updated_at = excluded.updated_at`,
		c.Code, c.Year, string(y), time.Now().UTC().Format(time.RFC3339))
	return err
}

// UnitNames returns every unit in workbook order, without targets.
func (s *DB) UnitNames(ctx context.Context) ([]campaign.Unit, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT code, name, cluster FROM units ORDER BY position, code")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var units []campaign.Unit
	for rows.Next() {
		var u campaign.Unit
		if err := rows.Scan(&u.Code, &u.Name, &u.Cluster); err != nil {
			return nil, err
		}
		units = append(units, u)
	}
	return units, rows.Err()
}

// Units returns every unit in workbook order.
func (s *DB) Units(ctx context.Context) ([]campaign.Unit, error) {
	units, err := s.UnitNames(ctx)
	if err != nil {
		return nil, err
	}
	idx := make(map[string]int, len(units))
	for i := range units {
		units[i].Targets, units[i].Baselines = map[string]float64{}, map[string]float64{}
		idx[units[i].Code] = i
	}
	vals, err := s.db.QueryContext(ctx, "SELECT unit_code, kpi, kind, value FROM unit_values")
	if err != nil {
		return nil, err
	}
	defer vals.Close()
	for vals.Next() {
		var code, kpi, kind string
		var v float64
		if err := vals.Scan(&code, &kpi, &kind, &v); err != nil {
			return nil, err
		}
		i, ok := idx[code]
		if !ok {
			continue
		}
		if kind == "target" {
			units[i].Targets[kpi] = v
		} else {
			units[i].Baselines[kpi] = v
		}
	}
	return units, vals.Err()
}

// SaveUnits upserts units and replaces their values, in one transaction.
func (s *DB) SaveUnits(ctx context.Context, units []campaign.Unit) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := s.d.lockWrites(ctx, tx); err != nil {
		return err
	}
	// units of this workbook come first, in its order; others keep theirs after
	if _, err := tx.ExecContext(ctx, "UPDATE units SET position = position + ?", len(units)+1); err != nil {
		return err
	}
	up, err := tx.PrepareContext(ctx, `INSERT INTO units (code, name, cluster, position) VALUES (?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, cluster = excluded.cluster, position = excluded.position`)
	if err != nil {
		return err
	}
	defer up.Close()
	del, err := tx.PrepareContext(ctx, "DELETE FROM unit_values WHERE unit_code = ?")
	if err != nil {
		return err
	}
	defer del.Close()
	ins, err := tx.PrepareContext(ctx, "INSERT INTO unit_values (unit_code, kpi, kind, value) VALUES (?, ?, ?, ?)")
	if err != nil {
		return err
	}
	defer ins.Close()
	for i, u := range units {
		if _, err := up.ExecContext(ctx, u.Code, u.Name, u.Cluster, i+1); err != nil {
			return fmt.Errorf("saving unit %s: %w", u.Code, err)
		}
		if _, err := del.ExecContext(ctx, u.Code); err != nil {
			return err
		}
		for kpi, v := range u.Targets {
			if _, err := ins.ExecContext(ctx, u.Code, kpi, "target", v); err != nil {
				return err
			}
		}
		for kpi, v := range u.Baselines {
			if _, err := ins.ExecContext(ctx, u.Code, kpi, "baseline", v); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// sqliteDialect is the embedded SQLite database.
type sqliteDialect struct{}

func (sqliteDialect) name() string           { return "sqlite" }
func (sqliteDialect) rebind(q string) string { return q }
func (sqliteDialect) migrations() []string   { return sqliteMigrations }

func (sqliteDialect) version(ctx context.Context, tx txx) (int, error) {
	var v int
	err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

func (sqliteDialect) setVersion(ctx context.Context, tx txx, v int) error {
	_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v))
	return err
}

// reportIDs: the writing transaction holds SQLite's write lock, so the
// next ids after the largest are free.
func (sqliteDialect) reportIDs(ctx context.Context, tx txx, n int) ([]int64, error) {
	var base int64
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM reports").Scan(&base); err != nil {
		return nil, err
	}
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = base + int64(i) + 1
	}
	return ids, nil
}

func (sqliteDialect) backup(ctx context.Context, db dbx, path string) error {
	_, err := db.ExecContext(ctx, "VACUUM INTO ?", path)
	return err
}

func (sqliteDialect) integrityChecks() []problemQuery {
	return []problemQuery{
		{"integrity_check", "SELECT integrity_check FROM pragma_integrity_check WHERE integrity_check <> 'ok'"},
		{"khoá ngoại", `SELECT "table" || ' rowid ' || rowid || ' → ' || parent FROM pragma_foreign_key_check`},
	}
}

func (sqliteDialect) uniqueViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// lockWrites: BEGIN IMMEDIATE (the _txlock setting) has taken the lock.
func (sqliteDialect) lockWrites(ctx context.Context, tx txx) error { return nil }

// afterCopy: AUTOINCREMENT and MAX(id) follow explicit ids by themselves.
func (sqliteDialect) afterCopy(ctx context.Context, tx txx) error { return nil }
