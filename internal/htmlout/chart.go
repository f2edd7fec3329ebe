package htmlout

import (
	"fmt"
	"math"
	"strings"

	"github.com/bhxh/kpi/internal/numfmt"
)

// bar is one bar of the ranking.
type bar struct {
	Label string  // at the left: "1. BHXH huyện Gia Lộc"
	Title string  // the tooltip: code, name, cluster, score
	Value float64 // the score
	Text  string  // the score as people read it, at the bar's end
	Fill  string  // the cluster's colour
	Mark  int     // the index of the unit's award tier, -1 for none
}

// refLine is a vertical line across the ranking: the 100-point line
// (Main) or an award tier's minimum score.
type refLine struct {
	At    float64
	Label string
	Main  bool
	Tier  int
}

// axis is a value axis: from min to max, ticks every step.
type axis struct{ min, max, step float64 }

// The ranking's geometry, in SVG user units (about CSS pixels).
const (
	rankWidth  = 960.0
	rankLabelW = 250.0 // unit names, right-aligned
	rankRight  = 90.0  // room for the score and the award mark
	rankRow    = 20.0
	rankBar    = 14.0
	rankTop    = 38.0 // two rows of line labels
	rankBottom = 24.0 // tick labels
)

// rankingChart draws bars in order, left to right on ax, with the
// reference lines over them.
func rankingChart(b *strings.Builder, bars []bar, ax axis, refs []refLine, label, lang string) {
	h := rankTop + rankRow*float64(len(bars)) + rankBottom
	s := newSVG(b, rankWidth, h, "ranking", label)
	x := scale{lo: ax.min, hi: ax.max, a: rankLabelW + 6, b: rankWidth - rankRight}
	bottom := rankTop + rankRow*float64(len(bars))
	dec := decimals(ax.step)
	for _, t := range ticks(ax.min, ax.max, ax.step) {
		s.line(x.at(t), rankTop, x.at(t), bottom, "class", "grid")
		s.text(x.at(t), bottom+15, "middle", numfmt.Format(t, dec, lang), "class", "tick")
	}
	for i, bb := range bars {
		y := rankTop + rankRow*float64(i)
		s.text(rankLabelW, y+rankBar-2, "end", clip(bb.Label, 38), "class", "name")
		w := x.at(math.Max(bb.Value, ax.min)) - x.a
		s.rect(x.a, y+(rankRow-rankBar)/2, w, rankBar, bb.Title, "class", "bar", "fill", bb.Fill)
		s.text(x.a+w+4, y+rankBar-2, "start", bb.Text, "class", "value")
		if bb.Mark >= 0 {
			marker(s, bb.Mark, x.a+w+58, y+rankRow/2)
		}
	}
	s.line(x.a, rankTop, x.a, bottom, "class", "axis")
	// reference lines: the 100-point line labelled below the tiers' lines,
	// each tier's labelled with its mark and minimum score
	for _, r := range refs {
		if r.At < ax.min || r.At > ax.max {
			continue
		}
		if r.Main {
			s.line(x.at(r.At), rankTop-8, x.at(r.At), bottom, "class", "ref main")
			s.text(x.at(r.At)+3, rankTop-10, "start", r.Label, "class", "reflabel")
			continue
		}
		s.line(x.at(r.At), 16, x.at(r.At), bottom, "class", "ref tier")
		marker(s, r.Tier, x.at(r.At)-7, 9)
		s.text(x.at(r.At)+1, 13, "start", r.Label, "class", "reflabel")
	}
	s.close()
}

// decimals is how many decimals tick labels need for step.
func decimals(step float64) int {
	d := 0
	for step < 1-1e-9 && d < 4 {
		step *= 10
		d++
	}
	return d
}

// clip shortens s to n characters with an ellipsis (the whole name is in
// the bar's tooltip and in the table of figures).
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// marker draws the mark of award tier i at (x, y): a star, a diamond, a
// circle, then a triangle for any further tier.
func marker(s *svg, i int, x, y float64) {
	switch i {
	case 0:
		var pts []string
		for k := 0; k < 10; k++ {
			r := 6.5
			if k%2 == 1 {
				r = 2.7
			}
			a := math.Pi/2 + float64(k)*math.Pi/5
			pts = append(pts, num(x+r*math.Cos(a))+","+num(y-r*math.Sin(a)))
		}
		s.b.WriteString(`<polygon class="mark m0" points="` + strings.Join(pts, " ") + `"/>`)
	case 1:
		s.b.WriteString(fmt.Sprintf(`<polygon class="mark m1" points="%s,%s %s,%s %s,%s %s,%s"/>`,
			num(x), num(y-5.5), num(x+5), num(y), num(x), num(y+5.5), num(x-5), num(y)))
	case 2:
		s.circle(x, y, 4.5, "class", "mark m2")
	default:
		s.b.WriteString(fmt.Sprintf(`<polygon class="mark m3" points="%s,%s %s,%s %s,%s"/>`,
			num(x), num(y-5), num(x+5), num(y+4), num(x-5), num(y+4)))
	}
}

