package store

import (
	"context"
	"database/sql"
	"errors"
)

// The workspace's settings (kpi settings): what the official documents
// print about who issues them — the office, its parent body, the place,
// the signer and the preparer —, kept apart from the campaign's rules.
// Keys and their defaults are the commands' business; the store keeps
// text.

// Settings returns the settings that are set.
func (s *DB) Settings(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings ORDER BY key`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}

// SetSetting sets key to value ("" clears it), with its audit log entry.
func (s *DB) SetSetting(ctx context.Context, key, value string) error {
	return s.write(ctx, func(w *writeTx) error {
		var before string
		err := w.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&before)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if before == value {
			return nil
		}
		if value == "" {
			_, err = w.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, key)
		} else {
			_, err = w.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, key, value, now())
		}
		if err != nil {
			return err
		}
		w.log(AuditEntry{Action: ActSetting, Subject: key, Before: before, After: validText(value)})
		return nil
	})
}
