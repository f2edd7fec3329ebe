package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/demo"
	"github.com/bhxh/kpi/internal/store"
)

// benchWorkspace writes n units' reports for one month and a workspace
// with those units.
func benchWorkspace(b *testing.B, n int) (dir string, files []string) {
	b.Helper()
	c := campaign.Default()
	p := demo.New(c, n, 1, 1)
	dir = b.TempDir()
	for i, u := range p.Units {
		path := filepath.Join(dir, fmt.Sprintf("%s_2024-01.xlsx", u.Code))
		if err := demo.WriteLong(path, c, p, u, 1, demo.LongStyle{Messy: i%7 == 0}); err != nil {
			b.Fatal(err)
		}
		files = append(files, path)
	}
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, filepath.Join(dir, "seed.db"), true)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := st.SetCampaign(ctx, c); err != nil {
		b.Fatal(err)
	}
	if err := st.SaveUnits(ctx, p.Units); err != nil {
		b.Fatal(err)
	}
	return dir, files
}

// freshImporter copies the seeded workspace so that every iteration
// imports into an empty history.
func freshImporter(b *testing.B, dir string, i int) (*Importer, func()) {
	b.Helper()
	seed, _ := os.ReadFile(filepath.Join(dir, "seed.db"))
	db := filepath.Join(dir, fmt.Sprintf("run%d.db", i))
	if err := os.WriteFile(db, seed, 0o644); err != nil {
		b.Fatal(err)
	}
	st, err := store.OpenSQLite(context.Background(), db, false)
	if err != nil {
		b.Fatal(err)
	}
	im, err := New(context.Background(), st)
	if err != nil {
		b.Fatal(err)
	}
	return im, func() { st.Close(); os.Remove(db); os.Remove(db + "-wal"); os.Remove(db + "-shm") }
}

func benchImport(b *testing.B, n int) {
	dir, files := benchWorkspace(b, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		im, done := freshImporter(b, dir, i)
		b.StartTimer()
		res := im.ImportFiles(context.Background(), files, Options{}, runtime.NumCPU(), nil)
		b.StopTimer()
		for _, r := range res {
			if r.Status != Imported {
				b.Fatalf("%s: %s %v", r.File, r.Status, r.Err)
			}
		}
		done()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "files/s")
}

func BenchmarkImportOneFile(b *testing.B) { benchImport(b, 1) }

// BenchmarkImport700 is a national month: 700 district workbooks.
func BenchmarkImport700(b *testing.B) { benchImport(b, 700) }
