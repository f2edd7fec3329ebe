package xlsxgrid

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The lean reader reads the parts of an .xlsx the rules need — sheet
// names and order, shared strings, number formats, cell values and types,
// formulas' cached values, merged ranges, the 1904 date flag — straight
// from the zip, with a byte scanner for the sheet XML. It gives the same
// Workbook as the excelize path (a differential test holds it to that) and
// steps aside for excelize when a workbook needs more: a formula without a
// cached value (excelize computes it), namespace-prefixed XML, or anything
// it does not understand.

// errLeanUnsupported sends a workbook to the excelize path.
var errLeanUnsupported = errors.New("lean reader: not supported")

func openLean(name string, data []byte, lim Limits) (wb *Workbook, err error) {
	defer func() {
		if r := recover(); r != nil { // a reader bug must not take the import down: let excelize try
			wb, err = nil, errLeanUnsupported
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errLeanUnsupported
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	read := func(p string) ([]byte, error) {
		f, ok := files[p]
		if !ok {
			return nil, nil
		}
		tooBig := fmt.Errorf("%w: phần %s giải nén ra hơn %d MB (giới hạn --max-size)", ErrTooBig, p, lim.MaxUnzipSize>>20)
		if f.UncompressedSize64 > uint64(lim.MaxUnzipSize) {
			return nil, tooBig
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, lim.MaxUnzipSize+1))
		if int64(len(b)) > lim.MaxUnzipSize { // the zip's header lied about the size
			return nil, tooBig
		}
		return b, err
	}
	wbXML, err := read("xl/workbook.xml")
	if err != nil || wbXML == nil {
		return nil, errLeanUnsupported
	}
	relsXML, err := read("xl/_rels/workbook.xml.rels")
	if err != nil || relsXML == nil {
		return nil, errLeanUnsupported
	}
	sheets, date1904, err := parseWorkbookXML(wbXML)
	if err != nil {
		return nil, errLeanUnsupported
	}
	rels, err := parseRels(relsXML)
	if err != nil {
		return nil, errLeanUnsupported
	}
	var sst []string
	if b, err := read("xl/sharedStrings.xml"); err != nil {
		return nil, err
	} else if b != nil {
		if sst, err = parseSharedStrings(b); err != nil {
			return nil, errLeanUnsupported
		}
	}
	var xfFormats []string
	if b, err := read("xl/styles.xml"); err != nil {
		return nil, err
	} else if b != nil {
		if xfFormats, err = parseStyles(b); err != nil {
			return nil, errLeanUnsupported
		}
	}
	wb = &Workbook{File: name, Date1904: date1904, limits: lim}
	for _, sh := range sheets {
		target, ok := rels[sh.rid]
		if !ok {
			return nil, errLeanUnsupported
		}
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join("xl", target)
		}
		b, err := read(target)
		if err != nil {
			return nil, err
		}
		if b == nil {
			return nil, errLeanUnsupported
		}
		s := &Sheet{Book: wb, Name: sh.name, Hidden: sh.hidden}
		if err := scanSheet(b, s, sst, xfFormats); err != nil {
			return nil, err
		}
		wb.Sheets = append(wb.Sheets, s)
	}
	return wb, nil
}

type sheetRef struct {
	name, rid string
	hidden    bool
}

// tags calls fn with the bytes of every start (or empty) tag named name,
// with or without a namespace prefix.
func tags(b []byte, name string, fn func(tag []byte)) {
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return
		}
		i += j + 1
		k := i
		for k < len(b) && b[k] != ' ' && b[k] != '>' && b[k] != '/' && b[k] != '\t' && b[k] != '\n' && b[k] != '\r' {
			k++
		}
		tag := b[i:k]
		if c := bytes.IndexByte(tag, ':'); c >= 0 {
			tag = tag[c+1:]
		}
		if string(tag) != name {
			continue
		}
		gt := bytes.IndexByte(b[k:], '>')
		if gt < 0 {
			return
		}
		fn(b[k : k+gt])
		i = k + gt
	}
}

// attrValue returns an attribute's unescaped value.
func attrValue(tag []byte, name string) (string, bool) {
	v, ok := attr(tag, name)
	if !ok {
		return "", false
	}
	s, err := unescape(v)
	return s, err == nil
}

