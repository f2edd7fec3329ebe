package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/report"
)

// The SQL of an import, written once for every way of saving one: the
// generic saveImport and a dialect's own (oneReportSaver). Where one
// statement needs an id another made, the id is an SQL expression given
// by the caller: "?" with the id among the arguments, or an expression of
// the database that finds it.

// insertImportSQL records the file; its arguments are importRows.args.
const insertImportSQL = `INSERT INTO imports (imported_at, file, path, sha256, layout, sheet, period, value_count, warnings, forced)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`

// supersedeSQL marks the live report of a unit and period (the two
// arguments after any of importID) superseded by the import importID
// names.
func supersedeSQL(importID string) string {
	return "UPDATE reports SET superseded_by = " + importID + " WHERE unit_code = ? AND period = ? AND superseded_by IS NULL"
}

// returningImport makes supersedeSQL return the import superseded.
const returningImport = " RETURNING import_id"

// reportsTable is where reports go, with reportRow's columns.
const reportsTable = "reports (id, import_id, unit_code, period, vals)"

// reportRow is one row of reportsTable: its id and import's id as SQL
// expressions, then unit, period and values as arguments.
func reportRow(id, importID string) string {
	return "(" + id + ", " + importID + ", ?, ?, ?)"
}

// placeholderRow is a row of width "?" placeholders.
func placeholderRow(width int) string {
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
}

// insertSQL inserts n rows, each written as row, into table.
func insertSQL(table, row string, n int) string {
	return "INSERT INTO " + table + " VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// importRows is an import made ready to write, once for every attempt:
// the arguments of insertImportSQL and each report's encoded values.
type importRows struct {
	args    []any
	at      string        // imported_at as stored
	period  report.Period // the file's, which each of its reports is of
	reports []report.Report
	vals    []string
}

func newImportRows(rec ImportRecord, reports []report.Report, force bool) (*importRows, error) {
	period, err := report.ParsePeriod(rec.Period)
	if err != nil {
		return nil, err
	}
	if period.String() != rec.Period {
		// stored as written, it would not be found as its period (inForce)
		return nil, fmt.Errorf("import period %q: not written as %s", rec.Period, period)
	}
	if err := ofPeriod(reports, period); err != nil {
		return nil, err
	}
	warnings, err := json.Marshal(textList(rec.Warnings))
	if err != nil {
		return nil, err
	}
	forced := 0
	if force {
		forced = 1
	}
	at := rec.ImportedAt.UTC().Format(time.RFC3339Nano)
	imp := &importRows{
		args:    []any{at, rec.File, rec.Path, rec.SHA256, rec.Layout, rec.Sheet, rec.Period, rec.Values, string(warnings), forced},
		at:      at,
		period:  period,
		reports: reports,
	}
	if imp.vals, err = encodeReports(reports); err != nil {
		return nil, err
	}
	return imp, nil
}

// ofPeriod refuses reports not all of a file's period: the lookups of
// reports in force go by the periods of the imports (see inForce).
func ofPeriod(reports []report.Report, period report.Period) error {
	for _, r := range reports {
		if r.Period != period {
			return fmt.Errorf("report of %s for %s in an import of %s: a file's reports are of its period", r.Unit, r.Period, period)
		}
	}
	return nil
}

// textList is s as stored in a JSON column: never null, each text through
// validText (JSON would keep a NUL, as \u0000).
func textList(s []string) []string {
	out := make([]string, len(s))
	for i, t := range s {
		out[i] = validText(t)
	}
	return out
}
