package xlsxgrid

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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
	if msg := notAZip(data); msg != "" {
		return nil, &CellError{File: name, Msg: msg}
	}
	// the package is opened once, for the checks and the lean reader
	p, err := openPkg(data, lim)
	if msg := notAWorkbookPkg(p, err); msg != "" {
		return nil, &CellError{File: name, Msg: msg}
	}
	wb, err := openLeanPkg(name, p, lim)
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
	if msg := notAZip(data); msg != "" {
		return msg
	}
	return notAWorkbookPkg(openPkg(data, DefaultLimits))
}

// notAZip is notAWorkbook's look at the first bytes.
func notAZip(data []byte) string {
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
	return ""
}

// notAWorkbookPkg is notAWorkbook's look at the zip, opened (or not) by
// openPkg.
func notAWorkbookPkg(p *pkg, err error) string {
	if err != nil {
		return "tệp .xlsx bị hỏng hoặc chưa tải về hết (không đọc được zip): hãy xin đơn vị gửi lại"
	}
	if p.dup != "" { // which of the two would a reader take?
		return fmt.Sprintf("tệp .xlsx bị hỏng: có hai phần cùng tên %s — hãy mở bằng Excel và lưu lại", Clip(p.dup))
	}
	if p.workbookPart() != "" {
		return ""
	}
	return "tệp zip nhưng không phải bảng tính Excel (có thể là .docx hay .pptx)"
}

// OpenExcelize reads a workbook with excelize alone, never the lean
// reader: for benchmarks and comparisons of the two paths.
func OpenExcelize(name string, data []byte, lim Limits) (*Workbook, error) {
	return openExcelize(name, data, lim.orDefault())
}

// openExcelize reads a workbook with excelize: the path for workbooks the
// lean reader steps aside from. What the package says — which parts are
// worksheets, their visibility, the date system, number formats, merged
// ranges — is read as the lean reader reads it whenever the package can be
// read that way, so that the two paths agree; excelize reads the cells.
// Formulas without a cached value are computed by the grid (Sheet.At),
// never by excelize's calculator, which materialises whole sheets.
func openExcelize(name string, data []byte, lim Limits) (*Workbook, error) {
	orig := data
	data, err := forExcelize(data, lim)
	if err != nil {
		return nil, &CellError{File: name, Msg: err.Error()}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: 4 * lim.MaxUnzipSize, UnzipXMLSizeLimit: lim.MaxUnzipSize})
	if err != nil {
		return nil, &CellError{File: name, Msg: fmt.Sprintf("không mở được tệp Excel (.xlsx): %v", err)}
	}
	defer f.Close()
	wb := &Workbook{File: name, limits: lim}
	var sheets []sheetInfo
	var xfFormats []string
	haveFormats := false
	p, perr := openPkg(orig, lim) // merges are read from the file as it was
	var bi *bookInfo
	if perr == nil {
		bi, perr = p.bookInfo()
	}
	if perr == nil {
		wb.Date1904, sheets = bi.date1904, bi.sheets
		if bi.styles == "" {
			haveFormats = true
		} else if b, err := p.readShared(bi.styles); err == nil && b != nil {
			xfFormats, err = parseStyles(b)
			haveFormats = err == nil
		}
	} else {
		p = nil
		if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
			wb.Date1904 = *props.Date1904
		}
		for _, sh := range f.GetSheetList() {
			visible, _ := f.GetSheetVisible(sh)
			sheets = append(sheets, sheetInfo{name: sh, hidden: !visible})
		}
	}
	formats := map[int]string{}
	format := func(sheet, ref string) string {
		idx, err := f.GetCellStyle(sheet, ref)
		if err != nil || idx <= 0 {
			return ""
		}
		if haveFormats {
			if idx < len(xfFormats) {
				return xfFormats[idx]
			}
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
			if strings.EqualFold(code, "General") {
				code = ""
			}
		}
		formats[idx] = code
		return code
	}
	for _, sh := range sheets {
		s, err := readSheet(f, wb, sh, p, format)
		if errors.Is(err, ErrTooBig) {
			return nil, &CellError{File: name, Sheet: sh.name, Msg: "trang tính quá lớn, không đọc: " + err.Error()}
		}
		if err != nil {
			return nil, &CellError{File: name, Sheet: sh.name, Msg: fmt.Sprintf("không đọc được trang tính: %v", err)}
		}
		wb.Sheets = append(wb.Sheets, s)
	}
	return wb, nil
}

