package xlsxgrid

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/xlsxin/badfiles"
	"github.com/xuri/excelize/v2"
)

// Workbooks as other programs write them (Excel for Windows and Mac,
// LibreOffice, Numbers, generators): each is read by the lean reader, to
// the value Excel shows, and the excelize path reads the same.

const (
	mainNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relsNS = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	relT   = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
)

// readBoth opens a workbook built from parts on both paths, holds them
// equal, and returns the lean reader's.
func readBoth(t *testing.T, parts map[string]string) *Workbook {
	t.Helper()
	data, err := badfiles.Book(parts)
	if err != nil {
		t.Fatal(err)
	}
	return readBothBytes(t, data)
}

func readBothBytes(t *testing.T, data []byte) *Workbook {
	t.Helper()
	if msg := notAWorkbook("q.xlsx", data); msg != "" {
		t.Fatalf("not a workbook: %s", msg)
	}
	lean, err := openLean("q.xlsx", data, DefaultLimits)
	if err != nil {
		t.Fatalf("lean: %v", err)
	}
	ex, err := openExcelize("q.xlsx", data, DefaultLimits)
	if err != nil {
		t.Fatalf("excelize: %v", err)
	}
	sameBooks(t, "q.xlsx", lean, ex)
	return lean
}

func sheet1(rows string) map[string]string {
	return map[string]string{"xl/worksheets/sheet1.xml": badfiles.SheetXML(rows, "")}
}

func wantCells(t *testing.T, s *Sheet, want map[string]Cell) {
	t.Helper()
	for ref, w := range want {
		c, r, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.At(r-1, c-1); got != w {
			t.Errorf("%s: got %+v, want %+v", ref, got, w)
		}
	}
}

// The 1904 date system is the main workbookPr's: the prefixed workbookPr
// Excel 2013+ and Excel for Mac write in extLst says nothing of dates.
func TestDate1904ExtLst(t *testing.T) {
	for _, ext := range []string{
		`<x15:workbookPr chartTrackingRefBase="1"/>`,
		`<x14:workbookPr defaultImageDpi="220"/>`,
	} {
		wbXML := `<workbook ` + mainNS + ` xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
			`<workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>` +
			`<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}">` + ext + `</ext></extLst></workbook>`
		wb := readBoth(t, map[string]string{"xl/workbook.xml": wbXML, "xl/worksheets/sheet1.xml": badfiles.SheetXML(`<row r="1"><c r="A1"><v>45000</v></c></row>`, "")})
		if !wb.Date1904 {
			t.Errorf("%s reset the 1904 date system", ext)
		}
	}
}

