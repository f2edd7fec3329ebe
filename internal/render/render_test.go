package render

import (
	"bytes"
	"strings"
	"testing"
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
