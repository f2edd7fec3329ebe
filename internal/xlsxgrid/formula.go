package xlsxgrid

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A formula saved without its value (files written by libraries rather
// than by Excel) is computed here, in the grid, when a report reads its
// cell — never the whole workbook, and never more work than a budget:
// every operation and every cell a range visits is a step; a cell may take
// cellBudget steps (the formulas it reads included) and a workbook
// Limits.MaxFormulaSteps in all. Past the budget the cell is an Error that says to
// save the file again with Excel, which stores every value. The language
// is the part of Excel's that reports use: numbers, text, TRUE/FALSE,
// error values, + - * / ^ & % and comparisons, references (A1, $A$1,
// A1:B9, A:A, 1:1, 'Sheet name'!A1) and the functions of evalFunc; a
// formula using anything else is an Error that says so.

const (
	cellBudget     = 2_000_000
	maxEvalDepth   = 2_000 // formulas waiting on formulas
	maxFormulaLen  = 8_192 // Excel's own limit
	maxParseDepth  = 100
	tooComplexText = "(công thức quá phức tạp: hãy lưu lại tệp bằng Excel để có giá trị)"
	circularText   = "(công thức tham chiếu vòng tròn tới chính nó: hãy sửa trong Excel)"
)

// evalState is a workbook's account of the formulas computed so far.
type evalState struct {
	steps, total int
	depth        int
	exceeded     bool
}

// compute evaluates the Formula cell at r, c.
func (s *Sheet) compute(r, c int) Cell {
	st := &s.Book.eval
	cell := s.Rows[r][c]
	if st.depth == 0 {
		st.steps, st.exceeded = 0, false
	}
	if st.depth >= maxEvalDepth || st.total >= s.Book.limits.MaxFormulaSteps {
		st.exceeded = true
		return Cell{Kind: Error, Raw: tooComplexText}
	}
	s.Rows[r][c] = Cell{Kind: Error, Raw: circularText} // a formula reading itself finds this
	st.depth++
	v := evalFormula(s, cell.Raw)
	st.depth--
	if st.exceeded {
		return Cell{Kind: Error, Raw: tooComplexText}
	}
	return v.cell(cell.Format)
}

func evalFormula(s *Sheet, text string) value {
	if len(text) > maxFormulaLen {
		s.Book.eval.exceeded = true
		return errValue(tooComplexText)
	}
	toks, ok := lexFormula(text)
	if !ok {
		return cannot(text)
	}
	p := &parser{toks: toks}
	n := p.expr(0)
	if n == nil || p.bad || p.toks[p.i].kind != ftEOF {
		if p.deep {
			s.Book.eval.exceeded = true
			return errValue(tooComplexText)
		}
		return cannot(text)
	}
	ev := &evaluator{sheet: s, st: &s.Book.eval, text: text, book: s.Book.limits.MaxFormulaSteps}
	return ev.scalar(ev.eval(n))
}

func cannot(text string) value {
	return errValue("(công thức =" + Clip(compactFormula(text)) + " không tính được: hãy lưu lại tệp bằng Excel để có giá trị)")
}

// compactFormula drops the spaces of a formula's text outside quotes, as
// excelize writes a shared formula out, so that both readers quote it alike.
func compactFormula(text string) string {
	if !strings.ContainsAny(text, " \t\r\n") {
		return text
	}
	var sb strings.Builder
	var quote byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			continue
		}
		sb.WriteByte(c)
	}
	return sb.String()
}

// value is what an expression gives.
type vkind uint8

const (
	vEmpty vkind = iota
	vNum
	vStr
	vBool
	vErr
	vRange
)

type value struct {
	kind vkind
	num  float64
	str  string // text, or the error
	rng  area
}

type area struct {
	sheet          *Sheet
	r1, c1, r2, c2 int
}

func errValue(code string) value { return value{kind: vErr, str: code} }
func numValue(f float64) value {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return errValue("#NUM!")
	}
	return value{kind: vNum, num: f}
}
func boolValue(b bool) value {
	if b {
		return value{kind: vBool, num: 1}
	}
	return value{kind: vBool}
}

