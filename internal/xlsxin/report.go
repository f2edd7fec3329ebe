package xlsxin

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/fold"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/xuri/excelize/v2"
)

// Layouts of a monthly report.
const (
	LayoutLong = "long" // one unit, one month: a row per KPI
	LayoutWide = "wide" // many units, one month: a row per unit, a column per KPI
)

// Header and label words of monthly reports, folded (see fold.Key).
var (
	kpiCodeHeaders = []string{"ma chi tieu", "ma ct", "code", "kpi", "ma kpi"}
	kpiNameHeaders = []string{"chi tieu", "ten chi tieu"}
	// A value column's header contains one of these phrases …
	monthHeaders = []string{"thuc hien trong thang", "thuc hien thang", "trong thang", "thang nay", "month", "th trong thang", "th thang"}
	ytdHeaders   = []string{"luy ke", "ytd", "cumulative"}
	// … or is exactly one of these.
	monthHeadersExact = []string{"thuc hien", "th", "thang", "so thuc hien"}
	// A header containing one of these is never a value column: it compares
	// with the plan or with last year.
	notValueWords = []string{"cung ky", "nam truoc", "so voi", "so kh", "ke hoach", "kh", "ty le dat"}
	unitLabels    = []string{"ma don vi", "ma dv", "unit code", "don vi", "unit"}
	// unitCodeLabels name the unit by its code; a label of these wins over a
	// "Đơn vị: <name>" label on the same sheet.
	unitCodeLabels = []string{"ma don vi", "ma dv", "unit code"}
	periodLabels   = []string{"ky bao cao", "thang", "period", "ky"}
	// A row with one of these starts the signature block: the table ends.
	signatureWords = []string{"nguoi lap bieu", "nguoi lap", "giam doc", "thu truong don vi", "ke toan truong", "pho giam doc"}
)

// isSignatureRow reports whether row r starts the signature block.
func isSignatureRow(s *Sheet, r int) bool {
	for c := range s.Rows[r] {
		if MatchesAny(s.Key(r, c), signatureWords) {
			return true
		}
	}
	return false
}

// Label is a value found beside a label above the table ("Mã đơn vị: H01").
type Label struct {
	Text   string
	Sheet  string
	Cell   string
	Period report.Period // for a period label, when it parsed
	Err    *CellError    // for a period label that did not parse
}

// UnitRow is one unit's values: the whole of a long report, or one row of a
// wide one.
type UnitRow struct {
	Unit     string // as written (a code, or for long reports maybe a name)
	UnitCell string // "" when the unit is not written in the sheet
	Values   []report.Value
}

// Book is what a monthly report workbook says, before units and period are
// checked against the workspace.
type Book struct {
	File     string
	Layout   string
	Sheet    string
	Unit     *Label // the long layout's unit label, if any
	Period   *Label // the "Kỳ báo cáo" label, if any
	Rows     []UnitRow
	Warnings []string
}

// ReadReport finds the report table in the workbook (the first sheet with a
// long or wide header row in its top rows) and reads its values. Problems
// with cells are returned together as Errors.
func ReadReport(wb *Workbook, c *campaign.Campaign) (*Book, error) {
	for _, s := range wb.VisibleFirst() {
		for r := 0; r < len(s.Rows) && r < HeaderSearchRows; r++ {
			if h, ok := longHeader(s, r); ok {
				return readLong(s, c, h)
			}
			if h, ok := wideHeader(s, c, r); ok {
				return readWide(s, c, h)
			}
		}
	}
	return nil, &CellError{File: wb.File, Msg: fmt.Sprintf("không nhận ra bảng báo cáo: không có dòng tiêu đề (trong %d dòng đầu) có cột chỉ tiêu và cột 'Thực hiện trong tháng'/'Lũy kế', hoặc cột 'Mã đơn vị' và các cột chỉ tiêu", HeaderSearchRows)}
}

func hasAnyWord(key string, words []string) bool {
	for _, w := range words {
		if fold.HasWord(key, w) {
			return true
		}
	}
	return false
}

type longCols struct {
	row, data              int // the header row, the first data row
	code, name, month, ytd int
	dupErr                 *CellError
}

