package xlsxgrid

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// A small XML tokenizer for the lean reader. It follows the XML rules a
// byte search gets wrong — comments and processing instructions are not
// content, CDATA sections are text taken literally, '>' may stand inside a
// quoted attribute value, line ends are normalised — and resolves namespace
// prefixes, so that an element of another namespace (<x15:workbookPr>) is
// never taken for the main one. It allocates nothing per token. A document
// type declaration (and so any entity of one's own) is refused: the file
// goes to the excelize path, which refuses it too.

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

// token is one piece of the document. Its byte slices point into the
// document and are valid until the next call.
type token struct {
	kind      tokKind
	prefix    []byte // element name's prefix, without ':'
	local     []byte // element name without prefix
	attrs     []byte // a start tag's attribute text
	selfClose bool   // <x/>: no end token follows
	declares  bool   // a start tag declaring namespaces (xmlns)
	text      []byte // character data: raw (entities not decoded) unless cdata
	cdata     bool
	depth     int // of the element (start, end) or of its parent (text)
}

type nsDecl struct {
	depth  int
	prefix string // "" for the default namespace
	uri    string
}

type tokenizer struct {
	b     []byte
	i     int
	depth int
	err   error
	ns    []nsDecl
	// src, when not nil, holds the rest of the document: b is refilled
	// from it (fill) when a token runs past its end. srcErr is what ended
	// src (io.EOF at its end).
	src    io.Reader
	srcErr error
	// spare is the buffer fill reads into next (see fill); scratch keeps
	// a text of it while its element's end is read (textOf)
	spare, scratch []byte
	// a self-closed element's declarations leave when the next token comes
	popAfterSelfClose bool
	// whether unprefixed names are in the main namespace, once known
	defKnown, defMain bool
}

func newTokenizer(b []byte) *tokenizer { return &tokenizer{b: b} }

// newStreamTokenizer reads a document from src as it goes, a buffer at a
// time, never holding more than the longest token and a buffer's worth.
func newStreamTokenizer(src io.Reader) *tokenizer { return &tokenizer{src: src} }

// streamBuffer is how much of a streamed document is read at a time (a
// variable for the tests).
var streamBuffer = 512 << 10

// fill reads more of a streamed document: b becomes the other of two
// buffers, holding what was not consumed yet and what follows (the one
// left is kept as it is until the next fill: tokens of it stay valid that
// long — a cell's start tag while its content is read). It returns false
// when nothing more came.
func (z *tokenizer) fill() bool {
	if z.src == nil || z.srcErr != nil {
		return false
	}
	rest := z.b[z.i:]
	nb := z.spare[:cap(z.spare)]
	if need := max(2*len(rest), streamBuffer); len(nb) < need {
		nb = make([]byte, need)
	}
	z.spare = z.b[:0]
	got := copy(nb, rest)
	for got < len(nb) {
		n, err := z.src.Read(nb[got:])
		got += n
		if err != nil {
			z.srcErr = err
			break
		}
		if n == 0 {
			break
		}
	}
	grew := got > len(rest)
	z.b, z.i = nb[:got], 0
	return grew
}

