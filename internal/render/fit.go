package render

import (
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// A terminal table fits the screen it is printed on (Table.Width): when
// its natural layout is wider, it gives way in steps, each tried only when
// the one before was not enough, and always from the natural layout again:
//
//  1. headers wrap at their spaces;
//  2. cells that have a shorter form (Abbrev: a unit's name without the
//     office words) show it;
//  3. text columns wrap at spaces, the widest first, never narrower than
//     their longest word (cut at 10 characters) or their Fit.Min; numbers,
//     codes (Fit.Keep) and coloured cells never wrap;
//  4. when even that is too wide, the columns with the highest Fit.Drop
//     are left out, all of them at once, and the steps start again; a line
//     under the table says what was left out, where to see it (Note) and
//     how to see everything (--wide, --format csv).
//
// A table that fits is printed as it always was.

// Fit says how a column of a terminal table gives way on a narrow screen.
type Fit struct {
	Keep bool // its cells never wrap (codes); numbers never do anyway
	Min  int  // the narrowest it may wrap to; 0: its longest word, at most 10
	Drop int  // 0: always shown; else left out when the table cannot fit, highest first, equal values together
	// Note says where the columns of this Drop group can be seen when they
	// are left out ("từng chỉ tiêu: kpi progress --kpi thu"); "" lists
	// their headers.
	Note string
}

// Abbrev is a cell's text with a shorter form for a narrow screen: a
// unit's name without the office words ("BHXH huyện Cẩm Giàng" → "Cẩm
// Giàng"). CSV, Markdown and a table that fits show Full.
type Abbrev struct{ Full, Short string }

// maxWord is the longest word a wrapped column keeps whole: a longer one
// (a file name, a path) is cut.
const maxWord = 10

// border is the width a table's box adds to its columns: "│ a │ b │".
func border(cols int) int { return 3*cols + 1 }

// fitCell is one cell as the fitting sees it: its text for people, the
// shorter form when it has one, and whether it may wrap.
type fitCell struct {
	text, short string
	fixed       bool // numbers and coloured cells: shown whole
}

// layout is the result of fitting: which columns are shown (indices of
// the table's), their widths, whether headers wrap and whether short
// forms are shown.
type layout struct {
	cols       []int
	widths     []int
	wrapHeader bool
	short      bool
	dropped    []int // the Drop groups left out, in order
}

// fit lays out a table of headers and cells for a screen of width
// columns (0: no limit).
func fit(headers []string, cells [][]fitCell, fits []Fit, width int) layout {
	all := make([]int, len(headers))
	for i := range all {
		all[i] = i
	}
	fitOf := func(c int) Fit {
		if c < len(fits) {
			return fits[c]
		}
		return Fit{}
	}
	var dropped []int
	cols := all
	for {
		l := fitColumns(headers, cells, fitOf, cols, width)
		l.dropped = dropped
		if width <= 0 || total(l.widths) <= width {
			return l
		}
		// leave out the highest Drop group still shown
		worst := 0
		for _, c := range cols {
			worst = max(worst, fitOf(c).Drop)
		}
		if worst == 0 {
			return l // nothing more to leave out: as narrow as it gets
		}
		var keep []int
		for _, c := range cols {
			if fitOf(c).Drop != worst {
				keep = append(keep, c)
			}
		}
		dropped = append(dropped, worst)
		cols = keep
	}
}

// total is the width of a table whose columns are widths wide.
func total(widths []int) int {
	sum := border(len(widths))
	for _, w := range widths {
		sum += w
	}
	return sum
}

// fitColumns fits the columns cols (steps 1–3): the narrowest layout
// needed, or the narrowest possible.
func fitColumns(headers []string, cells [][]fitCell, fitOf func(int) Fit, cols []int, width int) layout {
	n := len(cols)
	l := layout{cols: cols, widths: make([]int, n)}
	headW, headWord := make([]int, n), make([]int, n)
	cellW, shortW, minW := make([]int, n), make([]int, n), make([]int, n)
	wraps, hasShort := make([]bool, n), false
	for j, c := range cols {
		headW[j] = textWidth(headers[c])
		headWord[j] = min(longestWord(headers[c]), maxWord)
		wraps[j] = !fitOf(c).Keep
		for _, row := range cells {
			if c >= len(row) {
				continue
			}
			cell := row[c]
			w := textWidth(cell.text)
			cellW[j] = max(cellW[j], w)
			if cell.short != "" {
				hasShort = true
				shortW[j] = max(shortW[j], textWidth(cell.short))
			} else {
				shortW[j] = max(shortW[j], w)
			}
			if cell.fixed {
				wraps[j] = false
			}
		}
	}
	for j := range cols {
		l.widths[j] = max(headW[j], cellW[j])
	}
	if width <= 0 || total(l.widths) <= width {
		return l
	}
	// 1. headers wrap
	l.wrapHeader = true
	for j := range cols {
		l.widths[j] = max(headWord[j], cellW[j])
	}
	if total(l.widths) <= width {
		return l
	}
	// 2. short forms
	if hasShort {
		l.short = true
		for j := range cols {
			cellW[j] = shortW[j]
			l.widths[j] = max(headWord[j], cellW[j])
		}
		if total(l.widths) <= width {
			return l
		}
	}
	// 3. text wraps, the widest column first
	for j, c := range cols {
		minW[j] = l.widths[j]
		if !wraps[j] {
			continue
		}
		word := 1
		for _, row := range cells {
			if c < len(row) {
				t := row[c].text
				if l.short && row[c].short != "" {
					t = row[c].short
				}
				word = max(word, min(longestWord(t), maxWord))
			}
		}
		minW[j] = min(l.widths[j], max(word, headWord[j], fitOf(c).Min))
	}
	for excess := total(l.widths) - width; excess > 0; excess-- {
		widest := -1
		for j := range cols {
			if l.widths[j] > minW[j] && (widest < 0 || l.widths[j] > l.widths[widest]) {
				widest = j
			}
		}
		if widest < 0 {
			break
		}
		l.widths[widest]--
	}
	return l
}

// textWidth is the width of the widest line of s on a terminal.
func textWidth(s string) int {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, twwidth.Width(line))
	}
	return w
}

