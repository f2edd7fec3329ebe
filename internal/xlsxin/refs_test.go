package xlsxin

import (
	"math/rand"
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
