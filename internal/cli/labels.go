package cli

import (
	"sort"

	"github.com/bhxh/kpi/internal/fold"
)

// sameText compares names ignoring case, spacing and accents.
func sameText(a, b string) bool { return fold.Key(a) == fold.Key(b) }

// sortedStrings sorts names in natural order (Cụm 2 before Cụm 10).
func sortedStrings(s []string) []string {
	sort.SliceStable(s, func(i, j int) bool { return fold.NaturalLess(s[i], s[j]) })
	return s
}
