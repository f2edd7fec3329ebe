package xlsxin

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// errNotNumber is returned by ParseText for text that is not a number.
var errNotNumber = errors.New("not a number")

// errPercentSign is returned for a trailing % on a KPI not measured in %.
var errPercentSign = errors.New("percent sign on a non-percent KPI")

// ParseText reads a number typed as text, the way Vietnamese offices type
// them. The rules, in order:
//
//   - all spaces, including non-breaking ones, are removed;
//   - "", "-", "–", "—", "x", "N/A" mean "no value" (present = false), never 0;
//   - a trailing "%" is allowed when percentOK (the number is not scaled:
//     "85,3%" is 85.3), and is an error otherwise;
//   - a leading "-" or "+" gives the sign;
//   - with both "." and "," present, the last one is the decimal mark and the
//     other groups thousands: "1.234.567,5" and "1,234,567.5" are 1234567.5;
//   - with one kind of mark appearing more than once, it groups thousands:
//     "1.234.567" and "1,234,567" are 1234567;
//   - with a single mark: followed by exactly three digits after a non-zero
//     integer part of one to three digits it groups thousands ("1.234" and
//     "1,234" are 1234), otherwise it is the decimal mark ("85,3" is 85.3,
//     "0,500" is 0.5, "1234.567" is 1234.567);
//   - thousands groups must have exactly three digits, or the text is not a
//     number.
func ParseText(s string, percentOK bool) (v float64, present bool, err error) {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2007' || r == '\u200b' {
			return -1
		}
		return r
	}, s)
	switch strings.ToLower(s) {
	case "", "-", "–", "—", "x", "n/a":
		return 0, false, nil
	}
	if strings.HasSuffix(s, "%") {
		if !percentOK {
			return 0, false, errPercentSign
		}
		s = strings.TrimSuffix(s, "%")
	}
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false, errNotNumber
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' || r == ',':
		default:
			return 0, false, errNotNumber
		}
	}
	if digits == 0 {
		return 0, false, errNotNumber
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	var intPart, frac string
	var thou byte
	switch {
	case dots == 0 && commas == 0:
		intPart = s
	case dots > 0 && commas > 0:
		dec := s[strings.LastIndexAny(s, ".,")]
		thou = '.'
		if dec == '.' {
			thou = ','
		}
		i := strings.LastIndexByte(s, dec)
		intPart, frac = s[:i], s[i+1:]
		if strings.IndexByte(intPart, dec) >= 0 {
			return 0, false, errNotNumber
		}
	default:
		mark := byte('.')
		if commas > 0 {
			mark = ','
		}
		if dots+commas > 1 {
			thou = mark
			intPart = s
			break
		}
		i := strings.IndexByte(s, mark)
		ip, fp := s[:i], s[i+1:]
		if len(fp) == 3 && len(ip) >= 1 && len(ip) <= 3 && ip[0] != '0' {
			thou = mark
			intPart = s
		} else {
			intPart, frac = ip, fp
		}
	}
	if thou != 0 {
		groups := strings.Split(intPart, string(thou))
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return 0, false, errNotNumber
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false, errNotNumber
			}
		}
		intPart = strings.Join(groups, "")
	}
	if strings.ContainsAny(frac, ".,") {
		return 0, false, errNotNumber
	}
	num := intPart
	if num == "" {
		num = "0"
	}
	if frac != "" {
		num += "." + frac
	}
	f, perr := strconv.ParseFloat(num, 64)
	if perr != nil {
		return 0, false, errNotNumber
	}
	if neg {
		f = -f
	}
	return f, true, nil
}
