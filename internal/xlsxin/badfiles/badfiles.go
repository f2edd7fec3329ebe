// Package badfiles makes the broken and hostile files a mailbox delivers in
// place of a workbook, for tests (testdata/bad is made by this code rather
// than committed: some of these files are large by design).
package badfiles

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bhxh/kpi/internal/xlsxspec"
)

// goodSpec is a small valid long-layout report.
const goodSpec = "row 1: Mã đơn vị: H01\nrow 2: Kỳ báo cáo: 03/2024\nrow 4: Mã chỉ tiêu | Thực hiện trong tháng\nrow 5: bhyt | 100\n"

// Kinds lists the files Make can write, by the name they get.
var Kinds = map[string]func() ([]byte, error){
	"empty.xlsx":     func() ([]byte, error) { return nil, nil },
	"csv.xlsx":       func() ([]byte, error) { return []byte("Mã đơn vị,bhyt\nH01,100\n"), nil },
	"pdf.xlsx":       func() ([]byte, error) { return []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), nil },
	"truncated.xlsx": truncated,
	"legacy.xls":     func() ([]byte, error) { return ole2(nil), nil },
	"password.xlsx":  func() ([]byte, error) { return ole2(utf16("EncryptedPackage")), nil },
	"docx.xlsx":      docx,
	"bomb.xlsx":      func() ([]byte, error) { return bomb(64 << 20) },
	"far-cell.xlsx":  farCell,
	"macro.xlsm":     func() ([]byte, error) { return xlsxspec.Build(goodSpec) },
}

// Make writes every kind into dir and returns the names, sorted.
func Make(dir string) ([]string, error) {
	var names []string
	for name, build := range Kinds {
		data, err := build()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	sort.Strings(names)
	return names, nil
}

func truncated() ([]byte, error) {
	data, err := xlsxspec.Build(goodSpec)
	if err != nil {
		return nil, err
	}
	return data[:len(data)/2], nil
}

func ole2(extra []byte) []byte {
	b := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	return append(b, extra...)
}

func utf16(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

func zipOf(files map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(files[n]); err != nil {
			return nil, err
		}
	}
	err := zw.Close()
	return buf.Bytes(), err
}

func docx() ([]byte, error) {
	return zipOf(map[string][]byte{"[Content_Types].xml": []byte("<Types/>"), "word/document.xml": []byte("<w:document/>")})
}

const workbookXML = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`
const relsXML = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`

// bomb is a workbook whose one sheet inflates to n bytes (of blank rows).
func bomb(n int) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{"xl/workbook.xml": workbookXML, "xl/_rels/workbook.xml.rels": relsXML} {
		w, err := zw.Create(name)
		if err != nil {
			return nil, err
		}
		io.WriteString(w, body)
	}
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return nil, err
	}
	io.WriteString(w, `<worksheet><sheetData>`)
	chunk := bytes.Repeat([]byte("<row/>"), 1<<14)
	for written := 0; written < n; written += len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			return nil, err
		}
	}
	io.WriteString(w, `</sheetData></worksheet>`)
	err = zw.Close()
	return buf.Bytes(), err
}

// farCell is a workbook with cells at absurd places: past Excel's last
// column, and one with a merge over the whole sheet.
func farCell() ([]byte, error) {
	sheet := `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="ZZZZ1048577"><v>1</v></c></row></sheetData></worksheet>`
	return zipOf(map[string][]byte{"xl/workbook.xml": []byte(workbookXML), "xl/_rels/workbook.xml.rels": []byte(relsXML),
		"xl/worksheets/sheet1.xml": []byte(sheet)})
}

