package htmlout

import (
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"
)

func TestNum(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {12, "12"}, {12.5, "12.5"}, {12.04, "12"}, {12.06, "12.1"}, {-0.01, "0"}, {-3.25, "-3.3"},
		{1e7, "10000000"}, {math.NaN(), "0"}, {math.Inf(1), "0"},
	} {
		if got := num(c.v); got != c.want {
			t.Errorf("num(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestNiceAxis(t *testing.T) {
	for _, c := range []struct {
		lo, hi               float64
		min, max, step       float64
		ticksFirst, ticksLen int
	}{
		{92.65, 110.12, 90, 115, 5, 90, 6},
		{60, 120, 60, 120, 10, 60, 7},
		{0, 120, 0, 120, 20, 0, 7},
		{99.5, 100.4, 99.4, 100.4, 0.2, 0, 6},
		{100, 100, 99, 101, 0.5, 99, 5},
		{110, 90, 90, 110, 5, 90, 5},
	} {
		min, max, step := niceAxis(c.lo, c.hi)
		if math.Abs(min-c.min) > 1e-9 || math.Abs(max-c.max) > 1e-9 || math.Abs(step-c.step) > 1e-9 {
			t.Errorf("niceAxis(%v, %v) = %v, %v, %v; want %v, %v, %v", c.lo, c.hi, min, max, step, c.min, c.max, c.step)
			continue
		}
		if min > c.lo && min > c.hi || max < c.hi && max < c.lo {
			t.Errorf("niceAxis(%v, %v) does not cover the values", c.lo, c.hi)
		}
		tk := ticks(min, max, step)
		if len(tk) != c.ticksLen {
			t.Errorf("ticks(%v, %v, %v) = %v, want %d ticks", min, max, step, tk, c.ticksLen)
		}
		if c.ticksFirst != 0 && tk[0] != float64(c.ticksFirst) {
			t.Errorf("first tick %v, want %d", tk[0], c.ticksFirst)
		}
	}
}

func TestScale(t *testing.T) {
	s := scale{lo: 90, hi: 110, a: 100, b: 300}
	for v, want := range map[float64]float64{90: 100, 100: 200, 110: 300, 95: 150} {
		if got := s.at(v); got != want {
			t.Errorf("at(%v) = %v, want %v", v, got, want)
		}
	}
	if got := (scale{lo: 5, hi: 5, a: 0, b: 10}).at(5); got != 5 {
		t.Errorf("a flat scale puts values in the middle, got %v", got)
	}
}

// The heat scale ends where Excel's does: red at 80 %, yellow at 100 %,
// green at 120 %.
func TestHeatScale(t *testing.T) {
	for a, want := range map[float64]string{0: "h0", 0.8: "h0", 0.9: "h10", 1: "h20", 1.004: "h20", 1.006: "h21", 1.2: "h40", 3: "h40"} {
		if got := heatClass(a); got != want {
			t.Errorf("heatClass(%v) = %s, want %s", a, got, want)
		}
	}
	for i, want := range map[int]string{0: "#F8696B", 20: "#FFEB84", 40: "#63BE7B"} {
		if got := heatColour(i); got != want {
			t.Errorf("heatColour(%d) = %s, want %s", i, got, want)
		}
	}
	if css := heatCSS(); strings.Count(css, "{background:#") != heatSteps+1 {
		t.Errorf("heatCSS has %d rules", strings.Count(css, "{background:#"))
	}
}

// wellFormed parses an SVG fragment as XML and counts its elements by
// name and class.
func wellFormed(t *testing.T, s string) map[string]int {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	count := map[string]int{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, s)
		}
		if se, ok := tok.(xml.StartElement); ok {
			count[se.Name.Local]++
			for _, a := range se.Attr {
				if a.Name.Local == "class" {
					for _, c := range strings.Fields(a.Value) {
						count[se.Name.Local+"."+c]++
					}
				}
				if a.Name.Local == "style" {
					t.Errorf("style attribute on <%s>: the CSP forbids it", se.Name.Local)
				}
			}
		}
	}
	return count
}

