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
