package store

import (
	"errors"
	"fmt"
	"time"
)

// ImportRecord is one imported file in the history.
type ImportRecord struct {
	ID         int64
	ImportedAt time.Time
	File       string // base name
	Path       string // as given on the command line
	SHA256     string
	Layout     string
	Sheet      string
	Period     string // "2024-03"
	Values     int    // KPI values read
	Warnings   []string

	// Filled by Imports: the units the file reported, and the imports that
	// replaced some or all of its reports.
	Units        []string
	SupersededBy []int64
	// Undone is when the import was undone (kpi undo): it stays in the
	// history with the units it had reported, its reports gone.
	Undone *time.Time
}

// Superseded names one unit-period report replaced (or brought back).
type Superseded struct {
	Unit     string
	Period   string
	ImportID int64 // the import whose report was replaced / restored
}

// LiveReport is the report in force for a unit and period.
type LiveReport struct {
	Unit     string
	Period   string
	ImportID int64
	Replaced bool // an earlier report for the same unit and period was superseded
}

// AlreadyImportedError says a file with the same SHA-256 is in the history.
type AlreadyImportedError struct{ ID int64 }

func (e *AlreadyImportedError) Error() string {
	return fmt.Sprintf("tệp này đã được nhập (lần nhập #%d)", e.ID)
}

// ErrNoImport is returned by Undo for an unknown import id.
var ErrNoImport = errors.New("no such import")

// UndoneError is returned by Undo for an import undone already.
type UndoneError struct {
	ID int64
	At time.Time
}

func (e *UndoneError) Error() string {
	return fmt.Sprintf("import #%d was undone on %s", e.ID, e.At.Format(time.RFC3339))
}
