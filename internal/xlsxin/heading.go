package xlsxin

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/bhxh/kpi/internal/fold"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/xuri/excelize/v2"
)

// Label is a value found above the table: beside a label ("Mã đơn vị:
// H01", "Kỳ báo cáo: 03/2024"), or in the official heading ("BHXH HUYỆN
// CẨM GIÀNG", "BÁO CÁO … THÁNG 3 NĂM 2024").
type Label struct {
	Text   string
	Sheet  string
	Cell   string
	Period report.Period // for a period, when it parsed
	Err    *CellError    // for a period label that did not parse
	// Heading says the value was read from the official heading, not
	// from a label.
	Heading bool
}

// heading is what the rows above a table say.
type heading struct {
	unit, period *Label
	measure      *Label // "Đơn vị tính: triệu đồng"
}

// readHeading looks above the header row for the unit, the period and the
// unit of measure. Labels come first: a label naming the unit's code wins
// over one naming the unit ("Đơn vị: BHXH huyện …"), which wins over an
// office line of the heading; a "Kỳ báo cáo" label wins over a period in a
// title. The place-and-date line ("Cẩm Giàng, ngày 05 tháng 4 năm 2024")
// is the sending date, never the period.
func readHeading(s *Sheet, headerRow int) heading {
	var h heading
	var byName, office, titled *Label
	var year string // a year a heading line names ("… NĂM 2024")
	for r := 0; r < headerRow && r < len(s.Rows); r++ {
		for c := range s.Rows[r] {
			if c > 0 && s.At(r, c) == s.At(r, c-1) {
				continue // the rest of a merged range
			}
			text := s.Text(r, c)
			if text == "" {
				continue
			}
			for _, line := range strings.Split(text, "\n") {
				line = strings.TrimSpace(line)
				if line == "" {
					continue
				}
				if l := labelIn(s, r, c, line); l != nil {
					switch l.kind {
					case "code":
						if h.unit == nil {
							h.unit = &l.Label
						}
					case "name":
						if byName == nil {
							byName = &l.Label
						}
					case "period":
						if h.period == nil {
							h.period = &l.Label
						}
					case "measure":
						if h.measure == nil {
							h.measure = &l.Label
						}
					}
					continue
				}
				key := fold.Key(line)
				if office == nil {
					if isOfficeLine(key) {
						office = &Label{Text: line, Sheet: s.Name, Cell: Ref(r, c), Heading: true}
						continue
					}
				}
				if m := yearInTitleRE.FindStringSubmatch(key); m != nil && year == "" {
					year = m[1]
				}
				if titled == nil {
					if p, ok := periodInTitle(key); ok {
						titled = &Label{Text: line, Sheet: s.Name, Cell: Ref(r, c), Period: p, Heading: true}
					}
				}
			}
		}
	}
	if h.period != nil && h.period.Err != nil {
		// "Kỳ báo cáo: Tháng 3" under a title "… NĂM 2024": the year from the
		// heading
		if p, ok := monthWithYear(h.period.Text, year); ok {
			h.period.Period, h.period.Err = p, nil
		}
	}
	if h.unit == nil {
		h.unit = byName
	}
	if h.unit == nil {
		h.unit = office
	}
	if h.period == nil || (h.period.Err != nil && titled != nil) {
		if titled != nil {
			h.period = titled
		}
	}
	return h
}

type foundLabel struct {
	Label
	kind string // code, name, period, measure
}

// labelIn reads "Label: value" in a line of cell (r, c), or a label whose
// value stands in the next non-empty cell to the right.
func labelIn(s *Sheet, r, c int, line string) *foundLabel {
	label, value, hasColon := strings.Cut(line, ":")
	key := fold.Key(label)
	kind := ""
	switch {
	case MatchesAny(key, unitCodeLabels):
		kind = "code"
	case MatchesAny(key, unitLabels):
		kind = "name"
	case MatchesAny(key, periodLabels):
		kind = "period"
	case MatchesAny(key, measureLabels):
		kind = "measure"
	default:
		return nil
	}
	l := &foundLabel{Label: Label{Sheet: s.Name}, kind: kind}
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
			return nil
		}
	}
	l.Text, l.Cell = value, Ref(vr, vc)
	if kind == "period" {
		l.Period, l.Err = periodOf(s, vr, vc, value, vc != c)
	}
	return l
}

// isOfficeLine recognises the heading line that names the reporting
// office ("bhxh huyen cam giang"); the importer matches it with the
// workspace's units by name, without the office words.
func isOfficeLine(key string) bool {
	for _, n := range notOfficeKeys {
		if strings.HasPrefix(key, n) {
			return false
		}
	}
	if officeRE.MatchString(key) {
		return true
	}
	m := looseOfficeRE.FindStringSubmatch(key)
	return m != nil && !hasAnyWord(m[1], notOfficeWords)
}

