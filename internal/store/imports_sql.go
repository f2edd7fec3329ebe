package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/fold"
	"github.com/bhxh/kpi/internal/report"
)

// FindImport looks a file up by SHA-256.
func (s *DB) FindImport(ctx context.Context, sha string) (int64, bool, error) {
	var id int64
	var err error
	if st, perr := s.findStmt(ctx); perr != nil {
		err = perr
	} else if st != nil {
		err = st.QueryRowContext(ctx, sha).Scan(&id)
	} else {
		err = s.db.QueryRowContext(ctx, findImportSQL, sha).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, s.reword(err)
}

// findImportSQL finds the import in force of a file's bytes.
const findImportSQL = "SELECT id FROM imports WHERE sha256 = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1"

// findStmt is findImportSQL prepared once for the store (each reader of an
// import looks its file up): nil when the dialect's driver keeps prepared
// statements itself.
func (s *DB) findStmt(ctx context.Context) (*sql.Stmt, error) {
	if !s.d.cachePrepared() {
		return nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.find == nil {
		st, err := s.db.PrepareContext(ctx, findImportSQL)
		if err != nil {
			return nil, err
		}
		s.find = st
	}
	return s.find, nil
}

// ImportsBySHA returns the imports in force by SHA-256 (the latest of a
// file imported again with --force).
func (s *DB) ImportsBySHA(ctx context.Context) (map[string]int64, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT sha256, id FROM imports WHERE undone_at IS NULL")
	if err != nil {
		return nil, s.reword(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var sha string
		var id int64
		if err := rows.Scan(&sha, &id); err != nil {
			return nil, err
		}
		out[sha] = max(out[sha], id)
	}
	return out, s.reword(rows.Err())
}

// SaveImport records a file and its reports atomically. When a concurrent
// writer wins a race for the same file or the same unit and month (a
// unique index says so), the transaction is tried again on the new state:
// the file is then found already imported, or supersedes the winner.
func (s *DB) SaveImport(ctx context.Context, rec ImportRecord, reports []report.Report, force bool) (int64, []Superseded, error) {
	imp, err := newImportRows(rec, reports, force)
	if err != nil {
		return 0, nil, err
	}
	for attempt := 1; ; attempt++ {
		var id int64
		var sup []Superseded
		err = s.write(ctx, func(w *writeTx) (err error) {
			if one, ok := s.d.(oneReportSaver); ok && len(reports) == 1 {
				id, sup, err = one.saveOne(ctx, w, imp, false)
			} else {
				id, sup, err = s.saveImport(ctx, w, imp, true)
			}
			return err
		})
		if errors.Is(err, errSameFile) {
			// the unique index on the file's SHA-256 said no: name the import
			if id, found, ferr := s.FindImport(ctx, rec.SHA256); ferr == nil && found {
				return 0, nil, &AlreadyImportedError{ID: id}
			}
		}
		if attempt < 5 && (s.d.uniqueViolation(err) || errors.Is(err, errSameFile)) {
			continue
		}
		if err != nil {
			return 0, nil, err
		}
		return id, sup, nil
	}
}

// errSameFile: the file's bytes are already imported (unique index).
var errSameFile = errors.New("same file already imported")

// sameFile makes the unique index's refusal of an import (its file's
// bytes are imported already) errSameFile.
func sameFile(d dialect, err error) error {
	if d.uniqueViolation(err) {
		return errSameFile
	}
	return err
}

// saveImport records a file and saves its reports; live says whether
// reports of its period may be in force (else none is looked up).
func (s *DB) saveImport(ctx context.Context, w *writeTx, imp *importRows, live bool) (int64, []Superseded, error) {
	var id int64
	if err := s.txQueryRow(ctx, w, insertImportSQL, imp.args...).Scan(&id); err != nil {
		return 0, nil, sameFile(s.d, err)
	}
	superseded, err := s.addReports(ctx, w, id, imp.reports, imp.vals, live)
	if err != nil {
		return 0, nil, err
	}
	return id, superseded, nil
}

// addReports saves reports of the import id (vals: their values,
// encoded), each superseding the report in force for its unit and
// period; live false says there is none for their periods (no lookup).
func (s *DB) addReports(ctx context.Context, w *writeTx, id int64, reports []report.Report, vals []string, live bool) ([]Superseded, error) {
	// supersede the reports in force for the units and periods of these
	// reports: one UPDATE … RETURNING per report for a few (through the
	// index of the reports in force), else a thousand units at a time
	var superseded []Superseded
	switch {
	case !live:
	case len(reports) <= 64:
		for _, r := range reports {
			var old int64
			switch err := s.txQueryRow(ctx, w, supersedeSQL("?")+returningImport, id, r.Unit, r.Period.String()).Scan(&old); {
			case err == nil:
				superseded = append(superseded, Superseded{Unit: r.Unit, Period: r.Period.String(), ImportID: old})
			case !errors.Is(err, sql.ErrNoRows):
				return nil, err
			}
		}
	default:
		inForce := map[[2]string]int64{}
		byPeriod := map[string][]any{}
		for _, r := range reports {
			p := r.Period.String()
			byPeriod[p] = append(byPeriod[p], r.Unit)
		}
		for period, units := range byPeriod {
			// superseded a thousand at a time, each saying the import it
			// was of (a statement per report made a savepoint's journal
			// grow quadratic: a national sheet replaced took minutes)
			for start := 0; start < len(units); start += liveBatch {
				part := units[start:min(start+liveBatch, len(units))]
				q := "UPDATE reports" + s.d.liveIndex() + " SET superseded_by = ? WHERE period = ? AND superseded_by IS NULL AND unit_code IN " +
					placeholderRow(len(part)) + " RETURNING unit_code, import_id"
				rows, err := w.QueryContext(ctx, q, append([]any{id, period}, part...)...)
				if err != nil {
					return nil, err
				}
				for rows.Next() {
					var unit string
					var imp int64
					if err := rows.Scan(&unit, &imp); err != nil {
						rows.Close()
						return nil, err
					}
					inForce[[2]string{unit, period}] = imp
				}
				rows.Close()
				if err := rows.Err(); err != nil {
					return nil, err
				}
			}
		}
		for _, r := range reports {
			period := r.Period.String()
			if old, ok := inForce[[2]string{r.Unit, period}]; ok {
				superseded = append(superseded, Superseded{Unit: r.Unit, Period: period, ImportID: old})
			}
		}
	}
	// report ids are given here (the transaction holds the write lock), so
	// that reports go in as multi-row inserts
	rids, err := s.d.reportIDs(ctx, w, len(reports))
	if err != nil {
		return nil, err
	}
	if len(reports) >= literalRows && onePeriod(reports) {
		// many reports, one import and one period (a file's): those two
		// written in the statement, three arguments a row instead of five
		// (binding them was a seventh of inserting a national sheet)
		period := reports[0].Period.String()
		row := "(?, " + strconv.FormatInt(id, 10) + ", ?, '" + period + "', ?)"
		err = s.insertRows(ctx, w, reportsTable, row, len(reports), func(i int, args []any) []any {
			return append(args, rids[i], reports[i].Unit, vals[i])
		})
	} else {
		periods := map[report.Period]string{} // written once each, not once a report
		err = s.insertRows(ctx, w, reportsTable, reportRow("?", "?"), len(reports), func(i int, args []any) []any {
			r := reports[i]
			p, ok := periods[r.Period]
			if !ok {
				p = r.Period.String()
				periods[r.Period] = p
			}
			return append(args, rids[i], id, r.Unit, p, vals[i])
		})
	}
	if err != nil {
		if s.d.uniqueViolation(err) {
			return nil, err
		}
		return nil, fmt.Errorf("saving reports: %w", err)
	}
	return superseded, nil
}

// onePeriod says whether the reports are all of one period.
func onePeriod(reports []report.Report) bool {
	for _, r := range reports {
		if r.Period != reports[0].Period {
			return false
		}
	}
	return true
}

// literalRows is how many reports addReports must save for their import
// and period to be written in its statements (a statement made for one
// file: prepared once per file, not once per group).
const literalRows = 256

// liveBatch is how many units one query for the reports in force names.
const liveBatch = 1000

// maxVars is how many arguments one statement may carry in every
// database behind the store (the smallest limit among them: 32,766).
const maxVars = 32766

// insertBatch is the most rows one INSERT statement carries: as many as
// maxVars allows, up to a statement text that stays quick to prepare.
func insertBatch(width int) int { return max(1, min(maxVars/max(width, 1), 2000)) }

// insertRows inserts n rows into table, each written as row, in multi-row
// INSERT statements of up to insertBatch rows (frequent statements: see
// txExec); args appends the arguments of row i.
func (s *DB) insertRows(ctx context.Context, w *writeTx, table, row string, n int, args func(i int, args []any) []any) error {
	width := strings.Count(row, "?")
	size := insertBatch(width)
	batch := make([]any, 0, min(n, size)*width)
	for start := 0; start < n; start += size {
		end := min(start+size, n)
		batch = batch[:0]
		for i := start; i < end; i++ {
			batch = args(i, batch)
		}
		if err := s.txExec(ctx, w, insertSQL(table, row, end-start), batch...); err != nil {
			return err
		}
	}
	return nil
}

// Imports lists the history with each import's units and superseders;
// an undone import with the units it had.
func (s *DB) Imports(ctx context.Context) ([]ImportRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT i.id, i.imported_at, i.file, i.path, i.sha256, i.layout, i.sheet, i.period, i.value_count, i.warnings, i.undone_at,
			COALESCE((SELECT string_agg(unit_code, ',' ORDER BY unit_code) FROM reports WHERE import_id = i.id), i.undone_units),
			COALESCE((SELECT string_agg(CAST(sb AS TEXT), ',' ORDER BY sb) FROM (SELECT DISTINCT superseded_by AS sb FROM reports WHERE import_id = i.id AND superseded_by IS NOT NULL) t), '')
		FROM imports i ORDER BY i.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ImportRecord
	for rows.Next() {
		var r ImportRecord
		var at, warnings, units, by string
		var undone sql.NullString
		if err := rows.Scan(&r.ID, &at, &r.File, &r.Path, &r.SHA256, &r.Layout, &r.Sheet, &r.Period, &r.Values, &warnings, &undone, &units, &by); err != nil {
			return nil, err
		}
		r.Undone = nullTime(undone)
		r.ImportedAt, _ = time.Parse(time.RFC3339Nano, at)
		if err := json.Unmarshal([]byte(warnings), &r.Warnings); err != nil {
			return nil, fmt.Errorf("import #%d: warnings: %w", r.ID, err)
		}
		if units != "" {
			r.Units = strings.Split(units, ",")
		}
		for _, b := range strings.Split(by, ",") {
			if n, err := strconv.ParseInt(b, 10, 64); err == nil {
				r.SupersededBy = append(r.SupersededBy, n)
			}
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Undo takes an import back: its reports go and, for each, the report it
// had superseded takes its place — live again if the undone report was
// live, or superseded by whatever superseded the undone one. The import
// stays in the history, marked undone with the units it had reported, and
// the undoing is logged (with reason, if given).
func (s *DB) Undo(ctx context.Context, id int64, reason string) ([]Superseded, error) {
	var restored []Superseded
	err := s.write(ctx, func(w *writeTx) error {
		var file, period string
		var undone sql.NullString
		switch err := w.QueryRowContext(ctx, "SELECT file, period, undone_at FROM imports WHERE id = ?", id).Scan(&file, &period, &undone); {
		case errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("%w #%d", ErrNoImport, id)
		case err != nil:
			return err
		case undone.Valid:
			return &UndoneError{ID: id, At: *nullTime(undone)}
		}
		type rep struct {
			unit, period string
			by           sql.NullInt64
		}
		rows, err := w.QueryContext(ctx, "SELECT unit_code, period, superseded_by FROM reports WHERE import_id = ?", id)
		if err != nil {
			return err
		}
		var reps []rep
		for rows.Next() {
			var r rep
			if err := rows.Scan(&r.unit, &r.period, &r.by); err != nil {
				rows.Close()
				return err
			}
			reps = append(reps, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if _, err := w.ExecContext(ctx, "DELETE FROM reports WHERE import_id = ?", id); err != nil {
			return err
		}
		for _, r := range reps {
			var prev int64
			err := w.QueryRowContext(ctx, "SELECT import_id FROM reports WHERE unit_code = ? AND period = ? AND superseded_by = ?", r.unit, r.period, id).Scan(&prev)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return err
			}
			var by any
			if r.by.Valid {
				by = r.by.Int64
			}
			if _, err := w.ExecContext(ctx, "UPDATE reports SET superseded_by = ? WHERE unit_code = ? AND period = ? AND superseded_by = ?", by, r.unit, r.period, id); err != nil {
				return err
			}
			if !r.by.Valid {
				restored = append(restored, Superseded{Unit: r.unit, Period: r.period, ImportID: prev})
			}
		}
		sort.Slice(restored, func(i, j int) bool { return fold.NaturalLess(restored[i].Unit, restored[j].Unit) })
		units := make([]string, 0, len(reps))
		for _, r := range reps {
			units = append(units, r.unit)
		}
		sort.Slice(units, func(i, j int) bool { return fold.NaturalLess(units[i], units[j]) })
		if _, err := w.ExecContext(ctx, "UPDATE imports SET undone_at = ?, undone_units = ? WHERE id = ?", now(), strings.Join(units, ","), id); err != nil {
			return err
		}
		after := "đã hoàn tác"
		switch {
		case len(restored) > 3:
			after += fmt.Sprintf("; khôi phục %d báo cáo trước đó", len(restored))
		default:
			for _, r := range restored {
				after += fmt.Sprintf("; khôi phục %s %s (#%d)", r.Unit, r.Period, r.ImportID)
			}
		}
		before := strings.Join(units, ",")
		if len(units) > 4 {
			before = fmt.Sprintf("%s … (%d đơn vị)", strings.Join(units[:3], ","), len(units))
		}
		w.log(AuditEntry{Action: ActUndo, Subject: fmt.Sprintf("#%d", id), Field: file,
			Before: before + " " + period, After: after, Reason: reason})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return restored, nil
}

// LiveReports lists the reports in force for a year.
func (s *DB) LiveReports(ctx context.Context, year int) ([]LiveReport, error) {
	// which reports replaced others: one pass over the replaced ones, joined
	// (a correlated EXISTS scanned every report for each report: 8 s on a
	// national year)
	year4 := fmt.Sprintf("%04d-%%", year)
	rows, err := s.db.QueryContext(ctx, `SELECT r.unit_code, r.period, r.import_id, (x.unit_code IS NOT NULL)
		FROM reports r
		LEFT JOIN (SELECT DISTINCT unit_code, period FROM reports WHERE superseded_by IS NOT NULL AND period LIKE ?) x
			ON x.unit_code = r.unit_code AND x.period = r.period
		WHERE r.superseded_by IS NULL AND r.period LIKE ? ORDER BY r.unit_code, r.period`, year4, year4)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LiveReport
	for rows.Next() {
		var l LiveReport
		if err := rows.Scan(&l.Unit, &l.Period, &l.ImportID, &l.Replaced); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// Observations lists the live figures of a year.
func (s *DB) Observations(ctx context.Context, year int, unit string) ([]report.Observation, error) {
	where := ` FROM reports WHERE superseded_by IS NULL AND period BETWEEN ? AND ?`
	args := []any{fmt.Sprintf("%04d-01", year), fmt.Sprintf("%04d-12", year)}
	if unit != "" {
		where += " AND unit_code = ?"
		args = append(args, unit)
	}
	// the reports are counted first, so that the figures are gathered in
	// one slice of the right size (a national year: 8,400 reports)
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*)"+where, args...).Scan(&n); err != nil {
		return nil, s.reword(err)
	}
	out, err := observations(ctx, s.db, make([]report.Observation, 0, n*8), where, args...)
	return out, s.reword(err)
}

// ObservationsOf lists the figures of the live reports of a year for the
// units given, a thousand units a query: what the checks of a
// consolidated sheet need of a workspace too big to hold a year of.
func (s *DB) ObservationsOf(ctx context.Context, year int, units []string) ([]report.Observation, error) {
	out, err := s.observationsOf(ctx, s.db, year, units)
	return out, s.reword(err)
}

// yearPeriods are the first and last periods of a year, as stored.
func yearPeriods(year int) (from, to string) {
	return report.Period{Year: year, Month: 1}.String(), report.Period{Year: year, Month: 12}.String()
}

func (s *DB) observationsOf(ctx context.Context, q querier, year int, units []string) ([]report.Observation, error) {
	var out []report.Observation
	for start := 0; start < len(units); start += liveBatch {
		part := units[start:min(start+liveBatch, len(units))]
		from, to := yearPeriods(year)
		args := append([]any{from, to}, anySlice(part)...)
		var err error
		where := " FROM reports" + s.d.liveIndex() + " WHERE superseded_by IS NULL AND period BETWEEN ? AND ? AND unit_code IN " + placeholderRow(len(part))
		if out, err = observations(ctx, q, out, where, args...); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// observations appends to out the figures of the reports that where (a
// FROM … WHERE clause) selects.
func observations(ctx context.Context, q querier, out []report.Observation, where string, args ...any) ([]report.Observation, error) {
	rows, err := q.QueryContext(ctx, "SELECT unit_code, period, vals"+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var d valueReader // the figures only: no cells
	var vs []report.Value
	periods := map[string]report.Period{}
	for rows.Next() {
		var unit, period, vals string
		if err := rows.Scan(&unit, &period, &vals); err != nil {
			return nil, err
		}
		p, ok := periods[period]
		if !ok {
			if p, err = report.ParsePeriod(period); err != nil {
				return nil, fmt.Errorf("stored period %q: %w", period, err)
			}
			periods[period] = p
		}
		if vs, err = d.values(vals, vs[:0]); err != nil {
			return nil, fmt.Errorf("stored values of %s %s: %w", unit, period, err)
		}
		for _, v := range vs {
			out = append(out, report.Observation{Unit: unit, Period: p, KPI: v.KPI, Month: v.Month, YTD: v.YTD})
		}
	}
	return out, rows.Err()
}
