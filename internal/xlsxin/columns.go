package xlsxin

import (
	"regexp"
	"strings"

	"github.com/bhxh/kpi/internal/fold"
)

// colHead is one column's header: the text of the header row and, when
// the row below is a second header row, that row's text (Sub) under it.
type colHead struct {
	Text string // the two joined ("Thực hiện Lũy kế"), or the one
	Sub  string // the second row's own text, "" when there is none
}

// headerCells returns the header texts of row r and the first data row.
// When the row below is a sub-header — it names month or year-to-date
// columns under a merged group header ("Thực hiện" over "Tháng" | "Lũy
// kế", "Số thu" over "KH" | "TH" | "%") — each column's text is the two
// joined. A row of column numbers under the header ("A | B | 1 | 2 |
// 3=2/1") is skipped.
func headerCells(s *Sheet, r int) ([]colHead, int) {
	return joinedHeader(s, r, func(next int) bool { return isSubHeader(s, next) })
}

// joinedHeader returns the texts of header row r and the first data row.
// When isSub says the row below is a second header row, each column's
// text is the two joined ("Kế hoạch 2024" + "Số thu") and the data starts
// one row later. An empty row r never takes a second row. A column-number
// row right under the header is skipped.
func joinedHeader(s *Sheet, r int, isSub func(next int) bool) ([]colHead, int) {
	heads := make([]colHead, len(s.Rows[r]))
	empty := true
	for c := range heads {
		heads[c].Text = s.Text(r, c)
		empty = empty && heads[c].Text == ""
	}
	next := r + 1
	if next < len(s.Rows) && !empty && isSub(next) {
		for len(heads) < len(s.Rows[next]) {
			heads = append(heads, colHead{})
		}
		for c := range heads {
			if s.At(next, c) == s.At(r, c) {
				continue // merged over both rows
			}
			if sub := s.Text(next, c); sub != "" && sub != heads[c].Text {
				heads[c].Sub = sub
				heads[c].Text = strings.TrimSpace(heads[c].Text + " " + sub)
			}
		}
		next++
	}
	if !empty && isIndexRow(s, next) {
		next++
	}
	return heads, next
}

func isSubHeader(s *Sheet, r int) bool {
	found := false
	for c := range s.Rows[r] {
		cell := s.At(r, c) // At computes a formula's value
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
		if isMonthHeader(key) || isYTDHeader(key) || MatchesAny(key, subRoleWords) || strings.TrimSpace(s.Text(r, c)) == "%" || underGroup(s, r, c) {
			found = true
		}
	}
	return found
}

// subRoleWords are second-row headers under a KPI's group header.
var subRoleWords = []string{"kh", "ke hoach", "ty le", "ty le dat", "so kh", "so voi kh", "dat", "uoc th", "uoc thuc hien", "tang", "giam"}

// underGroup reports whether cell (r, c) stands under a group header: a
// text merged across this column and a neighbour in the row above
// ("Số người tham gia" over "BHXH BB | BHXH TN | BHYT | BHTN").
func underGroup(s *Sheet, r, c int) bool {
	above := s.At(r-1, c)
	if above.Kind != Text || s.At(r, c).Kind != Text {
		return false
	}
	return (c > 0 && s.At(r-1, c-1) == above && s.At(r, c-1) != above) || (s.At(r-1, c+1) == above && s.At(r, c+1) != above)
}

// indexCellRE matches the cells of a column-number row: "A", "B", "1",
// "(2)", "3=2/1", "4 = 5+6+7", "5=3x100/4".
var indexCellRE = regexp.MustCompile(`^\(?(?:[A-ZĐ]{1,2}|\d{1,2}(?:\s*=\s*[\d\s+\-*/x×().%]+)?)\)?$`)

// isIndexRow reports whether row r numbers the columns of the header above
// it: at least two cells, each a column letter or number.
func isIndexRow(s *Sheet, r int) bool {
	if r >= len(s.Rows) {
		return false
	}
	n, letters := 0, 0
	prev := -1.0
	for c := range s.Rows[r] {
		cell := s.At(r, c)
		switch cell.Kind {
		case Empty:
			continue
		case Text:
			t := s.Text(r, c)
			if !indexCellRE.MatchString(t) {
				return false
			}
			if t[0] < '0' || t[0] > '9' {
				letters++
			}
		case Number:
			// numbers must count up: 1 | 2 | 3, never data such as 100 | 250
			t := s.Text(r, c)
			if len(t) > 2 || strings.Contains(t, ".") {
				return false
			}
			f := float64(t[0] - '0')
			if len(t) == 2 {
				f = f*10 + float64(t[1]-'0')
			}
			if f <= prev {
				return false
			}
			prev = f
		default:
			return false
		}
		n++
	}
	return n >= 2 && (letters > 0 || prev >= 2)
}

// Value-column roles.
type valueRole uint8

const (
	roleNone    valueRole = iota
	roleMonth             // this month's figure
	roleYTD               // year to date
	roleBalance           // month-end balance of a movement table
)

// isMonthHeader and isYTDHeader recognise value columns.
func isMonthHeader(key string) bool {
	return MatchesAny(key, monthHeadersExact) || hasAnyWord(key, monthHeaders) ||
		(strings.Contains(key, "thang ") && monthNRE.MatchString(key))
}

func isYTDHeader(key string) bool { return hasAnyWord(key, ytdHeaders) }

// monthNRE is a column of one month: "Tháng 3", "Thực hiện tháng 3", "Số
// liệu tháng 3/2024", "Tháng 3" under "Thực hiện năm 2024". Cumulative
// ("Lũy kế đến tháng 3"), planned, estimated and last year's columns are
// told apart before (isYTDHeader, notValueWords, otherYear).
var monthNRE = regexp.MustCompile(`\bthang \d{1,2}\b`)

// valueRoleOf classifies a long layout's column header.
func valueRoleOf(h colHead) valueRole {
	key := fold.Key(h.Text)
	switch {
	case key == "":
		return roleNone
	case hasAnyWord(key, notValueWords) || strings.Contains(h.Text, "%"):
		return roleNone
	case isYTDHeader(key):
		return roleYTD
	case isMonthHeader(key):
		return roleMonth
	}
	return roleNone
}

func hasAnyWord(key string, words []string) bool {
	for _, w := range words {
		if fold.HasWord(key, w) {
			return true
		}
	}
	return false
}

// MatchesAny reports whether the folded text of a header is one of keys.
func MatchesAny(key string, keys []string) bool {
	for _, k := range keys {
		if key == k {
			return true
		}
	}
	return false
}
