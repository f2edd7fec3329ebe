package render

import (
	"fmt"
	"io"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/view"
)

// Paint colours the text of a marked cell for a terminal; nil paints
// nothing. The caller decides whether the stream takes colour.
type Paint func(m view.Mark, s string) string

// View writes a view's table in format: table or markdown for people (the
// Screen columns: labels, people's text, numbers in the language's style;
// paint colours marked cells of a terminal table), csv for machines (the
// Machine columns: keys and plain values).
func View(w io.Writer, t *view.Table, format string, paint Paint) error {
	if format == "csv" {
		return machine(t).Write(w, "csv")
	}
	if format != "table" {
		paint = nil
	}
	return screen(t, paint).Write(w, format)
}

// screen is the table people read.
func screen(v *view.Table, paint Paint) *Table {
	s := v.In(view.Screen)
	t := &Table{Lang: v.Lang}
	for _, c := range s.Columns {
		t.Headers = append(t.Headers, c.Header(view.Screen))
		t.Decimals = append(t.Decimals, c.Decimals)
	}
	rows := append(append([][]view.Cell{}, s.Rows...), s.Foot...)
	for r, row := range rows {
		cells := make([]any, len(row))
		for i, c := range row {
			kind := s.Columns[i].Kind
			if r < len(s.Rows) {
				kind = s.KindOf(r, i)
			} else if c.Kind != view.Inherit {
				kind = c.Kind
			}
			switch {
			case c.Text == "" && c.Value == nil && !kind.Numeric():
				cells[i] = "" // empty text: it does not make the column numeric
			case c.Text == "":
				cells[i] = c.Value
			case kind == view.Count:
				cells[i] = Numeric(c.Text) // whole people, aligned as numbers
			case paint != nil && c.Mark != view.Plain:
				cells[i] = painted(paint(c.Mark, Visible(c.Text)))
			default:
				cells[i] = c.Text
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// machine is the table machines read.
func machine(v *view.Table) *Table {
	m := v.In(view.Machine)
	t := &Table{Lang: v.Lang}
	for _, c := range m.Columns {
		t.Headers = append(t.Headers, c.Header(view.Machine))
	}
	for _, row := range m.Rows {
		cells := make([]any, len(row))
		for i, c := range row {
			cells[i] = c.Value
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// Progress writes the progress table: in a terminal table under its title
// and over the legend of its marks.
func Progress(w io.Writer, p *view.Progress, format string, paint Paint) error {
	if format == "table" {
		fmt.Fprintln(w, Visible(p.Title))
	}
	if err := View(w, p.Table, format, paint); err != nil {
		return err
	}
	if format == "table" {
		fmt.Fprintln(w, Visible(p.Legend))
	}
	return nil
}

// Detail writes the unit × KPI detail: in a terminal table under its titles.
func Detail(w io.Writer, d *view.Detail, format string) error {
	if format == "table" {
		fmt.Fprintln(w, Visible(d.Title))
		if d.Subtitle != "" {
			fmt.Fprintln(w, Visible(d.Subtitle))
		}
	}
	return View(w, d.Table, format, nil)
}

// Awards writes the shortlist: for machines (csv) one table; for people a
// title and a headed table per list, "(không có)" (none) under an empty
// one.
func Awards(w io.Writer, a *view.Awards, format string) error {
	if format == "csv" {
		return View(w, a.Machine(), format, nil)
	}
	if format == "markdown" {
		fmt.Fprintf(w, "# %s\n", Visible(a.Title))
	} else {
		fmt.Fprintf(w, "%s\n", Visible(a.Title))
	}
	for _, s := range a.Sections() {
		if format == "markdown" {
			fmt.Fprintf(w, "\n## %s\n\n", Visible(s.Name))
		} else {
			fmt.Fprintf(w, "\n%s\n", Visible(s.Name))
		}
		if len(s.Table.Rows) == 0 {
			fmt.Fprintln(w, i18n.For(a.Lang).None)
			continue
		}
		if err := View(w, s.Table, format, nil); err != nil {
			return err
		}
	}
	return nil
}
