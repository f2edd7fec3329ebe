package xlsxgrid

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Streaming: a consolidated sheet of hundreds of thousands of rows is
// read a few rows at a time, never whole. OpenStream reads the workbook as
// the lean reader does, except its biggest worksheet: of that, only the
// first rows (HeadRows, where the heading and the table's header are) are
// read, and the rest comes as the reader asks for it (Sheet.More), the rows
// it is done with let go. What a streamed sheet reads is what the whole
// sheet would give, row for row; where the file would make it differ, the
// stream says so (Sheet.StreamErr) and the caller reads the workbook whole
// instead (ErrNoStream), or streams it again knowing its merged ranges
// (*RestreamError):
//   - rows or cells given out of order (a later one would change a row
//     already given out);
//   - formulas saved without their value, on any sheet (computing one may
//     need rows let go);
//   - merged ranges: they are listed after the rows, so the first pass
//     cannot know them; a second pass applies them as their rows come
//     (the whole sheet is read when there are more than maxStreamMerges
//     past the first rows, or when one overlaps another: the order the
//     whole reading fills them in would matter);
//   - anything the lean reader steps aside from.

// StreamMin is the unzipped size of a worksheet from which OpenStream
// streams it unless told otherwise (Limits.StreamFrom): smaller workbooks
// are read whole (ErrNoStream).
const StreamMin = 8 << 20

// HeadRows is how many rows of a streamed sheet are read before it is
// given out, and kept: the heading, the table's header and its first rows.
const HeadRows = 64

// The sizes of streaming, variables for the tests (which stream small
// workbooks a few bytes and rows at a time).
var (
	headRows   = HeadRows
	streamRows = 256 // rows More reads at a time
)

// ErrNoStream says a workbook is to be read whole (OpenBytes), not
// streamed: it is small, or something in it would make the stream differ
// from the whole sheet (then a *NoStreamError says what).
var ErrNoStream = errors.New("workbook not streamed")

// NoStreamError is ErrNoStream for a sheet big enough to be streamed that
// cannot be: Why says what in it stops the stream, in the officer's words
// ("có công thức chưa lưu giá trị (ô D200004)"); Size is the sheet's
// unzipped size, as far as it is known (what the zip declares, or what
// was read of it if more). Reading such a sheet whole costs some five
// times its size: the importer refuses it past Limits.MaxWhole.
type NoStreamError struct {
	Why  string
	Size int64
}

func (e *NoStreamError) Error() string     { return "workbook not streamed: " + e.Why }
func (e *NoStreamError) Is(err error) bool { return err == ErrNoStream }

// NoStream is a *NoStreamError for the streamed sheet of wb, with the
// reason why.
func (wb *Workbook) NoStream(why string) error {
	size := int64(0)
	if s := wb.Streamed(); s != nil {
		size = s.stream.size()
	}
	return &NoStreamError{Why: why, Size: size}
}

// RestreamError says a streamed sheet has merged ranges: read it again
// with OpenStream given this error, which applies them.
type RestreamError struct {
	merges []string
	head   []string      // those within the head rows
	past   []streamMerge // the others, by first row
}

func (e *RestreamError) Error() string {
	return fmt.Sprintf("the sheet has %d merged ranges: stream it again", len(e.merges))
}

// maxStreamMerges is how many merged ranges reaching past the first rows
// a sheet may have and be streamed.
const maxStreamMerges = 1000

// sheetStream is the part of a streamed sheet still to read.
type sheetStream struct {
	sc       *sheetScan
	rc       io.Closer
	known    bool // the merged ranges are applied (second pass)
	low      int  // rows from HeadRows up to low have been let go
	err      error
	pending  []streamMerge // merged ranges past the first rows, by first row
	declared int64         // the sheet's unzipped size, as its zip declares it
	ahead    *readAhead    // inflates it a chunk ahead (counting what it gave)
	free     [][]Cell      // rows let go, for new rows to reuse (Sheet.set)
}

// maxFree is how many rows let go a stream keeps for reuse: a part's
// worth.
const maxFree = 1024

