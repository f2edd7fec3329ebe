package xlsxgrid

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/demo"
	"github.com/bhxh/kpi/internal/xlsxin/badfiles"
	"github.com/bhxh/kpi/internal/xlsxspec"
)

// smallStreams makes streams go a few bytes and rows at a time, for the
// length of a test.
func smallStreams(t *testing.T, head, rows, buf int) {
	t.Helper()
	h, r, b := headRows, streamRows, streamBuffer
	headRows, streamRows, streamBuffer = head, rows, buf
	t.Cleanup(func() { headRows, streamRows, streamBuffer = h, r, b })
}

// every streams every workbook.
var every = Limits{StreamFrom: 1}

// streamOutcome is how a streamed reading of a workbook ended.
type streamOutcome int

const (
	streamedSame streamOutcome = iota // read to its end, the same as whole
	streamedNot                       // ErrNoStream: to read whole
	streamedErr                       // the file's error, as OpenBytes gives it
)

// streamAgainst streams a workbook (a second pass when it has merged
// ranges) and holds every row it gives out to the whole reading, as a
// reader that lets go of each row once read.
func streamAgainst(t *testing.T, name string, data []byte) streamOutcome {
	t.Helper()
	whole, werr := OpenBytes(name, data, DefaultLimits)
	var again *RestreamError
	for pass := 1; pass <= 2; pass++ {
		wb, err := OpenStream(name, bytes.NewReader(data), int64(len(data)), every, again)
		if errors.Is(err, ErrNoStream) {
			return streamedNot
		}
		if err != nil {
			if werr == nil || err.Error() != werr.Error() {
				t.Errorf("%s: stream: %v; whole: %v", name, err, werr)
			}
			return streamedErr
		}
		s := wb.Streamed()
		var diffs []string
		seen := 0
		if werr == nil {
			ws := whole.Sheets[indexOf(wb, s)]
			for r := 0; r < len(s.Rows) || s.More(r); r++ {
				seen = r + 1
				cols := len(s.Rows[r])
				if r < len(ws.Rows) {
					cols = max(cols, len(ws.Rows[r]))
				}
				for c := 0; c < cols; c++ {
					if a, b := s.At(r, c), ws.At(r, c); a != b {
						diffs = append(diffs, fmt.Sprintf("%s!%s: stream %+v, whole %+v", s.Name, Ref(r, c), a, b))
					}
				}
			}
			for i, os := range wb.Sheets {
				if os != s {
					sameSheet(t, name, os, whole.Sheets[i])
				}
			}
		} else {
			for r := 0; r < len(s.Rows) || s.More(r); r++ {
			}
		}
		wb.Close()
		err = s.StreamErr()
		var re *RestreamError
		switch {
		case errors.As(err, &re) && pass == 1:
			again = re
			continue
		case errors.Is(err, ErrNoStream):
			return streamedNot
		case err != nil:
			if werr == nil || err.Error() != werr.Error() {
				t.Errorf("%s: stream: %v; whole: %v", name, err, werr)
			}
			return streamedErr
		case werr != nil:
			t.Errorf("%s: streamed whole, but OpenBytes says %v", name, werr)
			return streamedErr
		}
		for _, d := range diffs {
			t.Errorf("%s › %s", name, d)
		}
		if ws := whole.Sheets[indexOf(wb, s)]; seen != len(ws.Rows) {
			t.Errorf("%s: %d rows streamed, %d read whole", name, seen, len(ws.Rows))
		}
		return streamedSame
	}
	t.Fatalf("%s: a second pass asked for a third", name)
	return streamedNot
}

func indexOf(wb *Workbook, s *Sheet) int {
	for i, x := range wb.Sheets {
		if x == s {
			return i
		}
	}
	return -1
}

