package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
)

// copyTables are the workspace's tables in an order that respects their
// references, with the columns copied. identity marks the table whose id
// the database may generate as an identity column, which an INSERT gives
// only with the dialect's overriding clause; generated, the tables whose
// ids the database generates (whose generators a copy must move on).
var copyTables = []struct {
	name, cols, order   string
	identity, generated bool
}{
	{"campaign", "id, code, year, yaml, updated_at", "id", false, false},
	{"units", "code, name, cluster, position, targets, baselines", "code", false, false},
	{"unit_quarters", "unit_code, kpi, quarter, value", "unit_code, kpi, quarter", false, false},
	{"imports", "id, imported_at, file, path, sha256, layout, sheet, period, value_count, warnings, forced, undone_at, undone_units", "id", true, true},
	{"reports", "id, import_id, unit_code, period, superseded_by, vals", "id", false, true},
	{"adjustments", "id, unit_code, points, reason, period, kpi, added_at, removed_at, removed_reason", "id", false, true},
	{"exclusions", "id, unit_code, reason, period, added_at, removed_at, removed_reason", "id", false, true},
	{"nominations", "id, unit_code, name, title, reason, added_at, removed_at, removed_reason", "id", false, true},
	{"audit_log", "id, logged_at, action, subject, field, before_value, after_value, reason", "id", false, true},
	{"settings", "key, value, updated_at", "key", false, false},
}

// CopyTo copies the whole workspace — campaign, units, targets, the import
// history with its reports and values, the council's decisions, the audit
// log and the settings — into dst, which must be empty, in
// one transaction of dst. Ids are kept, so history references stay valid.
// Text goes in through validText, like every write: a file an older kpi
// filled with bytes that are not UTF-8 still copies to any database.
func (s *DB) CopyTo(ctx context.Context, dst *DB) error {
	ids, _ := dst.d.(explicitIDs)
	return dst.write(ctx, func(w *writeTx) error {
		var n int
		if err := w.QueryRowContext(ctx, "SELECT count(*) FROM campaign").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%s already holds a workspace: copy into an empty one", dst.path)
		}
		for _, t := range copyTables {
			all, err := s.rows(ctx, "SELECT "+t.cols+" FROM "+t.name+" ORDER BY "+t.order)
			if err != nil {
				return err
			}
			if len(all) == 0 {
				continue
			}
			table := t.name + " (" + t.cols + ")"
			if t.identity && ids != nil {
				table += " " + ids.overriding()
			}
			if err := dst.insertRows(ctx, w, table, placeholderRow(len(all[0])), len(all), func(i int, args []any) []any { return append(args, all[i]...) }); err != nil {
				return fmt.Errorf("copying %s: %w", t.name, err)
			}
		}
		if ids != nil {
			var generated []string
			for _, t := range copyTables {
				if t.generated {
					generated = append(generated, t.name)
				}
			}
			return ids.afterCopy(ctx, w, generated)
		}
		return nil
	})
}

// rows reads every row of a query, each as its column values.
func (s *DB) rows(ctx context.Context, query string) ([][]any, error) {
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var all [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		all = append(all, vals)
	}
	return all, rows.Err()
}

// Summary is what a copy is verified by: row counts per table and a
// checksum of every value.
type Summary struct {
	Counts   map[string]int
	Checksum string
}

// Summarise counts the rows of every table and hashes every value (unit,
// period, import, KPI, month and YTD values, cells) in a fixed order. Text
// is hashed as validText makes it, as a copy stores it.
func (s *DB) Summarise(ctx context.Context) (Summary, error) {
	sum := Summary{Counts: map[string]int{}}
	for _, t := range copyTables {
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+t.name).Scan(&n); err != nil {
			return sum, err
		}
		sum.Counts[t.name] = n
	}
	rows, err := s.db.QueryContext(ctx, `SELECT unit_code, period, import_id, vals FROM reports ORDER BY import_id, unit_code`)
	if err != nil {
		return sum, err
	}
	defer rows.Close()
	h := sha256.New()
	for rows.Next() {
		var unit, period, vals string
		var imp int64
		if err := rows.Scan(&unit, &period, &imp, &vals); err != nil {
			return sum, err
		}
		vs, err := decodeValues(vals)
		if err != nil {
			return sum, err
		}
		for _, v := range vs {
			fmt.Fprintf(h, "%s|%s|%d|%s|%s|%s|%s|%s\n", validText(unit), validText(period), imp, v.KPI, f64(v.Month), f64(v.YTD), v.MonthCell, v.YTDCell)
		}
	}
	sum.Checksum = hex.EncodeToString(h.Sum(nil))
	return sum, rows.Err()
}

func f64(v *float64) string {
	if v == nil {
		return "null"
	}
	return strconv.FormatFloat(*v, 'g', -1, 64)
}