// cell turns a formula's result into the cell it stands for.
func (v value) cell(format string) Cell {
	switch v.kind {
	case vNum:
		return Cell{Kind: Number, Raw: formatNumber(v.num), Format: format}
	case vEmpty:
		return Cell{Kind: Number, Raw: "0", Format: format}
	case vStr:
		if v.str == "" {
			return Cell{}
		}
		return Cell{Kind: Text, Raw: capText(v.str)}
	case vBool:
		if v.num != 0 {
			return Cell{Kind: Bool, Raw: "1"}
		}
		return Cell{Kind: Bool, Raw: "0"}
	}
	return Cell{Kind: Error, Raw: v.str}
}

// formatNumber writes a result as Excel keeps it: 15 significant digits.
func formatNumber(f float64) string {
	if f == 0 {
		return "0"
	}
	return strconv.FormatFloat(f, 'g', 15, 64)
}

// ---- lexer

type ftKind uint8

const (
	ftEOF ftKind = iota
	ftNum
	ftStr
	ftBool
	ftErr
	ftRef
	ftFunc // name, the '(' consumed
	ftOp
	ftLParen
	ftRParen
	ftComma
)

type ftok struct {
	kind       ftKind
	text       string
	num        float64
	ref        refTok
	start, end int
}

// refTok is a reference as written: a cell, a range, whole columns or
// whole rows, on this sheet or a named one. Rows and columns are
// zero-based; abs flags say which parts have '$'.
type refTok struct {
	sheet          string
	hasSheet       bool
	r1, c1, r2, c2 int
	absR1, absC1   bool
	absR2, absC2   bool
	wholeCols      bool // A:C
	wholeRows      bool // 1:3
	// spans of the parts a shared formula shifts: the text after the sheet
	refStart int
}