// isMonthHeader and isYTDHeader recognise value columns.
func isMonthHeader(key string) bool {
	return MatchesAny(key, monthHeadersExact) || hasAnyWord(key, monthHeaders)
}

func isYTDHeader(key string) bool { return hasAnyWord(key, ytdHeaders) }

// headerCells returns the header texts of row r and the first data row.
// When the row below is a sub-header — it names month or year-to-date
// columns under a merged group header ("Thực hiện" over "Tháng" | "Lũy
// kế", "Số thu" over "Trong tháng" | "Lũy kế") — each column's text is the
// two joined.
func headerCells(s *Sheet, r int) ([]string, int) {
	return joinedHeader(s, r, func(next int) bool { return isSubHeader(s, next) })
}

// joinedHeader returns the texts of header row r and the first data row.
// When isSub says the row below is a second header row, each column's
// text is the two joined ("Kế hoạch 2024" + "Số thu") and the data starts
// one row later. An empty row r never takes a second row.
func joinedHeader(s *Sheet, r int, isSub func(next int) bool) ([]string, int) {
	texts := make([]string, len(s.Rows[r]))
	for c := range texts {
		texts[c] = s.Text(r, c)
	}
	next := r + 1
	if next >= len(s.Rows) || strings.Join(texts, "") == "" || !isSub(next) {
		return texts, next
	}
	for len(texts) < len(s.Rows[next]) {
		texts = append(texts, "")
	}
	for c := range texts {
		if sub := s.Text(next, c); sub != "" && sub != texts[c] {
			texts[c] = strings.TrimSpace(texts[c] + " " + sub)
		}
	}
	return texts, next + 1
}

func isSubHeader(s *Sheet, r int) bool {
	found := false
	for c, cell := range s.Rows[r] {
		if cell == s.At(r-1, c) {
			continue // a header merged over both rows
		}
		switch cell.Kind {
		case Empty:
			continue
		case Number, Error, Bool:
			return false
		}
		key := s.Key(r, c)
		if MatchesAny(key, UnitCodeHeaders) || MatchesAny(key, kpiCodeHeaders) || MatchesAny(key, kpiNameHeaders) {
			return false
		}
		if isMonthHeader(key) || isYTDHeader(key) {
			found = true
		}
	}
	return found
}

func longHeader(s *Sheet, r int) (longCols, bool) {
	h := longCols{row: r, code: -1, name: -1, month: -1, ytd: -1}
	texts, data := headerCells(s, r)
	h.data = data
	for c, text := range texts {
		key := fold.Key(text)
		if key == "" {
			continue
		}
		switch {
		case MatchesAny(key, kpiCodeHeaders):
			if h.code < 0 {
				h.code = c
			}
		case MatchesAny(key, kpiNameHeaders):
			if h.name < 0 {
				h.name = c
			}
		case hasAnyWord(key, notValueWords) || strings.Contains(text, "%"):
		case isYTDHeader(key):
			if h.ytd >= 0 {
				h.dupErr = s.Err(r, c, "hai cột lũy kế: %s và %s", Ref(r, h.ytd), Ref(r, c))
			} else {
				h.ytd = c
			}
		case isMonthHeader(key):
			if h.month >= 0 {
				h.dupErr = s.Err(r, c, "hai cột giá trị trong tháng: %s và %s", Ref(r, h.month), Ref(r, c))
			} else {
				h.month = c
			}
		}
	}
	return h, (h.code >= 0 || h.name >= 0) && (h.month >= 0 || h.ytd >= 0)
}

