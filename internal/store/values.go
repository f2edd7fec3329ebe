package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/bhxh/kpi/internal/fold"
	"github.com/bhxh/kpi/internal/report"
)

// A report's values are stored with the report, as one JSON array: the
// report is what is written, superseded and undone as a whole, and one row
// per report (not per KPI) keeps big consolidated sheets fast to store.
// Numbers keep their exact value (Go writes the shortest text that reads
// back to the same float64).
type storedValue struct {
	KPI       string   `json:"k"`
	Month     *float64 `json:"m,omitempty"`
	YTD       *float64 `json:"y,omitempty"`
	MonthCell string   `json:"mc,omitempty"`
	YTDCell   string   `json:"yc,omitempty"`
	Unit      string   `json:"u,omitempty"` // the unit of measure as read, when converted
}

// encodeValues writes a report's values as encoding/json writes
// []storedValue, byte for byte (appendValues), which a test holds it to.
func encodeValues(vs []report.Value) (string, error) {
	b, err := appendValues(nil, vs)
	return string(b), err
}

// encodeReports encodes the values of each report (encodeValues) into one
// text, of which each report's is a part: one text, not one (and its
// regrowing) per report.
func encodeReports(reports []report.Report) ([]string, error) {
	b := make([]byte, 0, reportBytes*len(reports))
	ends := make([]int, len(reports))
	for i, r := range reports {
		var err error
		if b, err = appendValues(b, r.Values); err != nil {
			return nil, err
		}
		ends[i] = len(b)
	}
	all := string(b)
	out := make([]string, len(reports))
	start := 0
	for i, end := range ends {
		out[i], start = all[start:end], end
	}
	return out, nil
}

// reportBytes is about how long a report's values are encoded (seven KPIs
// with their cells): a part's text is made that size at once.
const reportBytes = 384

// decodeValues reads a report's values, ordered by KPI code.
func decodeValues(s string) ([]report.Value, error) {
	var d valueReader
	d.cells = true
	out, err := d.values(s, nil)
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].KPI < out[j].KPI })
	return out, nil
}

// values appends the values of a column to out: by the fast reader, or by
// encoding/json when the column is not in its form.
func (d *valueReader) values(s string, out []report.Value) ([]report.Value, error) {
	n := len(out)
	if out, ok := d.read(s, out); ok {
		return out, nil
	}
	out = out[:n]
	var in []storedValue
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, err
	}
	for _, v := range in {
		v2 := report.Value{KPI: v.KPI, Month: v.Month, YTD: v.YTD}
		if d.cells {
			v2.MonthCell, v2.YTDCell, v2.Unit = v.MonthCell, v.YTDCell, v.Unit
		}
		out = append(out, v2)
	}
	return out, nil
}

// moveValues is the data step of migration 4: every report's observations
// become its JSON values, then the observations table goes.
func moveValues(ctx context.Context, w *writeTx) error {
	rows, err := w.QueryContext(ctx, "SELECT report_id, kpi, month_value, ytd_value, month_cell, ytd_cell FROM observations ORDER BY report_id, kpi")
	if err != nil {
		return err
	}
	byReport := map[int64][]report.Value{}
	var order []int64
	for rows.Next() {
		var id int64
		var v report.Value
		var m, y sql.NullFloat64
		if err := rows.Scan(&id, &v.KPI, &m, &y, &v.MonthCell, &v.YTDCell); err != nil {
			rows.Close()
			return err
		}
		if m.Valid {
			mv := m.Float64
			v.Month = &mv
		}
		if y.Valid {
			yv := y.Float64
			v.YTD = &yv
		}
		if _, ok := byReport[id]; !ok {
			order = append(order, id)
		}
		byReport[id] = append(byReport[id], v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range order {
		vals, err := encodeValues(byReport[id])
		if err != nil {
			return err
		}
		if _, err := w.ExecContext(ctx, "UPDATE reports SET vals = ? WHERE id = ?", vals, id); err != nil {
			return err
		}
	}
	_, err = w.ExecContext(ctx, "DROP TABLE observations")
	return err
}

// StoredReport is one live report's figures with the import they came
// from: what kpi values shows.
type StoredReport struct {
	Unit     string
	Period   string
	ImportID int64
	File     string
	Values   []report.Value
	// ReplacedBy is the import that superseded the report (kpi unit shows
	// corrections as before → after); 0 for a report in force.
	ReplacedBy int64
}

// Reports lists the live reports of a year with their figures, for one
// unit or (unit "") all, for one period ("2024-03") or (period "") the
// whole year, ordered by unit and period.
func (s *DB) Reports(ctx context.Context, year int, unit, period string) ([]StoredReport, error) {
	return liveReports(ctx, s.db, year, unit, period)
}

func liveReports(ctx context.Context, db querier, year int, unit, period string) ([]StoredReport, error) {
	q := `SELECT r.unit_code, r.period, r.import_id, i.file, r.vals, COALESCE(r.superseded_by, 0) FROM reports r JOIN imports i ON i.id = r.import_id
		WHERE r.superseded_by IS NULL AND r.period BETWEEN ? AND ?`
	args := []any{fmt.Sprintf("%04d-01", year), fmt.Sprintf("%04d-12", year)}
	if unit != "" {
		q += " AND r.unit_code = ?"
		args = append(args, unit)
	}
	if period != "" {
		q += " AND r.period = ?"
		args = append(args, period)
	}
	rows, err := db.QueryContext(ctx, q+" ORDER BY r.unit_code, r.period", args...)
	if err != nil {
		return nil, err
	}
	out, err := scanReports(rows)
	if err != nil {
		return nil, err
	}
	// units in natural order (H9 before H10), each unit's months in order
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Unit != out[j].Unit {
			return fold.NaturalLess(out[i].Unit, out[j].Unit)
		}
		return out[i].Period < out[j].Period
	})
	return out, nil
}

// UnitReports lists every report of one unit for a year — in force and
// replaced — ordered by period, then import: a unit's history with its
// corrections.
func (s *DB) UnitReports(ctx context.Context, year int, unit string) ([]StoredReport, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.unit_code, r.period, r.import_id, i.file, r.vals, COALESCE(r.superseded_by, 0)
		FROM reports r JOIN imports i ON i.id = r.import_id
		WHERE r.unit_code = ? AND r.period BETWEEN ? AND ? ORDER BY r.period, r.import_id`,
		unit, fmt.Sprintf("%04d-01", year), fmt.Sprintf("%04d-12", year))
	if err != nil {
		return nil, err
	}
	return scanReports(rows)
}

// scanReports reads the rows of a reports query, whose columns are unit,
// period, import, file, values and the superseding import (0 in force),
// and closes them.
func scanReports(rows *sql.Rows) ([]StoredReport, error) {
	defer rows.Close()
	var out []StoredReport
	for rows.Next() {
		var r StoredReport
		var vals string
		if err := rows.Scan(&r.Unit, &r.Period, &r.ImportID, &r.File, &vals, &r.ReplacedBy); err != nil {
			return nil, err
		}
		var err error
		if r.Values, err = decodeValues(vals); err != nil {
			return nil, fmt.Errorf("stored values of %s %s: %w", r.Unit, r.Period, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
