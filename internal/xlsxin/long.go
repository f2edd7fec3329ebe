package xlsxin

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/fold"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/xuri/excelize/v2"
)

// The long layout: one unit's month, a row per KPI — the district's own
// report and the official forms (STT | Chỉ tiêu | ĐVT | Mã số | Kế hoạch |
// Thực hiện tháng | Lũy kế | So với KH | So với cùng kỳ), movement tables
// (Lũy kế tháng trước chuyển sang | Phát sinh tăng | Phát sinh giảm |
// Lũy kế đến hết tháng) included.

type longCols struct {
	row, data               int // the header row, the first data row
	code, name, order, unit int // KPI code, KPI name, STT, ĐVT (-1: none)
	month, ytd              int
	balance                 bool // ytd is a movement table's month-end balance
	dupErr                  *CellError
	// the unit of measure a value column's header gives ("Thực hiện tháng
	// (1.000đ)"), for rows without their own ĐVT
	monthUnit, ytdUnit measureText
	// a table of the quarter's months ("Tháng 1 | Tháng 2 | Tháng 3 | Quý
	// I"): the month columns with their numbers, the quarter's column
	months            []monthCol
	quarter, quarterN int
}

type monthCol struct{ col, n int } // n: the month the header names, 0 for none

var (
	monthNumRE   = regexp.MustCompile(`\bthang (\d{1,2})\b`)
	quarterColRE = regexp.MustCompile(`^(?:(?:thuc hien|th|so lieu|tong|cong) )?quy (iv|i{1,3}|[1-4])(?: nam \d{4})?$`)
)

// monthOfHeader is the month a column header names ("Tháng 3/2024": 3), 0
// for none.
func monthOfHeader(key string) int {
	if m := monthNumRE.FindStringSubmatch(key); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n >= 1 && n <= 12 {
			return n
		}
	}
	return 0
}

// quarterOfHeader is the quarter a column of a quarter's total names
// ("Quý I", "Thực hiện quý 1"), 0 for none.
func quarterOfHeader(key string) int {
	if m := quarterColRE.FindStringSubmatch(key); m != nil {
		return map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}[m[1]]
	}
	return 0
}

// monthsNumbered reports whether several month columns each name another
// month: the report's month picks one (chooseMonth).
func monthsNumbered(ms []monthCol) bool {
	seen := map[int]bool{}
	for _, m := range ms {
		if m.n == 0 || seen[m.n] {
			return false
		}
		seen[m.n] = true
	}
	return true
}

// chooseMonth settles the columns of a quarter's table once the period is
// known: the month column of the report's month, and the quarter's total
// as the year to date when the quarter is the first (January to March is
// the year so far).
func (h *longCols) chooseMonth(s *Sheet, p *Label) *CellError {
	if len(h.months) > 1 {
		if p == nil || p.Err != nil {
			return s.Err(h.row, h.months[1].col, "bảng có cột của nhiều tháng (%s, %s …): ghi kỳ báo cáo (ví dụ 'Tháng 3 năm 2024') để kpi chọn cột của tháng báo cáo",
				Ref(h.row, h.months[0].col), Ref(h.row, h.months[1].col))
		}
		h.month = -1
		for _, m := range h.months {
			if m.n == p.Period.Month {
				h.month = m.col
			}
		}
		if h.month < 0 && h.ytd < 0 && h.quarter < 0 {
			return s.Err(h.row, h.months[0].col, "bảng không có cột của tháng %d (kỳ báo cáo %s)", p.Period.Month, p.Period)
		}
	}
	if h.quarter >= 0 && h.ytd < 0 && h.quarterN == 1 && p != nil && p.Err == nil && p.Period.Month <= 3 {
		h.ytd = h.quarter
	}
	return nil
}

func detectLong(c *campaign.Campaign, hr *headerRow) (func() (*Book, error), bool) {
	h, ok := longColumns(hr, c.Year)
	if !ok {
		return nil, false
	}
	return func() (*Book, error) { return readLong(hr.s, c, h) }, true
}

// longHeader recognises a long layout's header at row r. A value column
// that names another year than the campaign's ("Thực hiện tháng 3/2023")
// is last year's figure, not this report's.
func longHeader(s *Sheet, r, year int) (longCols, bool) {
	heads, data := headerCells(s, r)
	return longColumns(&headerRow{s: s, r: r, heads: heads, data: data}, year)
}

