package store

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bhxh/kpi/internal/report"
)

// A fast reader of the values column, as encodeValues writes it (an array
// of objects whose members are strings or numbers): reading a national
// year's reports with encoding/json took most of kpi progress's time.
// Anything else — a member it does not know, another kind of value, bad
// JSON — makes it give up, and encoding/json reads the column instead, so
// that it never reads a column otherwise than encoding/json would. Numbers
// are read by strconv.ParseFloat, as encoding/json reads them.

// valueReader reads one values column.
type valueReader struct {
	s     string
	i     int
	cells bool // read the cells and the unit of measure too
	// kpis interns the KPI codes: the same few in every report
	kpis map[string]string
	// figs holds the figures the values point to, a block at a time
	figs []float64
}

// fig returns a pointer to a new figure f.
func (d *valueReader) fig(f float64) *float64 {
	if len(d.figs) == cap(d.figs) {
		d.figs = make([]float64, 0, 512)
	}
	d.figs = append(d.figs, f)
	return &d.figs[len(d.figs)-1]
}

// read appends the column's values to out; ok is false when the column is
// not in the form encodeValues writes.
func (d *valueReader) read(s string, out []report.Value) (_ []report.Value, ok bool) {
	d.s, d.i = s, 0
	d.space()
	if !d.byte('[') {
		return out, false
	}
	d.space()
	if d.byte(']') {
		return out, d.end()
	}
	for {
		v, ok := d.object()
		if !ok {
			return out, false
		}
		out = append(out, v)
		d.space()
		if d.byte(']') {
			return out, d.end()
		}
		if !d.byte(',') {
			return out, false
		}
		d.space()
	}
}

func (d *valueReader) end() bool {
	d.space()
	return d.i == len(d.s)
}

func (d *valueReader) space() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *valueReader) byte(c byte) bool {
	if d.i < len(d.s) && d.s[d.i] == c {
		d.i++
		return true
	}
	return false
}

// object reads {"k": …, "m": …, …}; a member named twice keeps the last,
// as encoding/json does.
func (d *valueReader) object() (v report.Value, ok bool) {
	if !d.byte('{') {
		return v, false
	}
	d.space()
	if d.byte('}') {
		return v, true
	}
	for {
		name, ok := d.str(true)
		if !ok {
			return v, false
		}
		d.space()
		if !d.byte(':') {
			return v, false
		}
		d.space()
		switch name {
		case "k":
			s, ok := d.str(true)
			if !ok {
				return v, false
			}
			v.KPI = d.kpi(s)
		case "m", "y":
			if d.i < len(d.s) && d.s[d.i] == 'n' { // null: absent
				if len(d.s)-d.i < 4 || d.s[d.i:d.i+4] != "null" {
					return v, false
				}
				d.i += 4
				if name == "m" {
					v.Month = nil
				} else {
					v.YTD = nil
				}
				break
			}
			f, ok := d.number()
			if !ok {
				return v, false
			}
			if name == "m" {
				v.Month = d.fig(f)
			} else {
				v.YTD = d.fig(f)
			}
		case "mc", "yc", "u":
			s, ok := d.str(d.cells)
			if !ok {
				return v, false
			}
			switch name {
			case "mc":
				v.MonthCell = s
			case "yc":
				v.YTDCell = s
			default:
				v.Unit = s
			}
		default:
			return v, false // a member encodeValues does not write
		}
		d.space()
		if d.byte('}') {
			return v, true
		}
		if !d.byte(',') {
			return v, false
		}
		d.space()
	}
}

func (d *valueReader) kpi(s string) string {
	if k, ok := d.kpis[s]; ok {
		return k
	}
	if d.kpis == nil {
		d.kpis = map[string]string{}
	}
	s = strings.Clone(s) // not a piece of the whole column
	d.kpis[s] = s
	return s
}

// str reads a JSON string: its text when keep ("" otherwise, though it is
// checked all the same). A string with escapes, control characters or
// invalid UTF-8 is left to encoding/json (encodeValues writes valid text,
// and escapes only what JSON or HTML needs).
func (d *valueReader) str(keep bool) (string, bool) {
	if !d.byte('"') {
		return "", false
	}
	start := d.i
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			t := d.s[start:d.i]
			d.i++
			if !keep {
				return "", true
			}
			return t, true
		case c == '\\' || c < 0x20:
			return "", false
		case c < utf8.RuneSelf:
			d.i++
		default:
			r, n := utf8.DecodeRuneInString(d.s[d.i:])
			if r == utf8.RuneError && n == 1 {
				return "", false
			}
			d.i += n
		}
	}
	return "", false
}

// number reads a JSON number.
func (d *valueReader) number() (float64, bool) {
	start := d.i
	if d.i < len(d.s) && d.s[d.i] == '-' {
		d.i++
	}
	digits := func() int {
		n := 0
		for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	intStart := d.i
	if n := digits(); n == 0 || n > 1 && d.s[intStart] == '0' {
		return 0, false
	}
	if d.byte('.') && digits() == 0 {
		return 0, false
	}
	if d.i < len(d.s) && (d.s[d.i] == 'e' || d.s[d.i] == 'E') {
		d.i++
		if d.i < len(d.s) && (d.s[d.i] == '+' || d.s[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(d.s[start:d.i], 64)
	return f, err == nil
}
