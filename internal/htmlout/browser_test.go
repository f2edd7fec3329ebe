package htmlout_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

var screenshotFlag = flag.String("screenshot", "", "also write the demo report's first screen to this PNG (the README's picture)")

// chromiumPath finds a Chromium: $KPI_CHROMIUM, else Debian's
// /usr/bin/chromium, else one on the PATH. The browser tests are skipped
// without one.
func chromiumPath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("KPI_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium here: install Debian's chromium (apt-get install chromium), or set KPI_CHROMIUM to a Chromium or Chrome; .ci/run installs it")
	return ""
}

// browser is a headless Chromium with a fresh profile that records every
// request the page makes and every error it logs.
type browser struct {
	ctx    context.Context
	mu     sync.Mutex
	urls   []string
	errors []string
}

func newBrowser(t testing.TB, width, height int64) *browser {
	t.Helper()
	path := chromiumPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(int(width), int(height)),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	b := &browser{}
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		// runs in the tab's loop: record and return
		b.mu.Lock()
		defer b.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.urls = append(b.urls, e.Request.URL)
		case *runtime.EventConsoleAPICalled:
			switch e.Type {
			case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeWarning, runtime.ConsoleAPICalledTypeAssert:
				b.errors = append(b.errors, fmt.Sprintf("console.%s", e.Type))
			}
		case *runtime.EventExceptionThrown:
			b.errors = append(b.errors, "exception: "+e.ExceptionDetails.Text)
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError || e.Entry.Level == cdplog.EntryLevelWarning {
				b.errors = append(b.errors, fmt.Sprintf("%s %s: %s", e.Entry.Source, e.Entry.Level, e.Entry.Text))
			}
		}
	}))
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	b.ctx = ctx
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return b
}

// open loads the file and waits until it is laid out; it returns how long
// that took.
func (b *browser) open(t testing.TB, file string) time.Duration {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := chromedp.Do(b.ctx, chromedp.Navigate("file://"+filepath.ToSlash(abs))); err != nil {
		t.Fatal(err)
	}
	// reading the height forces the layout of the whole page
	height, err := chromedp.Run(b.ctx, chromedp.Evaluate[float64](`document.body.getBoundingClientRect().height`))
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if height < 100 {
		t.Errorf("the page is %v px high", height)
	}
	return took
}

// quiet asserts that the page asked for nothing but itself and logged no
// error — a style blocked by the CSP would be one.
func (b *browser) quiet(t testing.TB, file string) {
	t.Helper()
	for _, p := range b.problems(file) {
		t.Error(p)
	}
}

// problems are the requests the page made besides its own file and the
// errors it logged.
func (b *browser) problems(file string) []string {
	abs, _ := filepath.Abs(file)
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	if len(b.urls) == 0 {
		out = append(out, "no request seen, not even the file's own: is the listener deaf?")
	}
	for _, u := range b.urls {
		if u != "file://"+filepath.ToSlash(abs) {
			out = append(out, "the page made a request: "+u)
		}
	}
	for _, e := range b.errors {
		out = append(out, "the page logged "+e)
	}
	return out
}

// pageFacts are what the page shows, counted in the browser.
type pageFacts struct {
	Sections      []string `json:"sections"`
	Tiles         int      `json:"tiles"`
	Bars          int      `json:"bars"`
	BarsDrawn     int      `json:"barsDrawn"`
	Panels        int      `json:"panels"`
	RefLines      int      `json:"refLines"`
	HeatCells     int      `json:"heatCells"`
	HeatRows      int      `json:"heatRows"`
	HeatColoured  bool     `json:"heatColoured"`
	Sparks        int      `json:"sparks"`
	KPICharts     int      `json:"kpiCharts"`
	KPIPoints     int      `json:"kpiPoints"`
	StatusRows    int      `json:"statusRows"`
	StatusCells   int      `json:"statusCells"`
	ChartTables   []string `json:"chartTables"`
	ChartsWithout int      `json:"chartsWithout"`
	Title         string   `json:"title"`
}

