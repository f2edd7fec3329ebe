package xlsxout

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
	"github.com/xuri/excelize/v2"
)

// Cluster names Excel refuses as sheet names: quotes at either end, its
// forbidden characters, more than 31 characters (also counted in UTF-16,
// as Excel does), control characters, its reserved word, names equal but
// for case or once cut.
var hostileClusters = []string{
	"'Cụm 1'", "'", "Cụm [Bắc]: A/B*?\\", "Cụm thi đua số 2 của các huyện phía Bắc tỉnh",
	"Cụm thi đua số 2 của các huyện phía Bắc tỉnh (khác)", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", "Cụm \x1b[2J\x07", "history",
	"cụm 'giữa'", "CỤM 'GIỮA'",
}

func TestSheetNamesExcelAccepts(t *testing.T) {
	names := uniqueSheetNames(hostileClusters)
	f := excelize.NewFile()
	defer f.Close()
	seen := map[string]bool{}
	for i, n := range names {
		if _, err := f.NewSheet(n); err != nil {
			t.Errorf("%q → %q: %v", hostileClusters[i], n, err)
		}
		if u := len(utf16.Encode([]rune(n))); u > 31 {
			t.Errorf("%q → %q: %d UTF-16 units", hostileClusters[i], n, u)
		}
		if strings.EqualFold(n, "History") || strings.ContainsAny(n, "\x1b\x07") {
			t.Errorf("%q → %q", hostileClusters[i], n)
		}
		if seen[strings.ToLower(n)] {
			t.Errorf("%q → %q: not unique", hostileClusters[i], n)
		}
		seen[strings.ToLower(n)] = true
	}
	if names[0] != "Cụm 1" || names[8] != "cụm ’giữa" || names[9] != "CỤM ’GIỮA (2)" {
		t.Errorf("names = %q", names)
	}
}

// A progress workbook whose clusters bear those names is written, opens,
// has a sheet per cluster, and its formulas (print titles, the chart)
// quote the names; an awards workbook of units so named is written too.
func TestExportHostileClusterNames(t *testing.T) {
	c := campaign.Default()
	var units []campaign.Unit
	var obs []report.Observation
	for i, cl := range hostileClusters {
		code := string(rune('A' + i))
		units = append(units, campaign.Unit{Code: code, Name: cl, Cluster: cl, Targets: map[string]float64{"bhyt": 10}})
		v := float64(10 + i)
		obs = append(obs, report.Observation{Unit: code, Period: report.Period{Year: 2024, Month: 3}, KPI: "bhyt", Month: &v})
	}
	r := score.Compute(score.Input{Campaign: c, Units: units, Observations: obs, Period: report.Period{Year: 2024, Month: 3}})
	e := &Export{Campaign: c, Result: r, Lang: "vi", Date: time.Date(2024, 4, 5, 0, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	if err := WriteProgress(&buf, e); err != nil {
		t.Fatalf("progress: %v", err)
	}
	checkXML(t, buf.Bytes())
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(f.GetSheetList()); got != len(hostileClusters)+3 {
		t.Errorf("%d sheets: %q", got, f.GetSheetList())
	}
	for _, dn := range f.GetDefinedName() {
		if dn.Scope != "Workbook" && !strings.HasPrefix(dn.RefersTo, quoteSheet(dn.Scope)+"!") {
			t.Errorf("%s of %q refers to %s", dn.Name, dn.Scope, dn.RefersTo)
		}
	}
	f.Close()
	buf.Reset()
	if err := WriteAwards(&buf, e, score.Awards(c, r)); err != nil {
		t.Fatalf("awards: %v", err)
	}
	checkXML(t, buf.Bytes())
}

// checkXML reads every XML part of a workbook with a strict XML parser:
// a control character that slipped into a sheet name or a cell would make
// Excel call the file corrupt.
func checkXML(t *testing.T, book []byte) {
	t.Helper()
	zr, err := zipReader(book)
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasSuffix(zf.Name, ".xml") && !strings.HasSuffix(zf.Name, ".rels") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(rc)
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s: %v", zf.Name, err)
				break
			}
		}
		rc.Close()
	}
}

func zipReader(b []byte) (*zip.Reader, error) {
	return zip.NewReader(bytes.NewReader(b), int64(len(b)))
}
