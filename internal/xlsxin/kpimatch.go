package xlsxin

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/fold"
)

// A row names a KPI by one of its phrases — its code, name or an alias —
// written alone or followed by the funds it covers ("Tổng số thu BHXH,
// BHYT, BHTN, BHTNLĐ-BNN" is the revenue); the longest phrase wins. A row
// that goes on with other words names something narrower ("Thu BHXH bắt
// buộc", "Số người tham gia BHYT hộ gia đình") and is not the KPI. A KPI's
// `not:` phrases exclude a row that contains them ("Số phải thu").

type phrase struct {
	key   string // folded
	kpi   int
	funds int // fund words in the phrase
}

type phraseTable struct {
	phrases []phrase   // longest first
	not     [][]string // per KPI, folded
	byKey   map[string]int
}

var phraseCache sync.Map // *campaign.Campaign → *phraseTable

func phrasesOf(c *campaign.Campaign) *phraseTable {
	if t, ok := phraseCache.Load(c); ok {
		return t.(*phraseTable)
	}
	t := &phraseTable{not: make([][]string, len(c.KPIs))}
	for i, k := range c.KPIs {
		for _, name := range append([]string{k.Name}, k.Aliases...) {
			key := fold.Key(stripParensText(name))
			if key == "" {
				continue
			}
			n := 0
			for _, w := range strings.Fields(key) {
				if fundWords[w] && w != "va" {
					n++
				}
			}
			t.phrases = append(t.phrases, phrase{key: key, kpi: i, funds: n})
		}
		for _, n := range k.Not {
			if key := fold.Key(n); key != "" {
				t.not[i] = append(t.not[i], key)
			}
		}
	}
	sort.SliceStable(t.phrases, func(i, j int) bool { return len(t.phrases[i].key) > len(t.phrases[j].key) })
	phraseCache.Store(c, t)
	return t
}

// excluded reports whether a KPI's not: phrases rule the label out.
func (t *phraseTable) excluded(kpi int, key string) bool {
	for _, n := range t.not[kpi] {
		if fold.HasWord(key, n) {
			return true
		}
	}
	return false
}

// labelMatch is what a row's label says.
type labelMatch struct {
	kpi      campaign.KPI
	ok       bool
	excluded bool // it names a KPI but a not: phrase rules it out
}

// cutWord returns what follows prefix and a space in key, if key begins
// so (strings.CutPrefix(key, prefix+" "), without making the text: a
// label is tried against every phrase of the campaign).
func cutWord(key, prefix string) (string, bool) {
	if len(key) > len(prefix) && key[len(prefix)] == ' ' && key[:len(prefix)] == prefix {
		return key[len(prefix)+1:], true
	}
	return "", false
}

// matchLabel finds the KPI a row's label names, also after a leading
// "1.", "a)", "II.", a bullet or "Trong đó:".
func matchLabel(c *campaign.Campaign, text string) labelMatch {
	if text == "" {
		return labelMatch{}
	}
	if k, ok := c.KPIByText(text); ok {
		return labelMatch{kpi: k, ok: true}
	}
	stripped := strings.TrimSpace(stripEnum(text))
	key := fold.Key(stripParensText(stripped))
	key = strings.TrimPrefix(strings.TrimPrefix(key, "trong do"), " ")
	if key == "" {
		return labelMatch{}
	}
	t := phrasesOf(c)
	if k, ok := c.KPIByKey(key); ok {
		i := c.KPIIndex(k.Code)
		if t.excluded(i, key) {
			return labelMatch{kpi: k, excluded: true}
		}
		return labelMatch{kpi: k, ok: true}
	}
	for _, p := range t.phrases {
		if _, ok := cutWord(key, p.key); !ok {
			continue
		}
		// a rate's name may go on to name its base or its population ("Tỷ
		// lệ nợ phải tính lãi so với số phải thu", "Chỉ số hài lòng của
		// người dân, doanh nglệp"): it is still the rate; a count's or an
		// amount's may only list its funds
		if c.KPIs[p.kpi].Kind != campaign.Rate && !onlyFunds(key[len(p.key)+1:], p.funds) {
			continue
		}
		k := c.KPIs[p.kpi]
		if t.excluded(p.kpi, key) {
			return labelMatch{kpi: k, excluded: true}
		}
		return labelMatch{kpi: k, ok: true}
	}
	return labelMatch{}
}