func longColumns(hr *headerRow, year int) (longCols, bool) {
	s, r, heads := hr.s, hr.r, hr.heads
	h := longCols{row: r, code: -1, name: -1, order: -1, unit: -1, month: -1, ytd: -1, quarter: -1, data: hr.data}
	movement := false
	for c, head := range heads {
		key := fold.Key(head.Text)
		if key == "" {
			continue
		}
		movement = movement || hasAnyWord(key, movementWords)
		switch {
		case MatchesAny(key, kpiCodeHeaders):
			if h.code < 0 {
				h.code = c
			}
		case MatchesAny(key, kpiNameHeaders):
			if h.name < 0 {
				h.name = c
			}
		case MatchesAny(key, orderHeaders):
			if h.order < 0 {
				h.order = c
			}
		case MatchesAny(key, measureHeaders):
			if h.unit < 0 {
				h.unit = c
			}
		case MatchesAny(key, lineCodeHeaders):
		default:
			if otherYear(key, year) {
				continue
			}
			switch valueRoleOf(head) {
			case roleYTD:
				if h.ytd >= 0 {
					h.dupErr = s.Err(r, c, "hai cột lũy kế: %s và %s", Ref(r, h.ytd), Ref(r, c))
				} else {
					h.ytd = c
				}
			case roleMonth:
				h.months = append(h.months, monthCol{col: c, n: monthOfHeader(key)})
				if h.month < 0 {
					h.month = c
				}
			default:
				if q := quarterOfHeader(key); q > 0 && h.quarter < 0 {
					h.quarter, h.quarterN = c, q
				}
			}
		}
	}
	if len(h.months) > 1 && !monthsNumbered(h.months) {
		h.dupErr = s.Err(r, h.months[1].col, "hai cột giá trị trong tháng: %s và %s", Ref(r, h.months[0].col), Ref(r, h.months[1].col))
	}
	h.balance = movement && h.ytd >= 0
	h.monthUnit, h.ytdUnit = headerMeasure(heads, r, h.month), headerMeasure(heads, r, h.ytd)
	return h, (h.code >= 0 || h.name >= 0) && (h.month >= 0 || h.ytd >= 0)
}

