package xlsxgrid

import (
	"io"
	"sync"
)

// aheadChunk is how much a readAhead inflates at a time, and aheadChunks
// how many chunks it may hold ready (some 1.5 MB in all).
const (
	aheadChunk  = 512 << 10
	aheadChunks = 3
)

// readAhead reads src on a goroutine of its own, a chunk ahead of its
// reader: a streamed sheet is inflated on one core while the other reads
// its cells (the inflating is a sixth of a big sheet's reading). Close
// stops the goroutine and waits for it before src's closer may run.
type readAhead struct {
	ready chan aheadChunkOf // chunks read, in order
	free  chan []byte       // chunks given back, to be read into again
	stop  chan struct{}
	once  sync.Once
	wg    sync.WaitGroup
	cur   aheadChunkOf // the chunk being read from
	off   int
	done  bool  // cur's error is the last word
	given int64 // bytes given to the reader so far
}

type aheadChunkOf struct {
	b   []byte
	err error // what ended src after b (nil: more follows)
}

func newReadAhead(src io.Reader) *readAhead {
	r := &readAhead{
		ready: make(chan aheadChunkOf, aheadChunks),
		free:  make(chan []byte, aheadChunks+2),
		stop:  make(chan struct{}),
	}
	r.wg.Add(1)
	go r.run(src)
	return r
}

func (r *readAhead) run(src io.Reader) {
	defer r.wg.Done()
	for {
		var b []byte
		select {
		case b = <-r.free:
		default:
			b = make([]byte, aheadChunk)
		}
		b = b[:cap(b)]
		// filled up to its end or to src's error, that error as it is
		// (io.ReadFull would make a damaged part's io.ErrUnexpectedEOF
		// look like the part's end)
		n, empty := 0, 0
		var err error
		for n < len(b) && err == nil {
			var k int
			k, err = src.Read(b[n:])
			n += k
			if k > 0 {
				empty = 0
			} else if empty++; empty == 100 && err == nil {
				err = io.ErrNoProgress
			}
		}
		c := aheadChunkOf{b: b[:n], err: err}
		select {
		case r.ready <- c:
		case <-r.stop:
			return
		}
		if err != nil {
			return
		}
	}
}

func (r *readAhead) Read(p []byte) (int, error) {
	for r.off == len(r.cur.b) {
		if r.done {
			return 0, r.cur.err
		}
		if r.cur.b != nil {
			r.free <- r.cur.b // never blocks: at most aheadChunks+2 exist
		}
		r.cur, r.off = <-r.ready, 0
		r.done = r.cur.err != nil
		if r.done && len(r.cur.b) == 0 {
			return 0, r.cur.err
		}
	}
	n := copy(p, r.cur.b[r.off:])
	r.off += n
	r.given += int64(n)
	return n, nil
}

// Close stops the reading ahead; src may be closed after it.
func (r *readAhead) Close() {
	r.once.Do(func() { close(r.stop) })
	r.wg.Wait()
}