func readSheet(f *excelize.File, wb *Workbook, sh sheetInfo, p *pkg, format func(sheet, ref string) string) (*Sheet, error) {
	name := sh.name
	// Load the worksheet before GetRows: excelize then reads the cells
	// as it keeps them (a cell given twice: the last one), where its stream
	// reader would shift a duplicate into the next column.
	if _, err := f.GetCellType(name, "A1"); err != nil {
		return nil, err
	}
	raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	s := &Sheet{Book: wb, Name: name, Hidden: sh.hidden, Rows: make([][]Cell, len(raw))}
	for _, row := range raw {
		wb.cells += len(row) + 1
	}
	if wb.cells > wb.limits.MaxCells {
		return nil, fmt.Errorf("%w: hơn %d ô (giới hạn của kpi)", ErrTooBig, wb.limits.MaxCells)
	}
	for r, row := range raw {
		cells := make([]Cell, len(row))
		for c, v := range row {
			ref := Ref(r, c)
			formula, _ := f.GetCellFormula(name, ref)
			if v == "" && formula == "" {
				continue
			}
			cells[c] = readCell(f, name, ref, v, formula, func(ref string) string { return format(name, ref) })
		}
		s.Rows[r] = cells
	}
	// Cells beyond the last value of a row do not come back from GetRows,
	// but formula cells without a cached value may sit there: GetRows reports
	// them as "", so they were handled above. Merged ranges: read from the
	// sheet's part as the lean reader reads them when it can.
	var merges []string
	if p != nil && sh.part != "" {
		b, err := p.read(sh.part)
		if err != nil {
			return nil, err
		}
		merges = mergeRefs(b)
	} else {
		merged, err := f.GetMergeCells(name, true)
		if err != nil {
			return nil, err
		}
		for _, m := range merged {
			merges = append(merges, m.GetStartAxis()+":"+m.GetEndAxis())
		}
	}
	if err := s.applyMerges(merges); err != nil {
		return nil, err
	}
	return s, nil
}

// mergeRefs returns the merged ranges of a worksheet part.
func mergeRefs(b []byte) []string {
	var out []string
	z := newTokenizer(b)
	for {
		t := z.next()
		if t.kind == tokEOF {
			return out
		}
		if t.kind == tokStart && z.main(t, "mergeCell") {
			if ref, ok := attrValue(t.attrs, "ref"); ok {
				out = append(out, ref)
			}
		}
	}
}

// readCell classifies one cell from its stored type and value.
func readCell(f *excelize.File, sheet, ref, v, formula string, format func(string) string) Cell {
	typ, _ := f.GetCellType(sheet, ref)
	if formula != "" && v == "" {
		return Cell{Kind: Formula, Raw: formula, Format: format(ref)}
	}
	switch typ {
	case excelize.CellTypeFormula: // t="str": excelize leaves its escapes
		if v = capText(decodeXString(v)); v == "" {
			return Cell{}
		}
		return Cell{Kind: Text, Raw: v}
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString:
		return Cell{Kind: Text, Raw: capText(v)}
	case excelize.CellTypeDate:
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
	if len(s.Rows) <= r {
		s.Rows = slices.Grow(s.Rows, r+1-len(s.Rows))[:r+1]
	}
	if len(s.Rows[r]) <= c {
		var reused []Cell
		if s.Rows[r] == nil && s.stream != nil {
			reused = s.stream.newRow(c + 1) // a streamed sheet's row let go
		}
		switch {
		case reused != nil:
			s.Rows[r] = reused
		case s.Rows[r] == nil && s.last < len(s.Rows) && len(s.Rows[s.last]) > c+1:
			// a new row, given room for as many cells as the row before
			// (its cells come left to right: each would grow it again),
			// up to a table's width
			s.Rows[r] = make([]Cell, c+1, min(len(s.Rows[s.last]), maxRoom))
		default:
			s.Rows[r] = append(s.Rows[r], make([]Cell, c+1-len(s.Rows[r]))...)
		}
	}
	s.last = r
	s.Rows[r][c] = cell
	return nil
}

// maxRoom is the most cells a new row is given room for ahead.
const maxRoom = 64

// forExcelize returns the file as excelize should see it, read as the
// lean reader reads it: excelize drops the UTF-16 surrogate pairs of
// _xHHHH_ escapes (an emoji written _xD83D__xDE00_), so those are written
// out as the characters they stand for; and it places the cells of a row
// by their order rather than their reference, so a row whose cells are out
// of order, given twice, or referenced in lower case (r="a1") or with an
// empty style (s="") is written out in order, the last of duplicates
// kept. Other files pass unchanged.
func forExcelize(data []byte, lim Limits) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return data, nil
	}
	p := &pkg{lim: lim}
	changed := map[string][]byte{}
	for _, f := range zr.File {
		if !strings.HasSuffix(strings.ToLower(f.Name), ".xml") {
			continue
		}
		p.files = map[string]*zip.File{strings.ToLower(strings.TrimPrefix(f.Name, "/")): f}
		b, err := p.read(f.Name)
		if err != nil || b == nil {
			continue
		}
		if cost := rowCost(b); cost > maxFallbackCost {
			return nil, fmt.Errorf("trang tính %s có hàng quá dài hoặc cấu trúc lạ, không đọc được theo cách dự phòng: hãy mở bằng Excel và lưu lại", Clip(f.Name))
		}
		nb, ok := joinSurrogates(b)
		if !ok {
			nb = b
		}
		if nb2, ok2 := normaliseRows(nb); ok2 {
			nb, ok = nb2, true
		}
		if nb2, ok2 := dropMerges(nb); ok2 {
			nb, ok = nb2, true
		}
		if ok {
			changed[f.Name] = nb
		}
	}
	if len(changed) == 0 {
		return data, nil
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		nb, ok := changed[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return data, nil
			}
			continue
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return data, nil
		}
		if _, err := w.Write(nb); err != nil {
			return data, nil
		}
	}
	if err := zw.Close(); err != nil {
		return data, nil
	}
	return buf.Bytes(), nil
}

