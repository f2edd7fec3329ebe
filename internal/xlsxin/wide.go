package xlsxin

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/fold"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/xlsxgrid"
)

// The wide layout: many units' month, a row per unit and a column per KPI —
// the consolidated sheet, and the province summary (STT | Tên đơn vị, each
// KPI a merged group header over KH | TH | %, of which TH is taken).
// Units are named by code or, without a code column, by name.

type wideCol struct {
	col   int
	kpi   campaign.KPI
	ytd   bool
	f     factor // the column's unit of measure, from its header
	whole bool   // a head-count: its figures must be whole numbers
}

type wideCols struct {
	row, data, unit int
	byName          bool // the unit column holds names, not codes
	cols            []wideCol
	errs            Errors
}

func detectWide(c *campaign.Campaign, hr *headerRow) (func() (*Book, error), bool) {
	h, ok := wideColumns(c, hr)
	if !ok {
		return nil, false
	}
	return func() (*Book, error) { return readWide(hr.s, c, h, nil) }, true
}

var monthWordRE = regexp.MustCompile(`\b(thuc hien trong thang|thuc hien thang \d{1,2}|thuc hien thang|th trong thang|th thang \d{1,2}|th thang|trong thang|thang nay|thuc hien nam \d{4}|thuc hien|ky nay|thang \d{1,2}|thang|month|th)\b`)
var ytdWordRE = regexp.MustCompile(`\b(luy ke tu dau nam|luy ke|ytd|cumulative)\b`)

// Second-row headers under a KPI's group header: the plan and the
// comparisons are not the actual; TH is.
var (
	subPlanWords   = []string{"kh", "ke hoach", "kh giao", "ke hoach giao", "chi tieu", "chi tieu giao", "kh nam", "ke hoach nam"}
	subRatioWords  = []string{"ty le", "ty le dat", "so kh", "so voi kh", "dat", "so sanh", "so voi cung ky", "cung ky", "ty le %"}
	subActualWords = []string{"th", "thuc hien", "so thuc hien", "ket qua"}
)

type wideKey struct {
	c         *campaign.Campaign
	text, sub string
}

type wideVal struct {
	k       campaign.KPI
	ytd, ok bool
}

// wideCache remembers parsed headers: the same few recur in every file.
var wideCache sync.Map

// parseWideHead recognises a wide layout KPI column: the KPI's code, name
// or alias, with "lũy kế"/"YTD" for its year-to-date column; under a group
// header, the second row says which of KH | TH | % it is.
func parseWideHead(c *campaign.Campaign, h colHead) (campaign.KPI, bool, bool) {
	if len(h.Text) > 200 {
		return campaign.KPI{}, false, false // a title, not a column header
	}
	key := wideKey{c, h.Text, h.Sub}
	if v, ok := wideCache.Load(key); ok {
		w := v.(wideVal)
		return w.k, w.ytd, w.ok
	}
	var w wideVal
	if h.Sub != "" {
		sk := fold.Key(h.Sub)
		group := strings.TrimSpace(strings.TrimSuffix(h.Text, h.Sub))
		switch {
		case strings.Contains(h.Sub, "%") || MatchesAny(sk, subRatioWords) || MatchesAny(sk, subPlanWords):
			// the plan or a ratio under the KPI's group header
		case MatchesAny(sk, subActualWords):
			w.k, w.ytd, w.ok = parseWideHeaderUncached(c, group)
		default:
			w.k, w.ytd, w.ok = parseWideHeaderUncached(c, h.Text)
		}
	} else {
		w.k, w.ytd, w.ok = parseWideHeaderUncached(c, h.Text)
	}
	wideCache.Store(key, w)
	return w.k, w.ytd, w.ok
}

