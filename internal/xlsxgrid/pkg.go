package xlsxgrid

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"path"
	"strings"
	"sync"

	kflate "github.com/klauspost/compress/flate"
)

// pkg is an .xlsx file's zip as a package of parts. Part names are matched
// without regard to case, as the Open Packaging Conventions say
// (xl/WorkBook.xml is xl/workbook.xml), and no part is read past the
// limit on unzipped size.
type pkg struct {
	files map[string]*zip.File // by lower-cased name without leading '/'
	lim   Limits
	dup   string      // a name two entries share, if any
	zipr  io.ReaderAt // the zip's bytes (readShared checks data descriptors)

	wbPart  string // workbookPart, once found
	wbFound bool
}

// inflater unzips a workbook's parts: klauspost/compress's inflate, a
// third quicker than the standard library's (the 83 MB sheet of 200,000
// rows 0.16 → 0.115 s; a district workbook's five small parts each build
// their tables quicker too), its readers pooled as archive/zip pools its
// own.
func inflater(r io.Reader) io.ReadCloser {
	fr, ok := inflaters.Get().(io.ReadCloser)
	if !ok {
		return &pooledInflater{kflate.NewReader(r)}
	}
	_ = fr.(kflate.Resetter).Reset(r, nil)
	return &pooledInflater{fr}
}

var inflaters sync.Pool

// pooledInflater gives its reader back to the pool once closed.
type pooledInflater struct{ fr io.ReadCloser }

func (p *pooledInflater) Read(b []byte) (int, error) {
	if p.fr == nil {
		return 0, errors.New("read of a closed part")
	}
	return p.fr.Read(b)
}

func (p *pooledInflater) Close() error {
	if p.fr == nil {
		return nil
	}
	err := p.fr.Close()
	inflaters.Put(p.fr)
	p.fr = nil
	return err
}

func openPkg(data []byte, lim Limits) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	p := newPkg(zr, lim)
	p.zipr = bytes.NewReader(data)
	return p, nil
}

// newPkg indexes a zip's parts by name. Names are matched without case;
// some Windows zips write '\'. The first of two parts with one name is
// kept and the second's name remembered in dup.
func newPkg(zr *zip.Reader, lim Limits) *pkg {
	zr.RegisterDecompressor(zip.Deflate, inflater)
	p := &pkg{files: make(map[string]*zip.File, len(zr.File)), lim: lim}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))
		if _, dup := p.files[name]; !dup {
			p.files[name] = f
		} else if p.dup == "" {
			p.dup = f.Name
		}
	}
	return p
}

func (p *pkg) has(name string) bool {
	_, ok := p.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	return ok
}