// next returns the next token; tokEOF at the end or on an error (z.err).
func (z *tokenizer) next() token {
	if z.popAfterSelfClose {
		z.popNS(z.depth + 1)
		z.popAfterSelfClose = false
	}
	for z.err == nil && (z.i < len(z.b) || z.fill()) {
		b := z.b
		if b[z.i] != '<' {
			j := bytes.IndexByte(b[z.i:], '<')
			if j < 0 {
				if z.fill() {
					continue // the text goes on past the buffer
				}
				b = z.b // fill may have moved the rest to its other buffer
				j = len(b) - z.i
			}
			t := token{kind: tokText, text: b[z.i : z.i+j], depth: z.depth}
			z.i += j
			return t
		}
		rest := b[z.i+1:]
		if len(rest) < len("![CDATA[") && z.fill() {
			continue // see enough of the markup to tell what it is
		}
		switch {
		case bytes.HasPrefix(rest, []byte("!--")):
			e := bytes.Index(rest[3:], []byte("-->"))
			if e < 0 {
				if z.fill() {
					continue
				}
				z.err = errLeanUnsupported
				return token{}
			}
			z.i += 1 + 3 + e + 3
			continue
		case bytes.HasPrefix(rest, []byte("![CDATA[")):
			e := bytes.Index(rest[8:], []byte("]]>"))
			if e < 0 {
				if z.fill() {
					continue
				}
				z.err = errLeanUnsupported
				return token{}
			}
			t := token{kind: tokText, text: rest[8 : 8+e], cdata: true, depth: z.depth}
			z.i += 1 + 8 + e + 3
			return t
		case len(rest) > 0 && rest[0] == '?':
			e := bytes.Index(rest, []byte("?>"))
			if e < 0 {
				if z.fill() {
					continue
				}
				z.err = errLeanUnsupported
				return token{}
			}
			z.i += 1 + e + 2
			continue
		case len(rest) > 0 && rest[0] == '!': // <!DOCTYPE …> and the like
			z.err = errLeanUnsupported
			return token{}
		case len(rest) > 0 && rest[0] == '/':
			k := 1
			for k < len(rest) && rest[k] != '>' {
				k++
			}
			if k == len(rest) {
				if z.fill() {
					continue
				}
				z.err = errLeanUnsupported
				return token{}
			}
			name := rest[1:k]
			for len(name) > 0 && isSpace(name[len(name)-1]) {
				name = name[:len(name)-1]
			}
			t := token{kind: tokEnd, depth: z.depth}
			t.prefix, t.local = splitName(name)
			z.i += 1 + k + 1
			z.popNS(z.depth)
			z.depth--
			if z.depth < 0 {
				z.err = errLeanUnsupported
				return token{}
			}
			return t
		}
		// a start tag: name, attributes (quotes may hold '>'), end
		k := 0
		for k < len(rest) && !isSpace(rest[k]) && rest[k] != '>' && rest[k] != '/' {
			k++
		}
		if k == len(rest) && z.fill() {
			continue // the name goes on past the buffer
		}
		if k == 0 {
			z.err = errLeanUnsupported
			return token{}
		}
		t := token{kind: tokStart}
		t.prefix, t.local = splitName(rest[:k])
		a := k
		refilled := false
		for {
			if a >= len(rest) {
				if refilled = z.fill(); refilled {
					break
				}
				z.err = errLeanUnsupported
				return token{}
			}
			c := rest[a]
			if c == '"' || c == '\'' {
				q := bytes.IndexByte(rest[a+1:], c)
				if q < 0 {
					if refilled = z.fill(); refilled {
						break
					}
					z.err = errLeanUnsupported
					return token{}
				}
				a += q + 2
				continue
			}
			if c == '>' {
				break
			}
			a++
		}
		if refilled {
			continue // the tag goes on past the buffer: read it again whole
		}
		attrs := rest[k:a]
		if len(attrs) > 0 && attrs[len(attrs)-1] == '/' {
			t.selfClose = true
			attrs = attrs[:len(attrs)-1]
		}
		t.attrs = attrs
		z.i += 1 + a + 1
		z.depth++
		t.depth = z.depth
		if bytes.IndexByte(attrs, 'x') >= 0 && bytes.Contains(attrs, []byte("xmlns")) {
			t.declares = true
			z.pushNS(attrs)
		}
		if t.selfClose {
			z.depth--
			z.popAfterSelfClose = true
		}
		return t
	}
	return token{}
}

// plainText reads, after the start tag of an element, the commonest
// content there is — open, text, close ("<v>80987</v></c>"), whole in the
// buffer — in one step, as next and textOf would token by token, the
// element's end included; ok is false, and nothing read, for any other
// content (more elements, spaces, a comment, a prefix, a text cut by the
// buffer's end), which the tokens read.
func (z *tokenizer) plainText(start token, open, close string) (v string, ok bool, err error) {
	if z.popAfterSelfClose || start.declares {
		return "", false, nil
	}
	text, n, ok := enclosed(z.b[z.i:], open, close)
	if !ok {
		return "", false, nil
	}
	if v, err = unescape(text); err != nil {
		return "", false, err
	}
	z.i += n
	z.popNS(z.depth)
	z.depth--
	return v, true, nil
}

