package xlsxin

import (
	"math"
	"strconv"
	"strings"

	"github.com/bhxh/kpi/internal/xlsxgrid"
)

// The grid comes from xlsxgrid; these names keep the recognition code
// short.
type (
	Workbook  = xlsxgrid.Workbook
	Sheet     = xlsxgrid.Sheet
	Cell      = xlsxgrid.Cell
	CellError = xlsxgrid.CellError
	Errors    = xlsxgrid.Errors
)

// Cell kinds, as xlsxgrid has them.
const (
	Empty  = xlsxgrid.Empty
	Number = xlsxgrid.Number
	Text   = xlsxgrid.Text
	Bool   = xlsxgrid.Bool
	Error  = xlsxgrid.Error
)

// Ref returns the A1 reference of zero-based row r, column c.
func Ref(r, c int) string { return xlsxgrid.Ref(r, c) }

// numberAt reads the cell as a number by the documented rules. present is
// false for "no value" (an empty cell, "-", "x", "N/A" …). percent says the
// KPI is measured in %: then a cell with a percent number format is
// multiplied by 100 (0.853 shown as 85.3 % is 85.3) and a trailing "%" is
// allowed in text.
func numberAt(s *Sheet, r, c int, percent bool) (v float64, present bool, err *CellError) {
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
		if percent && xlsxgrid.IsPercentFormat(cell.Format) {
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
