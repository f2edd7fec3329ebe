package xlsxin

import (
	"fmt"
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/fold"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/xlsxgrid"
)

// Layouts of a monthly report.
const (
	LayoutLong = "long" // one unit, one month: a row per KPI
	LayoutWide = "wide" // many units, one month: a row per unit, a column per KPI
)

// UnitRow is one unit's values: the whole of a long report, or one row of a
// wide one.
type UnitRow struct {
	Unit     string // as written (a code, or a name)
	UnitCell string // "" when the unit is not written in the sheet
	Values   []report.Value
}

// Conversion says that amounts were converted from the unit of measure
// the workbook used to the KPI's ("đồng" → "triệu đồng").
type Conversion struct {
	KPI      string
	From, To string
	Where    string // the ĐVT cell, header or "Đơn vị tính" label it came from
}

// Book is what a monthly report workbook says, before units and period are
// checked against the workspace.
type Book struct {
	File        string
	Layout      string
	Sheet       string
	Unit        *Label // the long layout's unit, if the sheet names it
	Period      *Label // the period, if the sheet names it
	Rows        []UnitRow
	Warnings    []string
	Conversions []Conversion
	// ByName says the wide table names its units by name, not code: a row
	// naming no unit of the workspace may be another office (the
	// province's own) or a group.
	ByName bool
}

// A layout is a way a report's table can be laid out: detect recognises
// its header at row r of a sheet and returns the reader of the table; a
// new form is a new layout, not a branch in an old one. Layouts are tried
// in order on each of the top rows of each sheet.
type layout struct {
	name   string
	detect func(c *campaign.Campaign, h *headerRow) (read func() (*Book, error), ok bool)
}

// headerRow is a candidate header: row r of a sheet, its column headers
// (joined with a second header row when there is one) and the first data
// row. It is built once per row and shown to every layout.
type headerRow struct {
	s     *Sheet
	r     int
	heads []colHead
	data  int
}

// candidateRow returns row r as a candidate header, or nil when it cannot
// be one: a header names at least two columns, so a title merged across
// the sheet, a lone label or an empty row is passed over at once.
func candidateRow(s *Sheet, r int) *headerRow {
	texts := 0
	for c := range s.Rows[r] {
		if cell := s.At(r, c); cell.Kind == Text && (c == 0 || cell != s.At(r, c-1)) {
			if texts++; texts == 2 {
				break
			}
		}
	}
	if texts < 2 {
		return nil
	}
	heads, data := headerCells(s, r)
	return &headerRow{s: s, r: r, heads: heads, data: data}
}

var layouts = []layout{
	{LayoutLong, detectLong},
	{"targets", detectTargetsBook}, // a targets workbook is refused before the wide layout takes it
	{LayoutWide, detectWide},
}

// ReadReport finds the report table in the workbook (the first sheet with
// a header row of one of the layouts in its top rows) and reads its values.
// Offices often split one month's report over several sheets — head-counts
// on one, revenue on another: every visible sheet with a table of the same
// layout, unit and period adds its KPIs (see mergeBook). Problems with
// cells are returned together as Errors. A workbook with no table is
// refused with what was found in it and what to change.
func ReadReport(wb *Workbook, c *campaign.Campaign) (*Book, error) {
	var book *Book
	for _, s := range wb.VisibleFirst() {
		if book != nil && s.Hidden {
			break // a hidden sheet's table counts only when no visible sheet has one
		}
		b, found, err := readSheet(s, c)
		switch {
		case !found:
			continue
		case err != nil:
			return nil, err
		case book == nil:
			book = b
		default:
			if err := mergeBook(book, b); err != nil {
				return nil, err
			}
		}
	}
	if book == nil {
		return nil, diagnose(wb, c)
	}
	xlsxgrid.ClipAll(book.Warnings)
	return book, nil
}