func parseWorkbookXML(b []byte) ([]sheetRef, bool, error) {
	var out []sheetRef
	date1904 := false
	tags(b, "workbookPr", func(tag []byte) {
		v, _ := attrValue(tag, "date1904")
		date1904 = v == "1" || v == "true"
	})
	var bad bool
	tags(b, "sheet", func(tag []byte) {
		var s sheetRef
		s.name, _ = attrValue(tag, "name")
		state, _ := attrValue(tag, "state")
		s.hidden = state == "hidden" || state == "veryHidden"
		for _, p := range []string{"r:id", "relationships:id", "ns1:id"} {
			if v, ok := attrValue(tag, p); ok {
				s.rid = v
			}
		}
		if s.rid == "" {
			bad = true
		}
		out = append(out, s)
	})
	if bad || len(out) == 0 {
		return nil, false, errLeanUnsupported
	}
	return out, date1904, nil
}

func parseRels(b []byte) (map[string]string, error) {
	out := map[string]string{}
	tags(b, "Relationship", func(tag []byte) {
		id, _ := attrValue(tag, "Id")
		target, _ := attrValue(tag, "Target")
		out[id] = target
	})
	return out, nil
}

// parseStyles returns the number format code of every cell format (xf) of
// the cellXfs list, by index.
func parseStyles(b []byte) ([]string, error) {
	custom := map[int]string{}
	tags(b, "numFmt", func(tag []byte) {
		id, _ := attrValue(tag, "numFmtId")
		code, _ := attrValue(tag, "formatCode")
		n, err := strconv.Atoi(id)
		if err == nil {
			custom[n] = code
		}
	})
	start := bytes.Index(b, []byte("cellXfs"))
	if start < 0 {
		return nil, nil
	}
	end := bytes.Index(b[start+7:], []byte("cellXfs"))
	if end < 0 {
		return nil, errLeanUnsupported
	}
	var out []string
	tags(b[start:start+7+end], "xf", func(tag []byte) {
		v, _ := attrValue(tag, "numFmtId")
		id, _ := strconv.Atoi(v)
		code, ok := custom[id]
		if !ok {
			code = builtinFormats[id]
		}
		if code == "General" {
			code = ""
		}
		out = append(out, code)
	})
	return out, nil
}

// parseSharedStrings reads the shared string table: each <si> is the
// concatenation of its <t> texts, phonetic runs (<rPh>) left out.
func parseSharedStrings(b []byte) ([]string, error) {
	if bytes.Contains(b[:min(len(b), 512)], []byte(":sst")) {
		return nil, errLeanUnsupported
	}
	var out []string
	i := 0
	for {
		j := bytes.Index(b[i:], []byte("<si"))
		if j < 0 {
			return out, nil
		}
		i += j + 3
		if i < len(b) && b[i] != '>' && b[i] != ' ' && b[i] != '/' {
			continue // <sil…> is not <si>
		}
		if i < len(b) && b[i] == '/' { // <si/>
			out = append(out, "")
			continue
		}
		end := bytes.Index(b[i:], []byte("</si>"))
		if end < 0 {
			return nil, errLeanUnsupported
		}
		s, err := collectTexts(b[i : i+end])
		if err != nil {
			return nil, err
		}
		out = append(out, s)
		i += end + 5
	}
}

// collectTexts concatenates the <t> elements of a rich or plain string,
// skipping phonetic runs.
func collectTexts(b []byte) (string, error) {
	var sb strings.Builder
	for {
		if k := bytes.Index(b, []byte("<rPh")); k >= 0 {
			if e := bytes.Index(b[k:], []byte("</rPh>")); e >= 0 {
				head, err := collectTexts(b[:k])
				if err != nil {
					return "", err
				}
				tail, err := collectTexts(b[k+e+6:])
				return head + tail, err
			}
		}
		j := bytes.Index(b, []byte("<t"))
		if j < 0 {
			return sb.String(), nil
		}
		b = b[j+2:]
		if len(b) == 0 {
			return "", errLeanUnsupported
		}
		if b[0] != '>' && b[0] != ' ' && b[0] != '/' {
			continue
		}
		gt := bytes.IndexByte(b, '>')
		if gt < 0 {
			return "", errLeanUnsupported
		}
		if gt > 0 && b[gt-1] == '/' { // <t/>
			b = b[gt+1:]
			continue
		}
		b = b[gt+1:]
		end := bytes.Index(b, []byte("</t>"))
		if end < 0 {
			return "", errLeanUnsupported
		}
		text, err := unescape(b[:end])
		if err != nil {
			return "", err
		}
		sb.WriteString(text)
		b = b[end+4:]
	}
}