func sameSheet(t *testing.T, name string, a, b *Sheet) {
	t.Helper()
	if a.Name != b.Name || a.Hidden != b.Hidden || len(a.Rows) != len(b.Rows) {
		t.Errorf("%s: sheet %q/%q hidden %v/%v, %d/%d rows", name, a.Name, b.Name, a.Hidden, b.Hidden, len(a.Rows), len(b.Rows))
		return
	}
	for r := range a.Rows {
		for c := 0; c < max(len(a.Rows[r]), len(b.Rows[r])); c++ {
			if x, y := a.At(r, c), b.At(r, c); x != y {
				t.Errorf("%s › %s!%s: stream %+v, whole %+v", name, a.Name, Ref(r, c), x, y)
			}
		}
	}
}

// A streamed sheet gives out what the whole sheet holds, row for row, or
// says it cannot: every workbook of the differential test, streamed a few
// bytes and rows at a time.
func TestStreamMatchesWhole(t *testing.T) {
	dir := t.TempDir()
	var books []string
	for i, spec := range diffSpecs {
		p := filepath.Join(dir, fmt.Sprintf("spec%d.xlsx", i))
		if err := xlsxspec.WriteFile(p, spec); err != nil {
			t.Fatal(err)
		}
		books = append(books, p)
	}
	for _, f := range xlsxspec.Forms {
		p := filepath.Join(dir, f.Name)
		if err := xlsxspec.WriteFile(p, f.Spec); err != nil {
			t.Fatal(err)
		}
		books = append(books, p)
	}
	lo, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "libreoffice", "*.xlsx"))
	books = append(books, lo...)
	// a consolidated sheet
	c := campaign.Default()
	big := filepath.Join(dir, "tonghop_2024-01.xlsx")
	if err := demo.WriteBig(filepath.Join(dir, "t.xlsx"), big, c, 300, 1); err != nil {
		t.Fatal(err)
	}
	books = append(books, big)
	for _, cfg := range []struct{ head, rows, buf int }{{3, 1, 7}, {5, 4, 64}, {64, 256, 512 << 10}} {
		t.Run(fmt.Sprintf("head%d-rows%d-buf%d", cfg.head, cfg.rows, cfg.buf), func(t *testing.T) {
			smallStreams(t, cfg.head, cfg.rows, cfg.buf)
			counts := map[streamOutcome]int{}
			for _, p := range books {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				counts[streamAgainst(t, filepath.Base(p), data)]++
			}
			t.Logf("%d streamed, %d to read whole, %d refused", counts[streamedSame], counts[streamedNot], counts[streamedErr])
			if counts[streamedSame] < len(books)/2 {
				t.Errorf("only %d of %d workbooks streamed", counts[streamedSame], len(books))
			}
		})
	}
}