// Book builds a workbook from the XML of its parts, by name. Missing
// package parts are filled in: the content types, the package's and the
// workbook's relationships (to xl/worksheets/sheet1.xml and, when given,
// xl/sharedStrings.xml and xl/styles.xml) and a workbook of one sheet "S".
// A part given as "" is left out. Parts are stored without compression,
// so that a fuzzer's changes reach the XML.
func Book(parts map[string]string) ([]byte, error) {
	all := map[string]string{
		"[Content_Types].xml":        contentTypesXML,
		"_rels/.rels":                rootRelsXML,
		"xl/workbook.xml":            workbookXML,
		"xl/_rels/workbook.xml.rels": "",
	}
	for n, v := range parts {
		all[n] = v
	}
	if all["xl/_rels/workbook.xml.rels"] == "" {
		if _, given := parts["xl/_rels/workbook.xml.rels"]; !given {
			rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
			if all["xl/sharedStrings.xml"] != "" {
				rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
			}
			if all["xl/styles.xml"] != "" {
				rels += `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
			}
			all["xl/_rels/workbook.xml.rels"] = rels + `</Relationships>`
		}
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(all))
	for n, v := range all {
		if v != "" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, all[n]); err != nil {
			return nil, err
		}
	}
	err := zw.Close()
	return buf.Bytes(), err
}

// Parts returns the parts of a workbook (or any zip) by name: the
// inverse of Book, for seeding fuzzers with real workbooks.
func Parts(data []byte) (map[string]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		out[f.Name] = string(b)
	}
	return out, nil
}

const contentTypesXML = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
	`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
	`</Types>`

const rootRelsXML = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
	`</Relationships>`

// SheetXML wraps rows (and whatever follows sheetData: merges) in a
// worksheet of the main namespace.
func SheetXML(sheetData, after string) string {
	return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheetData>` + sheetData + `</sheetData>` + after + `</worksheet>`
}

// reportRows are the rows of a small long-layout report (good enough to
// import) with the bhyt value cell B5 left to the caller.
func reportRows(b5 string) string {
	return `<row r="1"><c r="A1" t="inlineStr"><is><t>Mã đơn vị: H01</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>Kỳ báo cáo: 03/2024</t></is></c></row>` +
		`<row r="4"><c r="A4" t="inlineStr"><is><t>Mã chỉ tiêu</t></is></c><c r="B4" t="inlineStr"><is><t>Thực hiện trong tháng</t></is></c></row>` +
		`<row r="5"><c r="A5" t="inlineStr"><is><t>bhyt</t></is></c>` + b5 + `</row>`
}

// Costly lists crafted files that once cost a reader minutes or
// gigabytes, by the name they get; each is small on disk. They are not
// among Kinds (mkbad does not write them): TestCostlyFiles reads each
// under an allocation budget.
var Costly = map[string]func() ([]byte, error){
	// one formula without a cached value, beside a cell at the sheet's far
	// corner: a reader that hands the workbook to a calculator builds the
	// whole sheet
	"far-formula.xlsx": func() ([]byte, error) {
		return Book(map[string]string{"xl/worksheets/sheet1.xml": SheetXML(
			reportRows(`<c r="B5"><f>SUM(C5:XFD5)+100</f></c>`)+
				`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`, "")})
	},
	// a million empty rows and a formula over the whole column
	"million-rows.xlsx": func() ([]byte, error) {
		var sb strings.Builder
		sb.WriteString(reportRows(`<c r="B5"><f>SUM(C:C)+100</f></c>`))
		for r := 6; r <= 1_000_000; r++ {
			fmt.Fprintf(&sb, `<row r="%d"/>`, r)
		}
		return zipDeflated(map[string]string{"xl/worksheets/sheet1.xml": SheetXML(sb.String(), "")})
	},
	// ten thousand rows each summing the whole column below the report:
	// the work budget, not the clock, stops it
	"formula-storm.xlsx": func() ([]byte, error) {
		var sb strings.Builder
		sb.WriteString(reportRows(`<c r="B5"><f>SUM(C6:C20000)</f></c>`))
		for r := 6; r <= 20000; r++ {
			fmt.Fprintf(&sb, `<row r="%d"><c r="C%d"><f>SUM(D$1:D$20000)+SUM(C$20001:C$40000)</f></c><c r="D%d"><v>1</v></c></row>`, r, r, r)
		}
		return zipDeflated(map[string]string{"xl/worksheets/sheet1.xml": SheetXML(sb.String(), "")})
	},
	// structured references (Table1[Sales]) without cached values
	"table-formulas.xlsx": func() ([]byte, error) {
		var sb strings.Builder
		sb.WriteString(reportRows(`<c r="B5"><f>SUM(Table1[Sales])</f></c>`))
		for r := 6; r <= 3000; r++ {
			fmt.Fprintf(&sb, `<row r="%d"><c r="C%d"><f>Table1[[#This Row],[Sales]]*2</f></c></row>`, r, r)
		}
		return zipDeflated(map[string]string{"xl/worksheets/sheet1.xml": SheetXML(sb.String(), "")})
	},
	// a thousand identical merges of a large range with a value in it
	"merges.xlsx": func() ([]byte, error) {
		var sb strings.Builder
		sb.WriteString(`<mergeCells count="1000">`)
		for i := 0; i < 1000; i++ {
			sb.WriteString(`<mergeCell ref="C1:Z20000"/>`)
		}
		sb.WriteString(`</mergeCells>`)
		return zipDeflated(map[string]string{"xl/worksheets/sheet1.xml": SheetXML(
			reportRows(`<c r="B5"><v>100</v></c>`)+`<row r="6"><c r="C1"><v>7</v></c></row>`, sb.String())})
	},
	// a 50 MB shared string in the report's value cell
	"huge-string.xlsx": func() ([]byte, error) {
		sst := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>` +
			strings.Repeat("mười ", 10<<20) + `</t></si></sst>`
		return zipDeflated(map[string]string{"xl/worksheets/sheet1.xml": SheetXML(
			reportRows(`<c r="B5" t="s"><v>0</v></c>`), ""), "xl/sharedStrings.xml": sst})
	},
}

// zipDeflated is Book with compressed parts.
func zipDeflated(parts map[string]string) ([]byte, error) {
	stored, err := Book(parts)
	if err != nil {
		return nil, err
	}
	all, err := Parts(stored)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for n, v := range all {
		files[n] = []byte(v)
	}
	return zipOf(files)
}

// Slim cuts a workbook to the XML a reader reads of it, for seeding
// fuzzers: its first sheet's sheetData and merges, the shared strings and
// the number formats with the cell formats. A fuzzer then mutates that XML
// rather than the deflated bytes of a zip (which mostly fail the zip's
// checksum), and each new input it finds is minimised in seconds: the
// minimiser's work grows with the square of an input's size.
func Slim(data []byte) (sheet, sst, styles []byte, err error) {
	parts, err := Parts(data)
	if err != nil {
		return nil, nil, nil, err
	}
	cut := func(s, from, to string) string {
		i, j := strings.Index(s, from), strings.LastIndex(s, to)
		if i < 0 || j < i {
			return ""
		}
		return s[i : j+len(to)]
	}
	ws := parts["xl/worksheets/sheet1.xml"]
	body := cut(ws, "<sheetData", "</sheetData>")
	if body == "" {
		body = cut(ws, "<sheetData", "/>")
	}
	sheet = []byte("<worksheet>" + body + cut(ws, "<mergeCells", "</mergeCells>") + "</worksheet>")
	if s := cut(parts["xl/sharedStrings.xml"], "<sst", "</sst>"); s != "" {
		sst = []byte(strings.Replace(s, ` xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`, "", 1))
	}
	st := parts["xl/styles.xml"]
	styles = []byte("<styleSheet>" + cut(st, "<numFmts", "</numFmts>") + cut(st, "<cellXfs", "</cellXfs>") + "</styleSheet>")
	return sheet, sst, styles, nil
}

// Slimmed is a workbook of one sheet made of the parts Slim returns (or a
// fuzzer's mutations of them).
func Slimmed(sheet, sst, styles []byte) ([]byte, error) {
	return Book(map[string]string{"xl/worksheets/sheet1.xml": string(sheet), "xl/sharedStrings.xml": string(sst),
		"xl/styles.xml": string(styles)})
}