const factsJS = `(() => {
  const all = s => Array.from(document.querySelectorAll(s));
  const heat = all('#heatmap-table td').filter(td => /(^|\s)h\d+(\s|$)/.test(td.className));
  const bars = all('#ranking rect.bar');
  // every chart group is followed by its table of figures
  const groups = [document.querySelector('#ranking .panels'), document.querySelector('#trends .sparks'), document.querySelector('#trends .kpis')];
  let without = 0;
  const tables = [];
  for (const g of groups) {
    const next = g && g.nextElementSibling;
    if (!next || !next.matches('details.data') || !next.querySelector('table')) { without++; continue; }
    tables.push(next.querySelector('table').id);
  }
  return {
    sections: all('body > section').map(s => s.id),
    tiles: all('#headline li.tile').length,
    bars: bars.length,
    barsDrawn: bars.filter(r => r.getBBox().width > 0 && r.getBoundingClientRect().height > 0).length,
    panels: all('#ranking svg.ranking').length,
    refLines: all('#ranking svg.ranking:first-of-type line.ref').length,
    heatCells: heat.length,
    heatRows: all('#heatmap-table tbody tr').length,
    heatColoured: heat.length > 0 && getComputedStyle(heat[0]).backgroundColor !== 'rgba(0, 0, 0, 0)',
    sparks: all('#trends svg.spark').length,
    kpiCharts: all('#trends svg.kpi').length,
    kpiPoints: all('#trends svg.kpi circle.point').length,
    statusRows: all('#status-table tbody tr').length,
    statusCells: all('#status-table tbody td').length,
    chartTables: tables,
    chartsWithout: without,
    title: document.title,
  };
})()`

func (b *browser) facts(t testing.TB) pageFacts {
	t.Helper()
	raw, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]byte](factsJS))
	if err != nil {
		t.Fatal(err)
	}
	var f pageFacts
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// checkFacts asserts the sections and the counts of a report of units
// units (one of them stale, so 11/12-style totals), kpis KPIs, months
// months and clusters clusters.
func checkFacts(t *testing.T, f pageFacts, units, kpis, months, clusters int) {
	t.Helper()
	if got := strings.Join(f.Sections, ","); got != "headline,ranking,heatmap,trends,awards,status" {
		t.Errorf("sections = %s", got)
	}
	panels := (units + 39) / 40
	heatRows := units + clusters + 1 // the units, each cluster's subtotal, the province
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"KPI tiles", f.Tiles, kpis},
		{"bars", f.Bars, units},
		{"bars drawn", f.BarsDrawn, units},
		{"ranking panels", f.Panels, panels},
		{"lines on the ranking (100 and three tiers)", f.RefLines, 4},
		{"heatmap rows", f.HeatRows, heatRows},
		{"heatmap shaded cells", f.HeatCells, heatRows * kpis},
		{"small multiples", f.Sparks, units},
		{"KPI trend charts", f.KPICharts, kpis},
		{"KPI trend points", f.KPIPoints, kpis * months},
		{"status rows", f.StatusRows, units},
		{"status cells", f.StatusCells, units * (3 + months)},
		{"charts without their table of figures", f.ChartsWithout, 0},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.what, c.got, c.want)
		}
	}
	if !f.HeatColoured {
		t.Error("the heatmap's cells are not shaded: is the stylesheet blocked?")
	}
	if got := strings.Join(f.ChartTables, ","); got != "ranking-data,unit-trends-data,kpi-trends-data" {
		t.Errorf("tables of figures = %s", got)
	}
}

