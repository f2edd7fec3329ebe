package xlsxgrid

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Open reads every worksheet of an .xlsx file into memory. Formula cells
// give their cached value; a formula without one is computed with
// excelize's calculator, and where that fails the cell becomes an Error
// cell (reported when the cell is read). Zero fields of lim take
// DefaultLimits.
func Open(path string, lim Limits) (*Workbook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &CellError{File: filepath.Base(path), Msg: fmt.Sprintf("không đọc được tệp: %v", err)}
	}
	return OpenBytes(filepath.Base(path), data, lim)
}

// OpenBytes reads a workbook from its bytes; name is used in messages.
func OpenBytes(name string, data []byte, lim Limits) (*Workbook, error) {
	lim = lim.orDefault()
	if msg := notAWorkbook(name, data); msg != "" {
		return nil, &CellError{File: name, Msg: msg}
	}
	wb, err := openLean(name, data, lim)
	switch {
	case err == nil:
		return wb, nil
	case !errors.Is(err, errLeanUnsupported):
		return nil, &CellError{File: name, Msg: err.Error()}
	}
	return openExcelize(name, data, lim)
}

var (
	ole2Magic        = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	encryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

// notAWorkbook recognises the files a mailbox delivers in place of an
// .xlsx and says, in the officer's words, what to do; "" for a zip that
// may be a workbook.
func notAWorkbook(name string, data []byte) string {
	switch {
	case len(data) == 0:
		return "tệp rỗng (0 byte): hãy xin đơn vị gửi lại"
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "đây là tệp PDF, không phải bảng tính Excel: hãy xin đơn vị gửi tệp .xlsx"
	case bytes.HasPrefix(data, ole2Magic):
		if bytes.Contains(data, encryptedPackage) {
			return "tệp Excel được đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại"
		}
		return "tệp Excel 97–2003 (.xls) không được hỗ trợ: hãy mở và lưu lại dưới dạng Sổ làm việc Excel (.xlsx)"
	case !bytes.HasPrefix(data, []byte("PK")):
		if utf8.Valid(data[:min(len(data), 4096)]) {
			return "đây là tệp văn bản (CSV?), không phải bảng tính .xlsx: hãy mở bằng Excel và lưu dưới dạng .xlsx"
		}
		return "không phải tệp Excel .xlsx"
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "tệp .xlsx bị hỏng hoặc chưa tải về hết (không đọc được zip): hãy xin đơn vị gửi lại"
	}
	for _, f := range zr.File {
		if strings.TrimPrefix(f.Name, "/") == "xl/workbook.xml" {
			return ""
		}
	}
	return "tệp zip nhưng không phải bảng tính Excel (có thể là .docx hay .pptx)"
}

// OpenExcelize reads a workbook with excelize alone, never the lean
// reader: for benchmarks and comparisons of the two paths.
func OpenExcelize(name string, data []byte, lim Limits) (*Workbook, error) {
	return openExcelize(name, data, lim.orDefault())
}

// openExcelize reads a workbook with excelize: the path for workbooks the
// lean reader steps aside from (formulas without cached values above all).
func openExcelize(name string, data []byte, lim Limits) (*Workbook, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: 4 * lim.MaxUnzipSize, UnzipXMLSizeLimit: lim.MaxUnzipSize})
	if err != nil {
		return nil, &CellError{File: name, Msg: fmt.Sprintf("không mở được tệp Excel (.xlsx): %v", err)}
	}
	defer f.Close()
	wb := &Workbook{File: name, limits: lim}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.Date1904 = *props.Date1904
	}
	for _, sh := range f.GetSheetList() {
		s, err := readSheet(f, wb, sh)
		if errors.Is(err, ErrTooBig) {
			return nil, &CellError{File: name, Sheet: sh, Msg: "trang tính quá lớn, không đọc: " + err.Error()}
		}
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
	if visible, err := f.GetSheetVisible(name); err == nil {
		s.Hidden = !visible
	}
	for _, row := range raw {
		wb.cells += len(row) + 1
	}
	if wb.cells > wb.limits.MaxCells {
		return nil, fmt.Errorf("%w: hơn %d ô (giới hạn của kpi)", ErrTooBig, wb.limits.MaxCells)
	}
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
		if err := s.fillMerge(r1-1, c1-1, r2-1, c2-1); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// fillMerge copies the top-left cell of a merged range into all its cells
// (zero-based, inclusive).
func (s *Sheet) fillMerge(r1, c1, r2, c2 int) error {
	top := s.At(r1, c1)
	if top.Kind == Empty {
		return nil
	}
	if (r2-r1+1)*(c2-c1+1) > s.Book.limits.MaxCells {
		return fmt.Errorf("%w: vùng gộp ô quá lớn", ErrTooBig)
	}
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			if r != r1 || c != c1 {
				if err := s.set(r, c, top); err != nil {
					return err
				}
			}
		}
	}
	return nil
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

// maxRows and maxCols are Excel's own sheet limits.
const (
	maxRows = 1 << 20
	maxCols = 1 << 14
)

// set stores a cell, growing the grid. Past Excel's sheet dimensions or
// the MaxCells budget it returns ErrTooBig and stores nothing.
func (s *Sheet) set(r, c int, cell Cell) error {
	if r >= maxRows || c >= maxCols || r < 0 || c < 0 {
		return fmt.Errorf("%w: ô %s nằm ngoài giới hạn của Excel", ErrTooBig, Ref(r, c))
	}
	grow := 0
	if len(s.Rows) <= r {
		grow += r + 1 - len(s.Rows)
	}
	have := 0
	if r < len(s.Rows) {
		have = len(s.Rows[r])
	}
	if have <= c {
		grow += c + 1 - have
	}
	if grow > 0 {
		if s.Book.cells+grow > s.Book.limits.MaxCells {
			return fmt.Errorf("%w: hơn %d ô (giới hạn của kpi)", ErrTooBig, s.Book.limits.MaxCells)
		}
		s.Book.cells += grow
	}
	for len(s.Rows) <= r {
		s.Rows = append(s.Rows, nil)
	}
	if len(s.Rows[r]) <= c {
		s.Rows[r] = append(s.Rows[r], make([]Cell, c+1-len(s.Rows[r]))...)
	}
	s.Rows[r][c] = cell
	return nil
}