// newRow returns a let-go row of room for n cells or more, emptied, nil
// when there is none.
func (st *sheetStream) newRow(n int) []Cell {
	if st == nil || len(st.free) == 0 {
		return nil
	}
	row := st.free[len(st.free)-1]
	if cap(row) < n {
		return nil
	}
	st.free = st.free[:len(st.free)-1]
	return row[:n]
}

// close stops the inflating ahead, then closes the part.
func (st *sheetStream) close() error {
	st.ahead.Close()
	return st.rc.Close()
}

// size is the streamed sheet's unzipped size as far as it is known.
func (st *sheetStream) size() int64 {
	return max(st.declared, st.ahead.given)
}

// noStream says why the stream cannot go on.
func (st *sheetStream) noStream(why string) error {
	return &NoStreamError{Why: why, Size: st.size()}
}

// streamMerge is a merged range (r1, c1, r2, c2: see mergeRange) filled
// as its rows come: from row next on, with top (its top-left cell, once
// its first row is in).
type streamMerge struct {
	rng  [4]int
	next int
	top  Cell
}

// OpenStream opens a workbook from r (size bytes) for streaming its
// biggest worksheet. It returns ErrNoStream for a workbook to read whole
// (OpenBytes), and errors of the file as OpenBytes does. again is the
// *RestreamError of a first pass, nil for a first pass. The caller reads
// the streamed sheet (Streamed) to its end and then asks StreamErr; Close
// releases the file.
func OpenStream(name string, r io.ReaderAt, size int64, lim Limits, again *RestreamError) (*Workbook, error) {
	lim = lim.orDefault()
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, ErrNoStream
	}
	p := newPkg(zr, lim)
	p.zipr = r
	if p.dup != "" || p.workbookPart() == "" {
		return nil, ErrNoStream // OpenBytes says what is wrong
	}
	bi, err := p.bookInfo()
	if err != nil {
		return nil, ErrNoStream
	}
	// the biggest worksheet is streamed; the others must be small
	big := -1
	var bigSize uint64
	for i, sh := range bi.sheets {
		f, ok := p.files[strings.ToLower(strings.TrimPrefix(sh.part, "/"))]
		if !ok {
			return nil, ErrNoStream
		}
		if f.UncompressedSize64 > bigSize {
			big, bigSize = i, f.UncompressedSize64
		}
	}
	if big < 0 || bigSize < uint64(lim.StreamFrom) {
		return nil, ErrNoStream
	}
	bigSz := int64(min(bigSize, 1<<62))
	for i, sh := range bi.sheets {
		if i != big && p.files[strings.ToLower(strings.TrimPrefix(sh.part, "/"))].UncompressedSize64 >= uint64(lim.StreamFrom) {
			return nil, &NoStreamError{Why: "có hai trang tính lớn", Size: bigSz}
		}
	}
	var sst []string
	if bi.sst != "" {
		b, err := p.read(bi.sst)
		if err != nil {
			return nil, streamErr(name, err)
		}
		if sst, err = parseSharedStrings(b); err != nil {
			return nil, ErrNoStream
		}
	}
	xfFormats := &styles{p: p, part: bi.styles}
	wb := &Workbook{File: name, Date1904: bi.date1904, limits: lim}
	for i, sh := range bi.sheets {
		s := &Sheet{Book: wb, Name: sh.name, Hidden: sh.hidden}
		wb.Sheets = append(wb.Sheets, s)
		if i == big {
			continue
		}
		b, err := p.read(sh.part)
		if err != nil {
			return nil, streamErr(name, err)
		}
		sc := newSheetScan(newTokenizer(b), s, sst, xfFormats)
		if err := sc.run(0); err != nil {
			return nil, streamErr(name, err)
		}
		if sc.formulas { // one could read the streamed sheet's rows let go
			return nil, &NoStreamError{Why: fmt.Sprintf("trang tính %s có công thức chưa lưu giá trị (ô %s)", sh.name, Ref(sc.formulaAt[0], sc.formulaAt[1])), Size: bigSz}
		}
		if err := s.applyMerges(sc.merges); err != nil {
			return nil, streamErr(name, err)
		}
	}
	s := wb.Sheets[big]
	f := p.files[strings.ToLower(strings.TrimPrefix(bi.sheets[big].part, "/"))]
	if f.UncompressedSize64 > uint64(lim.MaxUnzipSize) {
		return nil, &CellError{File: name, Msg: tooBigPart(f, lim).Error()}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, ErrNoStream
	}
	st := &sheetStream{rc: rc, known: again != nil, low: headRows, declared: bigSz}
	if again != nil {
		st.pending = slices.Clone(again.past)
	}
	st.ahead = newReadAhead(&partLimit{r: rc, n: lim.MaxUnzipSize, f: f, lim: lim})
	st.sc = newSheetScan(newStreamTokenizer(st.ahead), s, sst, xfFormats)
	s.stream = st
	// the head: the first HeadRows rows
	for !st.sc.done && st.sc.row < headRows-1 {
		if err := st.read(1); err != nil {
			st.close()
			return nil, streamErr(name, err)
		}
	}
	if st.sc.done {
		// the whole sheet is in: its merged ranges are applied as the whole
		// reading applies them
		if again == nil {
			if err := s.applyMerges(st.sc.merges); err != nil {
				st.close()
				return nil, streamErr(name, err)
			}
		}
		st.known = true
	}
	if again != nil {
		// the merged ranges within the head are applied to it as the whole
		// sheet would have them; the others as their rows come (read)
		if err := s.applyMerges(again.head); err != nil {
			st.close()
			return nil, streamErr(name, err)
		}
	}
	return wb, nil
}