// artifact is where a test keeps a file people may want to look at:
// $KPI_TEST_ARTIFACTS when set (CI), else the test's temporary folder.
func artifact(t testing.TB, name string) string {
	dir := os.Getenv("KPI_TEST_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, name)
}

// The demo-sized report in a real browser: it asks for nothing, logs no
// error, shows every section with as many bars, cells and charts as there
// are units, KPIs and months, prints on A4 landscape pages, and is
// screenshot.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	b := newBrowser(t, 1280, 900)
	r := sample(t, 12, 12, "vi")
	file := artifact(t, "tien-do-2024-12.html")
	if err := os.WriteFile(file, render(t, r), 0o644); err != nil {
		t.Fatal(err)
	}
	took := b.open(t, file)
	t.Logf("12 units: opened and laid out in %v", took.Round(time.Millisecond))
	checkFacts(t, b.facts(t), 12, len(r.Campaign.KPIs), 12, 3)
	if f := b.facts(t); !strings.HasPrefix(f.Title, "BÁO CÁO TIẾN ĐỘ PHONG TRÀO THI ĐUA") {
		t.Errorf("title = %q", f.Title)
	}

	// the first screen, as the README shows it
	shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil || img.Bounds().Dx() != 1280 || img.Bounds().Dy() != 900 {
		t.Fatalf("screenshot: %v %v", err, img.Bounds())
	}
	if err := os.WriteFile(artifact(t, "tien-do-2024-12.png"), shot, 0o644); err != nil {
		t.Fatal(err)
	}
	if *screenshotFlag != "" {
		if err := os.WriteFile(*screenshotFlag, shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// printed: A4 landscape (842 × 595 pt), each section on pages of its own
	pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(artifact(t, "tien-do-2024-12.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	boxes := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`).FindAllSubmatch(pdf, -1)
	if len(boxes) < 6 {
		t.Errorf("the printout has %d pages, want one or more per section (6)", len(boxes))
	}
	for _, m := range boxes {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if math.Abs(w-841.89) > 1.5 || math.Abs(h-595.28) > 1.5 {
			t.Errorf("a printed page is %v × %v pt, not A4 landscape", w, h)
			break
		}
	}
	b.quiet(t, file)
}

// The national report — 700 units, a year — in the browser: under 5 MB,
// every bar and cell there; how long it takes to open is logged (and
// measured by BenchmarkBrowserNational), not asserted.
func TestBrowserNational(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	b := newBrowser(t, 1280, 900)
	r := sample(t, 700, 12, "vi")
	out := render(t, r)
	if len(out) >= 5<<20 {
		t.Errorf("the national report is %d bytes, over 5 MB", len(out))
	}
	file := artifact(t, "quoc-gia-700.html")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	took := b.open(t, file)
	t.Logf("700 units: %.2f MB, opened and laid out in %v", float64(len(out))/(1<<20), took.Round(time.Millisecond))
	checkFacts(t, b.facts(t), 700, len(r.Campaign.KPIs), 12, 3)
	b.quiet(t, file)
}

// BenchmarkBrowserNational opens the 700-unit report in Chromium: the
// time from navigation to a laid-out page.
func BenchmarkBrowserNational(b *testing.B) {
	br := newBrowser(b, 1280, 900)
	out := render(b, sample(b, 700, 12, "vi"))
	file := filepath.Join(b.TempDir(), "quoc-gia-700.html")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		if err := chromedp.Do(br.ctx, chromedp.Navigate("about:blank")); err != nil {
			b.Fatal(err)
		}
		total += br.open(b, file)
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/open")
	b.ReportMetric(float64(len(out))/(1<<20), "MB")
}

// BenchmarkWriteNational writes the 700-unit report.
func BenchmarkWriteNational(b *testing.B) {
	r := sample(b, 700, 12, "vi")
	b.ResetTimer()
	var n int
	for i := 0; i < b.N; i++ {
		n = len(render(b, r))
	}
	b.ReportMetric(float64(n)/(1<<20), "MB")
}

// The checks can fail: a report that tries to load an image and carries a
// style the policy does not allow is caught.
func TestBrowserSeesViolations(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	b := newBrowser(t, 800, 600)
	out := render(t, sample(t, 4, 2, "vi"))
	out = bytes.Replace(out, []byte("<body>"), []byte(`<body><img src="http://127.0.0.1:9/logo.png" alt=""><p style="color:red">x</p>`), 1)
	file := filepath.Join(t.TempDir(), "bad.html")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	b.open(t, file)
	got := strings.Join(b.problems(file), "\n")
	for _, want := range []string{"request: http://127.0.0.1:9/logo.png", "style", "Content Security Policy"} {
		if !strings.Contains(got, want) {
			t.Errorf("not caught: %s; the problems seen:\n%s", want, got)
		}
	}
}
