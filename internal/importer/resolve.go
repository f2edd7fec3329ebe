package importer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bhxh/kpi/internal/fold"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/xlsxin"
)

// resolvePeriod settles the period of a workbook (see resolve): errs are
// added to by the units; err alone is the file's error.
func (im *Importer) resolvePeriod(b *xlsxin.Book, opts Options) (p report.Period, errs xlsxin.Errors, err error) {
	_, filePeriod, fileOK := report.FromFileName(b.File)

	// the period: the workbook's own, else the file name's, else --period;
	// a flag rescues a period cell that cannot be read, never overrides one
	// that was
	switch {
	case b.Period != nil && b.Period.Err == nil:
		p = b.Period.Period
		if !opts.Period.IsZero() && opts.Period != p {
			errs = append(errs, im.cellErr(b, b.Period.Sheet+"!"+b.Period.Cell, "--period %s mâu thuẫn với kỳ báo cáo %s ghi trong tệp", opts.Period, p))
		}
	case b.Period != nil && opts.Period.IsZero() && !fileOK:
		return report.Period{}, nil, b.Period.Err
	case fileOK:
		p = filePeriod
		if !opts.Period.IsZero() && opts.Period != p {
			errs = append(errs, &xlsxin.CellError{File: b.File, Msg: fmt.Sprintf("--period %s mâu thuẫn với kỳ %s trong tên tệp", opts.Period, p)})
		}
		if b.Period != nil {
			b.Warnings = append(b.Warnings, fmt.Sprintf("%s: không đọc được kỳ báo cáo '%s', dùng kỳ %s trong tên tệp", b.Period.Err.Location(), b.Period.Text, p))
		}
	case !opts.Period.IsZero():
		p = opts.Period
		if b.Period != nil {
			b.Warnings = append(b.Warnings, fmt.Sprintf("%s: không đọc được kỳ báo cáo '%s', dùng --period %s", b.Period.Err.Location(), b.Period.Text, p))
		}
	default:
		errs = append(errs, &xlsxin.CellError{File: b.File, Msg: "không xác định được kỳ báo cáo: thêm ô 'Kỳ báo cáo: 03/2024' hoặc dòng 'Tháng 3 năm 2024' trên bảng, đặt tên tệp như H01_2024-03.xlsx, hoặc dùng --period 2024-03"})
	}
	year := im.Campaign.Year
	if opts.PriorYear {
		year-- // cùng kỳ: last year's reports, never scored
	}
	if !p.IsZero() && p.Year != year {
		cell := ""
		if b.Period != nil && b.Period.Err == nil {
			cell = b.Period.Sheet + "!" + b.Period.Cell
		}
		switch {
		case opts.PriorYear:
			errs = append(errs, im.cellErr(b, cell, "kỳ báo cáo %s không thuộc năm %d: --prior-year chỉ nhận báo cáo năm trước (cùng kỳ)", p, year))
		case p.Year == year-1:
			errs = append(errs, im.cellErr(b, cell, "kỳ báo cáo %s nằm ngoài năm thi đua %d; báo cáo năm %d để so sánh cùng kỳ thì nhập bằng kpi import --prior-year", p, year, p.Year))
		default:
			errs = append(errs, im.cellErr(b, cell, "kỳ báo cáo %s nằm ngoài năm thi đua %d", p, year))
		}
	}

	return p, errs, nil
}