// maxFallbackCost bounds Σ (cells in a row)² of a sheet given to
// excelize: it finds each cell's type, formula and style by a scan of its
// row, so a row of 16,384 cells costs 16,384² lookups. Sheets of 200,000
// rows × 11 columns cost 24 million.
const maxFallbackCost = 50_000_000

// rowCost is Σ (cells in a row)² of a worksheet part.
func rowCost(b []byte) int {
	if !bytes.Contains(b, []byte("sheetData")) {
		return 0
	}
	z := newTokenizer(b)
	cost, n := 0, 0
	for {
		t := z.next()
		if t.kind == tokEOF {
			return cost + n*n
		}
		if t.kind == tokStart && z.main(t, "row") {
			cost += n * n
			n = 0
		} else if t.kind == tokStart && z.main(t, "c") {
			n++
		}
	}
}

// dropMerges removes a worksheet's merged ranges (the reader applies them
// itself): excelize would look each cell up through every range, and read
// the type of a cell inside one from its top-left cell.
func dropMerges(b []byte) ([]byte, bool) {
	if !bytes.Contains(b, []byte("mergeCell")) {
		return nil, false
	}
	z := newTokenizer(b)
	for {
		t := z.next()
		if t.kind == tokEOF {
			return nil, false
		}
		if t.kind == tokStart && z.main(t, "mergeCells") {
			nameLen := len(t.local)
			if t.prefix != nil {
				nameLen += len(t.prefix) + 1
			}
			start := cap(b) - cap(t.attrs) - nameLen - 1
			z.skip(t)
			if z.err != nil {
				return nil, false
			}
			out := append([]byte(nil), b[:start]...)
			return append(out, b[z.i:]...), true
		}
	}
}

// joinSurrogates writes each pair of surrogate escapes as its character;
// ok is false when there is none.
func joinSurrogates(b []byte) ([]byte, bool) {
	if !bytes.Contains(b, []byte("_xD")) && !bytes.Contains(b, []byte("_xd")) {
		return nil, false
	}
	var out []byte
	last := 0
	for i := 0; i+14 <= len(b); {
		j := bytes.Index(b[i:], []byte("_x"))
		if j < 0 {
			break
		}
		i += j
		u, ok := xEscape(string(b[i:min(len(b), i+7)]))
		if !ok {
			i++
			continue
		}
		if u == '_' { // _x005F_: what follows is literal
			i += 7
			continue
		}
		lo, ok2 := xEscape(string(b[i+7 : min(len(b), i+14)]))
		if u >= 0xD800 && u <= 0xDBFF && ok2 && lo >= 0xDC00 && lo <= 0xDFFF {
			out = append(out, b[last:i]...)
			out = utf8.AppendRune(out, 0x10000+(rune(u)-0xD800)<<10+rune(lo)-0xDC00)
			i += 14
			last = i
			continue
		}
		i += 7
	}
	if out == nil {
		return nil, false
	}
	return append(out, b[last:]...), true
}

