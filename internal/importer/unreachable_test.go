package importer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/store"
)

// downStore is a workspace whose server goes down at the saves-th save:
// that save and everything after it fail as the store says of a server it
// cannot reach.
type downStore struct {
	store.Store
	saves, downAt int
	finds         atomic.Int64 // lookups after the fall
	down          atomic.Bool
}

var errDown = fmt.Errorf("mất kết nối tới PostgreSQL giữa chừng: %w", store.ErrUnreachable)

func (d *downStore) SaveImport(ctx context.Context, rec store.ImportRecord, reports []report.Report, force bool) (int64, []store.Superseded, error) {
	d.saves++
	if d.saves >= d.downAt {
		d.down.Store(true)
	}
	if d.down.Load() {
		return 0, nil, errDown
	}
	return d.Store.SaveImport(ctx, rec, reports, force)
}

func (d *downStore) FindImport(ctx context.Context, sha string) (int64, bool, error) {
	if d.down.Load() {
		d.finds.Add(1)
		return 0, false, errDown
	}
	return d.Store.FindImport(ctx, sha)
}

// The server going down in the middle of a batch stops it after the first
// file that failed so, which is named: the files before it are in, the
// ones after it are not tried (each would only fail the same way).
func TestBatchStopsWhenUnreachable(t *testing.T) {
	ctx := context.Background()
	im, dir := setup(t)
	down := &downStore{Store: im.Store, downAt: 3}
	im.Store = down
	var files []string
	for m := 1; m <= 12; m++ {
		files = append(files, write(t, dir, fmt.Sprintf("H01_2024-%s.xlsx", m2(m)),
			"row 1: Mã đơn vị: H01\nrow 2: Kỳ báo cáo: "+m2(m)+"/2024\n"+longHead+"row 6: thu | 100 |"))
	}
	var seen []string
	results := im.ImportFiles(ctx, files, Options{}, 2, func(r FileResult) { seen = append(seen, r.File) })
	if len(results) != 3 || len(seen) != 3 || !Unreachable(results) {
		t.Fatalf("%d results (%v), want the batch stopped at the third", len(results), seen)
	}
	for i, r := range results[:2] {
		if r.Status != Imported {
			t.Errorf("file %d: %s %v", i+1, r.Status, r.Err)
		}
	}
	last := results[2]
	if last.Status != Failed || !errors.Is(last.Err, store.ErrUnreachable) || !strings.HasPrefix(last.Err.Error(), "H01_2024-03.xlsx: ") {
		t.Errorf("third file: %s %v", last.Status, last.Err)
	}
	if n := down.finds.Load(); n > 4 {
		t.Errorf("%d files looked up after the fall, want at most the few read ahead", n)
	}

	// a lookup that fails names its file, and stops the batch as well
	im.Store = &downStore{Store: down.Store, downAt: 1}
	im.Store.(*downStore).down.Store(true)
	results = im.ImportFiles(ctx, files[3:], Options{}, 2, nil)
	if len(results) != 1 || !Unreachable(results) || !strings.HasPrefix(results[0].Err.Error(), "H01_2024-04.xlsx: ") {
		t.Fatalf("results = %+v", results)
	}
}

// hungNames is a workspace whose server stops answering while the units'
// names are read (im.names reads them with context.WithoutCancel: the
// call cannot be stopped).
type hungNames struct {
	store.Store
	entered chan struct{}
	release chan struct{}
}

func (h *hungNames) UnitNames(ctx context.Context) ([]campaign.Unit, error) {
	close(h.entered)
	<-h.release
	return h.Store.UnitNames(ctx)
}

// Ctrl-C while a reader waits on a server that stopped answering ends the
// batch all the same: the reader is left to end on its own.
func TestStopWhileAReaderWaits(t *testing.T) {
	base, dir := setup(t)
	h := &hungNames{Store: base.Store, entered: make(chan struct{}), release: make(chan struct{})}
	defer close(h.release)
	im, err := New(context.Background(), h)
	if err != nil {
		t.Fatal(err)
	}
	// the unit named by its name: resolve reads the units' names
	path := write(t, dir, "a.xlsx", "row 1: Đơn vị: BHXH HUYỆN DUY TIÊN\nrow 2: Kỳ báo cáo: 03/2024\n"+longHead+"row 6: thu | 5")
	ctx, cancel := context.WithCancel(context.Background())
	returned := make(chan []FileResult, 1)
	go func() { returned <- im.ImportFiles(ctx, []string{path}, Options{}, 1, nil) }()
	<-h.entered
	cancel() // Ctrl-C
	select {
	case <-returned:
	case <-time.After(3 * time.Second):
		t.Fatal("the batch did not end after Ctrl-C: it waits for a reader stuck on the server")
	}
}
