package xlsxgrid

import (
	"bytes"
	"errors"
	"io"
	"math/rand"
	"testing"
	"testing/iotest"
)

// readAhead gives what its source holds, byte for byte, in reads of any
// size, then the source's error as it is (a damaged part's unexpected end
// is not its end); closed before the end, its goroutine stops (the race
// detector watches the source it reads).
func TestReadAhead(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, size := range []int{0, 1, aheadChunk - 1, aheadChunk, aheadChunk + 1, 5*aheadChunk + 123} {
		src := make([]byte, size)
		rng.Read(src)
		for _, tc := range []struct {
			name string
			r    io.Reader
			err  error
		}{
			{"whole", bytes.NewReader(src), io.EOF},
			{"a byte at a time", iotest.OneByteReader(bytes.NewReader(src)), io.EOF},
			{"failing after", io.MultiReader(bytes.NewReader(src), iotest.ErrReader(errBroken)), errBroken},
			{"cut short", io.MultiReader(bytes.NewReader(src), iotest.ErrReader(io.ErrUnexpectedEOF)), io.ErrUnexpectedEOF},
			{"giving nothing", io.MultiReader(bytes.NewReader(src), iotest.ErrReader(nil)), io.ErrNoProgress},
		} {
			if tc.name == "a byte at a time" && size > 2*aheadChunk {
				continue
			}
			r := newReadAhead(tc.r)
			var got []byte
			buf := make([]byte, 1+rng.Intn(70000))
			var err error
			for err == nil {
				var n int
				n, err = r.Read(buf[:1+rng.Intn(len(buf))])
				got = append(got, buf[:n]...)
			}
			r.Close()
			if !errors.Is(err, tc.err) || !bytes.Equal(got, src) || r.given != int64(size) {
				t.Errorf("%d bytes, %s: got %d bytes (given %d), %v", size, tc.name, len(got), r.given, err)
			}
			if n, err2 := r.Read(buf); n != 0 || !errors.Is(err2, tc.err) {
				t.Errorf("%d bytes, %s: read after the end: %d, %v", size, tc.name, n, err2)
			}
		}
	}
	// closed early, twice: the goroutine is gone before Close returns
	r := newReadAhead(bytes.NewReader(make([]byte, 10*aheadChunk)))
	if _, err := r.Read(make([]byte, 10)); err != nil {
		t.Fatal(err)
	}
	r.Close()
	r.Close()
}

var errBroken = errors.New("broken")
