package htmlout

import (
	"fmt"
	"math"
	"strings"
)

// The red–yellow–green scale of the Excel exports (xlsxout's scaleRule):
// red at 80 % attainment or less, yellow at 100 %, green at 120 % or more.
// The report shades in 41 steps of one percentage point, as classes of its
// stylesheet (h0 … h40), so that no cell needs a style attribute.
const (
	heatLow, heatMid, heatHigh = 0.8, 1.0, 1.2
	heatSteps                  = 40
)

var (
	heatRed    = [3]float64{0xF8, 0x69, 0x6B}
	heatYellow = [3]float64{0xFF, 0xEB, 0x84}
	heatGreen  = [3]float64{0x63, 0xBE, 0x7B}
)

// heatStep is the step of attainment a: 0 at 80 % or less, 20 at 100 %, 40
// at 120 % or more.
func heatStep(a float64) int {
	if math.IsNaN(a) {
		return 0
	}
	a = math.Min(math.Max(a, heatLow), heatHigh)
	return int(math.Round((a - heatLow) / (heatHigh - heatLow) * heatSteps))
}

// heatClass is the class that shades a cell of attainment a.
func heatClass(a float64) string { return fmt.Sprintf("h%d", heatStep(a)) }

// heatColour is the colour of step i, interpolated as Excel's 3-colour
// scale does between its three points.
func heatColour(i int) string {
	t := float64(i) / heatSteps * 2 // 0…2
	from, to := heatRed, heatYellow
	if t > 1 {
		from, to, t = heatYellow, heatGreen, t-1
	}
	var c [3]int
	for k := range c {
		c[k] = int(math.Round(from[k] + (to[k]-from[k])*t))
	}
	return fmt.Sprintf("#%02X%02X%02X", c[0], c[1], c[2])
}

// heatCSS is the stylesheet's rules for the 41 steps.
func heatCSS() string {
	var b strings.Builder
	for i := 0; i <= heatSteps; i++ {
		fmt.Fprintf(&b, ".h%d{background:%s}", i, heatColour(i))
	}
	b.WriteByte('\n')
	return b.String()
}

// clusterColours tell the clusters apart in the ranking and the trends:
// the Okabe–Ito palette (readable with colour-blindness, and in grey
// print) without its yellow, then two darker tones; a ninth cluster takes
// the first colour again.
var clusterColours = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#6F6F6F", "#8C6D1F"}

func clusterColour(i int) string { return clusterColours[i%len(clusterColours)] }