var (
	// the place-and-date line, and other full dates: never the period
	signDateRE = regexp.MustCompile(`\bngay \d{1,2} thang \d{1,2} nam \d{4}\b`)
	// "từ (ngày) 01/03/2024 đến (ngày) 31/03/2024": the end date's month
	rangeRE = regexp.MustCompile(`\btu (?:ngay )?\d{1,2} \d{1,2} \d{4} den (?:ngay )?(\d{1,2}) (\d{1,2}) (\d{4})\b`)
	// "tháng 3 năm 2024", "tháng 03/2024", "tháng 3-2024"
	monthYearRE = regexp.MustCompile(`\bthang (\d{1,2}) (?:nam )?(\d{4})\b`)
	// "quý I năm 2024", "quý I/2024", "quý 1 2024"; "(tháng 3)" may follow
	quarterRE   = regexp.MustCompile(`\bquy (i{1,3}|iv|[1-4]) (?:nam )?(\d{4})\b`)
	monthOnlyRE = regexp.MustCompile(`\bthang (\d{1,2})\b`)
	// "6 tháng đầu năm 2024", "9 tháng năm 2024"
	firstMonthsRE = regexp.MustCompile(`\b(\d{1,2}) thang (?:dau )?nam (\d{4})\b`)
)

var (
	yearInTitleRE = regexp.MustCompile(`\bnam (\d{4})\b`)
	monthAloneRE  = regexp.MustCompile(`^(?:thang|t) ?(\d{1,2})$`)
)

// monthWithYear reads a period label that names the month alone ("Tháng
// 3") with the year a heading line gave.
func monthWithYear(text, year string) (report.Period, bool) {
	m := monthAloneRE.FindStringSubmatch(fold.Key(text))
	if m == nil || year == "" {
		return report.Period{}, false
	}
	return periodOfParts(m[1], year)
}

// periodInTitle finds the reporting month in a title or a line of its own
// (folded text): "BÁO CÁO … THÁNG 3 NĂM 2024", "Tháng 03/2024", "Quý I/2024
// (tháng 3)" (a quarter alone stands for its last month), "Từ 01/3/2024
// đến 31/3/2024" (the end date's month), "6 tháng đầu năm 2024".
func periodInTitle(key string) (report.Period, bool) {
	if !hasFourDigits(key) { // every form names a year: no regexp to run (most lines of a heading)
		return report.Period{}, false
	}
	key = signDateRE.ReplaceAllString(key, " ")
	if m := rangeRE.FindStringSubmatch(key); m != nil {
		return periodOfParts(m[2], m[3])
	}
	if m := monthYearRE.FindStringSubmatch(key); m != nil {
		return periodOfParts(m[1], m[2])
	}
	if m := quarterRE.FindStringSubmatch(key); m != nil {
		q := map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}[m[1]]
		month := strconv.Itoa(3 * q)
		if mm := monthOnlyRE.FindStringSubmatch(key[strings.Index(key, m[0])+len(m[0]):]); mm != nil {
			month = mm[1]
		}
		return periodOfParts(month, m[2])
	}
	if m := firstMonthsRE.FindStringSubmatch(key); m != nil {
		return periodOfParts(m[1], m[2])
	}
	return report.Period{}, false
}

// hasFourDigits reports whether s has four digits in a row (a year).
func hasFourDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func periodOfParts(month, year string) (report.Period, bool) {
	m, err1 := strconv.Atoi(month)
	y, err2 := strconv.Atoi(year)
	if err1 != nil || err2 != nil || m < 1 || m > 12 || y < 1900 || y > 2200 {
		return report.Period{}, false
	}
	return report.Period{Year: y, Month: m}, true
}

// periodOf reads a period from a label's value: a date cell stands for its
// month, text is parsed by report.ParsePeriod, then as a title would be.
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
		if p, ok := periodInTitle(fold.Key(text)); ok {
			return p, nil
		}
		return report.Period{}, s.Err(r, c, "%v", err)
	}
	return p, nil
}

// measureFactor returns the factor that turns an amount in the given unit
// of measure into triệu đồng, and whether the text names a money unit.
func measureFactor(text string) (float64, bool) {
	squeeze := func(k string) string { return strings.ReplaceAll(k, " ", "") }
	key := fold.Key(stripParensText(text))
	if f, ok := moneyUnits[squeeze(key)]; ok {
		return f, true
	}
	// "Đơn vị tính: đồng (VNĐ)", "triệu đồng/tháng"
	if f, ok := moneyUnits[squeeze(fold.Key(text))]; ok {
		return f, true
	}
	for _, w := range []string{"ty dong", "trieu dong", "nghin dong", "ngan dong", "dong"} {
		if fold.HasWord(key, w) {
			return moneyUnits[squeeze(w)], true
		}
	}
	return 0, false
}

// MoneyFactor is measureFactor for other packages: the factor from a unit
// of measure to triệu đồng, and whether it is a money unit.
func MoneyFactor(unit string) (float64, bool) { return measureFactor(unit) }

// isCountUnit reports whether a unit of measure is a head-count's.
func isCountUnit(text string) bool {
	key := fold.Key(text)
	return MatchesAny(key, countUnits) || fold.HasWord(key, "nguoi")
}