// _xHHHH_ escapes are decoded in shared strings, inline strings and string
// results.
func TestXStringEscapes(t *testing.T) {
	sst := `<sst ` + mainNS + `><si><t>ABC_x0031__x0032__x0033_DEF</t></si><si><t>a_x000D_b</t></si>` +
		`<si><t>_x005F_x0000_</t></si><si><r><t>_xD83D__xDE00_</t></r><r><t> ok</t></r></si></sst>`
	wb := readBoth(t, map[string]string{
		"xl/sharedStrings.xml": sst,
		"xl/worksheets/sheet1.xml": badfiles.SheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>`+
			`<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>`+
			`<c r="E1" t="inlineStr"><is><t>x_x0041_y_xD83D__xDE00_</t></is></c>`+
			`<c r="F1" t="str"><f>"x"</f><v>_x0041__x005F_x0042_</v></c></row>`, ""),
	})
	wantCells(t, wb.Sheets[0], map[string]Cell{
		"A1": {Kind: Text, Raw: "ABC123DEF"},
		"B1": {Kind: Text, Raw: "a\rb"},
		"C1": {Kind: Text, Raw: "_x0000_"},
		"D1": {Kind: Text, Raw: "😀 ok"},
		"E1": {Kind: Text, Raw: "xAy😀"},
		"F1": {Kind: Text, Raw: "A_x0042_"},
	})
}

// CDATA is text; comments and processing instructions are not content.
func TestCDATAAndComments(t *testing.T) {
	sst := `<sst ` + mainNS + `><si><t><![CDATA[a<b & "c"]]></t></si><si><t>x<!-- y -->z</t></si></sst>`
	rows := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>` +
		`<c r="C1" t="inlineStr"><is><t><![CDATA[<c r="D1"><v>5</v></c>]]></t></is></c></row>` +
		`<!-- <row r="5"><c r="B5"><v>999</v></c></row> -->` +
		`<row r="5"><!-- <c r="B5"><v>999</v></c> --><c r="B5"><v>100</v></c><?foo <c r="C5"><v>1</v></c>?></row>` +
		`<row r="6"><c r="B6"><v><![CDATA[42]]></v></c></row>`
	wb := readBoth(t, map[string]string{"xl/sharedStrings.xml": sst, "xl/worksheets/sheet1.xml": badfiles.SheetXML(rows, "")})
	wantCells(t, wb.Sheets[0], map[string]Cell{
		"A1": {Kind: Text, Raw: `a<b & "c"`},
		"B1": {Kind: Text, Raw: "xz"},
		"C1": {Kind: Text, Raw: `<c r="D1"><v>5</v></c>`},
		"D1": {},
		"B5": {Kind: Number, Raw: "100"},
		"C5": {},
		"B6": {Kind: Number, Raw: "42"},
	})
}

// An inline-string cell with a formula keeps its cached <v>; one whose
// string is empty (LibreOffice 4) is computed like any uncached formula.
func TestInlineStringFormulas(t *testing.T) {
	rows := `<row r="1"><c r="A1"><v>2</v></c>` +
		`<c r="B1" t="inlineStr"><f>A1*2</f><v>4</v></c>` +
		`<c r="C1" t="inlineStr"><f>A1*3</f><is><t></t></is></c>` +
		`<c r="D1" t="inlineStr"><f>A1&amp;"x"</f><is><t/></is></c></row>`
	wb := readBoth(t, sheet1(rows))
	wantCells(t, wb.Sheets[0], map[string]Cell{
		"B1": {Kind: Text, Raw: "4"},
		"C1": {Kind: Number, Raw: "6"},
		"D1": {Kind: Text, Raw: "2x"},
	})
}

// A cell given twice keeps the last one, on both paths (excelize's rule).
func TestDuplicateCells(t *testing.T) {
	rows := `<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c><c r="B1"><v>3</v></c></row>` +
		`<row r="2"><c r="A2"><v>4</v></c></row><row r="2"><c r="A2"><v>5</v></c></row>`
	wb := readBoth(t, sheet1(rows))
	wantCells(t, wb.Sheets[0], map[string]Cell{
		"A1": {Kind: Number, Raw: "2"},
		"B1": {Kind: Number, Raw: "3"},
		"A2": {Kind: Number, Raw: "5"},
	})
}

// A number format the file declares is the file's, whatever its id
// (Numbers writes ids below 164); a custom General is General.
func TestDeclaredLowFormatIDs(t *testing.T) {
	styles := `<styleSheet ` + mainNS + `><numFmts count="3"><numFmt numFmtId="59" formatCode="00000"/>` +
		`<numFmt numFmtId="10" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="GENERAL"/></numFmts>` +
		`<cellStyleXfs count="1"><xf numFmtId="59"/></cellStyleXfs>` +
		`<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="59" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/>` +
		`<xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="9" applyNumberFormat="1"/></cellXfs></styleSheet>`
	rows := `<row r="1"><c r="A1" s="1"><v>7</v></c><c r="B1" s="2"><v>0.853</v></c><c r="C1" s="3"><v>5</v></c><c r="D1" s="4"><v>0.5</v></c></row>`
	wb := readBoth(t, map[string]string{"xl/styles.xml": styles, "xl/worksheets/sheet1.xml": badfiles.SheetXML(rows, "")})
	s := wb.Sheets[0]
	wantCells(t, s, map[string]Cell{
		"A1": {Kind: Number, Raw: "7", Format: "00000"},
		"B1": {Kind: Number, Raw: "0.853", Format: "0.0%"},
		"C1": {Kind: Number, Raw: "5"},
		"D1": {Kind: Number, Raw: "0.5", Format: "0%"},
	})
	if s.Text(0, 0) != "00007" {
		t.Errorf("A1 text %q", s.Text(0, 0))
	}
}

// Chart sheets, dialog sheets, macro sheets and legacy module entries have
// no cells to read: they are skipped, on both paths.
func TestSheetsWithoutCells(t *testing.T) {
	wbXML := `<workbook ` + mainNS + `><sheets>` +
		`<sheet name="Chart1" sheetId="1" r:id="rId2"/><sheet name="S" sheetId="2" r:id="rId1"/>` +
		`<sheet name="Dialog1" sheetId="3" r:id="rId3"/><sheet name="Macro1" sheetId="4" r:id="rId4"/>` +
		`<sheet name="Module1" sheetId="5" r:id=""/><sheet name="T" sheetId="6" state="show" r:id="rId5"/></sheets></workbook>`
	rels := `<Relationships ` + relsNS + `>` +
		`<Relationship Id="rId1" Type="` + relT + `worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="` + relT + `chartsheet" Target="chartsheets/sheet1.xml"/>` +
		`<Relationship Id="rId3" Type="` + relT + `dialogsheet" Target="dialogsheets/sheet1.xml"/>` +
		`<Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/>` +
		`<Relationship Id="rId5" Type="` + relT + `worksheet" Target="worksheets/sheet2.xml"/></Relationships>`
	wb := readBoth(t, map[string]string{
		"xl/workbook.xml":              wbXML,
		"xl/_rels/workbook.xml.rels":   rels,
		"xl/worksheets/sheet1.xml":     badfiles.SheetXML(`<row r="1"><c r="a1" s=""><v>1</v></c></row>`, ""),
		"xl/worksheets/sheet2.xml":     badfiles.SheetXML(`<row r="1"><c r="b1"><v>2</v></c></row>`, ""),
		"xl/chartsheets/sheet1.xml":    `<chartsheet ` + mainNS + `><drawing r:id="rId1"/></chartsheet>`,
		"xl/dialogsheets/sheet1.xml":   `<dialogsheet ` + mainNS + `/>`,
		"xl/macrosheets/sheet1.xml":    `<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData/></xm:macrosheet>`,
		"[Content_Types].xml":          "",
		"docProps/app.xml":             `<Properties/>`,
		"xl/worksheets/_rels/none.xml": "",
	})
	if len(wb.Sheets) != 2 || wb.Sheets[0].Name != "S" || wb.Sheets[1].Name != "T" || wb.Sheets[1].Hidden {
		t.Fatalf("sheets %+v", wb.Sheets)
	}
	wantCells(t, wb.Sheets[0], map[string]Cell{"A1": {Kind: Number, Raw: "1"}})
	wantCells(t, wb.Sheets[1], map[string]Cell{"B1": {Kind: Number, Raw: "2"}})
}

// A workbook whose parts are named otherwise is read: found through the
// package's relationships, part names matched without regard to case.
func TestWorkbookPartNames(t *testing.T) {
	cases := map[string]map[string]string{
		"WorkBook.xml": {
			"xl/workbook.xml":            "",
			"xl/WorkBook.xml":            workbookXMLOneSheet,
			"xl/_rels/workbook.xml.rels": "",
			"xl/_rels/WorkBook.xml.rels": `<Relationships ` + relsNS + `><Relationship Id="rId1" Type="` + relT + `worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
			"_rels/.rels":                `<Relationships ` + relsNS + `><Relationship Id="rId1" Type="` + relT + `officeDocument" Target="xl/WorkBook.xml"/></Relationships>`,
			"[Content_Types].xml":        "",
		},
		"through _rels/.rels": {
			"xl/workbook.xml":            "",
			"book/main.xml":              workbookXMLOneSheet,
			"xl/_rels/workbook.xml.rels": "",
			"book/_rels/main.xml.rels":   `<Relationships ` + relsNS + `><Relationship Id="rId1" Type="` + relT + `worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
			"_rels/.rels":                `<Relationships ` + relsNS + `><Relationship Id="rId1" Type="` + relT + `officeDocument" Target="/book/main.xml"/></Relationships>`,
			"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>` +
				`<Override PartName="/book/main.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
		},
	}
	for name, parts := range cases {
		t.Run(name, func(t *testing.T) {
			parts["xl/worksheets/sheet1.xml"] = badfiles.SheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`, "")
			wb := readBoth(t, parts)
			if len(wb.Sheets) != 1 {
				t.Fatalf("sheets %+v", wb.Sheets)
			}
			wantCells(t, wb.Sheets[0], map[string]Cell{"A1": {Kind: Number, Raw: "1"}})
		})
	}
}