// read returns a part's bytes, nil without error when there is no such
// part.
func (p *pkg) read(name string) ([]byte, error) {
	f, ok := p.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if !ok {
		return nil, nil
	}
	tooBig := tooBigPart(f, p.lim)
	if f.UncompressedSize64 > uint64(p.lim.MaxUnzipSize) {
		return nil, tooBig
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// the declared size (within the limit) sizes the buffer; the limit, not
	// the declaration, bounds what is read
	buf := bytes.NewBuffer(make([]byte, 0, min(f.UncompressedSize64, 64<<20)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(rc, p.lim.MaxUnzipSize+1))
	if int64(buf.Len()) > p.lim.MaxUnzipSize { // the zip's header lied about the size
		return nil, tooBig
	}
	return buf.Bytes(), err
}

// readShared is read for a package's small parts — relationships,
// content types, workbook, styles — which the workbooks of one template
// share byte for byte (a month's 700 district workbooks): each is unzipped
// once, then found by its zipped bytes (parts), and the bytes it returns
// are shared: never to be changed.
func (p *pkg) readShared(name string) ([]byte, error) {
	f, ok := p.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if !ok || f.CompressedSize64 > sharedPart || f.UncompressedSize64 > sharedPartOut || !p.descriptorOK(f) {
		return p.read(name)
	}
	raw := make([]byte, f.CompressedSize64)
	r, err := f.OpenRaw()
	if err == nil {
		_, err = io.ReadFull(r, raw)
	}
	if err != nil {
		return p.read(name)
	}
	parts.Lock()
	got, ok := parts.m[string(raw)]
	parts.Unlock()
	// the same zipped bytes, declared the same: read as they were, the same
	// checks passed (within this package's limit)
	if ok && got.method == f.Method && got.crc == f.CRC32 && got.size == f.UncompressedSize64 && int64(len(got.b)) <= p.lim.MaxUnzipSize {
		return got.b, nil
	}
	b, err := p.read(name)
	if err == nil && b != nil {
		parts.Lock()
		if len(parts.m) >= sharedParts {
			clear(parts.m)
		}
		parts.m[string(raw)] = sharedBytes{method: f.Method, crc: f.CRC32, size: f.UncompressedSize64, b: b}
		parts.Unlock()
	}
	return b, err
}

// descriptorOK says whether the data descriptor that may follow a part's
// data (flag 8, as Go's zip writer and others write) gives the directory's
// CRC-32, as archive/zip checks when it reaches the data's end: a part
// readShared finds kept must pass the checks read would make.
func (p *pkg) descriptorOK(f *zip.File) bool {
	if f.Flags&0x8 == 0 {
		return true
	}
	off, err := f.DataOffset()
	if p.zipr == nil || err != nil {
		return false
	}
	var b [16]byte // an optional signature, the CRC-32, two sizes
	n, _ := p.zipr.ReadAt(b[:], off+int64(f.CompressedSize64))
	crc := b[0:4]
	if binary.LittleEndian.Uint32(b[0:4]) == 0x08074b50 { // the signature
		if n < 16 {
			return false
		}
		crc = b[4:8]
	} else if n < 12 {
		return false
	}
	return binary.LittleEndian.Uint32(crc) == f.CRC32
}

// sharedPart and sharedPartOut are the largest part readShared keeps,
// zipped and unzipped, and sharedParts how many it keeps (past it, it
// starts again): 8 MB at most.
const (
	sharedPart    = 8 << 10
	sharedPartOut = 64 << 10
	sharedParts   = 128
)

// parts are the parts readShared has unzipped, by their zipped bytes.
var parts = struct {
	sync.Mutex
	m map[string]sharedBytes
}{m: map[string]sharedBytes{}}

type sharedBytes struct {
	method uint16
	crc    uint32
	size   uint64
	b      []byte
}

// rel is one relationship of a part.
type rel struct {
	typ, target string // target resolved to a part name
	external    bool
}

// rels reads the relationships of a part (source "" for the package's).
func (p *pkg) rels(source string) (map[string]rel, error) {
	dir, base := path.Split(source)
	b, err := p.readShared(dir + "_rels/" + base + ".rels")
	if err != nil || b == nil {
		return nil, err
	}
	out := map[string]rel{}
	z := newTokenizer(b)
	for {
		t := z.next()
		if t.kind == tokEOF {
			break
		}
		if t.kind != tokStart || string(t.local) != "Relationship" {
			continue
		}
		id, _ := attrValue(t.attrs, "Id")
		target, _ := attrValue(t.attrs, "Target")
		typ, _ := attrValue(t.attrs, "Type")
		mode, _ := attrValue(t.attrs, "TargetMode")
		r := rel{typ: typ, external: mode == "External"}
		if strings.HasPrefix(target, "/") {
			r.target = strings.TrimPrefix(path.Clean(target), "/")
		} else {
			r.target = strings.TrimPrefix(path.Join(dir, target), "/")
		}
		if _, dup := out[id]; !dup {
			out[id] = r
		}
	}
	return out, z.err
}

// relOfType returns the first relationship whose type ends with /suffix.
func relOfType(rels map[string]rel, suffix string) (rel, bool) {
	var best rel
	found := false
	for _, r := range rels {
		if !r.external && strings.HasSuffix(r.typ, "/"+suffix) && (!found || r.target < best.target) {
			best, found = r, true
		}
	}
	return best, found
}

// workbookPart finds the workbook: the package's office document when it
// is a spreadsheet, else xl/workbook.xml; "" when there is none (a .docx).
func (p *pkg) workbookPart() string {
	if !p.wbFound {
		p.wbPart, p.wbFound = p.findWorkbookPart(), true
	}
	return p.wbPart
}

func (p *pkg) findWorkbookPart() string {
	if rels, err := p.rels(""); err == nil {
		if r, ok := relOfType(rels, "officeDocument"); ok && p.has(r.target) {
			if strings.EqualFold(path.Base(r.target), "workbook.xml") {
				return r.target // as every spreadsheet program names it: no need to unzip the content types
			}
			if ct := p.contentType(r.target); strings.Contains(ct, "spreadsheetml") || strings.Contains(ct, "ms-excel") {
				return r.target
			}
		}
	}
	if p.has("xl/workbook.xml") {
		return "xl/workbook.xml"
	}
	return ""
}

// contentType returns the content type [Content_Types].xml gives a part.
func (p *pkg) contentType(part string) string {
	b, err := p.readShared("[Content_Types].xml")
	if err != nil || b == nil {
		return ""
	}
	z := newTokenizer(b)
	for {
		t := z.next()
		if t.kind == tokEOF {
			return ""
		}
		if t.kind == tokStart && string(t.local) == "Override" {
			name, _ := attrValue(t.attrs, "PartName")
			if strings.EqualFold(strings.TrimPrefix(name, "/"), part) {
				ct, _ := attrValue(t.attrs, "ContentType")
				return strings.ToLower(ct)
			}
		}
	}
}

// bookInfo is what the workbook part and its relationships say: the
// worksheets in order (chart sheets, dialog sheets, macro sheets and
// entries without a part left out), where the shared strings and styles
// are, and the date system.
type bookInfo struct {
	date1904    bool
	sheets      []sheetInfo
	sst, styles string // part names, "" if none
}

type sheetInfo struct {
	name, part string
	hidden     bool
}

func (p *pkg) bookInfo() (*bookInfo, error) {
	wbPart := p.workbookPart()
	if wbPart == "" {
		return nil, errLeanUnsupported
	}
	b, err := p.readShared(wbPart)
	if err != nil {
		return nil, err
	}
	rels, err := p.rels(wbPart)
	if err != nil {
		return nil, err
	}
	bi := &bookInfo{}
	z := newTokenizer(b)
	for {
		t := z.next()
		if t.kind == tokEOF {
			break
		}
		if t.kind != tokStart {
			continue
		}
		switch {
		case z.main(t, "workbookPr"): // only the main namespace's: <x15:workbookPr> says nothing of dates
			v, _ := attrValue(t.attrs, "date1904")
			bi.date1904 = v == "1" || v == "true"
		case z.main(t, "sheet"):
			name, _ := attrValue(t.attrs, "name")
			state, _ := attrValue(t.attrs, "state")
			id, _ := z.relID(t.attrs)
			r, ok := rels[id]
			if !ok || r.external || !strings.HasSuffix(r.typ, "/worksheet") || name == "" {
				continue // a chart, dialog or macro sheet, or a legacy module entry: no cells to read
			}
			bi.sheets = append(bi.sheets, sheetInfo{name: name, part: r.target, hidden: state == "hidden" || state == "veryHidden"})
		}
	}
	if z.err != nil {
		return nil, z.err
	}
	if r, ok := relOfType(rels, "sharedStrings"); ok {
		bi.sst = r.target
	} else if p.has("xl/sharedStrings.xml") {
		bi.sst = "xl/sharedStrings.xml"
	}
	if r, ok := relOfType(rels, "styles"); ok {
		bi.styles = r.target
	} else if p.has("xl/styles.xml") {
		bi.styles = "xl/styles.xml"
	}
	return bi, nil
}
