package render

import (
	"fmt"
	"io"

	"github.com/bhxh/kpi/internal/view"
)

// Paint colours the text of a marked cell for a terminal; nil paints
// nothing. The caller decides whether the stream takes colour.
type Paint func(m view.Mark, s string) string

// Options say how a terminal table is shown: the colours of its marked
// cells (nil: none) and the screen's width it fits (0: no limit).
type Options struct {
	Paint Paint
	Width int
}

// View writes a view's table in format: table or markdown for people (the
// Screen columns: labels, people's text, numbers in the language's style;
// a terminal table fits opts.Width and opts.Paint colours its marked
// cells), csv for machines (the Machine columns: keys and plain values).
func View(w io.Writer, t *view.Table, format string, opts Options) error {
	if format == "csv" {
		return machine(t).Write(w, "csv")
	}
	paint := opts.Paint
	if format != "table" {
		paint = nil
	}
	s := screen(t, paint)
	s.Width = opts.Width
	return s.Write(w, format)
}

// screen is the table people read.
func screen(v *view.Table, paint Paint) *Table {
	s := v.In(view.Screen)
	t := &Table{Lang: v.Lang}
	for _, c := range s.Columns {
		t.Headers = append(t.Headers, c.Header(view.Screen))
		t.Decimals = append(t.Decimals, c.Decimals)
		t.Fits = append(t.Fits, Fit{Keep: c.Narrow.Keep || c.Kind == view.Short, Min: c.Narrow.Min, Drop: c.Narrow.Drop, Note: c.Narrow.Note})
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
			case c.Abbr != "":
				full := c.Text
				if full == "" {
					full = fmt.Sprint(c.Value)
				}
				cells[i] = Abbrev{Full: full, Short: c.Abbr}
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
func Progress(w io.Writer, p *view.Progress, format string, opts Options) error {
	if format == "table" {
		fmt.Fprintln(w, Wrap(Visible(p.Title), opts.Width))
	}
	if err := View(w, p.Table, format, opts); err != nil {
		return err
	}
	if format == "table" {
		fmt.Fprintln(w, Wrap(Visible(p.Legend), opts.Width))
	}
	return nil
}

// Detail writes the unit × KPI detail: in a terminal table under its titles.
func Detail(w io.Writer, d *view.Detail, format string, opts Options) error {
	if format == "table" {
		fmt.Fprintln(w, Wrap(Visible(d.Title), opts.Width))
		if d.Subtitle != "" {
			fmt.Fprintln(w, Wrap(Visible(d.Subtitle), opts.Width))
		}
	}
	return View(w, d.Table, format, opts)
}

// Awards writes the shortlist: for machines (csv) one table; for people a
// title and a headed table per list, "(không có đơn vị)" (no unit) under
// an empty list of units, "(không có)" under another.
func Awards(w io.Writer, a *view.Awards, format string, opts Options) error {
	if format == "csv" {
		return View(w, a.Machine(), format, opts)
	}
	if format == "markdown" {
		fmt.Fprintf(w, "# %s\n", Visible(a.Title))
	} else {
		fmt.Fprintf(w, "%s\n", Wrap(Visible(a.Title), opts.Width))
	}
	for _, s := range a.Sections() {
		if format == "markdown" {
			fmt.Fprintf(w, "\n## %s\n\n", Visible(s.Name))
		} else {
			fmt.Fprintf(w, "\n%s\n", Wrap(Visible(s.Name), opts.Width))
		}
		if len(s.Table.Rows) == 0 {
			fmt.Fprintln(w, s.Empty())
			continue
		}
		if err := View(w, s.Table, format, opts); err != nil {
			return err
		}
	}
	return nil
}
