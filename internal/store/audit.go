package store

import (
	"context"
	"database/sql"
	"time"
)

// The audit log (kpi log): every change to the campaign, the targets, the
// council's adjustments, exclusions and nominations, and every undone
// import, with when, what, and the value before and after. Entries are
// made inside the writing transaction of the change (writeTx.log) and
// written by DB.write with it; nothing ever removes one.

// AuditEntry is one change in the audit log.
type AuditEntry struct {
	ID      int64
	At      time.Time
	Action  string // one of the Act… constants
	Subject string // what changed: a unit code, a campaign code, "#12" for an import
	Field   string // which part of it: "thu KH", "kpis[thu].weight", "#3" for an adjustment
	Before  string // "" when it did not exist
	After   string // "" when it no longer exists
	Reason  string // the reason given, if any
}

// The actions of the audit log.
const (
	ActCampaign       = "campaign"        // the campaign set or changed, one entry per setting
	ActTargets        = "targets"         // a unit added, or one value of a unit changed, by a targets import
	ActAdjustAdd      = "adjust_add"      // bonus or penalty points given
	ActAdjustRemove   = "adjust_remove"   // an adjustment withdrawn
	ActExclude        = "exclude"         // a unit excluded from awards
	ActExcludeRemove  = "exclude_remove"  // an exclusion lifted
	ActNominateAdd    = "nominate_add"    // a person nominated
	ActNominateRemove = "nominate_remove" // a nomination withdrawn
	ActUndo           = "undo"            // an import undone
	ActSetting        = "setting"         // a setting set or cleared (kpi settings)
)

const auditTable = "audit_log (logged_at, action, subject, field, before_value, after_value, reason)"

// saveLog writes the audit log entries of a writing transaction, stamped
// with the time now.
func (s *DB) saveLog(ctx context.Context, w *writeTx) error {
	if len(w.entries) == 0 {
		return nil
	}
	at := time.Now().UTC().Format(time.RFC3339Nano)
	return s.insertRows(ctx, w, auditTable, placeholderRow(7), len(w.entries), func(i int, args []any) []any {
		e := w.entries[i]
		return append(args, at, e.Action, e.Subject, e.Field, e.Before, e.After, e.Reason)
	})
}

// AuditLog lists the audit log, oldest first.
func (s *DB) AuditLog(ctx context.Context) ([]AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, logged_at, action, subject, field, before_value, after_value, reason FROM audit_log ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Action, &e.Subject, &e.Field, &e.Before, &e.After, &e.Reason); err != nil {
			return nil, err
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// parseTime reads a time as the store writes it (RFC 3339, UTC).
func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// nullTime reads a time that may be NULL.
func nullTime(s sql.NullString) *time.Time {
	if !s.Valid {
		return nil
	}
	t := parseTime(s.String)
	return &t
}
