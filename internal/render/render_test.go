package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/view"
)

func TestTableFormats(t *testing.T) {
	v := 2.5
	tb := &Table{
		Headers:  []string{"Mã", "Tên", "Số thu", "Tỷ lệ"},
		Rows:     [][]any{{"H01", "=cmd", 1234567.0, &v}, {"H02", "B", 5.0, (*float64)(nil)}},
		Decimals: []int{0, 0, 0, 1},
	}
	var csvOut, md, table bytes.Buffer
	if err := tb.Write(&csvOut, "csv"); err != nil {
		t.Fatal(err)
	}
	if want := "Mã,Tên,Số thu,Tỷ lệ\nH01,'=cmd,1234567,2.5\nH02,B,5,\n"; csvOut.String() != want {
		t.Errorf("csv = %q want %q", csvOut.String(), want)
	}
	if err := tb.Write(&md, "markdown"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "| H01 | =cmd | 1.234.567 | 2,5 |") || !strings.Contains(md.String(), "|---|---|---:|---:|") {
		t.Errorf("markdown = %s", md.String())
	}
	if err := tb.Write(&table, "table"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table.String(), "1.234.567") || !strings.Contains(table.String(), "Số thu") {
		t.Errorf("table = %s", table.String())
	}
	if err := tb.Write(&table, "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}

// A view's table: people read labels, text and marks (painted only in a
// terminal table), machines read keys and plain values.
func TestView(t *testing.T) {
	v := &view.Table{Lang: "en", Columns: []view.Column{
		{Key: "code", Label: "Code", Kind: view.Short, In: view.All},
		{Key: "score", Label: "Score", Kind: view.Score, Decimals: 2, In: view.All},
		{Key: "a", Label: "A", Kind: view.Ratio, In: view.All},
		{Key: "secret", Label: "Print only", In: view.Print},
		{Label: "Note", In: view.Screen},
	}, Rows: [][]view.Cell{
		{{Value: "=H01"}, {Value: 1234.5}, {Value: 1.1, Text: "110.0% ✓", Mark: view.Good}, {Value: "x"}, {Value: "n"}},
		{{Value: "H02"}, {Value: 7.0}, {Text: "—"}, {Value: "y"}, {}},
	}}
	paint := func(m view.Mark, s string) string { return fmt.Sprintf("<%d>%s", m, s) }
	var csvOut, md, table bytes.Buffer
	if err := View(&csvOut, v, "csv", Options{Paint: paint}); err != nil {
		t.Fatal(err)
	}
	if want := "code,score,a\n'=H01,1234.5,1.1\nH02,7,\n"; csvOut.String() != want {
		t.Errorf("csv = %q want %q", csvOut.String(), want)
	}
	if err := View(&md, v, "markdown", Options{Paint: paint}); err != nil {
		t.Fatal(err)
	}
	if want := "| Code | Score | A | Note |\n|---|---:|---|---|\n| =H01 | 1,234.50 | 110.0% ✓ | n |\n| H02 | 7.00 | — |  |\n"; md.String() != want {
		t.Errorf("markdown = %q want %q", md.String(), want)
	}
	if err := View(&table, v, "table", Options{Paint: paint}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table.String(), "<1>110.0% ✓") || strings.Contains(table.String(), "Print only") {
		t.Errorf("table = %s", table.String())
	}
}