// resolve settles the unit(s) and period of a workbook: from the workbook
// itself, else from the file name, else from --unit/--period. A flag that
// contradicts the workbook or the file name is an error.
func (im *Importer) resolve(b *xlsxin.Book, opts Options) ([]report.Report, error) {
	p, errs, err := im.resolvePeriod(b, opts)
	if err != nil {
		return nil, err
	}
	fileUnit, _, _ := report.FromFileName(b.File)

	// the unit(s)
	rows := b.Rows
	if b.Layout == xlsxin.LayoutLong {
		row := &rows[0]
		var fileCode string
		if fileUnit != "" {
			fileCode, _ = im.table.Code(fileUnit)
		}
		var cellCode string
		var cellErr *xlsxin.CellError
		if row.Unit != "" {
			cellCode, cellErr = im.unitCode(b, row.Unit, row.UnitCell)
		}
		switch {
		case cellCode != "":
			if opts.Unit != "" && !strings.EqualFold(opts.Unit, cellCode) {
				errs = append(errs, im.cellErr(b, row.UnitCell, "--unit %s mâu thuẫn với đơn vị %s ghi trong tệp", opts.Unit, cellCode))
			}
			row.Unit = cellCode
		case cellErr != nil && opts.Unit == "" && fileCode == "":
			errs = append(errs, cellErr)
		case fileCode != "":
			if opts.Unit != "" && !strings.EqualFold(opts.Unit, fileCode) {
				errs = append(errs, &xlsxin.CellError{File: b.File, Msg: fmt.Sprintf("--unit %s mâu thuẫn với đơn vị %s trong tên tệp", opts.Unit, fileCode)})
			}
			if cellErr != nil {
				b.Warnings = append(b.Warnings, fmt.Sprintf("%s: không nhận ra đơn vị '%s', dùng %s trong tên tệp", cellErr.Location(), row.Unit, fileCode))
			}
			row.Unit = fileCode
		case opts.Unit != "":
			code, err := im.unitCode(b, opts.Unit, "")
			if err != nil {
				errs = append(errs, err)
				break
			}
			if cellErr != nil {
				b.Warnings = append(b.Warnings, fmt.Sprintf("%s: không nhận ra đơn vị '%s', dùng --unit %s", cellErr.Location(), row.Unit, code))
			}
			row.Unit = code
		default:
			errs = append(errs, &xlsxin.CellError{File: b.File, Msg: "không xác định được đơn vị: thêm ô 'Mã đơn vị: H01' trên bảng (hoặc dòng 'BHXH huyện …' ở đầu trang), đặt tên tệp như H01_2024-03.xlsx, hoặc dùng --unit H01"})
		}
		if len(row.Values) == 0 {
			errs = append(errs, &xlsxin.CellError{File: b.File, Sheet: b.Sheet, Msg: "báo cáo không có số liệu chỉ tiêu nào"})
		}
	} else {
		var kept []xlsxin.UnitRow
		kept, errs = im.wideRows(b, rows, opts, errs)
		if len(errs) == 0 && len(kept) == 0 {
			errs = append(errs, noUnits(b, opts))
		}
		rows = kept
	}
	if len(errs) > 0 {
		return nil, errs
	}
	reports := make([]report.Report, len(rows))
	for i, row := range rows {
		reports[i] = report.Report{Unit: row.Unit, Period: p, Values: row.Values}
	}
	return reports, nil
}

