package htmlout

import (
	"html"
	"math"
	"strconv"
	"strings"
)

// svg writes one inline SVG element: a handful of shapes with presentation
// attributes (fill, stroke) and classes, never a style attribute — the
// report's Content-Security-Policy allows its one stylesheet only — and
// every number written with at most one decimal, so that the same data
// gives the same bytes.
type svg struct {
	b *strings.Builder
}

// newSVG opens an <svg> of w × h user units that scales to its container.
// class names it for the stylesheet and the tests; label is what a screen
// reader says for the whole picture (its <title>).
func newSVG(b *strings.Builder, w, h float64, class, label string) *svg {
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="`)
	b.WriteString(esc(class))
	b.WriteString(`" viewBox="0 0 `)
	b.WriteString(num(w))
	b.WriteByte(' ')
	b.WriteString(num(h))
	b.WriteString(`" width="`)
	b.WriteString(num(w))
	b.WriteString(`" height="`)
	b.WriteString(num(h))
	b.WriteString(`" role="img" aria-label="`)
	b.WriteString(esc(label))
	b.WriteString(`"><title>`)
	b.WriteString(esc(label))
	b.WriteString("</title>")
	return &svg{b: b}
}

// close ends the element.
func (s *svg) close() { s.b.WriteString("</svg>\n") }

// attrs writes name="value" pairs (escaped) after a tag's name.
func (s *svg) attrs(kv []string) {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			continue
		}
		s.b.WriteByte(' ')
		s.b.WriteString(kv[i])
		s.b.WriteString(`="`)
		s.b.WriteString(esc(kv[i+1]))
		s.b.WriteByte('"')
	}
}

// rect draws a rectangle; title, when not "", is its tooltip (and what a
// screen reader may say for it).
func (s *svg) rect(x, y, w, h float64, title string, kv ...string) {
	s.b.WriteString(`<rect x="` + num(x) + `" y="` + num(y) + `" width="` + num(math.Max(w, 0)) + `" height="` + num(math.Max(h, 0)) + `"`)
	s.attrs(kv)
	if title == "" {
		s.b.WriteString("/>")
		return
	}
	s.b.WriteString("><title>" + esc(title) + "</title></rect>")
}

// line draws a segment.
func (s *svg) line(x1, y1, x2, y2 float64, kv ...string) {
	s.b.WriteString(`<line x1="` + num(x1) + `" y1="` + num(y1) + `" x2="` + num(x2) + `" y2="` + num(y2) + `"`)
	s.attrs(kv)
	s.b.WriteString("/>")
}

// text writes a label; anchor is start, middle or end.
func (s *svg) text(x, y float64, anchor, t string, kv ...string) {
	s.b.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `"`)
	if anchor != "" && anchor != "start" {
		s.b.WriteString(` text-anchor="` + anchor + `"`)
	}
	s.attrs(kv)
	s.b.WriteString(">" + esc(t) + "</text>")
}

// circle draws a dot.
func (s *svg) circle(x, y, r float64, kv ...string) {
	s.b.WriteString(`<circle cx="` + num(x) + `" cy="` + num(y) + `" r="` + num(r) + `"`)
	s.attrs(kv)
	s.b.WriteString("/>")
}

// polylines draws pts as lines, broken where a point is missing (NaN):
// one <polyline> per unbroken run of two points or more, a dot for a
// lone point.
func (s *svg) polylines(pts [][2]float64, kv ...string) {
	var run [][2]float64
	flush := func() {
		switch len(run) {
		case 0:
		case 1:
			s.circle(run[0][0], run[0][1], 1.5, "class", "dot")
		default:
			s.b.WriteString(`<polyline points="`)
			for i, p := range run {
				if i > 0 {
					s.b.WriteByte(' ')
				}
				s.b.WriteString(num(p[0]) + "," + num(p[1]))
			}
			s.b.WriteByte('"')
			s.attrs(kv)
			s.b.WriteString("/>")
		}
		run = run[:0]
	}
	for _, p := range pts {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) {
			flush()
			continue
		}
		run = append(run, p)
	}
	flush()
}

// num writes a coordinate with at most one decimal: 12, 12.5, never -0
// or an exponent.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

// esc escapes text for HTML and SVG, in element content and in quoted
// attribute values alike.
func esc(s string) string { return html.EscapeString(s) }

// scale maps a value of [lo, hi] linearly onto [a, b].
type scale struct{ lo, hi, a, b float64 }

func (s scale) at(v float64) float64 {
	if s.hi == s.lo {
		return (s.a + s.b) / 2
	}
	return s.a + (v-s.lo)/(s.hi-s.lo)*(s.b-s.a)
}

// niceAxis widens [lo, hi] to round numbers and picks a tick step that
// gives between about 4 and 12 ticks: 1, 2 or 5 times a power of ten.
func niceAxis(lo, hi float64) (min, max, step float64) {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return 0, 1, 0.25
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	if hi == lo {
		lo, hi = lo-1, hi+1
	}
	raw := (hi - lo) / 8
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	step = p
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			step = m * p
			break
		}
	}
	min = math.Floor(lo/step+1e-9) * step
	max = math.Ceil(hi/step-1e-9) * step
	return min, max, step
}

// ticks lists the multiples of step from min to max.
func ticks(min, max, step float64) []float64 {
	var out []float64
	for i := 0; ; i++ {
		v := min + float64(i)*step
		if v > max+step*1e-6 || i > 1000 {
			break
		}
		out = append(out, math.Round(v/step)*step)
	}
	return out
}