var errorLiterals = []string{"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}

func lexFormula(s string) ([]ftok, bool) {
	var out []ftok
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return append(out, ftok{kind: ftEOF, start: i, end: i}), true
		}
		c := s[i]
		start := i
		switch {
		case c == '"':
			var sb strings.Builder
			i++
			for {
				j := strings.IndexByte(s[i:], '"')
				if j < 0 {
					return nil, false
				}
				sb.WriteString(s[i : i+j])
				i += j + 1
				if i < len(s) && s[i] == '"' {
					sb.WriteByte('"')
					i++
					continue
				}
				break
			}
			out = append(out, ftok{kind: ftStr, text: sb.String(), start: start, end: i})
		case c == '#':
			found := false
			for _, e := range errorLiterals {
				if len(s)-i >= len(e) && strings.EqualFold(s[i:i+len(e)], e) {
					out = append(out, ftok{kind: ftErr, text: e, start: start, end: i + len(e)})
					i += len(e)
					found = true
					break
				}
			}
			if !found {
				return nil, false
			}
		case c >= '0' && c <= '9' || c == '.':
			if rt, n, ok := lexRefPart(s[i:]); ok && rt.wholeRows {
				rt.refStart = i
				out = append(out, ftok{kind: ftRef, ref: rt, start: start, end: i + n})
				i += n
				continue
			}
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
				k := j + 1
				if k < len(s) && (s[k] == '+' || s[k] == '-') {
					k++
				}
				if k < len(s) && s[k] >= '0' && s[k] <= '9' {
					for k < len(s) && s[k] >= '0' && s[k] <= '9' {
						k++
					}
					j = k
				}
			}
			f, err := strconv.ParseFloat(s[i:j], 64)
			if err != nil {
				return nil, false
			}
			out = append(out, ftok{kind: ftNum, num: f, start: start, end: j})
			i = j
		case c == '\'':
			// 'Sheet name'!ref
			var sb strings.Builder
			i++
			for {
				j := strings.IndexByte(s[i:], '\'')
				if j < 0 {
					return nil, false
				}
				sb.WriteString(s[i : i+j])
				i += j + 1
				if i < len(s) && s[i] == '\'' {
					sb.WriteByte('\'')
					i++
					continue
				}
				break
			}
			if i >= len(s) || s[i] != '!' {
				return nil, false
			}
			i++
			rt, n, ok := lexRefPart(s[i:])
			if !ok {
				return nil, false
			}
			rt.sheet, rt.hasSheet, rt.refStart = sb.String(), true, i
			out = append(out, ftok{kind: ftRef, ref: rt, start: start, end: i + n})
			i += n
		case c == '$' || c == '_' || c == '\\' || c >= 0x80 || unicode.IsLetter(rune(c)):
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if r == '$' || r == '_' || r == '.' || r == '\\' || unicode.IsLetter(r) || unicode.IsDigit(r) {
					j += size
					continue
				}
				break
			}
			word := s[i:j]
			switch {
			case j < len(s) && s[j] == '(':
				name := strings.ToUpper(word)
				name = strings.TrimPrefix(strings.TrimPrefix(name, "_XLFN."), "_XLWS.")
				out = append(out, ftok{kind: ftFunc, text: name, start: start, end: j + 1})
				i = j + 1
			case j < len(s) && s[j] == '!':
				rt, n, ok := lexRefPart(s[j+1:])
				if !ok {
					return nil, false
				}
				rt.sheet, rt.hasSheet, rt.refStart = word, true, j+1
				out = append(out, ftok{kind: ftRef, ref: rt, start: start, end: j + 1 + n})
				i = j + 1 + n
			case strings.EqualFold(word, "TRUE") || strings.EqualFold(word, "FALSE"):
				out = append(out, ftok{kind: ftBool, num: b2f(strings.EqualFold(word, "TRUE")), start: start, end: j})
				i = j
			default:
				rt, n, ok := lexRefPart(s[i:])
				if !ok {
					return nil, false // a defined name, a structured reference …: not computed
				}
				rt.refStart = i
				out = append(out, ftok{kind: ftRef, ref: rt, start: start, end: i + n})
				i += n
			}
		case c == '(':
			out = append(out, ftok{kind: ftLParen, start: start, end: i + 1})
			i++
		case c == ')':
			out = append(out, ftok{kind: ftRParen, start: start, end: i + 1})
			i++
		case c == ',' || c == ';':
			out = append(out, ftok{kind: ftComma, start: start, end: i + 1})
			i++
		case c == '<' && i+1 < len(s) && (s[i+1] == '=' || s[i+1] == '>'):
			out = append(out, ftok{kind: ftOp, text: s[i : i+2], start: start, end: i + 2})
			i += 2
		case c == '>' && i+1 < len(s) && s[i+1] == '=':
			out = append(out, ftok{kind: ftOp, text: ">=", start: start, end: i + 2})
			i += 2
		case strings.IndexByte("+-*/^&=<>%", c) >= 0:
			out = append(out, ftok{kind: ftOp, text: s[i : i+1], start: start, end: i + 1})
			i++
		default:
			return nil, false
		}
		if len(out) > maxFormulaLen {
			return nil, false
		}
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// refAtom is one side of a reference: $A$1, A, $3.
type refAtom struct {
	row, col     int // zero-based; -1 when absent
	absRow, absC bool
}

// lexAtom reads a reference atom at the start of s; n is its length.
func lexAtom(s string) (a refAtom, n int) {
	a.row, a.col = -1, -1
	i := 0
	if i < len(s) && s[i] == '$' {
		a.absC = true
		i++
	}
	col, letters := 0, 0
	for i < len(s) && letters < 4 {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		i++
		letters++
	}
	if letters > 0 {
		if col > maxCols {
			return a, 0
		}
		a.col = col - 1
	} else if a.absC { // "$3": the '$' was the row's
		a.absC, a.absRow = false, true
	}
	if letters > 0 && i < len(s) && s[i] == '$' {
		a.absRow = true
		i++
	}
	row, digits := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && digits < 8 {
		row = row*10 + int(s[i]-'0')
		i++
		digits++
	}
	if digits > 0 {
		if row < 1 || row > maxRows {
			return a, 0
		}
		a.row = row - 1
	} else if a.absRow && letters > 0 {
		return a, 0
	}
	if letters == 0 && digits == 0 {
		return a, 0
	}
	// the atom must end here: A1B is a name, not a reference
	if i < len(s) {
		r, _ := utf8.DecodeRuneInString(s[i:])
		if r == '_' || r == '.' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return a, 0
		}
	}
	return a, i
}