// longestWord is the width of the widest word of s.
func longestWord(s string) int {
	w := 0
	for _, word := range strings.Fields(s) {
		w = max(w, twwidth.Width(word))
	}
	return w
}

// Wrap breaks s into lines of at most width columns on a terminal: at
// spaces, keeping the lines s has, cutting a word longer than a line.
// width ≤ 0 leaves s as it is.
func Wrap(s string, width int) string {
	if width <= 0 || textWidth(s) <= width {
		return s
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(para, width)...)
	}
	return strings.Join(out, "\n")
}

// WrapHanging wraps every line of s as Wrap does, the lines it adds
// indented by two spaces under the line they continue: for lines of text
// such as kpi awards --explain prints.
func WrapHanging(s string, width int) string {
	if width <= 4 {
		return s
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		if twwidth.Width(para) <= width {
			out = append(out, para)
			continue
		}
		lines := wrapLine(para, width)
		out = append(out, lines[0])
		if len(lines) > 1 {
			rest := strings.Join(lines[1:], " ")
			for _, l := range wrapLine(rest, width-2) {
				out = append(out, "  "+l)
			}
		}
	}
	return strings.Join(out, "\n")
}

func wrapLine(s string, width int) []string {
	var lines []string
	line, lineW := "", 0
	flush := func() {
		lines = append(lines, line)
		line, lineW = "", 0
	}
	for _, word := range strings.Fields(s) {
		w := twwidth.Width(word)
		for w > width { // a word longer than a line is cut
			if lineW > 0 {
				flush()
			}
			head, rest := cut(word, width)
			lines = append(lines, head)
			word, w = rest, twwidth.Width(rest)
		}
		switch {
		case lineW == 0:
			line, lineW = word, w
		case lineW+1+w <= width:
			line, lineW = line+" "+word, lineW+1+w
		default:
			flush()
			line, lineW = word, w
		}
	}
	if lineW > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// cut splits s after the widest prefix of at most width columns (at least
// one rune).
func cut(s string, width int) (string, string) {
	w := 0
	for i, r := range s {
		rw := twwidth.Width(string(r))
		if w+rw > width && i > 0 {
			return s[:i], s[i:]
		}
		w += rw
	}
	return s, ""
}
