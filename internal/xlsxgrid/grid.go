// Package xlsxgrid turns an .xlsx file into a grid: every worksheet's cells
// as stored (raw value, kind, number format), merged ranges filled with
// their top-left value, sheets in workbook order with their visibility. It
// knows nothing of campaigns, reports or headers (that is xlsxin's job).
// Two readers give the same grid: a lean byte scanner for the common case
// and excelize for what the scanner steps aside from; a differential test
// holds them equal. Limits on size are options, never globals.
package xlsxgrid

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/bhxh/kpi/internal/fold"
	"github.com/xuri/excelize/v2"
)

// Kind is what a cell holds.
type Kind uint8

// Cell kinds.
const (
	Empty  Kind = iota
	Number      // a number stored as a number (also dates, which are numbers with a date format)
	Text        // text, including numbers typed as text
	Bool
	Error // an error value such as #DIV/0!, or a formula that could not be computed
	// Formula is a formula saved without its value (Raw is its text, without
	// '='). It is only ever seen in Sheet.Rows: At computes it, within a
	// work budget, and gives the result (or an Error cell).
	Formula
)

// Cell is one cell as stored in the workbook: the raw value, never the
// displayed text, plus the number format that decides how to read it.
type Cell struct {
	Kind   Kind
	Raw    string // the number as stored ("0.853"), the text, or the error
	Format string // number format code, "" for General
}

// Workbook is a file's sheets, in workbook order.
type Workbook struct {
	File     string // the name used in messages (base name)
	Date1904 bool   // dates count from 1904 (old Mac workbooks)
	Sheets   []*Sheet

	limits Limits
	cells  int // cells allocated so far, against limits.MaxCells
	merged int // cells filled from merged ranges, against limits.MaxCells
	eval   evalState
}

// Limits bound what one workbook may make the reader hold in memory. Past
// them a workbook is refused with a clear error rather than read.
type Limits struct {
	// MaxUnzipSize bounds the uncompressed size of any one part of a
	// workbook (a sheet, the shared strings): 200 MB holds a sheet of about
	// 500,000 rows × 11 columns. kpi import --max-size sets it.
	MaxUnzipSize int64
	// MaxCells bounds the cells of one workbook (a grid this size takes
	// about 250 MB): 6 million, e.g. 545,000 rows × 11 columns.
	MaxCells int
	// MaxFormulaSteps bounds the work of computing the formulas a file
	// saved without their values: every operation and every cell a range
	// visits is a step. One cell may take at most 2 million (a sum over a
	// 200,000-row column ten times over), the workbook 20 million in all;
	// past that a cell is an error that says to save the file with Excel.
	MaxFormulaSteps int
	// StreamFrom is the unzipped size from which OpenStream streams a
	// worksheet (8 MB, some 20,000 rows × 11 columns); smaller workbooks
	// are read whole.
	StreamFrom int64
	// MaxWhole bounds the unzipped size of a worksheet big enough to be
	// streamed that cannot be (a *NoStreamError says why) and is read whole
	// instead: 24 MB, some 60,000 rows × 11 columns, whose reading takes
	// about 150 MB. Past it the importer refuses the file (ReadWhole):
	// no file may cost more than 200 MB.
	MaxWhole int64
}

// ReadWhole reports whether a worksheet of size bytes unzipped that
// cannot be streamed may be read whole.
func (l Limits) ReadWhole(size int64) bool { return size <= l.orDefault().MaxWhole }

// DefaultLimits are the limits kpi reads with unless told otherwise.
var DefaultLimits = Limits{MaxUnzipSize: 200 << 20, MaxCells: 6_000_000, MaxFormulaSteps: 20_000_000, StreamFrom: StreamMin, MaxWhole: 24 << 20}

