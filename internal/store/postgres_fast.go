package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/bhxh/kpi/internal/report"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// savePostgresOne saves a one-report file (a district's monthly workbook,
// the common case) on PostgreSQL in three round trips instead of eight:
// BEGIN, one pipelined batch of every statement, COMMIT. The statements
// are those of saveImport, chained through currval() where one needs the
// id another made; the guarantees are the same (one transaction, the
// advisory write lock, the unique indexes).
func (s *DB) savePostgresOne(ctx context.Context, rec ImportRecord, r report.Report, force bool) (int64, []Superseded, error) {
	warnings, err := json.Marshal(nonNil(rec.Warnings))
	if err != nil {
		return 0, nil, err
	}
	vals, err := encodeValues(r.Values)
	if err != nil {
		return 0, nil, err
	}
	forced := 0
	if force {
		forced = 1
	}
	conn, err := s.db.DB.Conn(ctx)
	if err != nil {
		return 0, nil, err
	}
	defer conn.Close()
	var id int64
	var superseded []Superseded
	err = conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		tx, err := pc.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)
		period := r.Period.String()
		b := &pgx.Batch{}
		b.Queue("SELECT pg_advisory_xact_lock($1)", writeLockKey)
		b.Queue(`INSERT INTO imports (imported_at, file, path, sha256, layout, sheet, period, value_count, warnings, forced)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			rec.ImportedAt.UTC().Format(time.RFC3339Nano), rec.File, rec.Path, rec.SHA256, rec.Layout, rec.Sheet, rec.Period, rec.Values, string(warnings), forced)
		b.Queue(`UPDATE reports SET superseded_by = currval(pg_get_serial_sequence('imports', 'id'))
			WHERE unit_code = $1 AND period = $2 AND superseded_by IS NULL RETURNING import_id`, r.Unit, period)
		b.Queue(`INSERT INTO reports (id, import_id, unit_code, period, vals)
			VALUES (nextval('reports_id_seq'), currval(pg_get_serial_sequence('imports', 'id')), $1, $2, $3)`, r.Unit, period, vals)
		br := tx.SendBatch(ctx, b)
		if _, err := br.Exec(); err != nil {
			br.Close()
			return err
		}
		if err := br.QueryRow().Scan(&id); err != nil {
			br.Close()
			if s.d.uniqueViolation(err) {
				return errSameFile
			}
			return err
		}
		var old int64
		switch err := br.QueryRow().Scan(&old); {
		case err == nil:
			superseded = append(superseded, Superseded{Unit: r.Unit, Period: period, ImportID: old})
		case !errors.Is(err, pgx.ErrNoRows):
			br.Close()
			return err
		}
		if _, err := br.Exec(); err != nil {
			br.Close()
			return err
		}
		if err := br.Close(); err != nil {
			return err
		}
		return tx.Commit(ctx)
	})
	if err != nil {
		if errors.Is(err, errSameFile) || s.d.uniqueViolation(err) {
			return 0, nil, err
		}
		return 0, nil, fmt.Errorf("%w", friendly(s.path, err))
	}
	return id, superseded, nil
}