// unescape decodes XML entities and character references.
func unescape(b []byte) (string, error) {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b), nil
	}
	var sb strings.Builder
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\r' { // XML normalises line ends
			if i+1 < len(b) && b[i+1] == '\n' {
				continue
			}
			sb.WriteByte('\n')
			continue
		}
		if c != '&' {
			sb.WriteByte(c)
			continue
		}
		semi := bytes.IndexByte(b[i:], ';')
		if semi < 0 {
			return "", errLeanUnsupported
		}
		ent := string(b[i+1 : i+semi])
		switch ent {
		case "lt":
			sb.WriteByte('<')
		case "gt":
			sb.WriteByte('>')
		case "amp":
			sb.WriteByte('&')
		case "quot":
			sb.WriteByte('"')
		case "apos":
			sb.WriteByte('\'')
		default:
			var n uint64
			var err error
			switch {
			case strings.HasPrefix(ent, "#x"):
				n, err = strconv.ParseUint(ent[2:], 16, 32)
			case strings.HasPrefix(ent, "#"):
				n, err = strconv.ParseUint(ent[1:], 10, 32)
			default:
				return "", errLeanUnsupported
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				return "", errLeanUnsupported
			}
			sb.WriteRune(rune(n))
		}
		i += semi
	}
	return sb.String(), nil
}

// attr returns the value of attribute name in a start tag's bytes.
func attr(tag []byte, name string) ([]byte, bool) {
	i := 0
	for {
		j := bytes.Index(tag[i:], []byte(name))
		if j < 0 {
			return nil, false
		}
		k := i + j
		after := k + len(name)
		if (k == 0 || tag[k-1] == ' ' || tag[k-1] == '\t' || tag[k-1] == '\n' || tag[k-1] == '\r') &&
			after+1 < len(tag) && tag[after] == '=' && (tag[after+1] == '"' || tag[after+1] == '\'') {
			q := tag[after+1]
			end := bytes.IndexByte(tag[after+2:], q)
			if end < 0 {
				return nil, false
			}
			return tag[after+2 : after+2+end], true
		}
		i = after
	}
}

