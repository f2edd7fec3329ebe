package xlsxgrid

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/xlsxin/badfiles"
)

// formulaBook is a sheet S with A1..A4 = 1, 2, 3, "4" (text), B1 = "x",
// a sheet "Kỳ 2" with A1 = 10, and C1 holding formula f without a cached
// value.
func formulaBook(t *testing.T, f string) *Workbook {
	t.Helper()
	wbXML := `<workbook ` + mainNS + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/><sheet name="Kỳ 2" sheetId="2" r:id="rId9"/></sheets></workbook>`
	rels := `<Relationships ` + relsNS + `><Relationship Id="rId1" Type="` + relT + `worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId9" Type="` + relT + `worksheet" Target="worksheets/sheet2.xml"/></Relationships>`
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace
	rows := `<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c><c r="C1"><f>` + esc(f) + `</f></c></row>` +
		`<row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>4</t></is></c></row>`
	return readBoth(t, map[string]string{
		"xl/workbook.xml":            wbXML,
		"xl/_rels/workbook.xml.rels": rels,
		"xl/worksheets/sheet1.xml":   badfiles.SheetXML(rows, ""),
		"xl/worksheets/sheet2.xml":   badfiles.SheetXML(`<row r="1"><c r="A1"><v>10</v></c></row>`, ""),
	})
}

func TestFormulaValues(t *testing.T) {
	num := func(s string) Cell { return Cell{Kind: Number, Raw: s} }
	cases := map[string]Cell{
		"1+2*3":                     num("7"),
		"(1+2)*3":                   num("9"),
		"-2^2":                      num("4"),
		"2^3^2":                     num("64"),
		"50%+A1":                    num("1.5"),
		"1/3":                       num("0.333333333333333"),
		"0.1+0.2":                   num("0.3"),
		"SUM(A1:A4)":                num("6"),
		"SUM(A:A)":                  num("6"),
		"SUM(2:4)":                  num("5"),
		"SUM(A1,A4,\"5\",TRUE)":     num("7"), // given directly, text and TRUE count
		"A1+A4":                     num("5"),
		"AVERAGE(A1:A3)":            num("2"),
		"MIN(A1:A3)+MAX(A1:A3)":     num("4"),
		"COUNT(A1:B4)":              num("3"),
		"COUNTA(A1:B4)":             num("5"),
		"ROUND(2.675,2)":            num("2.68"),
		"ROUNDDOWN(-2.5,0)":         num("-2"),
		"ROUNDUP(2.01,1)":           num("2.1"),
		"INT(-2.5)+ABS(-1)":         num("-2"),
		"IF(A1>0,\"có\",\"không\")": {Kind: Text, Raw: "có"},
		"IF(A1<0,1)":                {Kind: Bool, Raw: "0"},
		"A1&B1&\"y\"":               {Kind: Text, Raw: "1xy"},
		"B1=\"X\"":                  {Kind: Bool, Raw: "1"},
		"AND(A1:A3)":                {Kind: Bool, Raw: "1"},
		"NOT(OR(FALSE,0))":          {Kind: Bool, Raw: "1"},
		"'Kỳ 2'!A1*2":               num("20"),
		"SUBTOTAL(9,A1:A3)":         num("6"),
		"SUBTOTAL(109,A1:A3)":       num("6"),
		"_xlfn.IFERROR(1/0,7)":      num("7"),
		"$A$2*A$3":                  num("6"),
		"D9":                        num("0"),
		"1/0":                       {Kind: Error, Raw: "#DIV/0!"},
		"B1+1":                      {Kind: Error, Raw: "#VALUE!"},
		"Sheet9!A1":                 {Kind: Error, Raw: "#REF!"},
		"#N/A":                      {Kind: Error, Raw: "#N/A"},
		"C1+1":                      {Kind: Error, Raw: circularText},
		"VLOOKUP(1,A1:B4,2,0)":      {Kind: Error, Raw: "(công thức =VLOOKUP(1,A1:B4,2,0) không tính được: hãy lưu lại tệp bằng Excel để có giá trị)"},
		"SUM(Table1[Sales])":        {Kind: Error, Raw: "(công thức =SUM(Table1[Sales]) không tính được: hãy lưu lại tệp bằng Excel để có giá trị)"},
		"myName*2":                  {Kind: Error, Raw: "(công thức =myName*2 không tính được: hãy lưu lại tệp bằng Excel để có giá trị)"},
		strings.Repeat("(", 200) + "1" + strings.Repeat(")", 200): {Kind: Error, Raw: tooComplexText},
	}
	for f, want := range cases {
		wb := formulaBook(t, f)
		if got := wb.Sheets[0].At(0, 2); got != want {
			t.Errorf("=%s: got %+v, want %+v", f, got, want)
		}
	}
}

// A shared formula's cells without cached values shift its relative
// references, as Excel does.
func TestSharedFormulas(t *testing.T) {
	rows := `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*10+$A$1</f></c></row>` +
		`<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/></c></row>` +
		`<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>99</v></c><c r="C3"><f t="shared" si="7"/></c></row>`
	wb := readBoth(t, sheet1(rows))
	wantCells(t, wb.Sheets[0], map[string]Cell{
		"B1": {Kind: Number, Raw: "11"},
		"B2": {Kind: Number, Raw: "21"},
		"B3": {Kind: Number, Raw: "99"}, // cached
		"C3": {},                        // no master: nothing to compute
	})
	if got := shiftFormula("SUM(A1:B2,$C$3,D$4,'x y'!E5,A:A,1:1)+A1048576", 1, 1); got != "SUM(B2:C3,$C$3,E$4,'x y'!F6,B:B,2:2)+#REF!" {
		t.Errorf("shift = %s", got)
	}
}

// Work is counted, not timed: a chain of formulas deeper than the budget
// and a storm of whole-column sums end in the "too complex" error, and the
// workbook's account never passes its budget.
func TestFormulaBudgets(t *testing.T) {
	var sb strings.Builder
	n := maxEvalDepth + 10
	for r := 1; r <= n; r++ {
		fmt.Fprintf(&sb, `<row r="%d"><c r="A%d"><f>A%d+1</f></c></row>`, r, r, r+1)
	}
	wb := readBoth(t, sheet1(sb.String()))
	if got := wb.Sheets[0].At(0, 0); got.Raw != tooComplexText {
		t.Errorf("deep chain: %+v", got)
	}
	// the far end of the chain still computes, from the bottom up
	if got := wb.Sheets[0].At(n-1, 0); got != (Cell{Kind: Number, Raw: "1"}) {
		t.Errorf("A%d: %+v", n, got)
	}

	data, err := badfiles.Costly["formula-storm.xlsx"]()
	if err != nil {
		t.Fatal(err)
	}
	storm, err := openLean("storm.xlsx", data, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	s := storm.Sheets[0]
	if got := s.At(4, 1); got.Raw != tooComplexText {
		t.Errorf("B5: %+v", got)
	}
	for r := range s.Rows { // every other formula too: the workbook's budget is spent
		s.At(r, 2)
	}
	if budget := DefaultLimits.MaxFormulaSteps; storm.eval.total > budget+cellBudget {
		t.Errorf("%d steps, budget %d", storm.eval.total, budget)
	}
}

// A merged range given a thousand times is filled once, and the cells
// merges fill count against the cell limit.
func TestMergesCostOnce(t *testing.T) {
	data, err := badfiles.Costly["merges.xlsx"]()
	if err != nil {
		t.Fatal(err)
	}
	wb, err := openLean("m.xlsx", data, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if area := 24 * 20000; wb.merged != area {
		t.Errorf("%d cells filled, want %d", wb.merged, area)
	}
	if got := wb.Sheets[0].At(19999, 25); got != (Cell{Kind: Number, Raw: "7"}) {
		t.Errorf("Z20000 = %+v", got)
	}
	_, err = openLean("m.xlsx", data, Limits{MaxUnzipSize: 1 << 20, MaxCells: 400_000})
	if err == nil || !strings.Contains(err.Error(), "vùng gộp ô quá lớn") {
		t.Errorf("err = %v", err)
	}
}