// lexRefPart reads A1, A1:B2, A:B or 1:2 at the start of s.
func lexRefPart(s string) (refTok, int, bool) {
	a, n := lexAtom(s)
	if n == 0 {
		return refTok{}, 0, false
	}
	rt := refTok{r1: a.row, c1: a.col, r2: a.row, c2: a.col, absR1: a.absRow, absC1: a.absC, absR2: a.absRow, absC2: a.absC}
	if n < len(s) && s[n] == ':' {
		b, m := lexAtom(s[n+1:])
		if m > 0 && (a.row < 0) == (b.row < 0) && (a.col < 0) == (b.col < 0) {
			rt.r2, rt.c2, rt.absR2, rt.absC2 = b.row, b.col, b.absRow, b.absC
			n += 1 + m
		} else if a.row < 0 || a.col < 0 {
			return refTok{}, 0, false
		}
	} else if a.row < 0 || a.col < 0 {
		return refTok{}, 0, false // a lone column or row is not a reference
	}
	switch {
	case rt.r1 < 0:
		rt.wholeCols = true
		rt.r1, rt.r2 = 0, maxRows-1
	case rt.c1 < 0:
		rt.wholeRows = true
		rt.c1, rt.c2 = 0, maxCols-1
	}
	return rt, n, true
}

// shiftFormula moves the relative references of a shared formula's text by
// dr rows and dc columns, for a cell that shares its master's formula.
func shiftFormula(text string, dr, dc int) string {
	toks, ok := lexFormula(text)
	if !ok {
		return text
	}
	var sb strings.Builder
	last := 0
	for _, t := range toks {
		if t.kind != ftRef {
			continue
		}
		r := t.ref
		sb.WriteString(text[last:t.ref.refStart])
		last = t.end
		shift := func(v, d int, abs bool, limit int) (int, bool) {
			if abs {
				return v, true
			}
			v += d
			return v, v >= 0 && v < limit
		}
		ok := true
		var ok1, ok2, ok3, ok4 bool
		if !r.wholeRows {
			r.c1, ok1 = shift(r.c1, dc, r.absC1, maxCols)
			r.c2, ok2 = shift(r.c2, dc, r.absC2, maxCols)
			ok = ok && ok1 && ok2
		}
		if !r.wholeCols {
			r.r1, ok3 = shift(r.r1, dr, r.absR1, maxRows)
			r.r2, ok4 = shift(r.r2, dr, r.absR2, maxRows)
			ok = ok && ok3 && ok4
		}
		if !ok {
			sb.WriteString("#REF!")
			continue
		}
		sb.WriteString(writeRef(r))
	}
	sb.WriteString(text[last:])
	return sb.String()
}

func writeRef(r refTok) string {
	atom := func(row, col int, absR, absC bool) string {
		var s string
		if col >= 0 {
			if absC {
				s += "$"
			}
			name, _ := columnName(col)
			s += name
		}
		if row >= 0 {
			if absR {
				s += "$"
			}
			s += strconv.Itoa(row + 1)
		}
		return s
	}
	switch {
	case r.wholeCols:
		return atom(-1, r.c1, false, r.absC1) + ":" + atom(-1, r.c2, false, r.absC2)
	case r.wholeRows:
		return atom(r.r1, -1, r.absR1, false) + ":" + atom(r.r2, -1, r.absR2, false)
	case r.r1 == r.r2 && r.c1 == r.c2 && r.absR1 == r.absR2 && r.absC1 == r.absC2:
		return atom(r.r1, r.c1, r.absR1, r.absC1)
	}
	return atom(r.r1, r.c1, r.absR1, r.absC1) + ":" + atom(r.r2, r.c2, r.absR2, r.absC2)
}

func columnName(col int) (string, bool) {
	if col < 0 || col >= maxCols {
		return "", false
	}
	var b [4]byte
	i := len(b)
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		i--
		b[i] = byte('A' + (n-1)%26)
	}
	return string(b[i:]), true
}

// ---- parser: precedence climbing, Excel's order