// wideRows settles the units of rows of a wide table: each row's code,
// the rows of --unit only, rows without figures left out with a warning.
// Errors are added to errs.
func (im *Importer) wideRows(b *xlsxin.Book, rows []xlsxin.UnitRow, opts Options, errs xlsxin.Errors) ([]xlsxin.UnitRow, xlsxin.Errors) {
	var kept []xlsxin.UnitRow
	for _, row := range rows {
		code, err := im.unitCode(b, row.Unit, row.UnitCell)
		if err != nil && b.ByName && len(im.suggest(row.Unit)) == 0 {
			// a summary by names lists other offices too ("Văn phòng BHXH
			// tỉnh") and group rows: nothing like a unit of the campaign —
			// left out, said once
			b.Warnings = append(b.Warnings, fmt.Sprintf("%s: '%s' không phải đơn vị thi đua nào (không giống tên đơn vị nào trong danh sách), bỏ qua dòng này", err.Location(), row.Unit))
			continue
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if opts.Unit != "" && !strings.EqualFold(opts.Unit, code) {
			continue
		}
		row.Unit = code
		if len(row.Values) == 0 {
			b.Warnings = append(b.Warnings, fmt.Sprintf("%s › %s: đơn vị %s không có số liệu, bỏ qua", b.File, row.UnitCell, code))
			continue
		}
		kept = append(kept, row)
	}
	return kept, errs
}

// noUnits is the error of a wide table without a unit with figures.
func noUnits(b *xlsxin.Book, opts Options) *xlsxin.CellError {
	msg := "bảng không có đơn vị nào có số liệu"
	if opts.Unit != "" {
		msg = fmt.Sprintf("bảng không có số liệu của đơn vị %s", opts.Unit)
	}
	return &xlsxin.CellError{File: b.File, Sheet: b.Sheet, Msg: msg}
}

// cellErr makes an error at a "Sheet!A1" reference ("" for the file).
func (im *Importer) cellErr(b *xlsxin.Book, ref, format string, a ...any) *xlsxin.CellError {
	e := &xlsxin.CellError{File: b.File, Msg: fmt.Sprintf(format, a...)}
	if sheet, cell, ok := strings.Cut(ref, "!"); ok {
		e.Sheet, e.Cell = sheet, cell
	} else if ref != "" {
		e.Sheet, e.Cell = b.Sheet, ref
	}
	return e
}

// unitCode finds the workspace unit a text names: its code (any case), its
// name, or its name without the office words ("BHXH huyện Cẩm Giàng",
// "TP. Hải Dương", "CẨM GIÀNG"). Unknown or ambiguous units are errors with
// the nearest known units.
func (im *Importer) unitCode(b *xlsxin.Book, text, ref string) (string, *xlsxin.CellError) {
	if code, ok := im.table.Code(strings.TrimSpace(text)); ok {
		return code, nil
	}
	im.byNameOnce.Do(func() {
		im.units = im.names()
		im.byName = make(map[string]string, len(im.units))
		im.byShort = make(map[string][]string, len(im.units))
		for _, u := range im.units {
			im.byName[fold.Key(u.Name)] = u.Code
			short := xlsxin.UnitNameKey(u.Name)
			im.byShort[short] = append(im.byShort[short], u.Code)
		}
	})
	if code, ok := im.byName[fold.Key(text)]; ok {
		return code, nil
	}
	fail := func(msg string) (string, *xlsxin.CellError) {
		if ref == "" {
			return "", &xlsxin.CellError{File: b.File, Msg: msg}
		}
		return "", im.cellErr(b, ref, "%s", msg)
	}
	short := xlsxin.UnitNameKey(text)
	switch codes := im.byShort[short]; len(codes) {
	case 1:
		return codes[0], nil
	case 0:
	default:
		return fail(fmt.Sprintf("tên đơn vị '%s' khớp nhiều đơn vị: %s; ghi mã đơn vị thay cho tên", text, im.describe(codes)))
	}
	what := "mã đơn vị"
	if strings.ContainsAny(text, " .") || !isASCII(text) {
		what = "đơn vị"
	}
	msg := fmt.Sprintf("%s '%s' không có trong danh sách đơn vị", what, text)
	if s := im.suggest(text); len(s) > 0 {
		msg += fmt.Sprintf(" (có phải %s?)", strings.Join(s, ", "))
	}
	return fail(msg)
}

// describe lists units as "H01 (TP Hải Dương), H05 (…)".
func (im *Importer) describe(codes []string) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = c
		for _, u := range im.units {
			if u.Code == c && u.Name != c {
				parts[i] = fmt.Sprintf("%s (%s)", c, u.Name)
			}
		}
	}
	return strings.Join(parts, ", ")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// suggest returns up to three known units closest to text: by code, and
// by name without the office words ("Cam Giang" → "H03 (Cẩm Giàng)").
func (im *Importer) suggest(text string) []string {
	t := strings.ToUpper(strings.TrimSpace(text))
	short := xlsxin.UnitNameKey(text)
	type cand struct {
		text string
		d    int
	}
	var cs []cand
	for _, u := range im.units {
		d := levenshtein(t, strings.ToUpper(u.Code))
		if d <= 1 || (d == 2 && len([]rune(t)) >= 4) || (len(t) > 1 && strings.Contains(strings.ToUpper(u.Code), t)) {
			cs = append(cs, cand{u.Code, d})
			continue
		}
		us := xlsxin.UnitNameKey(u.Name)
		if len(short) < 3 || us == "" {
			continue
		}
		d = levenshtein(short, us)
		if d <= max(1, len([]rune(us))/4) || strings.Contains(us, short) || strings.Contains(short, us) {
			cs = append(cs, cand{im.describe([]string{u.Code}), d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	var out []string
	for i := 0; i < len(cs) && i < 3; i++ {
		out = append(out, cs[i].text)
	}
	return out
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