// rows is n rows of a unit code and a figure, then extra.
func rows(n int, extra string) string {
	var b strings.Builder
	for r := 1; r <= n; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>H%02d</t></is></c><c r="B%d"><v>%d</v></c></row>`, r, r, r, r, r*10)
	}
	return b.String() + extra
}

// What makes a stream differ from the whole sheet is found: rows out of
// order, a formula without its value, merged ranges (a second pass that
// fills them as their rows come; the whole sheet when they overlap or are
// too many).
func TestStreamKnowsWhatItCannot(t *testing.T) {
	smallStreams(t, 3, 2, 16)
	for _, tc := range []struct {
		name  string
		sheet string
		want  streamOutcome
	}{
		{"in order", badfiles.SheetXML(rows(20, ""), ""), streamedSame},
		{"a row given again", badfiles.SheetXML(rows(20, `<row r="7"><c r="C7"><v>1</v></c></row>`), ""), streamedNot},
		{"a cell of an earlier row", badfiles.SheetXML(rows(20, `<row r="21"><c r="C5"><v>1</v></c></row>`), ""), streamedNot},
		{"a formula without its value", badfiles.SheetXML(rows(20, `<row r="21"><c r="B21"><f>SUM(B1:B20)</f></c></row>`), ""), streamedNot},
		{"a formula with its value", badfiles.SheetXML(rows(20, `<row r="21"><c r="B21"><f>SUM(B1:B20)</f><v>2100</v></c></row>`), ""), streamedSame},
		{"merged title", badfiles.SheetXML(rows(20, ""), `<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>`), streamedSame},
		{"merged data", badfiles.SheetXML(rows(20, ""), `<mergeCells count="1"><mergeCell ref="A10:B11"/></mergeCells>`), streamedSame},
		{"merged from the head into the data", badfiles.SheetXML(rows(20, ""), `<mergeCells count="2"><mergeCell ref="B2:B9"/><mergeCell ref="A1:A1"/></mergeCells>`), streamedSame},
		{"merged data, several, given twice", badfiles.SheetXML(rows(20, ""), `<mergeCells count="4"><mergeCell ref="B12:C12"/><mergeCell ref="A5:A6"/><mergeCell ref="C15:D18"/><mergeCell ref="A5:A6"/></mergeCells>`), streamedSame},
		{"merged past the last row", badfiles.SheetXML(rows(20, ""), `<mergeCells count="1"><mergeCell ref="B19:C24"/></mergeCells>`), streamedSame},
		{"merged from an empty cell", badfiles.SheetXML(rows(20, ""), `<mergeCells count="1"><mergeCell ref="E8:E12"/></mergeCells>`), streamedSame},
		{"merged ranges that overlap", badfiles.SheetXML(rows(20, ""), `<mergeCells count="2"><mergeCell ref="A10:B11"/><mergeCell ref="B11:C12"/></mergeCells>`), streamedNot},
		{"too many merged ranges", badfiles.SheetXML(rows(20, ""), manyMerges(maxStreamMerges+1)), streamedNot},
		{"a text in a grown buffer, its end tag refilling it twice", badfiles.SheetXML(rows(20, `<row r="21"><c r="A21" t="str" x="`+strings.Repeat("y", 150)+`"><v>văn bản</v`+strings.Repeat(" ", 100)+`></c></row>`), ""), streamedSame},
		{"a text whose end tag takes several buffers", badfiles.SheetXML(rows(20, `<row r="21"><c r="A21" t="str"><v>một đoạn chữ dài hơn bộ đệm</v`+strings.Repeat(" ", 80)+`></c><c r="B21" t="inlineStr"><is><t>chữ</t`+strings.Repeat("\n", 50)+`></is></c></row>`), ""), streamedSame},
		{"comments and CDATA", badfiles.SheetXML(rows(20, `<!-- </row> --><row r="21"><c r="A21" t="inlineStr"><is><t><![CDATA[a </row> <b]]></t></is></c></row>`), ""), streamedSame},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := badfiles.Book(map[string]string{"xl/worksheets/sheet1.xml": tc.sheet})
			if err != nil {
				t.Fatal(err)
			}
			if got := streamAgainst(t, "s.xlsx", data); got != tc.want {
				t.Errorf("outcome %d, want %d", got, tc.want)
			}
		})
	}
}

// A sheet past --max-size is refused as OpenBytes refuses it, whatever
// its zip declares; so is one of too many cells.
func TestStreamLimits(t *testing.T) {
	smallStreams(t, 3, 2, 64)
	var b strings.Builder
	for r := 1; r <= 3000; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>%d</v></c></row>`, r, r, r, r, r)
	}
	data, err := badfiles.Book(map[string]string{"xl/worksheets/sheet1.xml": badfiles.SheetXML(b.String(), "")})
	if err != nil {
		t.Fatal(err)
	}
	for _, lim := range []Limits{{MaxUnzipSize: 50 << 10, StreamFrom: 1}, {MaxCells: 1000, StreamFrom: 1}} {
		lim = lim.orDefault()
		_, werr := OpenBytes("s.xlsx", data, lim)
		wb, err := OpenStream("s.xlsx", bytes.NewReader(data), int64(len(data)), lim, nil)
		if err == nil {
			s := wb.Streamed()
			for r := 0; r < len(s.Rows) || s.More(r); r++ {
			}
			err = s.StreamErr()
		}
		if werr == nil || err == nil || err.Error() != werr.Error() {
			t.Errorf("%+v: stream %v, whole %v", lim, err, werr)
		}
	}
}

