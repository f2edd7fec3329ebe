// Package xlsxin reads the officer's workbooks: it loads sheets into a grid
// of raw cell values with their number formats, finds header rows among the
// title blocks, recognises columns by their (Vietnamese) headers, and turns
// cells into numbers by the documented rules. Every problem is reported as a
// CellError naming file, sheet and cell.
package xlsxin

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

	cells int // cells allocated so far, against MaxCells
}

// Limits on what one workbook may make the reader hold in memory. Past
// them a workbook is refused with a clear error rather than read.
var (
	// MaxUnzipSize bounds the uncompressed size of any one part of a
	// workbook (a sheet, the shared strings): 200 MB holds a sheet of about
	// 500,000 rows × 11 columns. kpi import --max-size sets it.
	MaxUnzipSize int64 = 200 << 20
	// MaxCells bounds the cells of one workbook (a grid this size takes
	// about 250 MB): 6 million, e.g. 545,000 rows × 11 columns.
	MaxCells = 6_000_000
)

// ErrTooBig is the error of a workbook past the limits.
var ErrTooBig = errors.New("workbook too big")

// visibleFirst returns the sheets, visible ones first, each group in
// workbook order: a table on a hidden sheet is found only if no visible
// sheet has one.
func (wb *Workbook) visibleFirst() []*Sheet {
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
}

// At returns the cell at zero-based row r, column c (Empty if outside).
func (s *Sheet) At(r, c int) Cell {
	if r < 0 || r >= len(s.Rows) || c < 0 || c >= len(s.Rows[r]) {
		return Cell{}
	}
	return s.Rows[r][c]
}

// Ref returns the A1 reference of zero-based row r, column c.
func Ref(r, c int) string {
	name, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return fmt.Sprintf("R%dC%d", r+1, c+1)
	}
	return name
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
		if w := zeroPadWidth(cell.Format); w > 0 && f >= 0 && f == math.Trunc(f) {
			return fmt.Sprintf("%0*d", w, int64(f))
		}
		return strconv.FormatFloat(f, 'f', -1, 64)
	default:
		return fold.NFC(strings.TrimSpace(strings.ReplaceAll(cell.Raw, "\u00a0", " ")))
	}
}

// Key returns fold.Key of the cell's text.
func (s *Sheet) Key(r, c int) string { return fold.Key(s.Text(r, c)) }

// Err builds a CellError for a cell of this sheet.
func (s *Sheet) Err(r, c int, format string, a ...any) *CellError {
	return &CellError{File: s.Book.File, Sheet: s.Name, Cell: Ref(r, c), Msg: fmt.Sprintf(format, a...)}
}

// Number reads the cell as a number by the documented rules. present is
// false for "no value" (an empty cell, "-", "x", "N/A" …). percent says the
// KPI is measured in %: then a cell with a percent number format is
// multiplied by 100 (0.853 shown as 85.3 % is 85.3) and a trailing "%" is
// allowed in text.
func (s *Sheet) Number(r, c int, percent bool) (v float64, present bool, err *CellError) {
	cell := s.At(r, c)
	switch cell.Kind {
	case Empty:
		return 0, false, nil
	case Error:
		return 0, false, s.Err(r, c, "ô có lỗi %s", cell.Raw)
	case Bool:
		return 0, false, s.Err(r, c, "ô chứa giá trị đúng/sai, không phải số")
	case Number:
		f, perr := strconv.ParseFloat(cell.Raw, 64)
		if perr != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, false, s.Err(r, c, "không đọc được '%s' thành số", cell.Raw)
		}
		if percent && IsPercentFormat(cell.Format) {
			f *= 100
		}
		return f, true, nil
	}
	f, ok, perr := ParseText(cell.Raw, percent)
	switch perr {
	case nil:
		return f, ok, nil
	case errPercentSign:
		return 0, false, s.Err(r, c, "'%s': dấu %% chỉ dùng cho chỉ tiêu tính theo %%", strings.TrimSpace(cell.Raw))
	default:
		return 0, false, s.Err(r, c, "không đọc được '%s' thành số", strings.TrimSpace(cell.Raw))
	}
}

// CellError is a problem with one cell (or, with Cell empty, one sheet or
// file). Error() reads "H01_2024-03.xlsx › BaoCao!E9: không đọc được …".
type CellError struct {
	File, Sheet, Cell string
	Msg               string
}

func (e *CellError) Error() string {
	loc := e.File
	switch {
	case e.Sheet != "" && e.Cell != "":
		loc += " › " + e.Sheet + "!" + e.Cell
	case e.Sheet != "":
		loc += " › " + e.Sheet
	}
	return loc + ": " + e.Msg
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
