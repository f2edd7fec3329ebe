package xlsxgrid

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
)

// The lean reader reads the parts of an .xlsx the rules need — sheet
// names and order, shared strings, number formats, cell values and types,
// formulas (their cached values, or their text when there is none),
// merged ranges, the 1904 date flag — straight from the zip, with a small
// XML tokenizer (xmltok.go). It gives the same Workbook as the excelize
// path (a differential test holds it to that) and steps aside for excelize
// only when the XML is beyond it (a document type declaration, an unknown
// entity, a cell type it does not know, broken XML).

// errLeanUnsupported sends a workbook to the excelize path.
var errLeanUnsupported = errors.New("lean reader: not supported")

// leanRecovers says whether a panic of the lean reader sends the workbook
// to excelize (in use) or goes up (for the fuzzer).
var leanRecovers = true

func openLean(name string, data []byte, lim Limits) (wb *Workbook, err error) {
	p, err := openPkg(data, lim)
	if err != nil {
		return nil, errLeanUnsupported
	}
	return openLeanPkg(name, p, lim)
}

// openLeanPkg is openLean on a package opened already.
func openLeanPkg(name string, p *pkg, lim Limits) (wb *Workbook, err error) {
	defer func() {
		if !leanRecovers {
			return
		}
		if r := recover(); r != nil { // a reader bug must not take the import down: let excelize try
			wb, err = nil, errLeanUnsupported
		}
	}()
	p.lim = lim
	bi, err := p.bookInfo()
	if err != nil {
		return nil, leanErr(err)
	}
	var sst []string
	if bi.sst != "" {
		b, err := p.read(bi.sst)
		if err != nil {
			return nil, leanErr(err)
		}
		if sst, err = parseSharedStrings(b); err != nil {
			return nil, errLeanUnsupported
		}
	}
	xfFormats := &styles{p: p, part: bi.styles}
	wb = &Workbook{File: name, Date1904: bi.date1904, limits: lim}
	for _, sh := range bi.sheets {
		b, err := p.read(sh.part)
		if err != nil {
			return nil, leanErr(err)
		}
		if b == nil {
			return nil, errLeanUnsupported
		}
		s := &Sheet{Book: wb, Name: sh.name, Hidden: sh.hidden}
		merges, err := scanSheet(b, s, sst, xfFormats)
		if err != nil {
			return nil, err
		}
		if err := s.applyMerges(merges); err != nil {
			return nil, err
		}
		wb.Sheets = append(wb.Sheets, s)
	}
	return wb, nil
}

// leanErr passes on the errors a user must see (a part too big) and sends
// everything else to the excelize path.
func leanErr(err error) error {
	if errors.Is(err, ErrTooBig) {
		return err
	}
	return errLeanUnsupported
}

// styles are a workbook's number formats, read from its styles part the
// first time a cell names a style (a workbook whose cells name none — as
// many programs write them — never needs them).
type styles struct {
	p     *pkg
	part  string // "" for none
	codes []string
	read  bool
	err   error
}

// formats returns the number format of every cell format (parseStyles).
func (st *styles) formats() ([]string, error) {
	if st == nil || st.read {
		return st.codesOrNil()
	}
	st.read = true
	if st.part == "" {
		return nil, nil
	}
	b, err := st.p.readShared(st.part)
	if err != nil {
		st.err = leanErr(err)
		return nil, st.err
	}
	if st.codes, err = parseStyles(b); err != nil {
		st.err = errLeanUnsupported
	}
	return st.codes, st.err
}

func (st *styles) codesOrNil() ([]string, error) {
	if st == nil {
		return nil, nil
	}
	return st.codes, st.err
}

