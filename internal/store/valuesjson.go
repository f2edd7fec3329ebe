package store

import (
	"encoding/json"
	"math"
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

// appendValues appends vs as encoding/json writes []storedValue: the
// members in storedValue's order, empty ones left out, numbers and text
// as encoding/json writes them (text that needs escaping is written by
// encoding/json itself).
func appendValues(b []byte, vs []report.Value) ([]byte, error) {
	b = append(b, '[')
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		b = append(b, `{"k":`...)
		if b, err = appendText(b, v.KPI); err != nil {
			return nil, err
		}
		if b, err = appendMember(b, `,"m":`, v.Month); err != nil {
			return nil, err
		}
		if b, err = appendMember(b, `,"y":`, v.YTD); err != nil {
			return nil, err
		}
		if b, err = appendTextMember(b, `,"mc":`, v.MonthCell); err != nil {
			return nil, err
		}
		if b, err = appendTextMember(b, `,"yc":`, v.YTDCell); err != nil {
			return nil, err
		}
		if b, err = appendTextMember(b, `,"u":`, v.Unit); err != nil {
			return nil, err
		}
		b = append(b, '}')
	}
	return append(b, ']'), nil
}

// appendMember writes a figure's member, none for a nil one (omitempty).
func appendMember(b []byte, name string, f *float64) ([]byte, error) {
	if f == nil {
		return b, nil
	}
	return appendNumber(append(b, name...), *f)
}

// appendTextMember writes a text's member, none for "" (omitempty).
func appendTextMember(b []byte, name, s string) ([]byte, error) {
	if s == "" {
		return b, nil
	}
	return appendText(append(b, name...), s)
}

// appendText writes s as a JSON string, as encoding/json does.
func appendText(b []byte, s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !plainByte[c] { // a table: 4 million texts for a national sheet
			if c >= utf8.RuneSelf && plainUTF8(s[i:]) {
				break
			}
			q, err := json.Marshal(s)
			return append(b, q...), err
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"'), nil
}

// plainByte says which bytes encoding/json writes as they are in a
// string: not a control character, '"', '\\', '<', '>', '&', nor a byte of
// a non-ASCII character (those that are, plainUTF8 says).
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// plainUTF8 reports whether s, from its first non-ASCII byte, is valid
// UTF-8 that encoding/json writes as it is: no character it escapes.
func plainUTF8(s string) bool {
	for _, r := range s {
		switch {
		case r == utf8.RuneError, r == '\u2028', r == '\u2029', r < 0x20, r == '"', r == '\\', r == '<', r == '>', r == '&':
			return false
		}
	}
	return true
}

// appendNumber writes f as encoding/json does: the shortest text that
// reads back the same, in exponent form below 1e-6 and from 1e21.
func appendNumber(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		_, err := json.Marshal(f) // the same refusal
		return nil, err
	}
	abs := math.Abs(f)
	if abs < 1e15 && f != 0 && f == math.Trunc(f) {
		return strconv.AppendInt(b, int64(f), 10), nil // a head-count: what 'f' writes, quicker
	}
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	n := len(b)
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		if m := len(b) - n; m >= 4 && b[len(b)-4] == 'e' && b[len(b)-3] == '-' && b[len(b)-2] == '0' {
			b[len(b)-2] = b[len(b)-1]
			b = b[:len(b)-1]
		}
	}
	return b, nil
}
