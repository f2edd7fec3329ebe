package htmlout_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/htmlout"
	"github.com/bhxh/kpi/internal/view"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; go test -update rewrites it):\n%s", path, diff)
	}
}

// The whole document of a small report, byte for byte: four units, three
// months, in both languages.
func TestGoldenReport(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			golden(t, "report-4-"+lang+".html", render(t, sample(t, 4, 3, lang)))
		})
	}
}

// The structure of the demo-sized report: sections, headings, charts with
// their bars, lines and points, tables with their rows and columns.
func TestGoldenOutline(t *testing.T) {
	golden(t, "outline-12.txt", []byte(outline(t, render(t, sample(t, 12, 12, "vi")))))
}

// Same data, same bytes: two reports built apart are equal.
func TestDeterministic(t *testing.T) {
	a := render(t, sample(t, 30, 7, "vi"))
	b := render(t, sample(t, 30, 7, "vi"))
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the same data differ")
	}
}

// Every section is there with as many bars, cells, small multiples and
// rows as there are units, KPIs and months.
func TestSectionsAndCounts(t *testing.T) {
	const units, months = 45, 5
	r := sample(t, units, months, "vi")
	doc := parse(t, render(t, r))
	kpis := len(r.Campaign.KPIs)
	for _, id := range []string{"headline", "ranking", "heatmap", "trends", "awards", "status"} {
		if byID(doc, id) == nil {
			t.Errorf("no section #%s", id)
		}
	}
	count := func(root *html.Node, tag, class string) int {
		n := 0
		walk(root, func(x *html.Node) {
			if x.Type == html.ElementNode && x.Data == tag && (class == "" || hasClass(x, class)) {
				n++
			}
		})
		return n
	}
	checks := []struct {
		what      string
		got, want int
	}{
		{"KPI tiles", count(byID(doc, "headline"), "li", "tile"), kpis},
		{"ranking bars", count(byID(doc, "ranking"), "rect", "bar"), units},
		{"ranking panels (40 bars each)", count(byID(doc, "ranking"), "svg", "ranking"), 2},
		{"ranking table rows", count(byID(doc, "ranking-data"), "tr", "") - 1, units},
		{"heatmap shaded cells", countShaded(byID(doc, "heatmap-table")), (units + 3 + 1) * kpis},
		{"heatmap rows", count(byID(doc, "heatmap-table"), "tr", "") - 1, units + 3 + 1},
		{"small multiples", count(byID(doc, "trends"), "svg", "spark"), units},
		{"unit trend rows", count(byID(doc, "unit-trends-data"), "tr", "") - 1, units},
		{"KPI trend charts", count(byID(doc, "trends"), "svg", "kpi"), kpis},
		{"KPI trend points", count(byID(doc, "trends"), "circle", "point"), kpis * months},
		{"status rows", count(byID(doc, "status-table"), "tr", "") - 1, units},
		{"status cells", count(byID(doc, "status-table"), "td", "") / units, 3 + months},
		{"units that missed", count(byID(doc, "list-missed"), "tr", "") - 1, len(r.Awards.Missed.Table.Rows)},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.what, c.got, c.want)
		}
	}
	if len(r.Awards.Missed.Table.Rows) == 0 || len(r.Awards.Tiers[0].Table.Rows) == 0 {
		t.Error("the sample should have units awarded and units that missed")
	}
}

func countShaded(t *html.Node) int {
	n := 0
	walk(t, func(x *html.Node) {
		if x.Type == html.ElementNode && x.Data == "td" {
			for _, c := range strings.Fields(attr(x, "class")) {
				if regexp.MustCompile(`^h\d+$`).MatchString(c) || c == "na" {
					n++
				}
			}
		}
	})
	return n
}

// The file fetches nothing: no script, no external reference, a CSP that
// forbids everything but its one stylesheet, whose hash it carries; text
// from workbooks is text, never markup.
func TestSelfContainedAndEscaped(t *testing.T) {
	r := sample(t, 6, 2, "vi")
	evil := `<script>alert("x")</script> & <img src=http://example.com/x.png>`
	row := r.Progress.Table.Rows[0]
	row[r.Progress.Table.Col("name")] = view.Cell{Value: evil}
	r.Document = view.NewDocument(nil, r.Campaign, r.Date, "vi")
	r.Document.Organisation = `BHXH "</style><script>alert(1)</script>`
	r.Document.Signer.Name = `<b>Nguyễn</b>`
	out := render(t, r)
	doc := parse(t, out)
	walk(doc, func(x *html.Node) {
		if x.Type != html.ElementNode {
			return
		}
		switch x.Data {
		case "script", "img", "link", "iframe", "object", "embed":
			t.Errorf("<%s> in the report", x.Data)
		}
		for _, a := range x.Attr {
			if a.Key == "src" || a.Key == "style" || (a.Key == "href" && !strings.HasPrefix(a.Val, "#")) || strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q>", x.Data, a.Key, a.Val)
			}
		}
	})
	if !strings.Contains(string(out), "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;img") {
		t.Error("the unit name is not escaped")
	}
	var csp, style string
	walk(doc, func(x *html.Node) {
		if x.Type == html.ElementNode && x.Data == "meta" && attr(x, "http-equiv") == "Content-Security-Policy" {
			csp = attr(x, "content")
		}
		if x.Type == html.ElementNode && x.Data == "style" && x.FirstChild != nil {
			style = x.FirstChild.Data
		}
	})
	sum := sha256.Sum256([]byte(style))
	want := "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"
	if csp != want {
		t.Errorf("CSP = %q, want %q", csp, want)
	}
	for _, bad := range []string{"@import", "url(", "http:", "https:"} {
		if strings.Contains(style, bad) {
			t.Errorf("the stylesheet has %q", bad)
		}
	}
	if !strings.Contains(style, `@top-left{content:"BHXH \22 \3c /style\3e \3c script\3e alert(1)\3c /script\3e "`) {
		t.Error("the organisation is not quoted safely in the running head")
	}
	if !strings.Contains(string(out), "<p class=\"office\">BHXH &#34;&lt;/style&gt;&lt;script&gt;") {
		t.Error("the organisation is not escaped in the heading")
	}
	if !strings.Contains(string(out), "<p class=\"name\">&lt;b&gt;Nguyễn&lt;/b&gt;</p>") {
		t.Error("the signer's name is not escaped")
	}
}