// parseStyles returns the number format code of every cell format (xf) of
// the cellXfs list, by index. A format the file declares is the file's,
// whatever its id (Numbers declares ids below 164); "General" in any case
// is General ("").
func parseStyles(b []byte) ([]string, error) {
	custom := map[int]string{}
	var xfIDs []int
	z := newTokenizer(b)
	inNumFmts, inCellXfs := false, false
	for {
		t := z.next()
		if t.kind == tokEOF {
			break
		}
		switch t.kind {
		case tokStart:
			switch {
			case z.main(t, "numFmts"):
				inNumFmts = !t.selfClose
			case z.main(t, "cellXfs"):
				inCellXfs = !t.selfClose
			case inNumFmts && z.main(t, "numFmt"):
				id, _ := attrValue(t.attrs, "numFmtId")
				code, _ := attrValue(t.attrs, "formatCode")
				if n, err := strconv.Atoi(id); err == nil {
					if _, dup := custom[n]; !dup {
						custom[n] = code
					}
				}
			case inCellXfs && z.main(t, "xf"):
				v, _ := attrValue(t.attrs, "numFmtId")
				id, err := strconv.Atoi(v)
				if err != nil {
					id = 0
				}
				xfIDs = append(xfIDs, id)
			}
		case tokEnd:
			switch {
			case z.main(t, "numFmts"):
				inNumFmts = false
			case z.main(t, "cellXfs"):
				inCellXfs = false
			}
		}
	}
	if z.err != nil {
		return nil, z.err
	}
	out := make([]string, len(xfIDs))
	for i, id := range xfIDs {
		out[i] = formatCode(id, custom)
	}
	return out, nil
}

// formatCode is the number format of id: the file's own, else the built-in
// one; "" for General.
func formatCode(id int, custom map[int]string) string {
	code, ok := custom[id]
	if !ok {
		code = builtinFormats[id]
	}
	if strings.EqualFold(code, "General") {
		return ""
	}
	return code
}