// planMerges splits a sheet's merged ranges into those within the head
// rows and those reaching past them (sorted by first row); ok is false
// when the sheet cannot be streamed knowing them: too many past the head,
// or two that overlap.
func planMerges(refs []string) (head []string, past []streamMerge, ok bool) {
	var all [][4]int
	seen := map[[4]int]bool{}
	for _, ref := range refs {
		m, ok := mergeRange(ref)
		switch {
		case !ok:
			head = append(head, ref) // applyMerges leaves it, as the whole reading does
		case seen[m]:
			// the whole reading fills it once
		case m[2] < headRows:
			seen[m] = true
			all = append(all, m)
			head = append(head, ref)
		default:
			seen[m] = true
			all = append(all, m)
			past = append(past, streamMerge{rng: m, next: m[0]})
		}
	}
	if len(past) > maxStreamMerges {
		return nil, nil, false
	}
	for _, p := range past {
		for _, o := range all {
			if o != p.rng && o[0] <= p.rng[2] && p.rng[0] <= o[2] && o[1] <= p.rng[3] && p.rng[1] <= o[3] {
				return nil, nil, false
			}
		}
	}
	slices.SortStableFunc(past, func(a, b streamMerge) int { return a.rng[0] - b.rng[0] })
	return head, past, true
}

// fillMerges fills the merged ranges past the head on the rows read so
// far, as applyMerges fills a whole sheet's: every row up to upto is whole
// (all of them when the sheet is read to its end), none of them let go
// yet.
func (st *sheetStream) fillMerges(s *Sheet, upto int) error {
	kept := st.pending[:0]
	for i := range st.pending {
		m := &st.pending[i]
		if m.rng[0] > upto {
			kept = append(kept, st.pending[i:]...)
			break
		}
		if m.next == m.rng[0] { // its first row is in
			top, err := s.mergeTop(m.rng)
			if err != nil {
				return err
			}
			if top.Kind == Empty {
				continue // nothing to fill: done with it
			}
			m.top = top
		}
		last := min(m.rng[2], upto)
		if err := s.fillMergeRows(m.rng, m.top, m.next, last); err != nil {
			return err
		}
		m.next = last + 1
		if m.next <= m.rng[2] {
			kept = append(kept, *m)
		}
	}
	st.pending = kept
	return nil
}

// streamErr is err as OpenBytes gives it: ErrNoStream for what the lean
// reader steps aside from, a CellError for what refuses the file.
func streamErr(name string, err error) error {
	var ce *CellError
	var re *RestreamError
	switch {
	case errors.Is(err, ErrNoStream), errors.As(err, &ce), errors.As(err, &re):
		return err
	case errors.Is(err, errLeanUnsupported):
		return ErrNoStream
	}
	return &CellError{File: name, Msg: err.Error()}
}