const workbookXMLOneSheet = `<workbook ` + mainNS + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`

// A document type declaration (and so any entity of the file's own) is
// not read by the lean reader.
func TestDoctypeStepsAside(t *testing.T) {
	data, err := badfiles.Book(sheet1(`<row r="1"><c r="A1"><v>1</v></c></row>`))
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := badfiles.Parts(data)
	parts["xl/worksheets/sheet1.xml"] = `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>` + parts["xl/worksheets/sheet1.xml"]
	data, _ = badfiles.Book(parts)
	if _, err := openLean("x.xlsx", data, DefaultLimits); !errors.Is(err, errLeanUnsupported) {
		t.Fatalf("err = %v", err)
	}
}

// Text longer than a cell holds in Excel is cut at 32,767 characters, on
// both paths; messages quote at most MaxQuote characters of it.
func TestLongTextCut(t *testing.T) {
	long := strings.Repeat("ả", 40000)
	sst := `<sst ` + mainNS + `><si><t>` + long + `</t></si></sst>`
	wb := readBoth(t, map[string]string{"xl/sharedStrings.xml": sst,
		"xl/worksheets/sheet1.xml": badfiles.SheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>`+long+`</t></is></c></row>`, "")})
	s := wb.Sheets[0]
	for c := 0; c < 2; c++ {
		if got := s.At(0, c).Raw; got != long[:3*MaxText] {
			t.Errorf("column %d: %d bytes", c, len(got))
		}
	}
	e := s.Err(0, 0, "không đọc được '%s' thành số", s.At(0, 0).Raw)
	if n := len([]rune(e.Error())); n > 300 {
		t.Errorf("message of %d characters", n)
	}
}

