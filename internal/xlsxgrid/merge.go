package xlsxgrid

import (
	"fmt"
	"strings"
)

// applyMerges copies the top-left cell of each merged range into all its
// cells. Ranges are applied in file order; a range given twice counts
// once; one whose top-left cell is empty costs nothing. The cells copied
// count against the workbook's cell limit, so a file of a thousand merges
// of the whole sheet is refused after the first, not filled a thousand
// times. Both readers use it, so they agree on every merge.
func (s *Sheet) applyMerges(refs []string) error {
	seen := make(map[[4]int]bool, len(refs))
	for _, ref := range refs {
		a, z, found := strings.Cut(ref, ":")
		if !found {
			continue
		}
		r1, c1, ok1 := parseRef([]byte(a))
		r2, c2, ok2 := parseRef([]byte(z))
		if !ok1 || !ok2 {
			continue
		}
		r1, r2 = min(r1, r2), max(r1, r2)
		c1, c2 = min(c1, c2), max(c1, c2)
		key := [4]int{r1, c1, r2, c2}
		if seen[key] {
			continue
		}
		seen[key] = true
		if err := s.fillMerge(r1, c1, r2, c2); err != nil {
			return err
		}
	}
	return nil
}

// fillMerge copies the top-left cell of a merged range into all its cells
// (zero-based, inclusive).
func (s *Sheet) fillMerge(r1, c1, r2, c2 int) error {
	var top Cell
	if r1 < len(s.Rows) && c1 < len(s.Rows[r1]) {
		top = s.Rows[r1][c1]
	}
	if top.Kind == Empty {
		return nil
	}
	area := (r2 - r1 + 1) * (c2 - c1 + 1)
	if s.Book.merged+area > s.Book.limits.MaxCells {
		return fmt.Errorf("%w: vùng gộp ô quá lớn (hơn %d ô)", ErrTooBig, s.Book.limits.MaxCells)
	}
	s.Book.merged += area
	for r := r1; r <= r2; r++ {
		if err := s.set(r, c2, top); err != nil { // the row grows once
			return err
		}
		for c := c1; c <= c2; c++ {
			if r != r1 || c != c1 {
				if err := s.set(r, c, top); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
