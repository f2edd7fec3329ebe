// Package fold turns text into a comparison key so that header cells, KPI names
// and aliases match whatever way a district typed them: case, spacing,
// punctuation, tone placement (lũy / luỹ) and diacritics are all ignored.
package fold

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Key returns the folded form of s: NFD-decomposed, combining marks removed,
// đ/Đ mapped to d, lower-cased, every run of non-letters/non-digits turned
// into one space, trimmed. "Luỹ kế" and "LŨY KẾ" both become "luy ke";
// "Mã  ĐV:" becomes "ma dv". Keys of short texts are remembered, since the
// same headers recur in every workbook.
func Key(s string) string {
	if len(s) > maxCached {
		return key(s)
	}
	if k, ok := cache.Load(s); ok {
		return k.(string)
	}
	k := key(s)
	if cached.Add(1) <= maxEntries {
		cache.Store(s, k)
	}
	return k
}

const (
	maxCached  = 200     // bytes: longer texts are folded each time
	maxEntries = 1 << 16 // the cache stops growing after this many texts
)

var (
	cache  sync.Map
	cached atomic.Int64
)

func key(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
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
	for from := 0; from+len(phrase) <= len(key); {
		i := strings.Index(key[from:], phrase)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(phrase)
		if (i == 0 || key[i-1] == ' ') && (end == len(key) || key[end] == ' ') {
			return true
		}
		from = i + 1
	}
	return false
}

// NaturalLess orders texts as people count: runs of digits by their value,
// so H9 comes before H10 and "Cụm 2" before "Cụm 10"; other text by its
// folded key, then by its bytes.
func NaturalLess(a, b string) bool {
	ka, kb := Key(a), Key(b)
	for ka != "" && kb != "" {
		da, db := digitRun(ka), digitRun(kb)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(ka[:da], "0"), strings.TrimLeft(kb[:db], "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			ka, kb = ka[da:], kb[db:]
			continue
		}
		if ka[0] != kb[0] {
			return ka[0] < kb[0]
		}
		ka, kb = ka[1:], kb[1:]
	}
	if len(ka) != len(kb) {
		return len(ka) < len(kb)
	}
	return a < b
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