// ReadReportStream reads a workbook opened by xlsxgrid.OpenStream as
// ReadReport would, the wide table of its streamed sheet a few hundred
// rows at a time: each part is given to emit (the Book with those Rows;
// the table's period, sheet and conversions), and the Book returned at
// the end has no Rows. It is for the consolidated sheet of a whole
// country, too big to hold: a workbook it cannot read so — another sheet
// with a table, a table of another layout, no table — is refused with
// xlsxgrid.ErrNoStream before anything is given out, to be read whole;
// so is one that proves, once read, to differ from the whole reading
// (xlsxgrid.ErrNoStream, *xlsxgrid.RestreamError), and what emit gave out
// must then be forgotten. Problems with cells come at the end, as from
// ReadReport.
func ReadReportStream(wb *Workbook, c *campaign.Campaign, emit func(*Book) error) (*Book, error) {
	s := wb.Streamed()
	if s == nil {
		return nil, xlsxgrid.ErrNoStream
	}
	for _, o := range wb.Sheets {
		if o == s {
			continue
		}
		if _, found, _ := readSheet(o, c); found {
			return nil, wb.NoStream(fmt.Sprintf("trang tính %s cũng có bảng số liệu", o.Name)) // books of several sheets are merged whole
		}
	}
	var book *Book
	var err error
	for r := 0; r < len(s.Rows) && r < HeaderSearchRows && book == nil && err == nil; r++ {
		h := candidateRow(s, r)
		if h == nil {
			continue
		}
		for _, l := range layouts {
			if _, ok := l.detect(c, h); !ok {
				continue
			}
			if l.name != LayoutWide {
				return nil, wb.NoStream("bảng không phải dạng mỗi đơn vị một dòng")
			}
			wc, _ := wideColumns(c, h)
			book, err = readWide(s, c, wc, emit)
			if book == nil && err == nil {
				err = xlsxgrid.ErrNoStream
			}
			break
		}
	}
	if book == nil && err == nil {
		// ReadReport says what the file lacks
		return nil, wb.NoStream(fmt.Sprintf("không thấy hàng tiêu đề của bảng trong %d dòng đầu", HeaderSearchRows))
	}
	// the sheet is read to its end: its merged ranges come last
	for s.More(len(s.Rows)) {
	}
	if serr := s.StreamErr(); serr != nil {
		return nil, serr
	}
	if err != nil {
		return nil, err
	}
	xlsxgrid.ClipAll(book.Warnings)
	return book, nil
}

// readSheet reads the first table found in a sheet's top rows.
func readSheet(s *Sheet, c *campaign.Campaign) (*Book, bool, error) {
	for r := 0; r < len(s.Rows) && r < ReportSearchRows; r++ {
		h := candidateRow(s, r)
		if h == nil {
			continue
		}
		for _, l := range layouts {
			if read, ok := l.detect(c, h); ok {
				b, err := read()
				return b, true, err
			}
		}
	}
	return nil, false, nil
}