func TestRankingChart(t *testing.T) {
	var b strings.Builder
	bars := []bar{
		{Label: "1. <BHXH> & \"A\"", Title: "A1 — Cụm 1: 110", Value: 110, Text: "110,00", Fill: "#0072B2", Mark: 0},
		{Label: "2. B", Value: 100, Text: "100,00", Fill: "#E69F00", Mark: -1},
		{Label: "3. " + strings.Repeat("dài ", 20), Value: 80, Text: "80,00", Fill: "#E69F00", Mark: 2},
	}
	refs := []refLine{{At: 100, Label: "100 điểm", Main: true}, {At: 105, Label: "105", Tier: 0}, {At: 200, Label: "off the axis", Tier: 1}}
	rankingChart(&b, bars, axis{80, 120, 10}, refs, "Điểm <3 đơn vị>", "vi")
	s := b.String()
	n := wellFormed(t, s)
	if n["rect.bar"] != 3 || n["line.ref"] != 2 || n["line.grid"] != 5 || n["polygon.m0"] != 2 || n["circle.m2"] != 1 {
		t.Errorf("elements: %v", n)
	}
	if strings.Contains(s, "off the axis") {
		t.Error("a line outside the axis is drawn")
	}
	if !strings.Contains(s, "1. &lt;BHXH&gt; &amp; &#34;A&#34;") || !strings.Contains(s, `aria-label="Điểm &lt;3 đơn vị&gt;"`) {
		t.Errorf("text not escaped:\n%s", s)
	}
	if !strings.Contains(s, "dài dà…</text>") {
		t.Error("a long name is not clipped")
	}
	// bar lengths are proportional to score − axis minimum: 30, 20, 0
	x0 := rankLabelW + 6
	unit := (rankWidth - rankRight - x0) / 40
	for _, w := range []float64{30 * unit, 20 * unit} {
		if !strings.Contains(s, `width="`+num(w)+`" height="14"`) {
			t.Errorf("no bar of width %s in\n%s", num(w), s)
		}
	}
	if !strings.Contains(s, `width="0" height="14"`) {
		t.Error("the bar at the axis minimum is not empty")
	}
}

func TestSparklineGaps(t *testing.T) {
	var b strings.Builder
	sparkline(&b, []float64{90, 95, math.NaN(), 100, 104, math.NaN(), 99}, scale{lo: 80, hi: 120}, 100, "#000", "H01")
	n := wellFormed(t, b.String())
	// two runs of two points are lines; the lone last point is a dot,
	// and the latest month is marked
	if n["polyline"] != 2 || n["circle.dot"] != 1 || n["circle.last"] != 1 || n["line.ref100"] != 1 {
		t.Errorf("elements: %v\n%s", n, b.String())
	}
	b.Reset()
	sparkline(&b, []float64{101}, scale{lo: 80, hi: 120}, 100, "#000", "one month")
	if n := wellFormed(t, b.String()); n["polyline"] != 0 || n["circle"] != 2 {
		t.Errorf("one month: %v", n)
	}
}

func TestKPIChart(t *testing.T) {
	var b strings.Builder
	kpiChart(&b, []float64{0.98, 1.01, 1.19, math.NaN()}, "thu", []string{"T1", "T2", "T3", "T4"}, "vi")
	s := b.String()
	n := wellFormed(t, s)
	if n["circle.point"] != 3 || n["line.main"] != 1 {
		t.Errorf("elements: %v", n)
	}
	// the axis covers 90–120 %, so a ±1 % wobble stays small
	if !strings.Contains(s, ">90%<") || !strings.Contains(s, ">120%<") || !strings.Contains(s, ">T4<") {
		t.Errorf("axis labels:\n%s", s)
	}
	if strings.Contains(s, "119,0%</text>") {
		t.Error("the latest month has no figure, yet one is written")
	}
}

func TestMarkersAndIcons(t *testing.T) {
	for i := 0; i < 5; i++ {
		n := wellFormed(t, markerIcon(i))
		if n["svg"] != 1 || n["polygon"]+n["circle"] != 1 {
			t.Errorf("marker %d: %v", i, n)
		}
	}
	wellFormed(t, swatch(`#000"/><script>`))
}

func TestCSSString(t *testing.T) {
	for in, want := range map[string]string{
		"BẢO HIỂM XÃ HỘI":    `"BẢO HIỂM XÃ HỘI"`,
		`a"b\c`:              `"a\22 b\5c c"`,
		"</style><script>":   `"\3c /style\3e \3c script\3e "`,
		"line\nbreak & more": `"line\a break \26  more"`,
	} {
		if got := cssString(in); got != want {
			t.Errorf("cssString(%q) = %s, want %s", in, got, want)
		}
	}
}
