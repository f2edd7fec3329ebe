// Package report holds what a monthly report says: for one unit and one
// month, the values of the KPIs it reported, with the cell each came from.
package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/fold"
)

// Period is a reporting month (kỳ báo cáo).
type Period struct{ Year, Month int }

// String returns "2024-03".
func (p Period) String() string { return fmt.Sprintf("%04d-%02d", p.Year, p.Month) }

// IsZero reports whether the period is unset.
func (p Period) IsZero() bool { return p.Year == 0 }

// Before reports whether p is earlier than q.
func (p Period) Before(q Period) bool {
	return p.Year < q.Year || (p.Year == q.Year && p.Month < q.Month)
}

// Value is one KPI's figures in a report. Month is the month's value (the
// head-count or rate at month end for stock and rate KPIs, the month's
// amount for flow KPIs); YTD is the cumulative amount from January (lũy
// kế). Either may be nil (not reported).
type Value struct {
	KPI       string
	Month     *float64
	YTD       *float64
	MonthCell string // "BaoCao!E9"
	YTDCell   string
	// Unit is the unit of measure the workbook gave the figures in, when it
	// was not the KPI's ("đồng"): the figures above are converted.
	Unit string
}

// Observation is one KPI's figures from a report in force (live).
type Observation struct {
	Unit   string
	Period Period
	KPI    string
	Month  *float64
	YTD    *float64
}

// Report is one unit's report for one month.
type Report struct {
	Unit   string
	Period Period
	Values []Value
}

var (
	tPrefixRE = regexp.MustCompile(`^t(\d{1,2})\b`)
	fileRE    = regexp.MustCompile(`(?i)^(?:([A-Za-z0-9]+)[_\- ])?(\d{4})[_\-](\d{1,2})(?:\D|$)`)
)

// ParsePeriod reads a period as offices write it: "03/2024", "3/2024",
// "2024-03", "Tháng 3/2024", "Tháng 03 năm 2024", "T3/2024", "Month 3 2024",
// or a date written day first ("15/03/2024") or ISO ("2024-03-15",
// "2024-03-15T00:00:00Z"), which stands for its month.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	if len(s) == 7 && s[4] == '-' { // "2024-03", as stored: the fast path
		y, err1 := strconv.Atoi(s[:4])
		m, err2 := strconv.Atoi(s[5:])
		if err1 == nil && err2 == nil && m >= 1 && m <= 12 && y >= 1900 && y <= 2200 {
			return Period{y, m}, nil
		}
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil { // ISO dates, as some programs store date cells
			return Period{t.Year(), int(t.Month())}, nil
		}
	}
	key := fold.Key(s)
	key = tPrefixRE.ReplaceAllString(key, "thang $1")
	var nums []string
	for _, tok := range strings.Fields(key) {
		switch tok {
		case "thang", "nam", "month", "year", "ky", "bao", "cao":
			continue
		}
		if _, err := strconv.Atoi(tok); err != nil {
			return Period{}, fmt.Errorf("không hiểu kỳ báo cáo '%s'", s)
		}
		nums = append(nums, tok)
	}
	bad := fmt.Errorf("không hiểu kỳ báo cáo '%s' (viết như 03/2024 hoặc Tháng 3 năm 2024)", s)
	var y, m int
	switch len(nums) {
	case 2:
		a, b := nums[0], nums[1]
		if len(a) == 4 {
			a, b = b, a
		}
		if len(b) != 4 || len(a) > 2 {
			return Period{}, bad
		}
		m, _ = strconv.Atoi(a)
		y, _ = strconv.Atoi(b)
	case 3: // a date: d/m/yyyy or yyyy-m-d
		if len(nums[0]) == 4 {
			y, _ = strconv.Atoi(nums[0])
			m, _ = strconv.Atoi(nums[1])
		} else if len(nums[2]) == 4 && len(nums[0]) <= 2 {
			m, _ = strconv.Atoi(nums[1])
			y, _ = strconv.Atoi(nums[2])
		} else {
			return Period{}, bad
		}
	default:
		return Period{}, bad
	}
	if m < 1 || m > 12 || y < 1900 || y > 2200 {
		return Period{}, bad
	}
	return Period{y, m}, nil
}

// FromFileName reads the unit and period from a report's file name:
// "H01_2024-03.xlsx" and "H01-2024-03.xlsx" give H01 and 2024-03;
// "2024-03.xlsx" gives only the period.
func FromFileName(name string) (unit string, p Period, ok bool) {
	base := name
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	m := fileRE.FindStringSubmatch(base)
	if m == nil {
		return "", Period{}, false
	}
	y, _ := strconv.Atoi(m[2])
	mo, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 {
		return "", Period{}, false
	}
	return m[1], Period{y, mo}, true
}

// MarshalJSON writes the period as "2024-03".
func (p Period) MarshalJSON() ([]byte, error) { return []byte(`"` + p.String() + `"`), nil }