type fnode struct {
	op   string // "num" "str" "bool" "err" "ref" "func" "neg" "pos" "%" or a binary operator
	num  float64
	str  string
	ref  refTok
	args []*fnode
}

type parser struct {
	toks  []ftok
	i     int
	depth int
	bad   bool
	deep  bool
}

func binPrec(op string) int {
	switch op {
	case "=", "<", ">", "<=", ">=", "<>":
		return 1
	case "&":
		return 2
	case "+", "-":
		return 3
	case "*", "/":
		return 4
	case "^":
		return 5
	}
	return 0
}

func (p *parser) expr(min int) *fnode {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxParseDepth {
		p.bad, p.deep = true, true
		return nil
	}
	left := p.unary()
	if left == nil {
		return nil
	}
	for {
		t := p.toks[p.i]
		if t.kind != ftOp {
			return left
		}
		prec := binPrec(t.text)
		if prec == 0 || prec <= min {
			if t.text == "%" {
				p.bad = true
				return nil
			}
			return left
		}
		p.i++
		right := p.expr(prec)
		if right == nil {
			return nil
		}
		left = &fnode{op: t.text, args: []*fnode{left, right}}
	}
}

// unary reads an operand with its prefix signs and postfix percents.
func (p *parser) unary() *fnode {
	t := p.toks[p.i]
	if t.kind == ftOp && (t.text == "-" || t.text == "+") {
		p.i++
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > maxParseDepth {
			p.bad, p.deep = true, true
			return nil
		}
		operand := p.unary()
		if operand == nil {
			return nil
		}
		if t.text == "-" {
			return &fnode{op: "neg", args: []*fnode{operand}}
		}
		return operand
	}
	n := p.primary()
	for n != nil && p.toks[p.i].kind == ftOp && p.toks[p.i].text == "%" {
		p.i++
		n = &fnode{op: "%", args: []*fnode{n}}
	}
	return n
}

func (p *parser) primary() *fnode {
	t := p.toks[p.i]
	switch t.kind {
	case ftNum:
		p.i++
		return &fnode{op: "num", num: t.num}
	case ftStr:
		p.i++
		return &fnode{op: "str", str: t.text}
	case ftBool:
		p.i++
		return &fnode{op: "bool", num: t.num}
	case ftErr:
		p.i++
		return &fnode{op: "err", str: t.text}
	case ftRef:
		p.i++
		return &fnode{op: "ref", ref: t.ref}
	case ftLParen:
		p.i++
		n := p.expr(0)
		if n == nil || p.toks[p.i].kind != ftRParen {
			p.bad = true
			return nil
		}
		p.i++
		return n
	case ftFunc:
		p.i++
		n := &fnode{op: "func", str: t.text}
		if p.toks[p.i].kind == ftRParen {
			p.i++
			return n
		}
		for {
			if k := p.toks[p.i].kind; k == ftComma || k == ftRParen {
				n.args = append(n.args, &fnode{op: "missing"})
			} else {
				a := p.expr(0)
				if a == nil {
					return nil
				}
				n.args = append(n.args, a)
			}
			switch p.toks[p.i].kind {
			case ftComma:
				p.i++
				continue
			case ftRParen:
				p.i++
				return n
			}
			p.bad = true
			return nil
		}
	}
	p.bad = true
	return nil
}

// ---- evaluator

type evaluator struct {
	sheet *Sheet
	st    *evalState
	text  string
	book  int // the workbook's budget
}

// step counts one unit of work; false once over budget.
func (ev *evaluator) step(n int) bool {
	ev.st.steps += n
	ev.st.total += n
	if ev.st.steps > min(cellBudget, ev.book) || ev.st.total > ev.book {
		ev.st.exceeded = true
	}
	return !ev.st.exceeded
}

