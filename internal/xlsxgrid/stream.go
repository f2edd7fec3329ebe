package xlsxgrid

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
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
//     cannot know them; a second pass applies them to the first rows, or,
//     when one reaches past them, the whole sheet must be read;
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
// from the whole sheet.
var ErrNoStream = errors.New("workbook not streamed")

// RestreamError says a streamed sheet has merged ranges: read it again
// with OpenStream given this error, which applies them.
type RestreamError struct{ merges []string }

func (e *RestreamError) Error() string {
	return fmt.Sprintf("the sheet has %d merged ranges: stream it again", len(e.merges))
}

// sheetStream is the part of a streamed sheet still to read.
type sheetStream struct {
	sc    *sheetScan
	rc    io.Closer
	known bool // the merged ranges are applied (second pass)
	low   int  // rows from HeadRows up to low have been let go
	err   error
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
	for i, sh := range bi.sheets {
		if i != big && p.files[strings.ToLower(strings.TrimPrefix(sh.part, "/"))].UncompressedSize64 >= uint64(lim.StreamFrom) {
			return nil, ErrNoStream
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
			return nil, ErrNoStream
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
	st := &sheetStream{rc: rc, known: again != nil, low: headRows}
	st.sc = newSheetScan(newStreamTokenizer(&partLimit{r: rc, n: lim.MaxUnzipSize, f: f, lim: lim}), s, sst, xfFormats)
	s.stream = st
	// the head: the first HeadRows rows
	for !st.sc.done && st.sc.row < headRows-1 {
		if err := st.read(1); err != nil {
			rc.Close()
			return nil, streamErr(name, err)
		}
	}
	if st.sc.done {
		// the whole sheet is in: its merged ranges are applied as the whole
		// reading applies them
		if again == nil {
			if err := s.applyMerges(st.sc.merges); err != nil {
				rc.Close()
				return nil, streamErr(name, err)
			}
		}
		st.known = true
	}
	if again != nil {
		// every merged range must lie in the head, where it is applied as
		// the whole sheet would have it
		for _, ref := range again.merges {
			a, z, _ := strings.Cut(ref, ":")
			r1, _, ok1 := parseRef([]byte(a))
			r2, _, ok2 := parseRef([]byte(z))
			if ok1 && ok2 && max(r1, r2) >= headRows {
				rc.Close()
				return nil, ErrNoStream
			}
		}
		if err := s.applyMerges(again.merges); err != nil {
			rc.Close()
			return nil, streamErr(name, err)
		}
	}
	return wb, nil
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
		return err
	}
	if z := st.sc.z; st.sc.done && z.srcErr != nil && z.srcErr != io.EOF {
		if errors.Is(z.srcErr, ErrTooBig) {
			return z.srcErr
		}
		return ErrNoStream // a damaged zip: OpenBytes says so
	}
	if st.sc.backwards || st.sc.formulas {
		return ErrNoStream
	}
	return nil
}

// end checks the streamed sheet once read to its end: merged ranges ask
// for a second pass.
func (st *sheetStream) end() error {
	if len(st.sc.merges) > 0 && !st.known {
		return &RestreamError{merges: st.sc.merges}
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
		return s.stream.rc.Close()
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