// manyMerges is n one-row merged ranges past the head, in column E.
func manyMerges(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<mergeCells count="%d">`, n)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<mergeCell ref="E%d:F%d"/>`, 10+i, 10+i)
	}
	return b.String() + `</mergeCells>`
}

// A sheet that cannot be streamed says why, in the officer's words, and
// how big it is (what the zip declares, or what was read of it if more).
func TestNoStreamSaysWhy(t *testing.T) {
	smallStreams(t, 3, 2, 16)
	for _, tc := range []struct{ name, sheet, why string }{
		{"a formula without its value", badfiles.SheetXML(rows(20, `<row r="21"><c r="B21"><f>SUM(B1:B20)</f></c></row>`), ""), "có công thức chưa lưu giá trị (ô B21)"},
		{"a row given again", badfiles.SheetXML(rows(20, `<row r="7"><c r="C7"><v>1</v></c></row>`), ""), "các hàng không theo thứ tự"},
		{"merged ranges that overlap", badfiles.SheetXML(rows(20, ""), `<mergeCells count="2"><mergeCell ref="A10:B11"/><mergeCell ref="B11:C12"/></mergeCells>`), "chồng lên nhau"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := badfiles.Book(map[string]string{"xl/worksheets/sheet1.xml": tc.sheet})
			if err != nil {
				t.Fatal(err)
			}
			wb, err := OpenStream("s.xlsx", bytes.NewReader(data), int64(len(data)), every, nil)
			if err != nil {
				t.Fatal(err)
			}
			s := wb.Streamed()
			for r := 0; r < len(s.Rows) || s.More(r); r++ {
			}
			wb.Close()
			var ns *NoStreamError
			if err := s.StreamErr(); !errors.As(err, &ns) || !errors.Is(err, ErrNoStream) {
				t.Fatalf("StreamErr = %v", err)
			}
			if !strings.Contains(ns.Why, tc.why) || ns.Size < int64(len(tc.sheet)) {
				t.Errorf("why %q (want %q), size %d (sheet %d bytes)", ns.Why, tc.why, ns.Size, len(tc.sheet))
			}
		})
	}
}

// A streamed document's texts come out whole whatever the buffer and
// however the tags around them are spread: start tags that grow the
// buffer, end tags that take several refills while a text is held.
func TestStreamedTextsSurviveRefills(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for n := 0; n < 3000; n++ {
		buf := 5 + rng.Intn(60)
		smallStreams(t, 3, 2, buf)
		var doc strings.Builder
		var want []string
		doc.WriteString("<r>")
		for k := rng.Intn(6) + 1; k > 0; k-- {
			text := fmt.Sprintf("chữ%d-%s", k, strings.Repeat("x", rng.Intn(40)))
			want = append(want, text)
			fmt.Fprintf(&doc, `<c a="%s"><v>%s</v%s></c>`, strings.Repeat("y", rng.Intn(200)), text, strings.Repeat(" ", rng.Intn(200)))
		}
		doc.WriteString("</r>")
		z := newStreamTokenizer(strings.NewReader(doc.String()))
		var got []string
		for {
			tok := z.next()
			if tok.kind == tokEOF {
				break
			}
			if tok.kind == tokStart && string(tok.local) == "v" {
				s, err := z.textOf(tok)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, s)
			}
		}
		if z.err != nil || !slices.Equal(got, want) {
			t.Fatalf("buffer %d: %q, want %q (%v)", buf, got, want, z.err)
		}
	}
}