func (ev *evaluator) eval(n *fnode) value {
	if !ev.step(1) {
		return errValue(tooComplexText)
	}
	switch n.op {
	case "num":
		return value{kind: vNum, num: n.num}
	case "str":
		return value{kind: vStr, str: n.str}
	case "bool":
		return value{kind: vBool, num: n.num}
	case "err":
		return errValue(n.str)
	case "missing":
		return value{}
	case "ref":
		s := ev.sheet
		if n.ref.hasSheet {
			s = ev.sheet.Book.sheetNamed(n.ref.sheet)
			if s == nil {
				return errValue("#REF!")
			}
		}
		r := n.ref
		return value{kind: vRange, rng: area{sheet: s, r1: r.r1, c1: r.c1, r2: r.r2, c2: r.c2}}
	case "neg":
		v := ev.number(ev.eval(n.args[0]))
		if v.kind == vErr {
			return v
		}
		return numValue(-v.num)
	case "%":
		v := ev.number(ev.eval(n.args[0]))
		if v.kind == vErr {
			return v
		}
		return numValue(v.num / 100)
	case "func":
		return ev.call(n.str, n.args)
	}
	a := ev.scalar(ev.eval(n.args[0]))
	if a.kind == vErr {
		return a
	}
	b := ev.scalar(ev.eval(n.args[1]))
	if b.kind == vErr {
		return b
	}
	switch n.op {
	case "&":
		x, y := ev.text2(a), ev.text2(b)
		if len(x)+len(y) > 4*MaxText || utf8.RuneCountInString(x)+utf8.RuneCountInString(y) > MaxText {
			return errValue("#VALUE!") // as Excel: no text longer than a cell holds
		}
		return value{kind: vStr, str: x + y}
	case "=", "<", ">", "<=", ">=", "<>":
		c := compare(a, b)
		switch n.op {
		case "=":
			return boolValue(c == 0)
		case "<":
			return boolValue(c < 0)
		case ">":
			return boolValue(c > 0)
		case "<=":
			return boolValue(c <= 0)
		case ">=":
			return boolValue(c >= 0)
		}
		return boolValue(c != 0)
	}
	x, y := ev.number(a), ev.number(b)
	if x.kind == vErr {
		return x
	}
	if y.kind == vErr {
		return y
	}
	switch n.op {
	case "+":
		return numValue(x.num + y.num)
	case "-":
		return numValue(x.num - y.num)
	case "*":
		return numValue(x.num * y.num)
	case "/":
		if y.num == 0 {
			return errValue("#DIV/0!")
		}
		return numValue(x.num / y.num)
	case "^":
		return numValue(math.Pow(x.num, y.num))
	}
	return cannot(ev.text)
}

// sheetNamed finds a sheet by name, as Excel does: without regard to case.
func (wb *Workbook) sheetNamed(name string) *Sheet {
	for _, s := range wb.Sheets {
		if strings.EqualFold(s.Name, name) {
			return s
		}
	}
	return nil
}

// cellValue is the value of one cell of the grid (a formula is computed).
func cellValue(s *Sheet, r, c int) value {
	cell := s.At(r, c)
	switch cell.Kind {
	case Number:
		f, err := strconv.ParseFloat(strings.TrimSpace(cell.Raw), 64)
		if err != nil {
			return errValue("#VALUE!")
		}
		return value{kind: vNum, num: f}
	case Text:
		return value{kind: vStr, str: cell.Raw}
	case Bool:
		return boolValue(cell.Raw == "1" || strings.EqualFold(cell.Raw, "true"))
	case Error:
		return errValue(cell.Raw)
	}
	return value{}
}

// scalar takes a single value from a reference: a one-cell range gives its
// cell; a larger one is #VALUE! (Excel's implicit intersection is not
// attempted).
func (ev *evaluator) scalar(v value) value {
	if v.kind != vRange {
		return v
	}
	a := v.rng
	if a.r1 != a.r2 || a.c1 != a.c2 {
		return errValue("#VALUE!")
	}
	return cellValue(a.sheet, a.r1, a.c1)
}

// number converts a scalar for arithmetic: empty is 0, TRUE is 1, text
// that reads as a number is that number.
func (ev *evaluator) number(v value) value {
	v = ev.scalar(v)
	switch v.kind {
	case vNum:
		return v
	case vEmpty:
		return value{kind: vNum}
	case vBool:
		return value{kind: vNum, num: v.num}
	case vStr:
		f, err := strconv.ParseFloat(strings.TrimSpace(v.str), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return errValue("#VALUE!")
		}
		return value{kind: vNum, num: f}
	}
	return v
}