// onlyFunds reports whether the rest of a label after a KPI's phrase only
// lists funds (with the phrase's own, at least two: "Thu BHYT" is one
// fund's revenue, not the total) or a year ("năm 2024").
func onlyFunds(rest string, phraseFunds int) bool {
	funds := phraseFunds
	for _, n := range neutralPhrases {
		rest = strings.TrimSpace(strings.ReplaceAll(" "+rest+" ", " "+n+" ", " "))
	}
	for _, w := range strings.Fields(rest) {
		switch {
		case fundWords[w]:
			if w != "va" && w != "bh" {
				funds++
			}
		case w == "nam" || yearRE.MatchString(w):
		default:
			return false
		}
	}
	return funds == phraseFunds || funds >= 2
}

// enumRE is a row's leading number or bullet: "1.", "1.2.1", "II.", "a)",
// "đ)", "-", "+", "•".
var enumRE = regexp.MustCompile(`^\s*(?:[0-9]+(?:\.[0-9]+)*|[IVXivx]+|[a-zđA-Z])\s*[\.\)/-]\s*|^\s*[-–•+*]\s*`)

// stripEnum takes away a row's leading number or bullet (enumRE), without
// running the regexp on the labels that cannot have one — most of them.
func stripEnum(s string) string {
	if !mayEnum(s) {
		return s
	}
	return enumRE.ReplaceAllString(s, "")
}

// mayEnum reports whether enumRE may match s: past the leading spaces,
// its first 24 bytes hold a delimiter or bullet, or nothing an enumerator
// could not be made of (a longer one).
func mayEnum(s string) bool {
	s = strings.TrimLeft(s, " \t\n\f\r")
	head := s[:min(len(s), 24)]
	if strings.ContainsAny(head, ".)/-–•+*") {
		return true
	}
	if len(s) <= 24 {
		return false
	}
	if strings.Trim(head, "0123456789IVXivx \t\n\f\r") == "" {
		return true
	}
	_, size := utf8.DecodeRuneInString(head)
	return strings.Trim(head[size:], " \t\n\f\r") == "" // a letter, then spaces
}

// markerRE reads a row number: in an STT cell, or leading a label.
var markerRE = regexp.MustCompile(`^\s*\(?\s*(?:([0-9]+(?:\.[0-9]+)*)|([IVXLC]+)|([A-HJ-Z])|([a-zđ]|[ivx]+))\s*[\.\):]?\s*$`)

var labelMarkerRE = regexp.MustCompile(`^\s*(?:([0-9]+(?:\.[0-9]+)*)|([IVXLC]+)|([A-HJ-Z])|([a-zđ]|[ivx]+))\s*[\.\)/:-]\s*\S|^\s*([-–•+*])\s*\S`)

// Levels of a row in a form's hierarchy: sections (I, II, A, B) above
// numbered rows (1, then 1.1, 1.1.1) above lettered ones (a, b) above
// bullets (-, then +). levelUnknown: the row has no number.
const levelUnknown = -1

// markerLevel returns the level a row number stands for.
func markerLevel(num, roman, upper, lower, bullet string) int {
	switch {
	case num != "":
		return 1 + strings.Count(num, ".")
	case roman != "" || upper != "":
		return 0
	case lower != "":
		return 5
	case bullet == "+" || bullet == "*" || bullet == "•":
		return 7
	case bullet != "":
		return 6
	}
	return levelUnknown
}

// rowLevel returns the level of a row from its STT cell, else from its
// label's leading number or bullet.
func rowLevel(stt, label string) int {
	if m := markerRE.FindStringSubmatch(strings.TrimRight(stt, ". ")); stt != "" && m != nil {
		return markerLevel(m[1], m[2], m[3], m[4], "")
	}
	if stt != "" {
		if b := strings.TrimSpace(stt); b == "-" || b == "–" || b == "+" || b == "*" || b == "•" {
			return markerLevel("", "", "", "", b)
		}
	}
	if m := labelMarkerRE.FindStringSubmatch(label); m != nil {
		return markerLevel(m[1], m[2], m[3], m[4], m[5])
	}
	return levelUnknown
}

// hierarchy follows the rows of a form to tell a KPI's row from the rows
// that break it down: a row nested under a row that gave a KPI's value is
// a part of that KPI (a fund, a sector), never another KPI's value.
type hierarchy struct {
	stack []hierRow // rows with known levels, outermost first
	// a "Trong đó:" block: the rows after it that have a sub-row marker
	// (or, when the parent's level is known, a deeper one) belong to the
	// row above it
	inBlock     bool
	blockParent hierRow
	last        hierRow // the previous labelled row
}