func parseWideHeaderUncached(c *campaign.Campaign, text string) (campaign.KPI, bool, bool) {
	ytd := ytdWordRE.MatchString(fold.Key(text)) // also "Số thu (lũy kế)"
	key := fold.Key(stripParensText(text))
	if ytd {
		key = ytdWordRE.ReplaceAllString(key, " ")
		for _, w := range []string{" tu dau nam ", " den het ", " den ", " tinh den "} { // "lũy kế đến hết tháng 3"
			key = strings.ReplaceAll(" "+key+" ", w, " ")
		}
		if hasAnyWord(key, notValueWords) && !hasAnyWord(key, []string{"thang"}) {
			return campaign.KPI{}, false, false // "Số thu lũy kế cùng kỳ"
		}
	} else if hasAnyWord(key, notValueWords) {
		return campaign.KPI{}, false, false
	}
	key = strings.Join(strings.Fields(key), " ")
	kc, ok := ParseKPIHeader(c, key)
	if !ok { // "Số thu trong tháng", "Thực hiện tháng BHYT"
		kc, ok = ParseKPIHeader(c, strings.Join(strings.Fields(monthWordRE.ReplaceAllString(key, " ")), " "))
	}
	if !ok || (kc.Year != 0 && kc.Year != c.Year) {
		return campaign.KPI{}, false, false
	}
	if t := phrasesOf(c); t.excluded(c.KPIIndex(kc.KPI.Code), key) {
		return campaign.KPI{}, false, false
	}
	return kc.KPI, ytd, true
}

func wideColumns(c *campaign.Campaign, hr *headerRow) (wideCols, bool) {
	s, r, heads := hr.s, hr.r, hr.heads
	h := wideCols{row: r, unit: -1, data: hr.data}
	seen := map[string]int{}
	nameCol := -1
	var sheetMeasure *Label
	measured := false
	// a KPI's group with a plan column (KH | TH | %): its TH is the actual
	// set against the year's plan — for a flow, the year to date
	planned := map[string]bool{}
	for _, head := range heads {
		if head.Sub != "" && MatchesAny(fold.Key(head.Sub), subPlanWords) {
			planned[groupOf(head)] = true
		}
	}
	for cc, head := range heads {
		key := fold.Key(head.Text)
		if key == "" {
			continue
		}
		if h.unit < 0 && MatchesAny(key, UnitCodeHeaders) {
			h.unit = cc
			continue
		}
		if nameCol < 0 && MatchesAny(key, UnitNameHeaders) {
			nameCol = cc
			continue
		}
		k, ytd, ok := parseWideHead(c, head)
		if !ok {
			continue
		}
		if !ytd && k.Kind == campaign.Flow && head.Sub != "" && MatchesAny(fold.Key(head.Sub), subActualWords) && planned[groupOf(head)] {
			ytd = true
		}
		id := k.Code
		if ytd {
			id += " ytd"
		}
		if prev, dup := seen[id]; dup {
			h.errs = append(h.errs, s.Err(r, cc, "cột '%s' trùng với cột %s", head.Text, Ref(r, prev)))
			continue
		}
		seen[id] = cc
		if !measured { // the "Đơn vị tính" line above, read once a KPI column is found
			sheetMeasure, measured = readHeading(s, r).measure, true
		}
		h.cols = append(h.cols, wideCol{col: cc, kpi: k, ytd: ytd, f: columnFactor(k, head.Text, Ref(r, cc), sheetMeasure), whole: isCountUnit(k.Unit)})
	}
	if h.unit < 0 && nameCol >= 0 {
		h.unit, h.byName = nameCol, true
	}
	return h, h.unit >= 0 && len(h.cols) > 0
}

// groupOf is the group header over a column ("Số thu" over "KH | TH | %").
func groupOf(h colHead) string { return strings.TrimSpace(strings.TrimSuffix(h.Text, h.Sub)) }

// columnFactor is a wide column's unit of measure: "(đồng)" in its header,
// else the sheet's "Đơn vị tính" label, for amounts.
func columnFactor(k campaign.KPI, header, ref string, sheet *Label) factor {
	kf, kMoney := measureFactor(k.Unit)
	if !kMoney {
		return factor{}
	}
	for _, m := range parensTextRE.FindAllString(header, -1) {
		inner := strings.Trim(m, "()[]")
		if f, ok := measureFactor(inner); ok {
			if f == kf {
				return factor{}
			}
			return factor{mul: f / kf, from: inner, where: ref}
		}
	}
	if sheet != nil {
		if f, ok := measureFactor(sheet.Text); ok && f != kf {
			return factor{mul: f / kf, from: sheet.Text, where: sheet.Cell}
		}
	}
	return factor{}
}