// kpiOfText finds the KPI a cell of the code column names, also after a
// leading "1.", "a)", "II." or bullet.
func kpiOfText(c *campaign.Campaign, text string) (campaign.KPI, bool) {
	if text == "" {
		return campaign.KPI{}, false
	}
	if k, ok := c.KPIByText(text); ok {
		return k, true
	}
	if stripped := stripEnum(text); stripped != text {
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
	head := readHeading(s, h.row)
	b.Unit, b.Period = head.unit, head.period
	if b.Period == nil && h.month >= 0 && len(h.months) <= 1 {
		// the period may be written only in the month column's header
		// ("Thực hiện tháng 3/2024")
		if p, ok := periodInTitle(fold.Key(s.Text(h.row, h.month))); ok {
			b.Period = &Label{Text: s.Text(h.row, h.month), Sheet: s.Name, Cell: Ref(h.row, h.month), Period: p, Heading: true}
		}
	}
	if err := h.chooseMonth(s, b.Period); err != nil {
		errs = append(errs, err)
	}
	row := UnitRow{}
	if b.Unit != nil {
		row.Unit, row.UnitCell = b.Unit.Text, b.Unit.Cell
	}
	seen := map[string]int{}
	var skipped []string
	var hier hierarchy
	fundsOf := "" // the KPI of the fund-by-fund rows just read, if any
	for r := h.data; r < len(s.Rows); r++ {
		var codeText, nameText, stt string
		if h.code >= 0 {
			codeText = s.Text(r, h.code)
		}
		if h.name >= 0 {
			nameText = s.Text(r, h.name)
		}
		if h.order >= 0 {
			stt = s.Text(r, h.order)
		}
		label := nameText
		if label == "" {
			label = codeText
		}
		if label == "" && stt == "" && !hasValueCells(s, r, h) {
			continue
		}
		level := rowLevel(stt, label)
		under := hier.underKPI(level, fold.Key(label))
		kc, okc := kpiOfText(c, codeText)
		mn, narrower := inContext(c, nameText, hier.parent(level), matchLabel(c, nameText))
		under = under || narrower
		var k campaign.KPI
		var ok bool
		switch {
		case okc && mn.ok && kc.Code != mn.kpi.Code:
			errs = append(errs, s.Err(r, h.code, "mã chỉ tiêu '%s' không khớp tên chỉ tiêu '%s' ở %s", codeText, nameText, Ref(r, h.name)))
			hier.done(level, false, label)
			continue
		case okc:
			k, ok = kc, true
		case mn.ok:
			k, ok = mn.kpi, true
		}
		hasNums := hasValueCells(s, r, h)
		// a KPI given fund by fund ("Thu BHXH bắt buộc", "Thu BHYT" …): the
		// total row under the funds ("Cộng") is the KPI
		fk, isFund := fundPart(c, nameText)
		if isFund && !under {
			if fundsOf == "" || fundsOf == fk.Code {
				fundsOf = fk.Code
			}
		} else if !ok && !under && fundsOf != "" && isTotalKey(fold.Key(strings.TrimSpace(stripEnum(nameText)))) && hasNums {
			k, ok = c.KPIs[c.KPIIndex(fundsOf)], true
			fundsOf = ""
		} else if nameText != "" {
			fundsOf = ""
		}
		if !ok || under {
			if isSignatureRow(s, r) {
				break // the table ends at the signature block
			}
			if !ok && !under && !mn.excluded && !isFund && hasNums && looksNumeric(s, r, h) {
				where := h.name
				if nameText == "" && h.code >= 0 {
					where = h.code
				}
				skipped = append(skipped, fmt.Sprintf("%s '%s'", Ref(r, where), label))
			}
			hier.done(level, false, label)
			continue
		}
		kpiCell := h.code
		if !okc {
			kpiCell = h.name
		}
		v := report.Value{KPI: k.Code}
		measure := rowMeasure(s, r, h, head)
		monthCol, ytdCol := h.month, h.ytd
		if h.balance && k.Kind != campaign.Flow {
			monthCol, ytdCol = h.ytd, -1 // a head-count's month-end balance is its month value
		}
		var f factor
		f, errs = measureOf(s, r, k, measure, errs)
		v.Month, v.MonthCell = readValue(s, r, monthCol, k, f, &errs)
		v.YTD, v.YTDCell = readValue(s, r, ytdCol, k, f, &errs)
		if v.Month == nil && v.YTD == nil {
			hier.done(level, false, label) // a heading row ("II. Số thu") is never a value row
			continue
		}
		if prev, dup := seen[k.Code]; dup {
			errs = append(errs, s.Err(r, kpiCell, "chỉ tiêu %s xuất hiện hai lần (dòng %d và dòng %d)", k.Code, prev+1, r+1))
			hier.done(level, true, label)
			continue
		}
		seen[k.Code] = r
		if f.from != "" {
			v.Unit = f.from
			b.Conversions = append(b.Conversions, Conversion{KPI: k.Code, From: f.from, To: k.Unit, Where: s.Name + "!" + f.where})
		}
		row.Values = append(row.Values, v)
		hier.done(level, true, label)
	}
	b.Warnings = append(b.Warnings, skippedWarnings(s, skipped)...)
	if len(errs) > 0 {
		return nil, errs
	}
	b.Rows = []UnitRow{row}
	return b, nil
}

// skippedWarnings says which rows with figures named no KPI: each one, or
// for many (an official form's other rows) one line that lists them.
func skippedWarnings(s *Sheet, skipped []string) []string {
	if len(skipped) <= 3 {
		out := make([]string, len(skipped))
		for i, sk := range skipped {
			ref, label, _ := strings.Cut(sk, " ")
			out[i] = fmt.Sprintf("%s › %s!%s: dòng có số liệu nhưng không nhận ra chỉ tiêu %s, bỏ qua", s.Book.File, s.Name, ref, label)
		}
		return out
	}
	return []string{fmt.Sprintf("%s › %s: bỏ qua %d dòng có số liệu không phải chỉ tiêu thi đua: %s",
		s.Book.File, s.Name, len(skipped), strings.Join(limit(skipped, 8), ", "))}
}

// headerMeasure is the money unit in brackets in a value column's header
// ("Thực hiện tháng (1.000đ)", "Lũy kế (đồng)"), if any.
func headerMeasure(heads []colHead, r, col int) measureText {
	if col < 0 || col >= len(heads) {
		return measureText{}
	}
	for _, m := range parensTextRE.FindAllString(heads[col].Text, -1) {
		inner := strings.Trim(m, "()[]")
		if _, ok := measureFactor(inner); ok {
			return measureText{inner, Ref(r, col), true}
		}
	}
	return measureText{}
}

// rowMeasure returns the unit of measure a row's figures are in: its ĐVT
// cell, else the value column's header, else the sheet's "Đơn vị tính"
// label; and where it was written.
func rowMeasure(s *Sheet, r int, h longCols, head heading) measureText {
	if h.unit >= 0 {
		if t := s.Text(r, h.unit); t != "" {
			return measureText{t, Ref(r, h.unit), false}
		}
	}
	if m := h.monthUnit; m.text != "" {
		return m
	}
	if m := h.ytdUnit; m.text != "" {
		return m
	}
	if head.measure != nil {
		return measureText{head.measure.Text, head.measure.Cell, true}
	}
	return measureText{}
}

type measureText struct {
	text, where string
	amountsOnly bool // it applies to amounts only: a label above the table or a value column's header
}

// factor converts a figure to the KPI's unit of measure.
type factor struct {
	mul         float64 // 0 means 1
	from, where string  // the unit as read and where, when converted
}

// measureOf checks a figure's unit of measure against the KPI's: amounts
// in đồng, nghìn đồng or tỷ đồng are converted to the KPI's triệu đồng; a
// money unit on a head-count or a rate (or a head-count's unit on an
// amount) is an error naming the ĐVT cell. A sheet-wide "Đơn vị tính"
// applies to amounts only (a form in people may carry revenue rows with
// their own ĐVT).
func measureOf(s *Sheet, r int, k campaign.KPI, m measureText, errs Errors) (factor, Errors) {
	if m.text == "" {
		return factor{}, errs
	}
	kf, kMoney := measureFactor(k.Unit)
	f, money := measureFactor(m.text)
	switch {
	case kMoney && money:
		if math.Abs(f/kf-1) < 1e-12 {
			return factor{}, errs
		}
		return factor{mul: f / kf, from: m.text, where: m.where}, errs
	case m.amountsOnly:
		return factor{}, errs
	case kMoney && isCountUnit(m.text), !kMoney && money:
		row, col := cellRC(m.where)
		return factor{}, append(errs, s.Err(row, col, "đơn vị tính '%s' không hợp với chỉ tiêu %s (đơn vị %s)", m.text, k.Code, k.Unit))
	}
	return factor{}, errs
}

// cellRC is the zero-based row and column of an A1 reference.
func cellRC(ref string) (int, int) {
	col, row, _ := excelize.CellNameToCoordinates(ref)
	return row - 1, col - 1
}

func hasValueCells(s *Sheet, r int, h longCols) bool {
	return s.At(r, col(h.month)).Kind != Empty || s.At(r, col(h.ytd)).Kind != Empty
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

// readValue reads one value cell of KPI k (col < 0: the column is absent),
// converted by f.
func readValue(s *Sheet, r, c int, k campaign.KPI, f factor, errs *Errors) (*float64, string) {
	v, ok := readNumber(s, r, c, &k, f, isCountUnit(k.Unit), errs)
	if !ok {
		return nil, ""
	}
	return &v, xlsxgrid.SheetRef(s.Name, r, c)
}

// readNumber is readValue's figure, without its cell's name (which a
// wide table's row builds for all its cells at once). k is not copied: a
// wide table reads two million figures.
func readNumber(s *Sheet, r, c int, k *campaign.KPI, f factor, whole bool, errs *Errors) (float64, bool) {
	if c < 0 {
		return 0, false
	}
	v, ok, err := numberAt(s, r, c, k.Percent())
	if err != nil {
		*errs = append(*errs, err)
		return 0, false
	}
	if !ok {
		return 0, false
	}
	if f.mul != 0 {
		v = roundSig(v * f.mul) // 223221528 nghìn đồng is 223221.528 triệu, not …527999
	}
	if whole && v != math.Trunc(v) {
		msg := fmt.Sprintf("số người của %s phải là số nguyên, ô ghi %s", k.Code, formatNum(v))
		if x := v * 1000; math.Abs(x-math.Round(x)) < 1e-6 {
			msg += fmt.Sprintf(" (có phải %.0f? dấu chấm ở đây là dấu thập phân: gõ lại số không có dấu chấm, hoặc định dạng ô là Văn bản)", math.Round(x))
		}
		*errs = append(*errs, s.Err(r, c, "%s", msg))
		return 0, false
	}
	if err := checkValue(s, r, c, k, v); err != nil {
		*errs = append(*errs, err)
		return 0, false
	}
	return v, true
}

// otherYear reports whether a folded header names a year, none of them
// the campaign's.
func otherYear(key string, year int) bool {
	if !hasFourDigits(key) {
		return false
	}
	ys := yearRE.FindAllString(key, -1)
	if len(ys) == 0 || year == 0 {
		return false
	}
	for _, y := range ys {
		if y == strconv.Itoa(year) {
			return false
		}
	}
	return true
}

// roundSig rounds to 12 significant digits: the float noise of a unit
// conversion goes, every digit an office writes stays.
func roundSig(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// fundPart reports whether a row is one fund's part of a KPI: the KPI's
// name followed by a single fund ("Thu BHYT", "Số thu BHXH bắt buộc").
func fundPart(c *campaign.Campaign, label string) (campaign.KPI, bool) {
	key := fold.Key(stripParensText(strings.TrimSpace(stripEnum(label))))
	for _, p := range phrasesOf(c).phrases {
		rest, ok := cutWord(key, p.key)
		if !ok || c.KPIs[p.kpi].Kind != campaign.Flow {
			continue
		}
		if isFundHeading(rest) {
			return c.KPIs[p.kpi], true
		}
	}
	return campaign.KPI{}, false
}