func (ev *evaluator) text2(v value) string {
	switch v.kind {
	case vNum:
		return formatNumber(v.num)
	case vBool:
		if v.num != 0 {
			return "TRUE"
		}
		return "FALSE"
	}
	return v.str
}

// compare orders two scalars as Excel does: numbers before text before
// logical values; text without regard to case; empty as 0 or "".
func compare(a, b value) int {
	if a.kind == vEmpty {
		switch b.kind {
		case vStr:
			a = value{kind: vStr}
		case vBool:
			a = value{kind: vBool}
		default:
			a = value{kind: vNum}
		}
	}
	if b.kind == vEmpty {
		return -compare(b, a)
	}
	rank := func(v value) int {
		switch v.kind {
		case vNum:
			return 0
		case vStr:
			return 1
		}
		return 2
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	if a.kind == vStr {
		return strings.Compare(strings.ToLower(a.str), strings.ToLower(b.str))
	}
	switch {
	case a.num < b.num:
		return -1
	case a.num > b.num:
		return 1
	}
	return 0
}

// each calls fn with every value an aggregate function's arguments hold:
// the cells of ranges (fromRef true) and the scalars given directly. It
// stops at an error, which it returns.
func (ev *evaluator) each(args []*fnode, fn func(v value, fromRef bool)) value {
	for _, a := range args {
		v := ev.eval(a)
		if v.kind == vErr {
			return v
		}
		if v.kind != vRange {
			fn(v, false)
			continue
		}
		r := v.rng
		s := r.sheet
		for row := r.r1; row <= r.r2 && row < len(s.Rows); row++ {
			last := min(r.c2, len(s.Rows[row])-1)
			if last < r.c1 {
				if !ev.step(1) {
					return errValue(tooComplexText)
				}
				continue
			}
			if !ev.step(last - r.c1 + 1) {
				return errValue(tooComplexText)
			}
			for col := r.c1; col <= last; col++ {
				if s.Rows[row][col].Kind == Empty {
					continue
				}
				cv := cellValue(s, row, col)
				if ev.st.exceeded {
					return errValue(tooComplexText)
				}
				if cv.kind == vErr {
					return cv
				}
				fn(cv, true)
			}
		}
	}
	return value{}
}

// numbers gathers the numbers of an aggregate's arguments: in ranges only
// numbers count; given directly, logical values and numeric text count too.
func (ev *evaluator) numbers(args []*fnode) ([]float64, value) {
	var out []float64
	var bad value
	e := ev.each(args, func(v value, fromRef bool) {
		switch {
		case v.kind == vNum:
			out = append(out, v.num)
		case fromRef:
		case v.kind == vBool || v.kind == vStr:
			n := ev.number(v)
			if n.kind == vErr {
				if bad.kind != vErr {
					bad = n
				}
				return
			}
			out = append(out, n.num)
		}
	})
	if e.kind == vErr {
		return nil, e
	}
	if bad.kind == vErr {
		return nil, bad
	}
	return out, value{}
}

func (ev *evaluator) call(name string, args []*fnode) value {
	argn := func(lo, hi int) bool { return len(args) >= lo && len(args) <= hi }
	switch name {
	case "SUM", "AVERAGE", "MIN", "MAX", "COUNT", "PRODUCT":
		if len(args) == 0 {
			return cannot(ev.text)
		}
		return ev.aggregate(name, args)
	case "COUNTA":
		n := 0
		if e := ev.each(args, func(v value, fromRef bool) {
			if v.kind != vEmpty || !fromRef {
				n++
			}
		}); e.kind == vErr && e.str == tooComplexText {
			return e
		}
		return numValue(float64(n))
	case "SUBTOTAL":
		if len(args) < 2 {
			return cannot(ev.text)
		}
		k := ev.number(ev.eval(args[0]))
		if k.kind == vErr {
			return k
		}
		fn := map[int]string{1: "AVERAGE", 2: "COUNT", 4: "MAX", 5: "MIN", 6: "PRODUCT", 9: "SUM"}[int(k.num)%100]
		if fn == "" {
			return cannot(ev.text)
		}
		return ev.aggregate(fn, args[1:])
	case "ROUND", "ROUNDUP", "ROUNDDOWN":
		if !argn(1, 2) {
			return cannot(ev.text)
		}
		x := ev.number(ev.eval(args[0]))
		if x.kind == vErr {
			return x
		}
		d := value{kind: vNum}
		if len(args) == 2 {
			if d = ev.number(ev.eval(args[1])); d.kind == vErr {
				return d
			}
		}
		return numValue(round(name, x.num, int(math.Trunc(d.num))))
	case "ABS", "INT":
		if !argn(1, 1) {
			return cannot(ev.text)
		}
		x := ev.number(ev.eval(args[0]))
		if x.kind == vErr {
			return x
		}
		if name == "ABS" {
			return numValue(math.Abs(x.num))
		}
		return numValue(math.Floor(x.num))
	case "IF":
		if !argn(1, 3) {
			return cannot(ev.text)
		}
		c := ev.number(ev.eval(args[0]))
		if c.kind == vErr {
			return c
		}
		switch {
		case c.num != 0 && len(args) >= 2:
			return ev.eval(args[1])
		case c.num != 0:
			return boolValue(true)
		case len(args) == 3:
			return ev.eval(args[2])
		}
		return boolValue(false)
	case "IFERROR":
		if !argn(2, 2) {
			return cannot(ev.text)
		}
		v := ev.scalar(ev.eval(args[0]))
		if ev.st.exceeded {
			return errValue(tooComplexText)
		}
		if v.kind == vErr {
			return ev.eval(args[1])
		}
		return v
	case "AND", "OR":
		if len(args) == 0 {
			return cannot(ev.text)
		}
		all, anyTrue, seen := true, false, false
		e := ev.each(args, func(v value, fromRef bool) {
			if v.kind == vNum || v.kind == vBool {
				seen = true
				all = all && v.num != 0
				anyTrue = anyTrue || v.num != 0
			}
		})
		if e.kind == vErr {
			return e
		}
		if !seen {
			return errValue("#VALUE!")
		}
		if name == "AND" {
			return boolValue(all)
		}
		return boolValue(anyTrue)
	case "NOT":
		if !argn(1, 1) {
			return cannot(ev.text)
		}
		x := ev.number(ev.eval(args[0]))
		if x.kind == vErr {
			return x
		}
		return boolValue(x.num == 0)
	}
	return cannot(ev.text)
}

func (ev *evaluator) aggregate(name string, args []*fnode) value {
	nums, e := ev.numbers(args)
	if e.kind == vErr {
		return e
	}
	switch name {
	case "COUNT":
		return numValue(float64(len(nums)))
	case "SUM":
		t := 0.0
		for _, x := range nums {
			t += x
		}
		return numValue(t)
	case "AVERAGE":
		if len(nums) == 0 {
			return errValue("#DIV/0!")
		}
		t := 0.0
		for _, x := range nums {
			t += x
		}
		return numValue(t / float64(len(nums)))
	case "PRODUCT":
		if len(nums) == 0 {
			return numValue(0)
		}
		t := 1.0
		for _, x := range nums {
			t *= x
		}
		return numValue(t)
	}
	if len(nums) == 0 {
		return numValue(0)
	}
	m := nums[0]
	for _, x := range nums[1:] {
		if (name == "MIN") == (x < m) {
			m = x
		}
	}
	return numValue(m)
}

// round rounds x to d decimals: ROUND half away from zero, ROUNDUP away
// from zero, ROUNDDOWN towards zero.
func round(name string, x float64, d int) float64 {
	if d > 15 {
		return x
	}
	d = max(d, -15)
	p := math.Pow(10, float64(d))
	y := x * p
	// undo representation noise (2.675*100 = 267.49999999999997)
	if r := math.Round(y); math.Abs(y-r) < 1e-9*math.Max(1, math.Abs(y)) {
		y = r
	}
	switch name {
	case "ROUND":
		y = math.Round(y)
	case "ROUNDUP":
		if y < 0 {
			y = math.Floor(y)
		} else {
			y = math.Ceil(y)
		}
	default:
		y = math.Trunc(y)
	}
	return y / p
}