// orDefault fills the zero fields of l from DefaultLimits.
func (l Limits) orDefault() Limits {
	if l.MaxUnzipSize <= 0 {
		l.MaxUnzipSize = DefaultLimits.MaxUnzipSize
	}
	if l.MaxCells <= 0 {
		l.MaxCells = DefaultLimits.MaxCells
	}
	if l.MaxFormulaSteps <= 0 {
		l.MaxFormulaSteps = DefaultLimits.MaxFormulaSteps
	}
	if l.StreamFrom <= 0 {
		l.StreamFrom = DefaultLimits.StreamFrom
	}
	if l.MaxWhole <= 0 {
		l.MaxWhole = DefaultLimits.MaxWhole
	}
	return l
}

// ErrTooBig is the error of a workbook past the limits.
var ErrTooBig = errors.New("bảng tính quá lớn")

// VisibleFirst returns the sheets, visible ones first, each group in
// workbook order: a table on a hidden sheet is found only if no visible
// sheet has one.
func (wb *Workbook) VisibleFirst() []*Sheet {
	out := make([]*Sheet, 0, len(wb.Sheets))
	for _, hidden := range []bool{false, true} {
		for _, s := range wb.Sheets {
			if s.Hidden == hidden {
				out = append(out, s)
			}
		}
	}
	return out
}

// Sheet is one worksheet as a grid; Rows[r][c] is row r+1, column c+1.
// Merged ranges hold their top-left value in every cell.
type Sheet struct {
	Book   *Workbook
	Name   string
	Hidden bool
	Rows   [][]Cell

	stream *sheetStream // the rows still to read of a streamed sheet (stream.go)
	last   int          // the row set last (set): a new row's room is its length
}

// At returns the cell at zero-based row r, column c (Empty if outside). A
// formula saved without its value is computed here, the first time it is
// read, and its result kept: only the cells a report reads are ever
// computed.
func (s *Sheet) At(r, c int) Cell {
	if r < 0 || r >= len(s.Rows) || c < 0 || c >= len(s.Rows[r]) {
		return Cell{}
	}
	if s.Rows[r][c].Kind == Formula {
		s.Rows[r][c] = s.compute(r, c)
	}
	return s.Rows[r][c]
}

// Ref returns the A1 reference of zero-based row r, column c.
func Ref(r, c int) string {
	if r < 0 || r >= maxRows || c < 0 || c >= maxCols {
		name, err := excelize.CoordinatesToCellName(c+1, r+1)
		if err != nil {
			return fmt.Sprintf("R%dC%d", r+1, c+1)
		}
		return name
	}
	var b [12]byte // "XFD1048576"
	return string(appendRef(b[:0], r, c))
}

// SheetRef returns "Sheet!A1", the reference of zero-based row r, column
// c of the sheet named sheet (one string made, not three).
func SheetRef(sheet string, r, c int) string {
	var b [64]byte
	return string(AppendSheetRef(b[:0], sheet, r, c))
}

// AppendSheetRef appends SheetRef(sheet, r, c) to b.
func AppendSheetRef(b []byte, sheet string, r, c int) []byte {
	if r < 0 || r >= maxRows || c < 0 || c >= maxCols {
		return append(b, sheet+"!"+Ref(r, c)...)
	}
	return appendRef(append(append(b, sheet...), '!'), r, c)
}

// AppendSheetCol appends what the references of a column's cells share
// ("TongHop!D"), the row's number to follow, and whether it can: false
// for a column past the sheet's last (AppendSheetRef writes those).
func AppendSheetCol(b []byte, sheet string, c int) ([]byte, bool) {
	if c < 0 || c >= maxCols {
		return b, false
	}
	return appendCol(append(append(b, sheet...), '!'), c), true
}

// RowInRange says whether row r (from 0) is within a sheet's rows.
func RowInRange(r int) bool { return r >= 0 && r < maxRows }

// appendRef appends the A1 reference of a cell within the sheet.
func appendRef(b []byte, r, c int) []byte {
	return strconv.AppendInt(appendCol(b, c), int64(r+1), 10)
}

