// Package numfmt writes numbers for people: Vietnamese "1.234.567,5" or
// English "1,234,567.5".
package numfmt

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Format formats v with dec decimals in the language's style: vi groups
// thousands with "." and marks decimals with "," (1.234.567,5); en uses
// "," and "." (1,234,567.5).
func Format(v float64, dec int, lang string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Sprint(v)
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', dec, 64) // dec < 0: as many as needed
	intPart, frac, _ := strings.Cut(s, ".")
	group, point := ".", ","
	if lang == "en" {
		group, point = ",", "."
	}
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(point + frac)
	}
	return b.String()
}
