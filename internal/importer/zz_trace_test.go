package importer

import (
	"context"
	"os"
	"path/filepath"
	"runtime/trace"
	"testing"
	"time"

	"github.com/bhxh/kpi/internal/store"
)

func TestZZTraceMonth(t *testing.T) {
	db := os.Getenv("ZZ_DB")
	if db == "" {
		t.Skip()
	}
	ctx := context.Background()
	f, _ := os.Create("/tmp/perf-m/trace-month.out")
	trace.Start(f)
	defer func() { trace.Stop(); f.Close() }()
	t0 := time.Now()
	st, err := store.OpenSQLite(ctx, db, false)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t.Log("open", time.Since(t0))
	if err := st.QuickCheck(ctx); err != nil {
		t.Fatal(err)
	}
	t.Log("quickcheck", time.Since(t0))
	im, err := New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("new", time.Since(t0))
	files, _ := filepath.Glob(os.Getenv("ZZ_DIR") + "/*.xlsx")
	first := time.Duration(0)
	res := im.ImportFiles(ctx, files, Options{}, 2, func(r FileResult) {
		if first == 0 {
			first = time.Since(t0)
		}
	})
	t.Log("first result", first, "done", time.Since(t0), len(res))
}