// scanSheet fills s from the worksheet XML.
func scanSheet(b []byte, s *Sheet, sst, xfFormats []string) error {
	start := bytes.Index(b, []byte("<sheetData"))
	if start < 0 {
		if bytes.Contains(b, []byte(":sheetData")) {
			return errLeanUnsupported
		}
		return nil
	}
	end := bytes.LastIndex(b, []byte("</sheetData>"))
	data := b[start:]
	if end > start {
		data = b[start:end]
	}
	row, col := -1, -1
	i := 0
	for {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		if i >= len(data) {
			break
		}
		switch {
		case bytes.HasPrefix(data[i:], []byte("row")) && len(data) > i+3 && (data[i+3] == ' ' || data[i+3] == '>' || data[i+3] == '/'):
			gt := bytes.IndexByte(data[i:], '>')
			if gt < 0 {
				return errLeanUnsupported
			}
			tag := data[i : i+gt]
			if r, ok := attr(tag, "r"); ok {
				n, err := strconv.Atoi(string(r))
				if err != nil || n < 1 {
					return errLeanUnsupported
				}
				row = n - 1
			} else {
				row++
			}
			col = -1
			i += gt
		case data[i] == 'c' && len(data) > i+1 && (data[i+1] == ' ' || data[i+1] == '>' || data[i+1] == '/'):
			gt := bytes.IndexByte(data[i:], '>')
			if gt < 0 {
				return errLeanUnsupported
			}
			tag := data[i : i+gt]
			selfClosing := tag[len(tag)-1] == '/'
			if ref, ok := attr(tag, "r"); ok {
				c, r, err := excelize.CellNameToCoordinates(string(ref))
				if err != nil {
					return errLeanUnsupported
				}
				row, col = r-1, c-1
			} else {
				col++
			}
			if row < 0 {
				return errLeanUnsupported
			}
			i += gt + 1
			var body []byte
			if !selfClosing {
				e := bytes.Index(data[i:], []byte("</c>"))
				if e < 0 {
					return errLeanUnsupported
				}
				body = data[i : i+e]
				i += e + 4
			}
			cell, err := leanCell(tag, body, sst, xfFormats)
			if err != nil {
				return err
			}
			if cell.Kind != Empty {
				if err := s.set(row, col, cell); err != nil {
					return err
				}
			}
		default:
			if bytes.HasPrefix(data[i:], []byte("x:")) || bytes.HasPrefix(data[i:], []byte("s:")) {
				return errLeanUnsupported
			}
		}
	}
	// merged ranges take their top-left value
	rest := b[max(end, start):]
	for {
		k := bytes.Index(rest, []byte("<mergeCell "))
		if k < 0 {
			break
		}
		gt := bytes.IndexByte(rest[k:], '>')
		if gt < 0 {
			return errLeanUnsupported
		}
		ref, ok := attr(rest[k:k+gt], "ref")
		rest = rest[k+gt:]
		if !ok {
			continue
		}
		a, z, found := strings.Cut(string(ref), ":")
		if !found {
			continue
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(a)
		c2, r2, err2 := excelize.CellNameToCoordinates(z)
		if err1 != nil || err2 != nil {
			continue
		}
		if err := s.fillMerge(r1-1, c1-1, r2-1, c2-1); err != nil {
			return err
		}
	}
	return nil
}

func leanCell(tag, body []byte, sst, xfFormats []string) (Cell, error) {
	t, _ := attr(tag, "t")
	format := ""
	if sv, ok := attr(tag, "s"); ok {
		idx, err := strconv.Atoi(string(sv))
		if err == nil && idx >= 0 && idx < len(xfFormats) {
			format = xfFormats[idx]
		}
	}
	hasFormula := bytes.Contains(body, []byte("<f"))
	var v []byte
	hasV := false
	if k := bytes.Index(body, []byte("<v>")); k >= 0 {
		e := bytes.Index(body[k:], []byte("</v>"))
		if e < 0 {
			return Cell{}, errLeanUnsupported
		}
		v, hasV = body[k+3:k+e], true
	}
	if hasFormula && (!hasV || len(v) == 0) && string(t) != "inlineStr" {
		return Cell{}, errLeanUnsupported // excelize computes it
	}
	switch string(t) {
	case "s":
		if !hasV {
			return Cell{}, nil
		}
		idx, err := strconv.Atoi(string(bytes.TrimSpace(v)))
		if err != nil || idx < 0 || idx >= len(sst) {
			return Cell{}, errLeanUnsupported
		}
		if sst[idx] == "" {
			return Cell{}, nil
		}
		return Cell{Kind: Text, Raw: sst[idx]}, nil
	case "inlineStr":
		k := bytes.Index(body, []byte("<is>"))
		if k < 0 {
			return Cell{}, nil
		}
		text, err := collectTexts(body[k:])
		if err != nil || text == "" {
			return Cell{}, err
		}
		return Cell{Kind: Text, Raw: text}, nil
	case "str", "d":
		text, err := unescape(v)
		if err != nil || text == "" {
			return Cell{}, err
		}
		return Cell{Kind: Text, Raw: text}, nil
	case "b":
		if !hasV {
			return Cell{}, nil
		}
		return Cell{Kind: Bool, Raw: string(v)}, nil
	case "e":
		text, err := unescape(v)
		if err != nil {
			return Cell{}, err
		}
		return Cell{Kind: Error, Raw: text}, nil
	case "", "n":
		if !hasV || len(v) == 0 {
			return Cell{}, nil
		}
		return Cell{Kind: Number, Raw: string(v), Format: format}, nil
	}
	return Cell{}, errLeanUnsupported
}