// Without the earlier months the trends show the period alone.
func TestWithoutMonths(t *testing.T) {
	r := sample(t, 5, 4, "vi")
	r.Months = nil
	doc := parse(t, render(t, r))
	head := text(byID(doc, "unit-trends-data").FirstChild)
	if head != "Hạng Mã Đơn vị T4" {
		t.Errorf("trends header = %q", head)
	}
	if n := len(r.Campaign.KPIs); strings.Count(text(byID(doc, "kpi-trends-data")), "%") < n {
		t.Errorf("KPI trends: %s", text(byID(doc, "kpi-trends-data")))
	}
}

// The output name must end in .html; the refusal is said in the
// officer's language.
func TestExtError(t *testing.T) {
	err := &htmlout.ExtError{Path: "bao-cao.pdf"}
	if err.Error() != "-o bao-cao.pdf: the file name must end in .html" || err.In("vi") != "-o bao-cao.pdf: tên tệp phải có đuôi .html" {
		t.Errorf("%q / %q", err.Error(), err.In("vi"))
	}
}

func parse(t testing.TB, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func walk(n *html.Node, f func(*html.Node)) {
	if n == nil {
		return
	}
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func byID(doc *html.Node, id string) *html.Node {
	var out *html.Node
	walk(doc, func(x *html.Node) {
		if out == nil && x.Type == html.ElementNode && attr(x, "id") == id {
			out = x
		}
	})
	return out
}

func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data + " ")
		}
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// outline writes the report's structure: per section its headings, its
// charts (the elements of each, by name and class) and its tables (rows ×
// columns, total rows), in document order.
func outline(t testing.TB, b []byte) string {
	var out strings.Builder
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if n.Type != html.ElementNode {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c, depth)
			}
			return
		}
		ind := strings.Repeat("  ", depth)
		switch n.Data {
		case "header", "nav", "section", "ul", "dl", "details", "div":
			if n.Data == "div" && attr(n, "class") == "" {
				break
			}
			name := n.Data
			if id := attr(n, "id"); id != "" {
				name += "#" + id
			}
			if c := attr(n, "class"); c != "" {
				name += "." + strings.ReplaceAll(c, " ", ".")
			}
			if n.Data == "ul" || n.Data == "dl" {
				items := 0
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode {
						items++
					}
				}
				fmt.Fprintf(&out, "%s%s (%d items): %s\n", ind, name, items, clipText(text(n), 160))
				return
			}
			fmt.Fprintf(&out, "%s%s\n", ind, name)
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c, depth+1)
			}
			return
		case "h1", "h2", "h3", "p", "summary", "figcaption":
			fmt.Fprintf(&out, "%s%s: %s\n", ind, n.Data, text(n))
			return
		case "svg":
			counts := map[string]int{}
			walk(n, func(x *html.Node) {
				if x != n && x.Type == html.ElementNode && x.Data != "title" {
					key := x.Data
					if c := attr(x, "class"); c != "" {
						key += "." + strings.ReplaceAll(c, " ", ".")
					}
					counts[key]++
				}
			})
			var keys []string
			for k, v := range counts {
				keys = append(keys, fmt.Sprintf("%s×%d", k, v))
			}
			sort.Strings(keys)
			fmt.Fprintf(&out, "%ssvg.%s %q: %s\n", ind, attr(n, "class"), attr(n, "aria-label"), strings.Join(keys, " "))
			return
		case "table":
			rows, totals, cols := 0, 0, 0
			var head []string
			walk(n, func(x *html.Node) {
				if x.Type != html.ElementNode {
					return
				}
				switch {
				case x.Data == "th":
					head = append(head, text(x))
				case x.Data == "tr" && hasClass(x, "total"):
					totals++
				case x.Data == "tr" && x.Parent.Data == "tbody":
					rows++
				}
			})
			cols = len(head)
			fmt.Fprintf(&out, "%stable#%s.%s: %d rows + %d totals × %d columns: %s\n", ind, attr(n, "id"), attr(n, "class"),
				rows, totals, cols, strings.Join(head, " | "))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth)
		}
	}
	visit(parse(t, b), 0)
	return out.String()
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
