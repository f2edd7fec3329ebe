// Package xlsxspec builds workbooks from a small text language, so that
// tests (Go tests and testscript scripts) can state a workbook's cells in
// plain text instead of committing binary files.
//
//	sheet Targets                      first "sheet" renames Sheet1, later ones add sheets
//	row 4: STT | Mã đơn vị | thu 2024  cells from column A; empty between bars = empty cell
//	row 5 at C: 1 | 2                  cells from column C
//	cell B6: 1                         one cell
//	fmt B6:B9 000                      number format for a range (custom code)
//	merge A1:F1                        merged range
//	date B2 2024-03-15                 a date cell (format dd/mm/yyyy)
//	hide NAME                          hides a sheet (one written earlier)
//	date1904                           the workbook counts dates from 1904
//
// Values: '… is text as written; a value Go can parse as a number is a
// number; =… is a formula without a cached value; =…{v} a formula whose
// cached value is v; anything else is text. "#" starts a comment line. In
// text, \n is a line break inside the cell (Alt+Enter in Excel).
package xlsxspec

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

type cached struct{ sheet, cell, value string }

// Build returns the workbook described by spec as .xlsx bytes.
func Build(spec string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	first := true
	var caches []cached
	var hidden []string
	sc := bufio.NewScanner(strings.NewReader(spec))
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fail := func(err error) error { return fmt.Errorf("spec line %d %q: %w", ln, line, err) }
		word, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		switch word {
		case "sheet":
			if first {
				if err := f.SetSheetName("Sheet1", rest); err != nil {
					return nil, fail(err)
				}
			} else if _, err := f.NewSheet(rest); err != nil {
				return nil, fail(err)
			}
			sheet, first = rest, false
		case "row", "cell":
			head, vals, ok := strings.Cut(rest, ":")
			if !ok {
				return nil, fail(fmt.Errorf("missing ':'"))
			}
			var col, row int
			var err error
			if word == "cell" {
				col, row, err = excelize.CellNameToCoordinates(strings.TrimSpace(head))
			} else {
				col = 1
				rs, at, hasAt := strings.Cut(head, " at ")
				row, err = strconv.Atoi(strings.TrimSpace(rs))
				if err == nil && hasAt {
					col, err = excelize.ColumnNameToNumber(strings.TrimSpace(at))
				}
			}
			if err != nil {
				return nil, fail(err)
			}
			parts := []string{vals}
			if word == "row" {
				parts = strings.Split(vals, "|")
			}
			for i, p := range parts {
				ref, _ := excelize.CoordinatesToCellName(col+i, row)
				c, err := setValue(f, sheet, ref, strings.TrimSpace(p))
				if err != nil {
					return nil, fail(err)
				}
				if c != nil {
					caches = append(caches, *c)
				}
			}
		case "fmt":
			rng, code, _ := strings.Cut(rest, " ")
			a, b, ok := strings.Cut(rng, ":")
			if !ok {
				b = a
			}
			code = strings.TrimSpace(code)
			st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			if err != nil {
				return nil, fail(err)
			}
			if err := f.SetCellStyle(sheet, a, b, st); err != nil {
				return nil, fail(err)
			}
		case "merge":
			a, b, _ := strings.Cut(rest, ":")
			if err := f.MergeCell(sheet, a, b); err != nil {
				return nil, fail(err)
			}
		case "date":
			ref, ds, _ := strings.Cut(rest, " ")
			t, err := time.Parse("2006-01-02", strings.TrimSpace(ds))
			if err != nil {
				return nil, fail(err)
			}
			code := "dd/mm/yyyy"
			st, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			if err := f.SetCellValue(sheet, ref, t); err != nil {
				return nil, fail(err)
			}
			if err := f.SetCellStyle(sheet, ref, ref, st); err != nil {
				return nil, fail(err)
			}
		case "hide":
			if rest == "" {
				rest = sheet
			}
			hidden = append(hidden, rest)
		case "date1904":
			t := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &t}); err != nil {
				return nil, fail(err)
			}
		default:
			return nil, fail(fmt.Errorf("unknown directive %q", word))
		}
	}
	for _, name := range hidden {
		idx, err := f.GetSheetIndex(name)
		if err != nil || idx < 0 {
			return nil, fmt.Errorf("hide %s: no such sheet", name)
		}
		if idx == f.GetActiveSheetIndex() { // the active sheet cannot be hidden
			f.SetActiveSheet((idx + 1) % len(f.GetSheetList()))
		}
		if err := f.SetSheetVisible(name, false); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	if len(caches) == 0 {
		return buf.Bytes(), nil
	}
	return patchCaches(buf.Bytes(), f, caches)
}

var formulaCacheRE = regexp.MustCompile(`^=(.*)\{(.*)\}$`)

func setValue(f *excelize.File, sheet, ref, v string) (*cached, error) {
	switch {
	case v == "":
		return nil, nil
	case strings.HasPrefix(v, "'"):
		return nil, f.SetCellStr(sheet, ref, v[1:])
	case strings.HasPrefix(v, "="):
		if m := formulaCacheRE.FindStringSubmatch(v); m != nil {
			if err := f.SetCellFormula(sheet, ref, m[1]); err != nil {
				return nil, err
			}
			return &cached{sheet, ref, m[2]}, nil
		}
		return nil, f.SetCellFormula(sheet, ref, v[1:])
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil {
		return nil, f.SetCellFloat(sheet, ref, n, -1, 64)
	}
	return nil, f.SetCellStr(sheet, ref, strings.ReplaceAll(v, `\n`, "\n"))
}

// patchCaches rewrites formula cells so that they carry a cached numeric
// value, as Excel and LibreOffice save them (excelize writes formulas
// without one).
func patchCaches(data []byte, f *excelize.File, caches []cached) ([]byte, error) {
	paths := map[string]string{}
	for _, name := range f.GetSheetList() {
		idx, _ := f.GetSheetIndex(name)
		paths[name] = fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)
	}
	return RewriteParts(data, func(name string, body []byte) ([]byte, error) {
		for _, c := range caches {
			if paths[c.sheet] != name {
				continue
			}
			re := regexp.MustCompile(`<c r="` + c.cell + `"([^>]*?) t="str"([^>]*)><f>(.*?)</f>(<v>[^<]*</v>|<v/>)?</c>`)
			if !re.Match(body) {
				return nil, fmt.Errorf("formula cell %s!%s not found for its cached value", c.sheet, c.cell)
			}
			typ := ""
			if strings.HasPrefix(c.value, "#") {
				typ = ` t="e"` // an error value, as spreadsheets save #DIV/0!
			}
			body = re.ReplaceAll(body, []byte(`<c r="`+c.cell+`"$1$2`+typ+`><f>$3</f><v>`+c.value+`</v></c>`))
		}
		return body, nil
	})
}

// RewriteParts rewrites a workbook (or any zip) part by part, in the
// order it has them: each part's bytes go through edit with its name.
func RewriteParts(data []byte, edit func(name string, body []byte) ([]byte, error)) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if body, err = edit(zf.Name, body); err != nil {
			return nil, err
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// WriteFile builds the workbook described by spec into path.
func WriteFile(path, spec string) error {
	data, err := Build(spec)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