func appendCol(b []byte, c int) []byte {
	var col [4]byte
	i := len(col)
	for n := c + 1; n > 0; n = (n - 1) / 26 {
		i--
		col[i] = byte('A' + (n-1)%26)
	}
	return append(b, col[i:]...)
}

// Text returns the cell's text, trimmed and in NFC; numbers are written
// plainly ("1", "2.5"), and a number formatted with zeros ("000") keeps its
// leading zeros ("001"), as a unit code must.
func (s *Sheet) Text(r, c int) string {
	cell := s.At(r, c)
	switch cell.Kind {
	case Empty:
		return ""
	case Number:
		f, err := strconv.ParseFloat(cell.Raw, 64)
		if err != nil {
			return strings.TrimSpace(cell.Raw)
		}
		if w := ZeroPadWidth(cell.Format); w > 0 && f >= 0 && f == math.Trunc(f) {
			return fmt.Sprintf("%0*d", w, int64(f))
		}
		return strconv.FormatFloat(f, 'f', -1, 64)
	default:
		return fold.NFC(strings.TrimSpace(strings.ReplaceAll(cell.Raw, "\u00a0", " ")))
	}
}

// Key returns fold.Key of the cell's text.
func (s *Sheet) Key(r, c int) string { return fold.Key(s.Text(r, c)) }

// Err builds a CellError for a cell of this sheet. Text arguments are cut
// to MaxQuote characters: a message quotes a cell, it never carries 50 MB
// of it.
func (s *Sheet) Err(r, c int, format string, a ...any) *CellError {
	for i, v := range a {
		if t, ok := v.(string); ok {
			a[i] = Clip(t)
		}
	}
	return &CellError{File: s.Book.File, Sheet: s.Name, Cell: Ref(r, c), Msg: ClipMessage(fmt.Sprintf(format, a...))}
}

// MaxText is the most characters a cell holds in Excel (32,767); longer
// text in a file is cut there by both readers, so that no cell costs the
// recognition more than Excel itself would allow.
const MaxText = 32767

// capText cuts s to MaxText characters, without keeping the longer text's
// memory.
func capText(s string) string {
	if len(s) <= MaxText {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxText {
			return strings.Clone(s[:i])
		}
		n++
	}
	return s
}

// MaxQuote is the most characters of a cell's text a message or a warning
// quotes.
const MaxQuote = 200

// Clip returns s cut to MaxQuote characters (runes), marked with '…' when
// cut: for quoting a cell's text, a sheet name or a warning.
func Clip(s string) string { return clipN(s, MaxQuote) }

// MaxMessage is the most characters of one message or warning.
const MaxMessage = 5 * MaxQuote

// ClipMessage cuts a message or a warning to MaxMessage characters.
func ClipMessage(s string) string { return clipN(s, MaxMessage) }

// ClipAll cuts each message or warning of ms in place.
func ClipAll(ms []string) {
	for i, m := range ms {
		ms[i] = ClipMessage(m)
	}
}

func clipN(s string, max int) string {
	if len(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// CellError is a problem with one cell (or, with Cell empty, one sheet or
// file). Error() reads "H01_2024-03.xlsx › BaoCao!E9: không đọc được …".
type CellError struct {
	File, Sheet, Cell string
	Msg               string
}

func (e *CellError) Error() string { return e.Location() + ": " + ClipMessage(e.Msg) }

// Location is "file › sheet!cell", as far as it is known.
func (e *CellError) Location() string {
	loc := Clip(e.File)
	switch {
	case e.Sheet != "" && e.Cell != "":
		loc += " › " + Clip(e.Sheet) + "!" + e.Cell
	case e.Sheet != "":
		loc += " › " + Clip(e.Sheet)
	}
	return loc
}

// Errors is every problem found in one file.
type Errors []*CellError

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Err returns es as an error, or nil when empty.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
