package xlsxin

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/fold"
)

// FindHeaderRow returns the first of the top HeaderSearchRows rows that has
// a cell for which isKey returns true, and that cell's column.
func FindHeaderRow(s *Sheet, isKey func(key string) bool) (row, col int, ok bool) {
	for r := 0; r < len(s.Rows) && r < HeaderSearchRows; r++ {
		for c := range s.Rows[r] {
			if isKey(s.Key(r, c)) {
				return r, c, true
			}
		}
	}
	return 0, 0, false
}

var yearRE = regexp.MustCompile(`\b(19|20)\d\d\b`)

// KPIColumn is how a header names a KPI: which one, and for which year
// (0 when it names none).
type KPIColumn struct {
	KPI     campaign.KPI
	Year    int
	Quarter int // 1–4 for a quarter's plan ("KH quý II thu"), else 0
}

// quarterRE finds a quarter in a folded header: "quy ii", "quy 3".
var quarterWordRE = regexp.MustCompile(`\bquy (iv|i{1,3}|[1-4])\b`)

// ParseKPIHeader recognises a header that names a KPI, optionally with a
// year ("thu", "Số thu BHXH, BHYT, BHTN 2024", "KH 2024 thu", "thu 2023",
// "Số thu năm 2023") or a quarter ("KH quý II thu", "thu quý 3"). It
// returns false when no KPI is named.
func ParseKPIHeader(c *campaign.Campaign, text string) (KPIColumn, bool) {
	if len(text) > 200 {
		return parseKPIHeader(c, text)
	}
	key := kpiHeaderKey{c, text}
	if v, ok := kpiHeaderCache.Load(key); ok {
		r := v.(kpiHeaderVal)
		return r.kc, r.ok
	}
	kc, ok := parseKPIHeader(c, text)
	kpiHeaderCache.Store(key, kpiHeaderVal{kc, ok})
	return kc, ok
}

// kpiHeaderCache remembers parsed headers: the same few recur in every
// workbook of a batch.
var kpiHeaderCache sync.Map

type kpiHeaderKey struct {
	c    *campaign.Campaign
	text string
}

type kpiHeaderVal struct {
	kc KPIColumn
	ok bool
}

func parseKPIHeader(c *campaign.Campaign, text string) (KPIColumn, bool) {
	if k, ok := c.KPIByText(text); ok {
		return KPIColumn{KPI: k}, true
	}
	key := fold.Key(stripParensText(text))
	quarter := 0
	if m := quarterWordRE.FindStringSubmatch(key); m != nil {
		quarter = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}[m[1]]
		key = strings.Join(strings.Fields(strings.Replace(key, m[0], " ", 1)), " ")
	}
	year := 0
	if m := yearRE.FindAllString(key, -1); len(m) == 1 {
		year, _ = strconv.Atoi(m[0])
		key = strings.Join(strings.Fields(strings.Replace(" "+key+" ", " "+m[0]+" ", " ", 1)), " ")
		key = strings.TrimSuffix(strings.TrimPrefix(key, "nam "), " nam")
	}
	for _, p := range kpiHeaderPrefixes {
		if strings.HasPrefix(key, p+" ") {
			key = strings.TrimPrefix(key, p+" ")
			break
		}
	}
	key = strings.TrimPrefix(key, "nam ")
	if k, ok := c.KPIByKey(key); ok {
		return KPIColumn{KPI: k, Year: year, Quarter: quarter}, true
	}
	return KPIColumn{}, false
}

var parensTextRE = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)

func stripParensText(s string) string {
	if !strings.ContainsAny(s, "([") { // most labels: no regexp to run
		return s
	}
	return parensTextRE.ReplaceAllString(s, " ")
}