// readWide reads a wide table. With emit (a streamed sheet, see
// ReadReportStream), the rows are given to emit a few hundred at a time
// and never held whole: the Book given has those Rows, and the table's
// period, sheet and conversions.
func readWide(s *Sheet, c *campaign.Campaign, h wideCols, emit func(*Book) error) (*Book, error) {
	errs := h.errs
	b := &Book{File: s.Book.File, Layout: LayoutWide, Sheet: s.Name, ByName: h.byName}
	b.Period = readHeading(s, h.row).period
	converted := map[string]bool{}
	for i := range h.cols {
		wc := &h.cols[i]
		if wc.f.from != "" && !converted[wc.kpi.Code] {
			converted[wc.kpi.Code] = true
			b.Conversions = append(b.Conversions, Conversion{KPI: wc.kpi.Code, From: wc.f.from, To: wc.kpi.Unit, Where: s.Name + "!" + wc.f.where})
		}
	}
	var seen unitsSeen
	refs := newRefMaker(s.Name, h)
	kpis := map[string]bool{} // a row has a value for each of them at most
	for i := range h.cols {
		kpis[h.cols[i].kpi.Code] = true
	}
	for r := h.data; r < len(s.Rows) || s.More(r); r++ {
		if emit != nil && len(b.Rows) >= emitRows {
			if len(errs) == 0 { // past an error the rows are not needed: the file fails
				if err := emit(b); err != nil {
					return nil, err
				}
			}
			b.Rows = make([]UnitRow, 0, emitRows)
		}
		unit := s.Text(r, h.unit)
		if unit == "" {
			if isSignatureRow(s, r) {
				break // the table ends at the signature block
			}
			if hasWideNumbers(s, r, h) && !isTotalRow(s, r) {
				b.Warnings = append(b.Warnings, fmt.Sprintf("%s › %s!%s: dòng %d có số liệu nhưng không có %s, bỏ qua",
					s.Book.File, s.Name, Ref(r, h.unit), r+1, map[bool]string{false: "mã đơn vị", true: "tên đơn vị"}[h.byName]))
			}
			continue
		}
		if strings.ContainsAny(unit, " \u00a0") || !isASCII(unit) { // a code has neither; a label may
			if uk := fold.Key(unit); MatchesAny(uk, signatureWords) {
				break
			} else if isTotalKey(uk) {
				continue // "Tổng cộng", "Toàn tỉnh" written in the unit column
			}
		} else if isTotalASCII(unit) {
			continue // "Total", "TONG"
		}
		key := strings.ToUpper(unit)
		if h.byName {
			key = fold.Key(unit)
		}
		if prev, dup := seen.add(key, r); dup {
			errs = append(errs, s.Err(r, h.unit, "đơn vị '%s' xuất hiện hai lần (dòng %d và dòng %d)", unit, prev+1, r+1))
			continue
		}
		// a row's figures, and the names of its cells, are made in one
		// piece each: 200,000 rows are some two million values
		refs := refs.row(r)
		figs := make([]float64, len(h.cols))
		row := UnitRow{Unit: unit, UnitCell: refs.at(0), Values: make([]report.Value, 0, len(kpis))}
		for j := range h.cols { // by index: a column holds its KPI, 264 bytes to copy
			wc := &h.cols[j]
			v, ok := readNumber(s, r, wc.col, &wc.kpi, wc.f, wc.whole, &errs)
			if !ok {
				continue
			}
			figs[j] = v
			i := slices.IndexFunc(row.Values, func(x report.Value) bool { return x.KPI == wc.kpi.Code })
			if i < 0 {
				i = len(row.Values)
				row.Values = append(row.Values, report.Value{KPI: wc.kpi.Code, Unit: wc.f.from})
			}
			if wc.ytd {
				row.Values[i].YTD, row.Values[i].YTDCell = &figs[j], refs.at(j+1)
			} else {
				row.Values[i].Month, row.Values[i].MonthCell = &figs[j], refs.at(j+1)
			}
		}
		if h.byName && len(row.Values) == 0 && !hasWideCells(s, r, h) {
			continue // a group row ("Khối thành phố, thị xã"): no figures, no unit
		}
		b.Rows = append(b.Rows, row)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if emit != nil && len(b.Rows) > 0 {
		if err := emit(b); err != nil {
			return nil, err
		}
		b.Rows = nil
	}
	return b, nil
}

// unitsSeen finds a unit a table names twice. The keys that come in
// order are kept in order (a consolidated sheet lists its 200,000 units
// by code: each is compared with the one before, not looked up in a map),
// the others in a map.
type unitsSeen struct {
	inOrder []string // increasing
	rows    []int    // the row of each
	other   map[string]int
}

// add notes the unit of row r; dup says it was seen before, in row prev.
func (u *unitsSeen) add(key string, r int) (prev int, dup bool) {
	if n := len(u.inOrder); n > 0 && key <= u.inOrder[n-1] {
		if i, found := slices.BinarySearch(u.inOrder, key); found {
			return u.rows[i], true
		}
	} else if u.other == nil {
		u.inOrder, u.rows = append(u.inOrder, key), append(u.rows, r)
		return 0, false
	}
	if prev, dup := u.other[key]; dup {
		return prev, true
	}
	if n := len(u.inOrder); n == 0 || key > u.inOrder[n-1] {
		u.inOrder, u.rows = append(u.inOrder, key), append(u.rows, r)
		return 0, false
	}
	if u.other == nil {
		u.other = map[string]int{}
	}
	u.other[key] = r
	return 0, false
}

// hasWideCells reports whether any KPI cell of row r holds something.
func hasWideCells(s *Sheet, r int, h wideCols) bool {
	for i := range h.cols {
		wc := &h.cols[i]
		if s.At(r, wc.col).Kind != Empty {
			return true
		}
	}
	return false
}

// cellRefs are the names of a row's unit cell and KPI cells
// ("TongHop!B4"), in one string.
type cellRefs struct {
	all  string
	ends []int
}

func (c cellRefs) at(i int) string {
	start := 0
	if i > 0 {
		start = c.ends[i-1]
	}
	return c.all[start:c.ends[i]]
}

// rowRefs names row r's unit cell, then each KPI cell of h, writing them
// into buf (kept for the next row).
func rowRefs(buf *[]byte, sheet string, r int, h wideCols) cellRefs {
	b := (*buf)[:0]
	ends := make([]int, 0, len(h.cols)+1)
	b = xlsxgrid.AppendSheetRef(b, sheet, r, h.unit)
	ends = append(ends, len(b))
	for i := range h.cols {
		wc := &h.cols[i]
		if wc.col >= 0 {
			b = xlsxgrid.AppendSheetRef(b, sheet, r, wc.col)
		}
		ends = append(ends, len(b))
	}
	*buf = b
	return cellRefs{all: string(b), ends: ends}
}

// refMaker names the cells of a wide table's rows as rowRefs does, the
// columns' part of each name written once, and the ends of the names
// shared by the rows whose numbers have as many digits (200,000 rows are
// two million names).
type refMaker struct {
	sheet  string
	h      wideCols
	cols   [][]byte // the unit's column, then each KPI's ("TongHop!D"); nil for none
	ok     bool     // every column can be named so
	ends   [8][]int // by the row number's digits
	buf    []byte
	digits []byte
}

func newRefMaker(sheet string, h wideCols) *refMaker {
	unit, ok := xlsxgrid.AppendSheetCol(nil, sheet, h.unit)
	m := &refMaker{sheet: sheet, h: h, ok: ok, cols: [][]byte{unit}}
	for i := range h.cols {
		if h.cols[i].col < 0 { // the KPI's column is absent: no name, as rowRefs
			m.cols = append(m.cols, nil)
			continue
		}
		col, ok := xlsxgrid.AppendSheetCol(nil, sheet, h.cols[i].col)
		m.ok = m.ok && ok
		m.cols = append(m.cols, col)
	}
	return m
}

// row names row r's cells (see rowRefs).
func (m *refMaker) row(r int) cellRefs {
	m.digits = strconv.AppendInt(m.digits[:0], int64(r+1), 10)
	if !m.ok || !xlsxgrid.RowInRange(r) || len(m.digits) >= len(m.ends) {
		return rowRefs(&m.buf, m.sheet, r, m.h)
	}
	ends := m.ends[len(m.digits)]
	known := ends != nil
	b := m.buf[:0]
	for _, col := range m.cols {
		if col != nil {
			b = append(append(b, col...), m.digits...)
		}
		if !known {
			ends = append(ends, len(b))
		}
	}
	m.ends[len(m.digits)], m.buf = ends, b
	return cellRefs{all: string(b), ends: ends}
}

// emitRows is how many rows of a streamed table are given out at a time.
const emitRows = 512

func hasWideNumbers(s *Sheet, r int, h wideCols) bool {
	for i := range h.cols {
		wc := &h.cols[i]
		if s.At(r, wc.col).Kind == Number {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