// read reads rows more rows of the streamed sheet (see sheetScan.run),
// failing with ErrNoStream when they break what a stream needs.
func (st *sheetStream) read(rows int) error {
	if err := st.sc.run(rows); err != nil {
		if errors.Is(err, errLeanUnsupported) {
			return st.noStream("có phần XML kpi không đọc từng đoạn được")
		}
		return err
	}
	if len(st.pending) > 0 {
		upto := st.sc.row
		if st.sc.done {
			upto = maxRows
		}
		if err := st.fillMerges(st.sc.s, upto); err != nil {
			return err
		}
	}
	if z := st.sc.z; st.sc.done && z.srcErr != nil && z.srcErr != io.EOF {
		if errors.Is(z.srcErr, ErrTooBig) {
			return z.srcErr
		}
		return ErrNoStream // a damaged zip: OpenBytes says so
	}
	switch {
	case st.sc.backwards:
		return st.noStream("các hàng không theo thứ tự")
	case st.sc.formulas:
		return st.noStream(fmt.Sprintf("có công thức chưa lưu giá trị (ô %s)", Ref(st.sc.formulaAt[0], st.sc.formulaAt[1])))
	}
	return nil
}

// end checks the streamed sheet once read to its end: merged ranges ask
// for a second pass.
func (st *sheetStream) end() error {
	if len(st.sc.merges) > 0 && !st.known {
		head, past, ok := planMerges(st.sc.merges)
		if !ok {
			return st.noStream("có vùng ô gộp trong phần số liệu chồng lên nhau, hoặc hơn 1.000 vùng ô gộp")
		}
		return &RestreamError{merges: st.sc.merges, head: head, past: past}
	}
	return nil
}

// Streamed returns the workbook's streamed sheet, nil when none is.
func (wb *Workbook) Streamed() *Sheet {
	for _, s := range wb.Sheets {
		if s.stream != nil {
			return s
		}
	}
	return nil
}

// More reads more rows of a streamed sheet into Rows, letting go of the
// rows before from (the head rows are kept): its reader is done with
// them. It reports whether Rows now reaches past from; false at the end
// of the sheet, on an error (StreamErr), and for a sheet read whole.
func (s *Sheet) More(from int) bool {
	st := s.stream
	if st == nil {
		return false
	}
	for r := st.low; r < from && r < len(s.Rows); r++ {
		if row := s.Rows[r]; cap(row) > 0 && len(st.free) < maxFree {
			clear(row[:cap(row)]) // its texts go
			st.free = append(st.free, row[:0])
		}
		s.Rows[r] = nil
	}
	st.low = max(st.low, from)
	for st.err == nil && !st.sc.done && len(s.Rows) <= from {
		if err := st.read(streamRows); err != nil {
			st.err = streamErr(s.Book.File, err)
			break
		}
		if st.sc.done {
			st.err = st.end()
		}
	}
	if st.err != nil {
		return false
	}
	return len(s.Rows) > from
}

// StreamErr is what went wrong streaming the sheet: nil when it was read
// to its end as the whole sheet would be, ErrNoStream or a
// *RestreamError when the workbook must be read again (see OpenStream),
// or the file's error (a CellError). Before the end it is nil.
func (s *Sheet) StreamErr() error {
	if s.stream == nil {
		return nil
	}
	return s.stream.err
}

// Close releases a streamed workbook's file.
func (wb *Workbook) Close() error {
	if s := wb.Streamed(); s != nil {
		return s.stream.close()
	}
	return nil
}

// partLimit reads a part, failing past the limit on unzipped size (the
// zip's declared size is not trusted).
type partLimit struct {
	r   io.Reader
	n   int64
	f   *zip.File
	lim Limits
}

func (l *partLimit) Read(b []byte) (int, error) {
	n, err := l.r.Read(b)
	l.n -= int64(n)
	if l.n < 0 {
		return n, tooBigPart(l.f, l.lim)
	}
	return n, err
}

func tooBigPart(f *zip.File, lim Limits) error {
	return fmt.Errorf("%w: phần %s giải nén ra hơn %d MB (giới hạn --max-size)", ErrTooBig, strings.TrimPrefix(f.Name, "/"), lim.MaxUnzipSize>>20)
}