// findLabels looks above the header row for "Mã đơn vị" and "Kỳ báo cáo".
// A label naming the unit's code wins over one naming the unit ("Đơn vị:
// BHXH huyện …"), wherever each stands.
func findLabels(s *Sheet, headerRow int) (unit, period *Label) {
	var byName *Label
	defer func() {
		if unit == nil {
			unit = byName
		}
	}()
	for r := 0; r < headerRow; r++ {
		for c := range s.Rows[r] {
			text := s.Text(r, c)
			if text == "" {
				continue
			}
			label, value, hasColon := strings.Cut(text, ":")
			key := fold.Key(label)
			isUnit, isPeriod := MatchesAny(key, unitLabels), MatchesAny(key, periodLabels)
			if !isUnit && !isPeriod {
				continue
			}
			codeLabel := MatchesAny(key, unitCodeLabels)
			if (isUnit && codeLabel && unit != nil) || (isUnit && !codeLabel && byName != nil) || (isPeriod && period != nil) {
				continue
			}
			l := &Label{Sheet: s.Name}
			vr, vc := r, c
			value = strings.TrimSpace(value)
			if !hasColon || value == "" {
				// the value stands in the next non-empty cell to the right
				vc = -1
				for cc := c + 1; cc < len(s.Rows[r]); cc++ {
					if t := s.Text(r, cc); t != "" && s.At(r, cc) != s.At(r, c) {
						vc = cc
						value = t
						break
					}
				}
				if vc < 0 {
					continue
				}
			}
			l.Text, l.Cell = value, Ref(vr, vc)
			switch {
			case isPeriod:
				l.Period, l.Err = periodOf(s, vr, vc, value, vc != c)
				period = l
			case codeLabel:
				unit = l
			default:
				byName = l
			}
		}
	}
	return unit, period
}

// periodOf reads a period from a label's value: a date cell stands for its
// month, text is parsed by report.ParsePeriod.
func periodOf(s *Sheet, r, c int, text string, ownCell bool) (report.Period, *CellError) {
	if cell := s.At(r, c); ownCell && cell.Kind == Number {
		f, err := strconv.ParseFloat(cell.Raw, 64)
		if err == nil && xlsxgrid.IsDateFormat(cell.Format) {
			t, err := excelize.ExcelDateToTime(f, s.Book.Date1904)
			if err == nil {
				return report.Period{Year: t.Year(), Month: int(t.Month())}, nil
			}
		}
		return report.Period{}, s.Err(r, c, "không hiểu kỳ báo cáo '%s' (viết như 03/2024 hoặc Tháng 3 năm 2024)", text)
	}
	p, err := report.ParsePeriod(text)
	if err != nil {
		return report.Period{}, s.Err(r, c, "%v", err)
	}
	return p, nil
}

var enumRE = regexp.MustCompile(`^\s*(?:[0-9]+(?:\.[0-9]+)*|[IVXivx]+|[a-zđ])\s*[\.\)/-]\s*|^\s*[-–•+*]\s*`)

// kpiOfText finds the KPI a row names, also after a leading "1.", "a)",
// "II." or bullet.
func kpiOfText(c *campaign.Campaign, text string) (campaign.KPI, bool) {
	if text == "" {
		return campaign.KPI{}, false
	}
	if k, ok := c.KPIByText(text); ok {
		return k, true
	}
	if stripped := enumRE.ReplaceAllString(text, ""); stripped != text {
		return c.KPIByText(stripped)
	}
	return campaign.KPI{}, false
}

