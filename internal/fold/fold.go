// Package fold turns text into a comparison key so that header cells, KPI names
// and aliases match whatever way a district typed them: case, spacing,
// punctuation, tone placement (lũy / luỹ) and diacritics are all ignored.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Key returns the folded form of s: NFD-decomposed, combining marks removed,
// đ/Đ mapped to d, lower-cased, every run of non-letters/non-digits turned
// into one space, trimmed. "Luỹ kế" and "LŨY KẾ" both become "luy ke";
// "Mã  ĐV:" becomes "ma dv".
func Key(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	var b strings.Builder
	b.Grow(len(out))
	space := false
	for _, r := range out {
		switch {
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// NFC returns s in Unicode normalisation form C, the form text is stored in.
func NFC(s string) string { return norm.NFC.String(s) }

// HasWord reports whether the folded key contains the folded phrase as whole
// words ("so thu 2024" has "thu", but "thue" does not).
func HasWord(key, phrase string) bool {
	if phrase == "" {
		return false
	}
	k := " " + key + " "
	return strings.Contains(k, " "+phrase+" ")
}