// Zip entry names: '\' as a separator (some Windows zips) is '/'; two
// entries of the same name (any case) make the file ambiguous, so it is
// refused before either reader guesses.
func TestZipEntryNames(t *testing.T) {
	data, err := badfiles.Book(sheet1(`<row r="1"><c r="A1"><v>1</v></c></row>`))
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := badfiles.Parts(data)
	files := map[string][]byte{}
	for n, v := range parts {
		files[strings.ReplaceAll(n, "/", `\`)] = []byte(v)
	}
	back, err := zipFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	wb, err := OpenBytes("b.xlsx", back, Limits{})
	if err != nil || wb.Sheets[0].At(0, 0) != (Cell{Kind: Number, Raw: "1"}) {
		t.Fatalf("backslashes: %v", err)
	}
	files = map[string][]byte{}
	for n, v := range parts {
		files[n] = []byte(v)
	}
	files["xl/worksheets/Sheet1.xml"] = []byte(badfiles.SheetXML(`<row r="1"><c r="A1"><v>2</v></c></row>`, ""))
	dup, err := zipFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenBytes("d.xlsx", dup, Limits{}); err == nil || !strings.Contains(err.Error(), "d.xlsx: tệp .xlsx bị hỏng: có hai phần cùng tên") {
		t.Fatalf("duplicate names: %v", err)
	}
}

func zipFiles(files map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, v := range files {
		w, err := zw.Create(n)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(v); err != nil {
			return nil, err
		}
	}
	err := zw.Close()
	return buf.Bytes(), err
}

// Cells read in one step (fastCell) are read as token by token, and as
// excelize reads them, in every way they may be written: attributes in any
// order, a style, t="n", an inline string, and the ways fastCell leaves
// to the tokens (a shared string, another attribute, spaces, escapes, line
// ends, an empty value, a formula, no reference, other namespaces).
func TestFastCells(t *testing.T) {
	cells := []string{
		`<c r="A1"><v>1</v></c>`,
		`<c r="B1" s="1"><v>7</v></c>`,
		`<c s="1" r="C1" t="n"><v>8</v></c>`,
		`<c t="n" r="D1"><v>-2.5E-3</v></c>`,
		`<c r="E1" t="inlineStr"><is><t>B000001</t></is></c>`,
		`<c r="F1" t="inlineStr" s="1"><is><t>x</t></is></c>`,
		`<c r="G1"  s="1"><v>9</v></c>`,
		`<c r="H1"><v>1&amp;2</v></c>`,
		`<c r="I1"><v></v></c>`,
		`<c r="J1" t="inlineStr"><is><t>a_x000D_b</t></is></c>`,
		`<c r="K1" t="inlineStr"><is><t></t></is></c>`,
		`<c r="L1" t="s"><v>0</v></c>`,
		`<c r="M1" cm="1"><v>3</v></c>`,
		`<c r="N1"><v> 12 </v></c>`,
		`<c r="O1" t="inlineStr"><is><t xml:space="preserve"> a </t></is></c>`,
		`<c r="P1"><f>1+0</f><v>1</v></c>`,
		`<c r="Q1"><v>1` + "\r\n" + `</v></c>`,
		`<c><v>5</v></c>`,
		`<c r="S1" s="1"/>`,
		`<c r="T1" t="inlineStr"><is><t>Đơn vị &lt;1&gt;</t></is></c>`,
		`<c r="U1" t="b"><v>1</v></c>`,
		`<c r="V1" s="2"><v>0.853</v></c>`,
		`<c r="W1" t="inlineStr"><is><t>` + strings.Repeat("x", 40000) + `</t></is></c>`,
	}
	styles := `<styleSheet ` + mainNS + `><numFmts count="1"><numFmt numFmtId="165" formatCode="00000"/></numFmts>` +
		`<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>`
	sst := `<sst ` + mainNS + ` count="1" uniqueCount="1"><si><t>shared</t></si></sst>`
	rows := `<row r="1">` + strings.Join(cells, "") + `</row>`
	// the main namespace under a prefix, and an unprefixed <c> of another
	// namespace among the rows: the tokens read those
	prefixed := `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
		`<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><c r="B1"><v>2</v></c><x:c r="C1" t="inlineStr"><x:is><x:t>y</x:t></x:is></x:c></x:row>` +
		`</x:sheetData></x:worksheet>`
	for name, sheet := range map[string]string{"main": badfiles.SheetXML(rows, ""), "prefixed": prefixed} {
		parts := map[string]string{"xl/styles.xml": styles, "xl/sharedStrings.xml": sst, "xl/worksheets/sheet1.xml": sheet}
		data, err := badfiles.Book(parts)
		if err != nil {
			t.Fatal(err)
		}
		fast := readBothBytes(t, data)
		fastCells = false
		tokens, err := openLean("q.xlsx", data, DefaultLimits)
		fastCells = true
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameBooks(t, name, fast, tokens)
		if name == "main" {
			wantCells(t, fast.Sheets[0], map[string]Cell{
				"A1": {Kind: Number, Raw: "1"},
				"B1": {Kind: Number, Raw: "7", Format: "00000"},
				"C1": {Kind: Number, Raw: "8", Format: "00000"},
				"E1": {Kind: Text, Raw: "B000001"},
				"T1": {Kind: Text, Raw: "Đơn vị <1>"},
				"V1": {Kind: Number, Raw: "0.853", Format: "0.00%"},
			})
		}
	}
}