// A sheet whose zipped data ends early (a damaged file) is not taken to
// end there: the stream fails (to be read whole, which says so), and does
// not give out the rows before the damage as the whole sheet.
func TestStreamDamagedSheet(t *testing.T) {
	smallStreams(t, 3, 2, 64)
	head := rows(10, "")
	tail := rows(40, "")[len(rows(10, "")):]
	sheet := badfiles.SheetXML(head+tail, "")
	good, err := badfiles.Book(map[string]string{"xl/worksheets/sheet1.xml": sheet})
	if err != nil {
		t.Fatal(err)
	}
	// the sheet's zipped bytes cut right after row 10 (its declared sizes
	// and checksum those of the whole sheet)
	prefix := sheet[:strings.Index(sheet, `<row r="11"`)]
	data := rezip(t, good, func(h *zip.FileHeader, zipped []byte) []byte {
		if h.Name != "xl/worksheets/sheet1.xml" {
			return zipped
		}
		var cut bytes.Buffer
		fw, _ := flate.NewWriter(&cut, flate.DefaultCompression)
		fw.Write([]byte(prefix))
		fw.Flush()
		return cut.Bytes()
	})
	if _, err := OpenBytes("s.xlsx", data, DefaultLimits); err == nil {
		t.Fatal("the damaged sheet read whole")
	}
	wb, err := OpenStream("s.xlsx", bytes.NewReader(data), int64(len(data)), every, nil)
	if err != nil {
		t.Fatalf("OpenStream: %v (the damage is past the first rows)", err)
	}
	s := wb.Streamed()
	n := 0
	for r := 0; r < len(s.Rows) || s.More(r); r++ {
		n = r + 1
	}
	wb.Close()
	if err := s.StreamErr(); !errors.Is(err, ErrNoStream) {
		t.Errorf("a damaged sheet streamed as whole: %d rows of 40, %v", n, err)
	}
}

// readAhead passes its source's errors on as they are.
func TestReviewReadAheadKeepsUnexpectedEOF(t *testing.T) {
	r := newReadAhead(io.MultiReader(bytes.NewReader([]byte("abc")), iotestErr{io.ErrUnexpectedEOF}))
	defer r.Close()
	_, err := io.ReadAll(r)
	if err == nil {
		t.Errorf("source failed with io.ErrUnexpectedEOF; readAhead gave a clean end")
	}
}

type iotestErr struct{ err error }

func (e iotestErr) Read([]byte) (int, error) { return 0, e.err }

// A streamed sheet whose XML ends inside <sheetData> with text after its
// last tag (a damaged or cut-short part), the end falling on the end of a
// buffer, whatever its size: it ends there, as read token by token (the
// text's token was cut from the buffer before a fill that moved it, and
// fastCell then read past the buffer).
func TestStreamEndsInText(t *testing.T) {
	sheet := `<worksheet ` + mainNS + `><sheetData>` + rows(6, "") + "\n  "
	data, err := badfiles.Book(map[string]string{"xl/worksheets/sheet1.xml": sheet})
	if err != nil {
		t.Fatal(err)
	}
	panics := 0
	for buf := 8; buf <= 400; buf++ {
		func() {
			smallStreams(t, 3, 2, buf)
			defer func() {
				if r := recover(); r != nil {
					panics++
					if panics == 1 {
						t.Errorf("buffer %d: panic: %v", buf, r)
					}
				}
			}()
			wb, err := OpenStream("q.xlsx", bytes.NewReader(data), int64(len(data)), every, nil)
			if err != nil {
				return
			}
			defer wb.Close()
			s := wb.Streamed()
			for s.More(len(s.Rows)) {
			}
			_ = fmt.Sprint(s.StreamErr())
		}()
	}
	if panics > 0 {
		t.Errorf("%d buffer sizes of 393 panic", panics)
	}
}