func readLong(s *Sheet, c *campaign.Campaign, h longCols) (*Book, error) {
	var errs Errors
	if h.dupErr != nil {
		errs = append(errs, h.dupErr)
	}
	b := &Book{File: s.Book.File, Layout: LayoutLong, Sheet: s.Name}
	b.Unit, b.Period = findLabels(s, h.row)
	row := UnitRow{}
	if b.Unit != nil {
		row.Unit, row.UnitCell = b.Unit.Text, b.Unit.Cell
	}
	seen := map[string]int{}
	for r := h.data; r < len(s.Rows); r++ {
		var k campaign.KPI
		var ok bool
		var codeText, nameText string
		if h.code >= 0 {
			codeText = s.Text(r, h.code)
		}
		if h.name >= 0 {
			nameText = s.Text(r, h.name)
		}
		kc, okc := kpiOfText(c, codeText)
		kn, okn := kpiOfText(c, nameText)
		switch {
		case okc && okn && kc.Code != kn.Code:
			errs = append(errs, s.Err(r, h.code, "mã chỉ tiêu '%s' không khớp tên chỉ tiêu '%s' ở %s", codeText, nameText, Ref(r, h.name)))
			continue
		case okc:
			k, ok = kc, true
		case okn:
			k, ok = kn, true
		}
		hasNums := s.At(r, col(h.month)).Kind != Empty || s.At(r, col(h.ytd)).Kind != Empty
		if !ok {
			if isSignatureRow(s, r) {
				break // the table ends at the signature block
			}
			if hasNums && looksNumeric(s, r, h) {
				where, what := h.code, codeText
				if what == "" && h.name >= 0 {
					where, what = h.name, nameText
				}
				if where < 0 {
					where = h.name
				}
				b.Warnings = append(b.Warnings, fmt.Sprintf("%s › %s!%s: dòng có số liệu nhưng không nhận ra chỉ tiêu '%s', bỏ qua",
					s.Book.File, s.Name, Ref(r, where), what))
			}
			continue
		}
		kpiCell := h.code
		if !okc {
			kpiCell = h.name
		}
		if prev, dup := seen[k.Code]; dup {
			errs = append(errs, s.Err(r, kpiCell, "chỉ tiêu %s xuất hiện hai lần (dòng %d và dòng %d)", k.Code, prev+1, r+1))
			continue
		}
		seen[k.Code] = r
		v := report.Value{KPI: k.Code}
		v.Month, v.MonthCell = readValue(s, r, h.month, k, &errs)
		v.YTD, v.YTDCell = readValue(s, r, h.ytd, k, &errs)
		if v.Month == nil && v.YTD == nil {
			continue
		}
		row.Values = append(row.Values, v)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	b.Rows = []UnitRow{row}
	return b, nil
}

func col(c int) int {
	if c < 0 {
		return math.MaxInt32
	}
	return c
}

// looksNumeric reports whether a row's value cells hold something other
// than text notes (a signature block or a remark is not data).
func looksNumeric(s *Sheet, r int, h longCols) bool {
	for _, c := range []int{h.month, h.ytd} {
		if c < 0 {
			continue
		}
		cell := s.At(r, c)
		if cell.Kind == Number {
			return true
		}
		if cell.Kind == Text {
			if _, ok, err := ParseText(cell.Raw, true); ok && err == nil {
				return true
			}
		}
	}
	return false
}

// readValue reads one value cell of KPI k (col < 0: the column is absent).
func readValue(s *Sheet, r, c int, k campaign.KPI, errs *Errors) (*float64, string) {
	if c < 0 {
		return nil, ""
	}
	v, ok, err := numberAt(s, r, c, k.Percent())
	if err != nil {
		*errs = append(*errs, err)
		return nil, ""
	}
	if !ok {
		return nil, ""
	}
	if err := checkValue(s, r, c, k, v); err != nil {
		*errs = append(*errs, err)
		return nil, ""
	}
	return &v, s.Name + "!" + Ref(r, c)
}

type wideCol struct {
	col int
	kpi campaign.KPI
	ytd bool
}

type wideCols struct {
	row, data, unit int
	cols            []wideCol
	errs            Errors
}

var monthWordRE = regexp.MustCompile(`\b(thuc hien trong thang|thuc hien thang|th trong thang|th thang|trong thang|thang nay|thuc hien|thang \d{1,2}|thang|month)\b`)
var ytdWordRE = regexp.MustCompile(`\b(luy ke tu dau nam|luy ke|ytd|cumulative)\b`)

type wideKey struct {
	c    *campaign.Campaign
	text string
}

type wideVal struct {
	k       campaign.KPI
	ytd, ok bool
}

// wideCache remembers parsed headers: the same few recur in every file.
var wideCache sync.Map

// parseWideHeader recognises a wide layout KPI column: the KPI's code, name
// or alias, with "lũy kế"/"YTD" for its year-to-date column.
func parseWideHeader(c *campaign.Campaign, text string) (campaign.KPI, bool, bool) {
	if len(text) > 200 {
		return campaign.KPI{}, false, false // a title, not a column header
	}
	key := wideKey{c, text}
	if v, ok := wideCache.Load(key); ok {
		w := v.(wideVal)
		return w.k, w.ytd, w.ok
	}
	k, ytd, ok := parseWideHeaderUncached(c, text)
	wideCache.Store(key, wideVal{k, ytd, ok})
	return k, ytd, ok
}

func parseWideHeaderUncached(c *campaign.Campaign, text string) (campaign.KPI, bool, bool) {
	ytd := ytdWordRE.MatchString(fold.Key(text)) // also "Số thu (lũy kế)"
	key := fold.Key(stripParensText(text))
	if ytd {
		key = ytdWordRE.ReplaceAllString(key, " ")
		for _, w := range []string{" tu dau nam ", " den het ", " den ", " tinh den "} { // "lũy kế đến hết tháng 3"
			key = strings.ReplaceAll(" "+key+" ", w, " ")
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
	return kc.KPI, ytd, true
}

func wideHeader(s *Sheet, c *campaign.Campaign, r int) (wideCols, bool) {
	h := wideCols{row: r, unit: -1}
	seen := map[string]int{}
	texts, data := headerCells(s, r)
	h.data = data
	for cc, text := range texts {
		key := fold.Key(text)
		if key == "" {
			continue
		}
		if h.unit < 0 && MatchesAny(key, UnitCodeHeaders) {
			h.unit = cc
			continue
		}
		k, ytd, ok := parseWideHeader(c, text)
		if !ok {
			continue
		}
		id := k.Code
		if ytd {
			id += " ytd"
		}
		if prev, dup := seen[id]; dup {
			h.errs = append(h.errs, s.Err(r, cc, "cột '%s' trùng với cột %s", text, Ref(r, prev)))
			continue
		}
		seen[id] = cc
		h.cols = append(h.cols, wideCol{col: cc, kpi: k, ytd: ytd})
	}
	return h, h.unit >= 0 && len(h.cols) > 0
}

func readWide(s *Sheet, c *campaign.Campaign, h wideCols) (*Book, error) {
	errs := h.errs
	b := &Book{File: s.Book.File, Layout: LayoutWide, Sheet: s.Name}
	_, b.Period = findLabels(s, h.row)
	seen := map[string]int{}
	for r := h.data; r < len(s.Rows); r++ {
		unit := s.Text(r, h.unit)
		if unit == "" {
			if isSignatureRow(s, r) {
				break // the table ends at the signature block
			}
			if hasWideNumbers(s, r, h) && !isTotalRow(s, r) {
				b.Warnings = append(b.Warnings, fmt.Sprintf("%s › %s!%s: dòng %d có số liệu nhưng không có mã đơn vị, bỏ qua",
					s.Book.File, s.Name, Ref(r, h.unit), r+1))
			}
			continue
		}
		if strings.ContainsAny(unit, " \u00a0") || !isASCII(unit) { // a code has neither; a label may
			if uk := fold.Key(unit); MatchesAny(uk, signatureWords) {
				break
			} else if isTotalKey(uk) {
				continue // "Tổng cộng" written in the unit column
			}
		} else if isTotalKey(strings.ToLower(unit)) {
			continue // "Total", "TONG"
		}
		key := strings.ToUpper(unit)
		if prev, dup := seen[key]; dup {
			errs = append(errs, s.Err(r, h.unit, "đơn vị '%s' xuất hiện hai lần (dòng %d và dòng %d)", unit, prev+1, r+1))
			continue
		}
		seen[key] = r
		row := UnitRow{Unit: unit, UnitCell: s.Name + "!" + Ref(r, h.unit)}
		byKPI := map[string]int{}
		for _, wc := range h.cols {
			v, cell := readValue(s, r, wc.col, wc.kpi, &errs)
			if v == nil {
				continue
			}
			i, ok := byKPI[wc.kpi.Code]
			if !ok {
				i = len(row.Values)
				byKPI[wc.kpi.Code] = i
				row.Values = append(row.Values, report.Value{KPI: wc.kpi.Code})
			}
			if wc.ytd {
				row.Values[i].YTD, row.Values[i].YTDCell = v, cell
			} else {
				row.Values[i].Month, row.Values[i].MonthCell = v, cell
			}
		}
		b.Rows = append(b.Rows, row)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return b, nil
}

func hasWideNumbers(s *Sheet, r int, h wideCols) bool {
	for _, wc := range h.cols {
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
