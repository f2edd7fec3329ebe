// Package render writes tables of results as a terminal table, CSV, JSON or
// Markdown: the views of internal/view (progress, detail, awards) and plain
// tables (status, history, units …). It formats numbers for people
// (Vietnamese "1.234.567,5" or English "1,234,567.5") in tables and
// Markdown, and writes plain machine numbers in CSV and JSON.
package render

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/numfmt"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Formats accepted by --format.
var Formats = []string{"table", "csv", "json", "markdown"}

// CheckFormat returns an error naming the valid formats when f is not one.
func CheckFormat(f string) error {
	for _, ok := range Formats {
		if f == ok {
			return nil
		}
	}
	return fmt.Errorf("unknown format %q: use one of %s", f, strings.Join(Formats, ", "))
}

// Table is a header and rows of cells. A cell is a string, an int, a
// float64, or a *float64 (nil means no value and prints empty). In a
// terminal table and in Markdown, text is shown through Visible: control
// characters from a workbook are escaped, never sent to the terminal.
type Table struct {
	Headers  []string
	Rows     [][]any
	Decimals []int  // decimals to show per column for float cells in table/markdown (default 0)
	Lang     string // "vi" (default) or "en": number style in table/markdown
	// Width is the screen's width in columns, which a terminal table fits
	// (see fit.go); 0: no limit.
	Width int
	Fits  []Fit // per column: how it gives way on a narrow screen (default: text wraps, nothing is left out)
}

// Write renders t in format (table, csv or markdown).
func (t *Table) Write(w io.Writer, format string) error {
	switch format {
	case "csv":
		return t.writeCSV(w)
	case "markdown":
		return t.writeMarkdown(w)
	case "table", "":
		return t.writeTable(w)
	}
	return CheckFormat(format)
}

func (t *Table) cell(row []any, c int, human bool) (string, bool) {
	if c >= len(row) {
		return "", false
	}
	dec := 0
	if c < len(t.Decimals) {
		dec = t.Decimals[c]
	}
	val := row[c]
	if p, ok := val.(*float64); ok {
		if p == nil {
			return "", true
		}
		val = *p
	}
	switch v := val.(type) {
	case nil:
		return "", true
	case painted:
		return string(v), false
	case Numeric:
		return string(v), true
	case Abbrev:
		if human {
			return Visible(v.Full), false
		}
		return v.Full, false
	case string:
		if human {
			return Visible(v), false
		}
		return v, false
	case int:
		if human {
			return Number(float64(v), 0, t.Lang), true
		}
		return strconv.Itoa(v), true
	case float64:
		if human {
			return Number(v, dec, t.Lang), true
		}
		return strconv.FormatFloat(v, 'f', -1, 64), true
	default:
		if human {
			return Visible(fmt.Sprint(v)), false
		}
		return fmt.Sprint(v), false
	}
}

// Numeric is a number already written for people ("12.093"): aligned as
// numbers are.
type Numeric string

// painted is a cell's text made visible, then coloured by a Paint: its
// escape codes are kpi's own and go out as they are.
type painted string

// visibleAll is Visible of every string.
func visibleAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = Visible(s)
	}
	return out
}

func (t *Table) writeTable(w io.Writer) error {
	n := len(t.Headers)
	numeric := make([]bool, n)
	cells := make([][]fitCell, len(t.Rows))
	for r, row := range t.Rows {
		cells[r] = make([]fitCell, n)
		for c := range n {
			s, num := t.cell(row, c, true)
			numeric[c] = numeric[c] || num
			fc := fitCell{text: s, fixed: num && s != ""}
			if c < len(row) {
				switch v := row[c].(type) {
				case painted:
					fc.fixed = true
				case Abbrev:
					fc.short = Visible(v.Short)
				}
			}
			cells[r][c] = fc
		}
	}
	headers := visibleAll(t.Headers)
	l := fit(headers, cells, t.Fits, t.Width)
	aligns := make([]tw.Align, len(l.cols))
	for j, c := range l.cols {
		aligns[j] = tw.AlignLeft
		if numeric[c] {
			aligns[j] = tw.AlignRight
		}
	}
	tbl := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
	)
	head := make([]any, len(l.cols))
	for j, c := range l.cols {
		head[j] = headers[c]
		if l.wrapHeader {
			head[j] = Wrap(headers[c], l.widths[j])
		}
	}
	tbl.Header(head...)
	for _, row := range cells {
		out := make([]string, len(l.cols))
		for j, c := range l.cols {
			cell := row[c]
			s := cell.text
			if l.short && cell.short != "" {
				s = cell.short
			}
			if !cell.fixed {
				s = Wrap(s, l.widths[j])
			}
			out[j] = s
		}
		if err := tbl.Append(out); err != nil {
			return err
		}
	}
	if err := tbl.Render(); err != nil {
		return err
	}
	if len(l.dropped) == 0 {
		return nil
	}
	_, err := fmt.Fprintln(w, Wrap(t.hidden(l.dropped), t.Width))
	return err
}

// hidden says which columns fitting left out, where to see them, and how
// to see the whole table.
func (t *Table) hidden(groups []int) string {
	var parts []string
	for _, g := range groups {
		var names []string
		note := ""
		for c, h := range t.Headers {
			if c < len(t.Fits) && t.Fits[c].Drop == g {
				names = append(names, Visible(h))
				if t.Fits[c].Note != "" {
					note = t.Fits[c].Note
				}
			}
		}
		if note == "" {
			note = strings.Join(names, ", ")
		}
		parts = append(parts, note)
	}
	return i18n.T(t.Lang, i18n.ScreenHidden, t.Width, strings.Join(parts, "; "))
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

func (t *Table) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Headers); err != nil {
		return err
	}
	for _, row := range t.Rows {
		rec := make([]string, len(t.Headers))
		for c := range rec {
			s, num := t.cell(row, c, false)
			if !num {
				s = SafeText(s)
			}
			rec[c] = s
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func (t *Table) writeMarkdown(w io.Writer) error {
	esc := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", "<br>") }
	var b strings.Builder
	b.WriteString("|")
	for _, h := range visibleAll(t.Headers) {
		b.WriteString(" " + esc(h) + " |")
	}
	b.WriteString("\n|")
	for c := range t.Headers {
		num := false
		for _, row := range t.Rows {
			if _, n := t.cell(row, c, true); n {
				num = true
				break
			}
		}
		if num {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, row := range t.Rows {
		b.WriteString("|")
		for c := range t.Headers {
			s, _ := t.cell(row, c, true)
			b.WriteString(" " + esc(s) + " |")
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// JSON writes v as indented JSON.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// SafeText keeps text from a workbook from being read as a formula by a
// spreadsheet that opens the CSV: a value starting with =, +, - or @ gets a
// leading apostrophe.
func SafeText(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// Number formats v with dec decimals in the language's style (see numfmt).
func Number(v float64, dec int, lang string) string { return numfmt.Format(v, dec, lang) }