// mergeBook adds to book the table of another sheet of the same workbook:
// a sheet of another layout, unit or period is left out with a warning; a
// KPI the book has already is fine when its figures are the same, an error
// naming both cells when they differ.
func mergeBook(book, more *Book) error {
	skip := func(why string) error {
		book.Warnings = append(book.Warnings, fmt.Sprintf("%s › %s: %s, bỏ qua trang này", more.File, more.Sheet, why))
		return nil
	}
	switch {
	case more.Layout != book.Layout:
		return skip("bảng khác kiểu với trang " + book.Sheet)
	case more.Period != nil && more.Period.Err == nil && book.Period != nil && book.Period.Err == nil && more.Period.Period != book.Period.Period:
		return skip(fmt.Sprintf("báo cáo kỳ %s, khác kỳ %s của trang %s", more.Period.Period, book.Period.Period, book.Sheet))
	case more.Layout == LayoutLong && more.Unit != nil && book.Unit != nil && UnitNameKey(more.Unit.Text) != UnitNameKey(book.Unit.Text):
		return skip(fmt.Sprintf("báo cáo của đơn vị '%s', khác '%s' của trang %s", more.Unit.Text, book.Unit.Text, book.Sheet))
	}
	if book.Period == nil {
		book.Period = more.Period
	}
	if book.Unit == nil && more.Unit != nil {
		book.Unit = more.Unit
		if book.Layout == LayoutLong {
			book.Rows[0].Unit, book.Rows[0].UnitCell = more.Unit.Text, more.Unit.Cell
		}
	}
	var errs Errors
	for _, mr := range more.Rows {
		i := -1
		for j, br := range book.Rows {
			if book.Layout == LayoutLong || fold.Key(br.Unit) == fold.Key(mr.Unit) {
				i = j
				break
			}
		}
		if i < 0 {
			book.Rows = append(book.Rows, mr)
			continue
		}
		for _, v := range mr.Values {
			if old, ok := valueIn(book.Rows[i].Values, v.KPI); ok {
				if !sameFigure(old.Month, v.Month) || !sameFigure(old.YTD, v.YTD) {
					sheet, cell, _ := strings.Cut(firstCell(v), "!")
					errs = append(errs, &CellError{File: more.File, Sheet: sheet, Cell: cell,
						Msg: fmt.Sprintf("chỉ tiêu %s đã có ở %s với số khác: giữ một trang, hoặc sửa cho hai trang cùng số", v.KPI, firstCell(old))})
				}
				continue
			}
			book.Rows[i].Values = append(book.Rows[i].Values, v)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	book.Sheet += ", " + more.Sheet
	book.Warnings = append(book.Warnings, more.Warnings...)
	book.Conversions = append(book.Conversions, more.Conversions...)
	return nil
}

func valueIn(vs []report.Value, kpi string) (report.Value, bool) {
	for _, v := range vs {
		if v.KPI == kpi {
			return v, true
		}
	}
	return report.Value{}, false
}

func sameFigure(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func firstCell(v report.Value) string {
	if v.MonthCell != "" {
		return v.MonthCell
	}
	return v.YTDCell
}

// HeaderSearchRows is how many rows from the top of a sheet are searched for
// the header row (title blocks and merged cells above it are normal);
// ReportSearchRows for a monthly report, whose official heading, title,
// period, unit-of-measure line and notes can fill more.
const (
	HeaderSearchRows = 20
	ReportSearchRows = 30
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

// detectTargetsBook recognises a targets workbook (kpi targets import's
// input) handed to kpi import: a unit column, KPI columns that carry plan
// words, last year's figures or a cluster column, no column of actual
// figures and no reporting period. --period must never turn it into a
// month's actuals, so it is refused.
func detectTargetsBook(c *campaign.Campaign, hr *headerRow) (func() (*Book, error), bool) {
	s, r, heads := hr.s, hr.r, hr.heads
	unit, plan, cluster := -1, 0, false
	for col, h := range heads {
		key := fold.Key(h.Text)
		switch {
		case key == "":
			continue
		case unit < 0 && (MatchesAny(key, UnitCodeHeaders) || MatchesAny(key, UnitNameHeaders)):
			unit = col
			continue
		case MatchesAny(key, ClusterHeaders):
			cluster = true
			continue
		case isMonthHeader(key) || isYTDHeader(key):
			return nil, false
		}
		if kc, ok := ParseKPIHeader(c, h.Text); ok && (hasAnyWord(fold.Key(stripParensText(h.Text)), planWords) || kc.Year == c.Year-1) {
			plan++
		}
	}
	if unit < 0 || (plan == 0 && !cluster && !planTitle(s, r)) {
		return nil, false
	}
	if readHeading(s, r).period != nil {
		return nil, false
	}
	return func() (*Book, error) {
		return nil, &CellError{File: s.Book.File, Sheet: s.Name, Cell: Ref(r, unit),
			Msg: "đây là biểu giao chỉ tiêu (cột kế hoạch/cụm thi đua, không có kỳ báo cáo), không phải báo cáo tháng: dùng kpi targets import để nhập chỉ tiêu"}
	}, true
}

// planTitle reports whether a line above the header titles the sheet as
// the year's plan ("GIAO CHỈ TIÊU KẾ HOẠCH NĂM 2024") and none as a report
// of actual figures.
func planTitle(s *Sheet, header int) bool {
	plan := false
	for r := 0; r < header && r < len(s.Rows); r++ {
		for c := range s.Rows[r] {
			key := s.Key(r, c)
			switch {
			case key == "":
			case hasAnyWord(key, []string{"bao cao", "thuc hien", "ket qua"}):
				return false
			case hasAnyWord(key, []string{"giao chi tieu", "chi tieu ke hoach", "ke hoach nam", "ke hoach giao", "chi tieu giao"}):
				plan = true
			}
		}
	}
	return plan
}

// diagnose says why no table was recognised: what the best candidate
// header row held, whether a unit and a period were seen and where, and the
// one change that makes the file readable.
func diagnose(wb *Workbook, c *campaign.Campaign) *CellError {
	type cand struct {
		s                   *Sheet
		row                 int
		kpiCol, unitCol     string
		values, kpis, other []string
		score               int
	}
	var best *cand
	for _, s := range wb.VisibleFirst() {
		for r := 0; r < len(s.Rows) && r < ReportSearchRows; r++ {
			heads, _ := headerCells(s, r)
			cd := &cand{s: s, row: r}
			for col, h := range heads {
				key := fold.Key(h.Text)
				if key == "" || len(h.Text) > 120 || s.At(r, col).Kind != Text || (col > 0 && h == heads[col-1]) {
					continue // a header is text (numbers make a data row), a merged one counts once
				}
				if _, ok, err := ParseText(h.Text, true); ok && err == nil {
					continue
				}
				at := fmt.Sprintf("%s '%s'", Ref(r, col), h.Text)
				switch {
				case MatchesAny(key, kpiCodeHeaders) || MatchesAny(key, kpiNameHeaders):
					cd.kpiCol = at
				case MatchesAny(key, UnitCodeHeaders) || MatchesAny(key, UnitNameHeaders):
					cd.unitCol = at
				case valueRoleOf(h) != roleNone:
					cd.values = append(cd.values, at)
				default:
					if _, _, ok := parseWideHead(c, h); ok {
						cd.kpis = append(cd.kpis, at)
					} else if !MatchesAny(key, orderHeaders) {
						cd.other = append(cd.other, at)
					}
				}
			}
			cd.score = 2*len(cd.values) + 2*len(cd.kpis) + len(cd.other)
			if cd.kpiCol != "" {
				cd.score += 3
			}
			if cd.unitCol != "" {
				cd.score += 3
			}
			if len(cd.other) > 0 && cd.score > 1 && (best == nil || cd.score > best.score) {
				best = cd
			}
		}
	}
	const want = "cần một dòng tiêu đề (trong %d dòng đầu) có cột chỉ tiêu ('Chỉ tiêu', 'Nội dung' hoặc 'Mã chỉ tiêu') và cột số liệu ('Thực hiện trong tháng', 'Lũy kế từ đầu năm'), hoặc cột đơn vị ('Mã đơn vị'/'Tên đơn vị') và các cột mang tên chỉ tiêu ('Số thu', 'BHYT', …)"
	if best == nil {
		return &CellError{File: wb.File, Msg: "không nhận ra bảng báo cáo: " + fmt.Sprintf(want, ReportSearchRows)}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "không nhận ra bảng báo cáo. Dòng giống tiêu đề nhất: trang '%s' dòng %d", best.s.Name, best.row+1)
	var found []string
	if best.kpiCol != "" {
		found = append(found, "cột chỉ tiêu "+best.kpiCol)
	}
	if best.unitCol != "" {
		found = append(found, "cột đơn vị "+best.unitCol)
	}
	if len(best.values) > 0 {
		found = append(found, "cột số liệu "+strings.Join(best.values, ", "))
	}
	if len(best.kpis) > 0 {
		found = append(found, "cột chỉ tiêu theo tên "+strings.Join(best.kpis, ", "))
	}
	if len(found) > 0 {
		fmt.Fprintf(&b, " có %s", strings.Join(found, "; "))
	}
	if len(best.other) > 0 {
		fmt.Fprintf(&b, "; không dùng được các cột %s", strings.Join(limit(best.other, 6), ", "))
	}
	h := readHeading(best.s, best.row)
	if h.unit != nil {
		fmt.Fprintf(&b, ". Đơn vị: '%s' (%s)", h.unit.Text, h.unit.Cell)
	} else {
		b.WriteString(". Không thấy đơn vị báo cáo")
	}
	if h.period != nil && h.period.Err == nil {
		fmt.Fprintf(&b, "; kỳ: %s (%s)", h.period.Period, h.period.Cell)
	} else {
		b.WriteString("; không thấy kỳ báo cáo")
	}
	b.WriteString(". Cách sửa: ")
	switch {
	case best.kpiCol != "" && len(best.values) == 0:
		b.WriteString("đặt tên cột số liệu của tháng là 'Thực hiện trong tháng' (hoặc cột cộng dồn là 'Lũy kế từ đầu năm')")
	case best.kpiCol == "" && len(best.values) > 0:
		b.WriteString("đặt tên cột ghi tên chỉ tiêu là 'Chỉ tiêu' (hoặc 'Nội dung'), hoặc thêm cột 'Mã chỉ tiêu'")
	case best.unitCol != "" && len(best.kpis) == 0:
		b.WriteString("đặt tên các cột số liệu theo chỉ tiêu: 'Số thu', 'BHXH bắt buộc', 'BHXH tự nguyện', 'BHYT', 'BHTN', 'Chậm đóng', 'Hài lòng'")
	case best.unitCol == "" && len(best.kpis) > 0:
		b.WriteString("thêm cột 'Mã đơn vị' (hoặc 'Tên đơn vị') ở đầu bảng")
	default:
		b.WriteString(fmt.Sprintf(want, ReportSearchRows))
	}
	return &CellError{File: wb.File, Msg: b.String()}
}

func limit(s []string, n int) []string {
	if len(s) <= n {
		return s
	}
	return append(s[:n:n], fmt.Sprintf("… (%d cột nữa)", len(s)-n))
}