// enclosed finds at the start of b open, a text without '<' of at most
// maxRawText bytes, and close: the text, and how many bytes the three
// take; ok is false when b does not begin so.
func enclosed(b []byte, open, close string) (text []byte, n int, ok bool) {
	if len(b) < len(open)+len(close) || string(b[:len(open)]) != open {
		return nil, 0, false
	}
	end := bytes.IndexByte(b[len(open):], '<')
	if end < 0 || end > maxRawText {
		return nil, 0, false
	}
	tail := b[len(open)+end:]
	if len(tail) < len(close) || string(tail[:len(close)]) != close {
		return nil, 0, false
	}
	return b[len(open) : len(open)+end], len(open) + end + len(close), true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func splitName(name []byte) (prefix, local []byte) {
	if c := bytes.IndexByte(name, ':'); c >= 0 {
		return name[:c], name[c+1:]
	}
	return nil, name
}

// pushNS records the namespace declarations of a start tag.
func (z *tokenizer) pushNS(attrs []byte) {
	z.defKnown = false
	eachAttr(attrs, func(name, value []byte) bool {
		p, l := splitName(name)
		switch {
		case p == nil && string(l) == "xmlns":
			v, _ := unescape(value)
			z.ns = append(z.ns, nsDecl{depth: z.depth, uri: v})
		case string(p) == "xmlns":
			v, _ := unescape(value)
			z.ns = append(z.ns, nsDecl{depth: z.depth, prefix: string(l), uri: v})
		}
		return true
	})
}

func (z *tokenizer) popNS(depth int) {
	for len(z.ns) > 0 && z.ns[len(z.ns)-1].depth >= depth {
		z.ns = z.ns[:len(z.ns)-1]
		z.defKnown = false
	}
}

// uri returns the namespace a prefix stands for here; ok is false for a
// prefix never declared. The empty prefix without a default namespace is
// ("", true).
func (z *tokenizer) uri(prefix []byte) (string, bool) {
	for i := len(z.ns) - 1; i >= 0; i-- {
		if z.ns[i].prefix == string(prefix) {
			return z.ns[i].uri, true
		}
	}
	return "", len(prefix) == 0
}

// SpreadsheetML's main namespace, transitional and strict.
const (
	nsMain       = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsMainStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
	nsRel        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRelStrict  = "http://purl.oclc.org/ooxml/officeDocument/relationships"
)

// main reports whether a start or end token is an element of the main
// namespace named local. A document without namespaces counts as main.
func (z *tokenizer) main(t token, local string) bool {
	if string(t.local) != local {
		return false
	}
	if len(t.prefix) == 0 {
		return z.mainDefault()
	}
	u, ok := z.uri(t.prefix)
	return ok && (u == "" || u == nsMain || u == nsMainStrict)
}

// mainDefault reports whether an unprefixed element here is of the main
// namespace.
func (z *tokenizer) mainDefault() bool {
	if !z.defKnown {
		u, _ := z.uri(nil)
		z.defMain, z.defKnown = u == "" || u == nsMain || u == nsMainStrict, true
	}
	return z.defMain
}

// eachAttr calls fn with each attribute's name and raw value until fn
// returns false.
func eachAttr(attrs []byte, fn func(name, value []byte) bool) {
	i := 0
	for i < len(attrs) {
		for i < len(attrs) && isSpace(attrs[i]) {
			i++
		}
		s := i
		for i < len(attrs) && attrs[i] != '=' && !isSpace(attrs[i]) {
			i++
		}
		name := attrs[s:i]
		for i < len(attrs) && isSpace(attrs[i]) {
			i++
		}
		if i >= len(attrs) || attrs[i] != '=' {
			return
		}
		i++
		for i < len(attrs) && isSpace(attrs[i]) {
			i++
		}
		if i >= len(attrs) || (attrs[i] != '"' && attrs[i] != '\'') {
			return
		}
		q := attrs[i]
		e := bytes.IndexByte(attrs[i+1:], q)
		if e < 0 {
			return
		}
		value := attrs[i+1 : i+1+e]
		i += e + 2
		if len(name) > 0 && !fn(name, value) {
			return
		}
	}
}

// attr returns the raw value of an unprefixed attribute.
func attr(attrs []byte, name string) ([]byte, bool) {
	var out []byte
	found := false
	eachAttr(attrs, func(n, v []byte) bool {
		if string(n) == name {
			out, found = v, true
			return false
		}
		return true
	})
	return out, found
}

// attrValue returns an unprefixed attribute's decoded value.
func attrValue(attrs []byte, name string) (string, bool) {
	v, ok := attr(attrs, name)
	if !ok {
		return "", false
	}
	s, err := unescape(v)
	return s, err == nil
}

// relID returns the r:id attribute of a tag, whatever prefix the document
// gives the relationships namespace.
func (z *tokenizer) relID(attrs []byte) (string, bool) {
	var out string
	found := false
	eachAttr(attrs, func(n, v []byte) bool {
		p, l := splitName(n)
		if p == nil || string(l) != "id" {
			return true
		}
		if u, _ := z.uri(p); u == nsRel || u == nsRelStrict {
			out, _ = unescape(v)
			found = true
			return false
		}
		return true
	})
	return out, found
}

// textOf returns the decoded text of the element whose start token was
// just read (nested elements' text included), consuming its end tag.
func (z *tokenizer) textOf(start token) (string, error) {
	if start.selfClose {
		return "", nil
	}
	var one []byte
	oneCDATA := false
	var sb *strings.Builder
	for {
		t := z.next()
		switch t.kind {
		case tokEOF:
			return "", errLeanUnsupported
		case tokEnd:
			if t.depth == start.depth {
				if sb != nil {
					return sb.String(), nil
				}
				if oneCDATA {
					return normaliseLineEnds(one), nil
				}
				return unescape(one)
			}
		case tokText:
			if len(t.text) > maxRawText {
				t.text = cutRaw(t.text, t.cdata)
			}
			if sb == nil && one == nil {
				one, oneCDATA = t.text, t.cdata
				if z.src != nil {
					// a streamed document's buffer may be refilled twice
					// before the end tag: the text is kept apart
					z.scratch = append(z.scratch[:0], one...)
					one = z.scratch[:len(one):len(one)]
				}
				continue
			}
			if sb != nil && sb.Len() > maxRawText {
				continue
			}
			if sb == nil {
				sb = &strings.Builder{}
				if err := appendText(sb, one, oneCDATA); err != nil {
					return "", err
				}
			}
			if err := appendText(sb, t.text, t.cdata); err != nil {
				return "", err
			}
		}
	}
}

// maxRawText bounds the raw text kept of one element: no escape or entity
// is longer than 16 bytes for one character, so the first MaxText
// characters are always within it.
const maxRawText = 16 * MaxText

// cutRaw cuts raw character data to about maxRawText bytes, never inside
// an entity.
func cutRaw(b []byte, cdata bool) []byte {
	b = b[:maxRawText]
	if !cdata {
		if amp := bytes.LastIndexByte(b, '&'); amp >= 0 && bytes.IndexByte(b[amp:], ';') < 0 {
			b = b[:amp]
		}
	}
	return b
}

func appendText(sb *strings.Builder, b []byte, cdata bool) error {
	if cdata {
		sb.WriteString(normaliseLineEnds(b))
		return nil
	}
	s, err := unescape(b)
	sb.WriteString(s)
	return err
}

// skip consumes the rest of the element whose start token was just read.
func (z *tokenizer) skip(start token) {
	if start.selfClose {
		return
	}
	for {
		t := z.next()
		if t.kind == tokEOF || (t.kind == tokEnd && t.depth == start.depth) {
			return
		}
	}
}

func normaliseLineEnds(b []byte) string {
	if bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// unescape decodes XML entities and character references, and normalises
// line ends.
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
		if semi < 0 || semi > 12 {
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
			n, ok := charRef(ent)
			if !ok {
				return "", errLeanUnsupported
			}
			sb.WriteRune(n)
		}
		i += semi
	}
	return sb.String(), nil
}

