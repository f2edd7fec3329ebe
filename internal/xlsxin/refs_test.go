package xlsxin

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"
)

// refMaker names a wide table's cells as rowRefs does, byte for byte:
// across the rows where the row number gains a digit, for absent
// columns, the last columns, one past them and past the last row.
func TestRefMaker(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, sheet := range []string{"TongHop", "B03a-TS", "Sheet 1", "'Tổng hợp'"} {
		for n := 0; n < 50; n++ {
			h := wideCols{unit: rng.Intn(30)}
			if n%17 == 0 {
				h.unit = -1
			}
			for k := rng.Intn(12); k > 0; k-- {
				col := rng.Intn(60)
				switch rng.Intn(10) {
				case 0:
					col = -1 // the column is absent
				case 1:
					col = 16383 // XFD
				case 2:
					col = 16384 // past the last
				}
				h.cols = append(h.cols, wideCol{col: col})
			}
			m := newRefMaker(sheet, h)
			var buf []byte
			for _, r := range []int{0, 1, 8, 9, 10, 98, 99, 100, 101, 999, 1000, rng.Intn(1 << 20), 1<<20 - 1, 1 << 20, -1} {
				got, want := m.row(r), rowRefs(&buf, sheet, r, h)
				for i := 0; i <= len(h.cols); i++ {
					if got.at(i) != want.at(i) {
						t.Fatalf("%s %+v row %d, ref %d: %q, want %q", sheet, h, r, i, got.at(i), want.at(i))
					}
				}
			}
		}
	}
}

// unitsSeen finds every unit named twice, with the row it was first
// named in, as a map would: in order, in reverse, shuffled, in runs.
func TestUnitsSeen(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for n := 0; n < 300; n++ {
		var keys []string
		size := rng.Intn(60)
		for i := 0; i < size; i++ {
			keys = append(keys, fmt.Sprintf("H%02d", rng.Intn(40)))
		}
		switch n % 4 {
		case 0:
			slices.Sort(keys)
		case 1:
			slices.Sort(keys)
			slices.Reverse(keys)
		case 2:
			slices.Sort(keys)
			keys = slices.Compact(keys) // in order, no duplicate
			if len(keys) > 2 {
				keys = append(keys, keys[rng.Intn(len(keys))]) // then one
			}
		}
		var u unitsSeen
		ref := map[string]int{}
		for r, k := range keys {
			wantPrev, wantDup := ref[k]
			if !wantDup {
				ref[k] = r
			}
			if prev, dup := u.add(k, r); dup != wantDup || (dup && prev != wantPrev) {
				t.Fatalf("%v, row %d (%s): %d %v, want %d %v", keys, r, k, prev, dup, wantPrev, wantDup)
			}
		}
	}
}
