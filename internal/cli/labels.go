package cli

import (
	"sort"

	"github.com/bhxh/kpi/internal/fold"
)

// sameText compares names ignoring case, spacing and accents.
func sameText(a, b string) bool { return fold.Key(a) == fold.Key(b) }

func sortedStrings(s []string) []string {
	sort.Strings(s)
	return s
}
