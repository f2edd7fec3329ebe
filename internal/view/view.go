// Package view builds, once, the tables that people and machines read from
// the score results: the ranked progress table, the unit × KPI detail and
// the award lists. A table is a list of columns — the header people read,
// the key machines read, what the cells hold, where the column appears —
// and rows of cells: the value machines and print get, the text people read
// on screen, a mark such as "attained".
//
// Every output draws from these tables: the terminal table, Markdown and
// CSV (internal/render), JSON (the score results the view was built from),
// and the Excel workbooks (internal/xlsxout). Adding a column is adding it
// to one builder here; each renderer shows it where its Media say.
//
// The package is pure: no I/O, no SQL, no printing.
package view

import (
	"strings"

	"github.com/bhxh/kpi/internal/numfmt"
	"github.com/bhxh/kpi/internal/report"
)

// Kind is what a column's cells hold; each renderer formats a kind its own
// way (numbers right-aligned in the language's style on screen, a number
// format and a style in print).
type Kind uint8

// Kinds of cell.
const (
	Inherit Kind = iota // a cell's kind: the column's
	Text                // words: a name, a cluster
	Short               // a code or a single word: centred in print
	Note                // a sentence or several: wrapped in print
	Int                 // a rank or a count
	Score               // points
	Ratio               // an attainment: 1 is 100 %
	Amount              // a KPI figure in its own unit (people, million đồng)
	Percent             // a KPI figure that is itself a percentage (0–100)
	Count               // a KPI figure that counts people: whole numbers
)

// Numeric reports whether cells of the kind hold numbers.
func (k Kind) Numeric() bool { return k >= Int }

// Media say where a column appears.
type Media uint8

// Media.
const (
	Screen  Media = 1 << iota // the terminal table and Markdown: people's text
	Machine                   // CSV: plain values under keys
	Print                     // Excel (and the HTML report to come)

	All = Screen | Machine | Print
)

// Mark classes a cell for colour: on a colour terminal green when the KPI
// is attained, red when it is below the on-track line.
type Mark uint8

// Marks.
const (
	Plain  Mark = iota
	Good        // attained
	Behind      // below the on-track line
)

// Column is one column of a table.
type Column struct {
	Key      string  // the header machines read (CSV); "" means Label
	Label    string  // the header people read on screen
	Title    string  // the header in print; "" means Label
	Kind     Kind    // what the cells hold
	Decimals int     // decimals of numbers on screen
	Width    float64 // width in print, in characters
	In       Media   // where the column appears
	Sticky   bool    // kept in view when a printed sheet scrolls right (leading columns only)
	Scale    bool    // shaded red-yellow-green by attainment in print
	Narrow   Narrow  // how the column gives way on a narrow screen
}

// Narrow says how a column of a terminal table gives way when the table is
// wider than the screen (internal/render fits it): text wraps, a unit's
// name shows its short form (Cell.Abbr), and the columns with the highest
// Drop are left out, all together, with a line saying where to see them.
type Narrow struct {
	Keep bool   // the cells never wrap (codes and marks; numbers never do)
	Min  int    // the narrowest the column may wrap to; 0: its longest word
	Drop int    // 0: always shown; else left out when the table cannot fit, highest first
	Note string // where the left-out columns of this Drop can be seen; "" names them
}

// Header returns the column's header in one medium.
func (c Column) Header(m Media) string {
	switch {
	case m == Machine && c.Key != "":
		return c.Key
	case m == Print && c.Title != "":
		return c.Title
	}
	return c.Label
}

// Cell is one value of a table.
type Cell struct {
	Value any    // nil, int, float64, bool or string: what machines read and print shows
	Text  string // what people read on screen (and in print, for text kinds), when not Value itself
	Kind  Kind   // Inherit, or a kind that overrides the column's (a percent KPI among amounts)
	Mark  Mark
	Blank bool   // people see no figure: print leaves the cell empty though machines read Value
	Abbr  string // a shorter text for a narrow screen: a unit's name without the office words
}

// Table is a header of columns and rows of cells, for one language.
type Table struct {
	Lang    string // "vi" or "en": labels and people's numbers
	Columns []Column
	Rows    [][]Cell
	// Foot rows follow the table for people (screen and print): totals and
	// subtotals. Machines read them elsewhere (the JSON's totals), so CSV
	// has the data rows alone.
	Foot [][]Cell
}

// In returns the table with only the columns that appear in medium m.
func (t *Table) In(m Media) *Table {
	var keep []int
	out := &Table{Lang: t.Lang}
	for i, c := range t.Columns {
		if c.In&m != 0 {
			keep = append(keep, i)
			out.Columns = append(out.Columns, c)
		}
	}
	pick := func(rows [][]Cell) [][]Cell {
		out := make([][]Cell, len(rows))
		for r, row := range rows {
			cells := make([]Cell, len(keep))
			for j, i := range keep {
				if i < len(row) {
					cells[j] = row[i]
				}
			}
			out[r] = cells
		}
		return out
	}
	out.Rows = pick(t.Rows)
	if m != Machine {
		out.Foot = pick(t.Foot)
	}
	return out
}

// Col returns the index of the column with key, or -1.
func (t *Table) Col(key string) int {
	for i, c := range t.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// KindOf returns the kind of row r's cell in column i.
func (t *Table) KindOf(r, i int) Kind {
	if k := t.Rows[r][i].Kind; k != Inherit {
		return k
	}
	return t.Columns[i].Kind
}

// About says what a view is of.
type About struct {
	Lang          string // "vi" or "en"
	Campaign      string // code
	CampaignName  string
	Organisation  string // the issuing office, "" when the campaign names none
	Period        report.Period
	MonthsElapsed int
}

func num(v float64) Cell { return Cell{Value: v} }

func opt(p *float64) Cell {
	if p == nil {
		return Cell{}
	}
	return Cell{Value: *p}
}

func text(s string) Cell { return Cell{Value: s} }

// unitName is a unit's name, with its short form for a narrow screen.
func unitName(name string) Cell { return Cell{Value: name, Abbr: ShortName(name)} }

// ShortName is a unit's name without the office words, for a narrow
// screen: "BHXH huyện Cẩm Giàng" → "Cẩm Giàng", "BHXH thành phố Hải
// Dương" → "TP Hải Dương", "BHXH thị xã Kinh Môn" → "TX Kinh Môn". A name
// without them is returned as it is.
func ShortName(name string) string {
	s := strings.TrimSpace(name)
	for _, p := range []string{"BHXH ", "Bảo hiểm xã hội "} {
		if hasPrefixFold(s, p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	for _, w := range []struct{ long, short string }{
		{"thành phố ", "TP "}, {"thị xã ", "TX "}, {"huyện ", ""}, {"quận ", "Q. "}, {"TP. ", "TP "}, {"H. ", ""},
	} {
		if hasPrefixFold(s, w.long) && len(s) > len(w.long) {
			s = w.short + strings.TrimSpace(s[len(w.long):])
			break
		}
	}
	if s == "" || s == name {
		return ""
	}
	return s
}

// hasPrefixFold reports whether s begins with prefix, in any case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// pct writes a ratio as a percentage for people: 1.1 → "110,0%".
func pct(v float64, lang string) string { return numfmt.Format(v*100, 1, lang) + "%" }