// parseSharedStrings reads the shared string table: each <si> is the
// concatenation of its <t> texts, phonetic runs (<rPh>) left out, with
// _xHHHH_ escapes decoded.
func parseSharedStrings(b []byte) ([]string, error) {
	var out []string
	z := newTokenizer(b)
	for {
		t := z.next()
		if t.kind == tokEOF {
			return out, z.err
		}
		if t.kind == tokStart && z.main(t, "si") {
			s, err := z.richText(t)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
}

// richText returns the text of a string item (<si>, <is>): its <t>
// elements, directly or in runs, phonetic runs left out, escapes decoded.
func (z *tokenizer) richText(start token) (string, error) {
	if start.selfClose {
		return "", nil
	}
	var parts []string
	for {
		t := z.next()
		switch t.kind {
		case tokEOF:
			return "", errLeanUnsupported
		case tokEnd:
			if t.depth == start.depth {
				return capText(decodeXString(strings.Join(parts, ""))), nil
			}
		case tokStart:
			switch {
			case z.main(t, "t"):
				s, err := z.textOf(t)
				if err != nil {
					return "", err
				}
				parts = append(parts, s)
			case z.main(t, "rPh"), z.main(t, "phoneticPr"), z.main(t, "rPr"):
				z.skip(t)
			}
		}
	}
}

// parseRef reads an A1 reference (any case, no '$') as zero-based row and
// column.
func parseRef(b []byte) (row, col int, ok bool) {
	i := 0
	for i < len(b) && i < 4 {
		c := b[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		i++
	}
	if i == 0 || i == len(b) || col > maxCols {
		return 0, 0, false
	}
	for ; i < len(b); i++ {
		c := b[i]
		if c < '0' || c > '9' || row > maxRows {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
	}
	if row < 1 || row > maxRows {
		return 0, 0, false
	}
	return row - 1, col - 1, true
}

// sharedFormula is the master cell of a shared formula.
type sharedFormula struct {
	row, col int
	text     string
}

// pendingShared is a cell of a shared formula without a cached value,
// resolved once the sheet's masters are known.
type pendingShared struct {
	row, col int
	si       string
	format   string
}

// scanSheet fills s from the worksheet XML and returns its merged ranges.
// A cell given twice (the same reference) keeps the last one, as excelize
// does.
func scanSheet(b []byte, s *Sheet, sst []string, xfFormats *styles) ([]string, error) {
	sc := newSheetScan(newTokenizer(b), s, sst, xfFormats)
	if err := sc.run(0); err != nil {
		return nil, err
	}
	if err := sc.finish(); err != nil {
		return nil, err
	}
	return sc.merges, nil
}

// sheetScan reads a worksheet's XML into its sheet: all at once (run(0)),
// or — for a sheet streamed row by row (stream.go) — a few rows at a time.
type sheetScan struct {
	z        *tokenizer
	s        *Sheet
	sst      []string
	xf       *styles
	merges   []string
	pending  []pendingShared
	masters  map[string]sharedFormula
	inData   bool
	row, col int
	done     bool // the end of the document was reached

	// what a streamed sheet must not have (see stream.go): rows given out
	// of order, and formulas saved without their value
	lastRow   int
	backwards bool
	formulas  bool
	formulaAt [2]int // the first formula without its value (row, column)
}

// formula notes a formula saved without its value.
func (sc *sheetScan) formula(r, c int) {
	if !sc.formulas {
		sc.formulas, sc.formulaAt = true, [2]int{r, c}
	}
}

func newSheetScan(z *tokenizer, s *Sheet, sst []string, xf *styles) *sheetScan {
	return &sheetScan{z: z, s: s, sst: sst, xf: xf, masters: map[string]sharedFormula{}, row: -1, col: -1, lastRow: -1}
}

// run reads the sheet until its end or, with rows > 0, until that many
// more rows have ended (then every row up to sc.row is whole in the
// sheet).
func (sc *sheetScan) run(rows int) error {
	z, s := sc.z, sc.s
	for {
		if sc.inData && fastCells {
			// most cells read in one step (fastCell), as below
			if fc, ok := z.fastCell(); ok {
				if err := sc.at(fc.ref); err != nil {
					return err
				}
				cell := Cell{Kind: Number, Raw: string(fc.text)}
				switch {
				case fc.inline:
					if cell = (Cell{Kind: Text, Raw: capText(decodeXString(string(fc.text)))}); cell.Raw == "" {
						cell = Cell{}
					}
				case fc.s != nil:
					var err error
					if cell.Format, err = cellFormat(fc.s, sc.xf); err != nil {
						return err
					}
				}
				if err := s.put(sc.row, sc.col, cell); err != nil {
					return err
				}
				continue
			}
		}
		t := z.next()
		if t.kind == tokEOF {
			if z.err != nil {
				return z.err
			}
			sc.done = true
			return nil
		}
		if t.kind == tokEnd {
			switch {
			case z.main(t, "sheetData"):
				sc.inData = false
			case rows > 0 && sc.inData && z.main(t, "row"):
				if rows--; rows == 0 {
					return nil
				}
			}
			continue
		}
		if t.kind != tokStart {
			continue
		}
		switch {
		case z.main(t, "sheetData"):
			sc.inData = !t.selfClose
		case sc.inData && z.main(t, "row"):
			if r, ok := attr(t.attrs, "r"); ok {
				n, err := strconv.Atoi(string(r))
				if err != nil || n < 1 || n > maxRows {
					return errLeanUnsupported
				}
				sc.row = n - 1
			} else {
				sc.row++
			}
			sc.col = -1
			if sc.row <= sc.lastRow {
				sc.backwards = true
			}
			sc.lastRow = sc.row
			if t.selfClose && rows > 0 {
				if rows--; rows == 0 {
					return nil
				}
			}
		case sc.inData && z.main(t, "c"):
			ca := cellAttrs(t.attrs)
			if err := sc.at(ca.r); err != nil {
				return err
			}
			cell, f, err := z.cell(t, ca, sc.sst, sc.xf)
			if err != nil {
				return err
			}
			if f.shared && f.si != "" {
				if f.text != "" {
					sc.masters[f.si] = sharedFormula{row: sc.row, col: sc.col, text: f.text}
				} else if cell.Kind == Formula {
					sc.pending = append(sc.pending, pendingShared{row: sc.row, col: sc.col, si: f.si, format: cell.Format})
					sc.formula(sc.row, sc.col)
					cell = Cell{}
				}
			}
			if cell.Kind == Formula {
				sc.formula(sc.row, sc.col)
			}
			if err := s.put(sc.row, sc.col, cell); err != nil {
				return err
			}
		case z.main(t, "mergeCell"):
			if ref, ok := attrValue(t.attrs, "ref"); ok {
				sc.merges = append(sc.merges, ref)
			}
		}
	}
}

// at moves to the cell of reference ref (nil: the next in the row), as a
// cell's start tag says.
func (sc *sheetScan) at(ref []byte) error {
	if ref != nil {
		r, c, ok := parseRef(ref)
		if !ok {
			return errLeanUnsupported
		}
		if r != sc.row {
			sc.backwards = sc.backwards || r < sc.lastRow
			sc.lastRow = max(sc.lastRow, r)
		}
		sc.row, sc.col = r, c
	} else {
		sc.col++
	}
	if sc.row < 0 {
		return errLeanUnsupported
	}
	return nil
}

// finish puts the shared formulas whose master came after them.
func (sc *sheetScan) finish() error {
	for _, p := range sc.pending {
		m, ok := sc.masters[p.si]
		if !ok {
			continue // no master: nothing to compute (excelize too reads nothing)
		}
		text := m.text
		if p.row != m.row || p.col != m.col {
			text = shiftFormula(m.text, p.row-m.row, p.col-m.col)
		}
		if err := sc.s.put(p.row, p.col, Cell{Kind: Formula, Raw: text, Format: p.format}); err != nil {
			return err
		}
	}
	return nil
}

// put stores a cell read from the file: a later cell for the same
// reference replaces an earlier one, an empty one too.
func (s *Sheet) put(r, c int, cell Cell) error {
	if cell.Kind != Empty {
		return s.set(r, c, cell)
	}
	if r < len(s.Rows) && c < len(s.Rows[r]) {
		s.Rows[r][c] = Cell{}
	}
	return nil
}

// formulaInfo is what a cell's <f> says.
type formulaInfo struct {
	present bool
	text    string
	shared  bool
	si      string
}

// cellAttr is what a <c> tag says of its cell.
type cellAttr struct{ r, s, t []byte }

// cellAttrs reads a cell's attributes in one pass.
func cellAttrs(attrs []byte) cellAttr {
	var a cellAttr
	eachAttr(attrs, func(name, value []byte) bool {
		if len(name) == 1 {
			switch name[0] {
			case 'r':
				a.r = value
			case 's':
				a.s = value
			case 't':
				a.t = value
			}
		}
		return true
	})
	if a.r != nil && len(a.r) == 0 {
		a.r = []byte{} // r="": present, and not a reference
	}
	return a
}

// cellFormat is the number format of a cell of style sv ("" for none).
func cellFormat(sv []byte, st *styles) (string, error) {
	if sv == nil {
		return "", nil
	}
	xfFormats, err := st.formats()
	if err != nil {
		return "", err
	}
	idx, err := strconv.Atoi(string(sv))
	if err == nil && idx >= 0 && idx < len(xfFormats) {
		return xfFormats[idx], nil
	}
	return "", nil
}

// fastCells says whether cells are read by fastCell where they can be (a
// variable for the tests, which hold it to the token-by-token reading).
var fastCells = true

// fastCellOf is a cell fastCell read: its reference, its style (nil for
// none), whether it holds an inline string, and its text as written.
type fastCellOf struct {
	ref, s, text []byte
	inline       bool
}

// fastCell reads, in one step, a cell written the commonest ways —
// <c r="D4" s="3"><v>80987</v></c> (a number: no t, or t="n") and
// <c r="B4" t="inlineStr"><is><t>B000001</t></is></c> (no s) —
// its attributes r, s and t only, each once, one space apart, its text
// without an escape or a line end, all of it in the buffer, where the
// default namespace is the main one: as next, cellAttrs, cell and
// richText would, token by token (a streamed national sheet is two
// million cells). ok is false, and nothing read, for anything else.
func (z *tokenizer) fastCell() (fastCellOf, bool) {
	var fc fastCellOf
	if z.popAfterSelfClose || z.i >= len(z.b) {
		return fc, false
	}
	b := z.b[z.i:]
	if len(b) < 4 || b[0] != '<' || b[1] != 'c' || b[2] != ' ' {
		return fc, false
	}
	var t []byte
	hasT := false
	i := 2
	for b[i] == ' ' {
		// one attribute: a one-letter name, ="value"
		if i+4 >= len(b) || b[i+2] != '=' || b[i+3] != '"' {
			return fc, false
		}
		name := b[i+1]
		e := bytes.IndexByte(b[i+4:], '"')
		if e < 0 {
			return fc, false
		}
		v := b[i+4 : i+4+e]
		if bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '<') >= 0 {
			return fc, false
		}
		switch {
		case name == 'r' && fc.ref == nil && len(v) > 0:
			fc.ref = v
		case name == 's' && fc.s == nil:
			fc.s = v
		case name == 't' && !hasT:
			t, hasT = v, true
		default:
			return fc, false
		}
		i += 4 + e + 1
		if i >= len(b) {
			return fc, false
		}
	}
	if b[i] != '>' || fc.ref == nil {
		return fc, false
	}
	i++
	open, close := "<v>", "</v></c>"
	switch {
	case !hasT || string(t) == "n":
	case string(t) == "inlineStr" && fc.s == nil:
		open, close, fc.inline = "<is><t>", "</t></is></c>", true
	default:
		return fc, false
	}
	text, n, ok := enclosed(b[i:], open, close)
	if !ok || len(text) == 0 || bytes.IndexByte(text, '&') >= 0 || bytes.IndexByte(text, '\r') >= 0 || !z.mainDefault() {
		return fc, false
	}
	fc.text = text
	z.i += i + n
	return fc, true
}

// cell reads a <c> element whose start token was just read.
func (z *tokenizer) cell(start token, ca cellAttr, sst []string, st *styles) (Cell, formulaInfo, error) {
	var f formulaInfo
	typ := string(ca.t) // ca's bytes are the stream's buffer, which the tokens below may refill
	format, err := cellFormat(ca.s, st)
	if err != nil {
		return Cell{}, f, err
	}
	var v string
	hasV, hasIS := false, false
	var is string
	if !start.selfClose {
		var ok bool
		var err error
		if v, ok, err = z.plainText(start, "<v>", "</v></c>"); err != nil {
			return Cell{}, f, err
		}
		hasV = ok
		start.selfClose = ok // the cell is read to its end
	}
	if !start.selfClose {
		for {
			t := z.next()
			if t.kind == tokEOF {
				return Cell{}, f, errLeanUnsupported
			}
			if t.kind == tokEnd && t.depth == start.depth {
				break
			}
			if t.kind != tokStart {
				continue
			}
			var err error
			switch {
			case z.main(t, "v"):
				v, err = z.textOf(t)
				hasV = true
			case z.main(t, "f"):
				f.present = true
				ft, _ := attr(t.attrs, "t")
				f.shared = string(ft) == "shared"
				f.si, _ = attrValue(t.attrs, "si")
				f.text, err = z.textOf(t)
			case z.main(t, "is"):
				is, err = z.richText(t)
				hasIS = true
			default:
				z.skip(t)
			}
			if err != nil {
				return Cell{}, f, err
			}
		}
	}
	cached := (hasV && v != "") || (hasIS && is != "")
	if f.present && !cached {
		if f.text == "" && !f.shared {
			return Cell{}, f, nil
		}
		return Cell{Kind: Formula, Raw: f.text, Format: format}, f, nil
	}
	switch typ {
	case "s":
		if strings.TrimSpace(v) == "" {
			return Cell{}, f, nil
		}
		idx, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || idx < 0 || idx >= len(sst) {
			return Cell{}, f, errLeanUnsupported
		}
		if sst[idx] == "" {
			return Cell{}, f, nil
		}
		return Cell{Kind: Text, Raw: sst[idx]}, f, nil
	case "inlineStr":
		if hasIS && is != "" {
			return Cell{Kind: Text, Raw: is}, f, nil
		}
		if v == "" { // a formula's cached value may stand in <v>
			return Cell{}, f, nil
		}
		return Cell{Kind: Text, Raw: capText(v)}, f, nil
	case "str":
		if v = capText(decodeXString(v)); v == "" {
			return Cell{}, f, nil
		}
		return Cell{Kind: Text, Raw: v}, f, nil
	case "d":
		if v == "" {
			return Cell{}, f, nil
		}
		return Cell{Kind: Text, Raw: v}, f, nil
	case "b":
		if !hasV {
			return Cell{}, f, nil
		}
		return Cell{Kind: Bool, Raw: v}, f, nil
	case "e":
		return Cell{Kind: Error, Raw: v}, f, nil
	case "", "n":
		if v == "" {
			return Cell{}, f, nil
		}
		return Cell{Kind: Number, Raw: v, Format: format}, f, nil
	}
	return Cell{}, f, errLeanUnsupported
}