// markerIcon is tier i's mark as a small picture for a legend.
func markerIcon(i int) string {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">`)
	marker(&svg{b: &b}, i, 8, 8)
	b.WriteString("</svg>")
	return b.String()
}

// swatch is a square of colour for a legend.
func swatch(colour string) string {
	return `<svg xmlns="http://www.w3.org/2000/svg" class="icon" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">` +
		`<rect x="1" y="1" width="12" height="12" fill="` + esc(colour) + `"/></svg>`
}

// The small multiples' geometry.
const (
	sparkW, sparkH = 180.0, 56.0
	sparkPad       = 4.0
)

// sparkline draws one unit's score by month (NaN: none) on the shared
// vertical scale y, with a dashed line at ref.
func sparkline(b *strings.Builder, vals []float64, y scale, ref float64, colour, label string) {
	s := newSVG(b, sparkW, sparkH, "spark", label)
	y.a, y.b = sparkH-sparkPad, sparkPad
	x := scale{lo: 0, hi: float64(max(len(vals)-1, 1)), a: sparkPad, b: sparkW - sparkPad}
	s.rect(0.5, 0.5, sparkW-1, sparkH-1, "", "class", "frame")
	s.line(sparkPad, y.at(ref), sparkW-sparkPad, y.at(ref), "class", "ref100")
	pts := make([][2]float64, len(vals))
	for i, v := range vals {
		pts[i] = [2]float64{x.at(float64(i)), math.NaN()}
		if !math.IsNaN(v) {
			pts[i][1] = y.at(v)
		}
	}
	if len(vals) == 1 {
		pts[0][0] = sparkW / 2
	}
	s.polylines(pts, "class", "line", "stroke", colour)
	if n := len(pts); n > 0 && !math.IsNaN(pts[n-1][1]) {
		s.circle(pts[n-1][0], pts[n-1][1], 2.5, "class", "last", "fill", colour)
	}
	s.close()
}

// The KPI trend charts' geometry.
const (
	kpiW, kpiH              = 320.0, 160.0
	kpiLeft, kpiRight       = 44.0, 12.0
	kpiTopPad, kpiBottomPad = 10.0, 22.0
)

// kpiChart draws a KPI's attainment (1 = 100 %) by month — months names
// them, one per value —, the 100 % line and the figure of the latest
// month, on an axis of at least 90–110 %.
func kpiChart(b *strings.Builder, vals []float64, label string, months []string, lang string) {
	lo, hi := 0.9, 1.1 // at least 90–110 %: a wobble around the plan is not drawn as a storm
	for _, v := range vals {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	amin, amax, step := niceAxis(lo*100, hi*100)
	s := newSVG(b, kpiW, kpiH, "kpi", label)
	y := scale{lo: amin, hi: amax, a: kpiH - kpiBottomPad, b: kpiTopPad}
	n := len(vals)
	x := scale{lo: 0, hi: float64(max(n-1, 1)), a: kpiLeft + 8, b: kpiW - kpiRight - 8}
	if n == 1 {
		x.lo, x.hi = -1, 1
	}
	dec := decimals(step)
	for _, t := range ticks(amin, amax, step) {
		s.line(kpiLeft, y.at(t), kpiW-kpiRight, y.at(t), "class", "grid")
		s.text(kpiLeft-4, y.at(t)+4, "end", numfmt.Format(t, dec, lang)+"%", "class", "tick")
	}
	if 100 >= amin && 100 <= amax {
		s.line(kpiLeft, y.at(100), kpiW-kpiRight, y.at(100), "class", "ref main")
	}
	every := 1
	if n > 6 {
		every = 2
	}
	for i := 0; i < n; i++ {
		if i%every == 0 || i == n-1 {
			s.text(x.at(float64(i)), kpiH-6, "middle", months[i], "class", "tick")
		}
	}
	pts := make([][2]float64, n)
	for i, v := range vals {
		pts[i] = [2]float64{x.at(float64(i)), math.NaN()}
		if !math.IsNaN(v) {
			pts[i][1] = y.at(v * 100)
		}
	}
	s.polylines(pts, "class", "line")
	for _, p := range pts {
		if !math.IsNaN(p[1]) {
			s.circle(p[0], p[1], 2.5, "class", "point")
		}
	}
	if n > 0 && !math.IsNaN(vals[n-1]) {
		s.text(pts[n-1][0], pts[n-1][1]-6, "end", numfmt.Format(vals[n-1]*100, 1, lang)+"%", "class", "value")
	}
	s.close()
}