// normaliseRows rewrites the rows of a worksheet part whose cells excelize
// would misplace (see forExcelize); ok is false when none needs it.
func normaliseRows(b []byte) ([]byte, bool) {
	if !bytes.Contains(b, []byte("sheetData")) {
		return nil, false
	}
	type cellSpan struct {
		col                int
		start, attrs, body int // offsets: '<', attribute text, after the start tag
		end                int // after the element
		attrText           []byte
		selfClose          bool
	}
	offset := func(sub []byte) int { return cap(b) - cap(sub) }
	var out []byte
	last := 0
	changed := false
	z := newTokenizer(b)
	inData := false
	row := -1
	var cells []cellSpan
	odd := false
	flush := func() {
		if !odd || len(cells) == 0 {
			return
		}
		// keep the last cell of each column, in column order
		keep := map[int]cellSpan{}
		for _, c := range cells {
			keep[c.col] = c
		}
		cols := make([]int, 0, len(keep))
		for c := range keep {
			cols = append(cols, c)
		}
		slices.Sort(cols)
		out = append(out, b[last:cells[0].start]...)
		for _, col := range cols {
			c := keep[col]
			out = append(out, "<c r=\""+Ref(row, col)+"\""...)
			eachAttr(c.attrText, func(name, value []byte) bool {
				if string(name) == "r" || (string(name) == "s" && len(bytes.TrimSpace(value)) == 0) {
					return true
				}
				out = append(out, ' ')
				out = append(out, name...)
				out = append(out, "=\""...)
				out = append(out, bytes.ReplaceAll(value, []byte(`"`), []byte("&quot;"))...)
				out = append(out, '"')
				return true
			})
			if c.selfClose {
				out = append(out, "/>"...)
			} else {
				out = append(out, '>')
				out = append(out, b[c.body:c.end]...)
			}
		}
		last = cells[len(cells)-1].end
		changed = true
	}
	for {
		t := z.next()
		if t.kind == tokEOF {
			break
		}
		switch {
		case t.kind == tokStart && z.main(t, "sheetData"):
			inData = !t.selfClose
		case t.kind == tokEnd && z.main(t, "sheetData"):
			inData = false
		case t.kind == tokStart && inData && z.main(t, "row"):
			flush()
			cells, odd = cells[:0], false
			if r, ok := attr(t.attrs, "r"); ok {
				n, err := strconv.Atoi(string(r))
				if err != nil || n < 1 || n > maxRows {
					return nil, false
				}
				row = n - 1
			} else {
				row++
			}
		case t.kind == tokStart && inData && z.main(t, "c"):
			a := offset(t.attrs)
			nameLen := len(t.local)
			if t.prefix != nil {
				nameLen += len(t.prefix) + 1
			}
			c := cellSpan{start: a - nameLen - 1, attrs: a, attrText: t.attrs, selfClose: t.selfClose}
			c.body = a + len(t.attrs) + 1
			if t.selfClose {
				c.body++
			}
			ref, hasRef := attr(t.attrs, "r")
			if hasRef {
				_, col, ok := parseRef(ref)
				if !ok {
					return nil, false
				}
				c.col = col
				if bytes.ContainsAny(ref, "abcdefghijklmnopqrstuvwxyz") {
					odd = true
				}
			} else if len(cells) > 0 {
				c.col = cells[len(cells)-1].col + 1
			}
			if sv, ok := attr(t.attrs, "s"); ok && len(bytes.TrimSpace(sv)) == 0 {
				odd = true
			}
			if len(cells) > 0 && c.col <= cells[len(cells)-1].col {
				odd = true
			}
			z.skip(t)
			c.end = z.i
			cells = append(cells, c)
			if !hasRef && odd {
				return nil, false // no reference to write it out by
			}
		case t.kind == tokEnd && z.main(t, "row"):
			flush()
			cells, odd = cells[:0], false
		}
	}
	if z.err != nil || !changed {
		return nil, false
	}
	return append(out, b[last:]...), true
}