type hierRow struct {
	level int
	kpi   bool   // it gave a KPI's value
	label string // as written, for its children's context
}

// underKPI reports whether the row (its level, its folded label) is nested
// under a row that gave a KPI's value. Whether this row gives one itself is
// known to the caller only after, so done records the row.
func (h *hierarchy) underKPI(level int, key string) bool {
	trongDo := strings.HasPrefix(key, "trong do")
	if h.inBlock {
		switch {
		case level == levelUnknown && !trongDo:
			h.inBlock = false
		case level != levelUnknown && h.blockParent.level != levelUnknown && level <= h.blockParent.level:
			h.inBlock = false
		case level != levelUnknown && h.blockParent.level == levelUnknown && level < 5:
			h.inBlock = false
		}
	}
	under := false
	if level != levelUnknown {
		for len(h.stack) > 0 && h.stack[len(h.stack)-1].level >= level {
			h.stack = h.stack[:len(h.stack)-1]
		}
		for _, a := range h.stack {
			under = under || a.kpi
		}
	}
	if trongDo {
		// "Trong đó: …" belongs to the row above; a bare "Trong đó:" opens a block
		under = under || h.last.kpi
		if !h.inBlock {
			h.inBlock, h.blockParent = true, h.last
		}
	}
	if h.inBlock && !trongDo {
		under = under || h.blockParent.kpi
	}
	return under
}

// parent is the label of the row the current one (of the given level) is
// nested in, after underKPI: the row a "Trong đó:" block belongs to, or
// the nearest row of a lower level; "" when there is none (a row without
// a number stands on its own).
func (h *hierarchy) parent(level int) string {
	if h.inBlock {
		return h.blockParent.label
	}
	if n := len(h.stack); n > 0 && level != levelUnknown {
		return h.stack[n-1].label
	}
	return ""
}

// done records a row after underKPI: its level, whether it gave a KPI's
// value, its label.
func (h *hierarchy) done(level int, gave bool, label string) {
	row := hierRow{level: level, kpi: gave, label: label}
	if level != levelUnknown {
		h.stack = append(h.stack, row)
	}
	h.last = row
}

// UnitNameKey folds a unit's name for comparison, without the office words
// around it: "BHXH huyện Cẩm Giàng", "Huyện Cẩm Giàng", "CẨM GIÀNG" and
// "Cẩm Giàng" all give "cam giang"; "TP. Hải Dương" gives "hai duong".
func UnitNameKey(name string) string {
	key := fold.Key(name)
	for changed := true; changed; {
		changed = false
		for _, p := range officePrefixes {
			if rest, ok := strings.CutPrefix(key, p+" "); ok && rest != "" {
				key, changed = rest, true
			}
		}
	}
	return key
}

// inContext reads a row's label in the context of the row it is nested in:
// "Số người tham gia" under "I. BHXH bắt buộc" is the BHXH bắt buộc
// head-count; "Số thu" under "BHXH bắt buộc" is that fund's revenue, a
// narrower thing than the KPI "Số thu" (narrower: true); "Tổng số thu" under
// "II. Số thu" is the revenue itself.
func inContext(c *campaign.Campaign, label, parent string, alone labelMatch) (m labelMatch, narrower bool) {
	if parent == "" || label == "" {
		return alone, false
	}
	p := matchLabel(c, parent)
	if both := matchLabel(c, strings.TrimSpace(stripEnum(label))+" "+strings.TrimSpace(stripEnum(parent))); both.ok &&
		(!alone.ok || both.kpi.Code != alone.kpi.Code) {
		return both, false
	}
	if alone.ok && p.ok && p.kpi.Code != alone.kpi.Code && isFundHeading(parent) {
		return labelMatch{}, true
	}
	return alone, false
}

// isFundHeading reports whether a row names a fund alone ("I. BHXH bắt
// buộc", "BHYT", "Bảo hiểm thất nghiệp"): the rows under it are that
// fund's figures.
func isFundHeading(label string) bool {
	key := fold.Key(stripParensText(strings.TrimSpace(stripEnum(label))))
	if key == "" {
		return false
	}
	for _, w := range strings.Fields(key) {
		if !fundWords[w] && !fundNameWords[w] {
			return false
		}
	}
	return true
}
