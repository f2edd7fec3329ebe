package xlsxin

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Open reads every worksheet of an .xlsx file into memory. Formula cells
// give their cached value; a formula without one is computed with
// excelize's calculator, and where that fails the cell becomes an Error
// cell (reported when the cell is read).
func Open(path string) (*Workbook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &CellError{File: filepath.Base(path), Msg: fmt.Sprintf("không đọc được tệp: %v", err)}
	}
	return OpenBytes(filepath.Base(path), data)
}

// OpenBytes reads a workbook from its bytes; name is used in messages.
func OpenBytes(name string, data []byte) (*Workbook, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xls":
		return nil, &CellError{File: name, Msg: "tệp Excel 97–2003 (.xls) không được hỗ trợ: hãy mở và lưu lại dưới dạng .xlsx"}
	}
	wb, err := openLean(name, data)
	switch {
	case err == nil:
		return wb, nil
	case !errors.Is(err, errLeanUnsupported):
		return nil, &CellError{File: name, Msg: err.Error()}
	}
	return openExcelize(name, data)
}

// openExcelize reads a workbook with excelize: the path for workbooks the
// lean reader steps aside from (formulas without cached values above all).
func openExcelize(name string, data []byte) (*Workbook, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, &CellError{File: name, Msg: fmt.Sprintf("không mở được tệp Excel (.xlsx): %v", err)}
	}
	defer f.Close()
	wb := &Workbook{File: name}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.Date1904 = *props.Date1904
	}
	for _, sh := range f.GetSheetList() {
		s, err := readSheet(f, wb, sh)
		if err != nil {
			return nil, &CellError{File: name, Sheet: sh, Msg: fmt.Sprintf("không đọc được trang tính: %v", err)}
		}
		wb.Sheets = append(wb.Sheets, s)
	}
	return wb, nil
}

func readSheet(f *excelize.File, wb *Workbook, name string) (*Sheet, error) {
	raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	s := &Sheet{Book: wb, Name: name, Rows: make([][]Cell, len(raw))}
	formats := map[int]string{}
	format := func(ref string) string {
		idx, err := f.GetCellStyle(name, ref)
		if err != nil || idx == 0 {
			return ""
		}
		if code, ok := formats[idx]; ok {
			return code
		}
		code := ""
		if st, err := f.GetStyle(idx); err == nil {
			if st.CustomNumFmt != nil {
				code = *st.CustomNumFmt
			} else {
				code = builtinFormats[st.NumFmt]
			}
		}
		formats[idx] = code
		return code
	}
	for r, row := range raw {
		cells := make([]Cell, len(row))
		for c, v := range row {
			ref := Ref(r, c)
			formula, _ := f.GetCellFormula(name, ref)
			if v == "" && formula == "" {
				continue
			}
			cells[c] = readCell(f, name, ref, v, formula, format)
		}
		s.Rows[r] = cells
	}
	// Cells beyond the last value of a row do not come back from GetRows,
	// but formula cells without a cached value may sit there: GetRows reports
	// them as "", so they were handled above. Merged ranges: copy the
	// top-left cell into every cell of the range.
	merged, err := f.GetMergeCells(name)
	if err != nil {
		return nil, err
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		s.fillMerge(r1-1, c1-1, r2-1, c2-1)
	}
	return s, nil
}

// fillMerge copies the top-left cell of a merged range into all its cells
// (zero-based, inclusive).
func (s *Sheet) fillMerge(r1, c1, r2, c2 int) {
	top := s.At(r1, c1)
	if top.Kind == Empty {
		return
	}
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			if r != r1 || c != c1 {
				s.set(r, c, top)
			}
		}
	}
}

// readCell classifies one cell from its stored type and value.
func readCell(f *excelize.File, sheet, ref, v, formula string, format func(string) string) Cell {
	typ, _ := f.GetCellType(sheet, ref)
	if formula != "" && v == "" {
		calc, err := f.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			if msg := err.Error(); strings.HasPrefix(msg, "#") {
				return Cell{Kind: Error, Raw: msg}
			}
			return Cell{Kind: Error, Raw: fmt.Sprintf("(công thức =%s không tính được: %v)", formula, err)}
		}
		if calc == "" {
			return Cell{}
		}
		if strings.HasPrefix(calc, "#") {
			return Cell{Kind: Error, Raw: calc}
		}
		if isNumeric(calc) {
			return Cell{Kind: Number, Raw: calc, Format: format(ref)}
		}
		return Cell{Kind: Text, Raw: calc}
	}
	switch typ {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula, excelize.CellTypeDate:
		return Cell{Kind: Text, Raw: v}
	case excelize.CellTypeBool:
		return Cell{Kind: Bool, Raw: v}
	case excelize.CellTypeError:
		return Cell{Kind: Error, Raw: v}
	}
	if v == "" {
		return Cell{}
	}
	return Cell{Kind: Number, Raw: v, Format: format(ref)}
}

func isNumeric(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

func (s *Sheet) set(r, c int, cell Cell) {
	for len(s.Rows) <= r {
		s.Rows = append(s.Rows, nil)
	}
	for len(s.Rows[r]) <= c {
		s.Rows[r] = append(s.Rows[r], Cell{})
	}
	s.Rows[r][c] = cell
}