func charRef(ent string) (rune, bool) {
	var n rune
	switch {
	case strings.HasPrefix(ent, "#x") && len(ent) > 2:
		for _, c := range ent[2:] {
			d, ok := hexDigit(byte(c))
			if !ok || c > 0x7f {
				return 0, false
			}
			n = n*16 + rune(d)
			if n > utf8.MaxRune {
				return 0, false
			}
		}
	case strings.HasPrefix(ent, "#") && len(ent) > 1:
		for _, c := range ent[1:] {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + (c - '0')
			if n > utf8.MaxRune {
				return 0, false
			}
		}
	default:
		return 0, false
	}
	return n, utf8.ValidRune(n)
}

func hexDigit(c byte) (int, bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10, true
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10, true
	}
	return 0, false
}

// xEscape reads an _xHHHH_ escape at the start of s.
func xEscape(s string) (uint16, bool) {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return 0, false
	}
	var n uint16
	for i := 2; i < 6; i++ {
		d, ok := hexDigit(s[i])
		if !ok {
			return 0, false
		}
		n = n*16 + uint16(d)
	}
	return n, true
}

// decodeXString decodes the _xHHHH_ escapes of an ST_Xstring (the text of
// shared strings, inline strings and string results): _x000D_ is a carriage
// return, _x005F_ a literal '_' (so _x005F_x0000_ is the text "_x0000_"),
// a UTF-16 surrogate pair written as two escapes one character; a lone
// surrogate is dropped.
func decodeXString(s string) string {
	i := strings.Index(s, "_x")
	if i < 0 {
		return s
	}
	var sb strings.Builder
	sb.WriteString(s[:i])
	for i < len(s) {
		u, ok := xEscape(s[i:])
		if !ok {
			sb.WriteByte(s[i])
			i++
			continue
		}
		i += 7
		switch {
		case u >= 0xD800 && u <= 0xDBFF:
			if lo, ok := xEscape(s[i:]); ok && lo >= 0xDC00 && lo <= 0xDFFF {
				sb.WriteRune(0x10000 + (rune(u)-0xD800)<<10 + rune(lo) - 0xDC00)
				i += 7
			}
		case u >= 0xDC00 && u <= 0xDFFF:
		default:
			sb.WriteRune(rune(u))
		}
	}
	return sb.String()
}
