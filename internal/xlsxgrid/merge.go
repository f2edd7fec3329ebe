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
// times. Both readers use it, so they agree on every merge; a streamed
// sheet fills the ranges past its head with the same pieces
// (sheetStream.fillMerges).
func (s *Sheet) applyMerges(refs []string) error {
	seen := make(map[[4]int]bool, len(refs))
	for _, ref := range refs {
		m, ok := mergeRange(ref)
		if !ok || seen[m] {
			continue
		}
		seen[m] = true
		top, err := s.mergeTop(m)
		if err != nil {
			return err
		}
		if top.Kind == Empty {
			continue
		}
		if err := s.fillMergeRows(m, top, m[0], m[2]); err != nil {
			return err
		}
	}
	return nil
}

// mergeRange reads a merged range ("B3:A1") as zero-based rows and
// columns, its corners in order: r1, c1, r2, c2. ok is false for a text
// that is not a range.
func mergeRange(ref string) (m [4]int, ok bool) {
	a, z, found := strings.Cut(ref, ":")
	if !found {
		return m, false
	}
	r1, c1, ok1 := parseRef([]byte(a))
	r2, c2, ok2 := parseRef([]byte(z))
	if !ok1 || !ok2 {
		return m, false
	}
	return [4]int{min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)}, true
}

// mergeTop returns the top-left cell of the range m, its first row being
// in, and counts the range's cells against the workbook's limit; Empty
// (the range costs nothing) when that cell is empty.
func (s *Sheet) mergeTop(m [4]int) (Cell, error) {
	r1, c1, r2, c2 := m[0], m[1], m[2], m[3]
	var top Cell
	if r1 < len(s.Rows) && c1 < len(s.Rows[r1]) {
		top = s.Rows[r1][c1]
	}
	if top.Kind == Empty {
		return top, nil
	}
	area := (r2 - r1 + 1) * (c2 - c1 + 1)
	if s.Book.merged+area > s.Book.limits.MaxCells {
		return Cell{}, fmt.Errorf("%w: vùng gộp ô quá lớn (hơn %d ô)", ErrTooBig, s.Book.limits.MaxCells)
	}
	s.Book.merged += area
	return top, nil
}

// fillMergeRows copies top into the cells of the range m in rows from to
// to (inclusive), its top-left cell apart.
func (s *Sheet) fillMergeRows(m [4]int, top Cell, from, to int) error {
	r1, c1, c2 := m[0], m[1], m[3]
	for r := from; r <= to; r++ {
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
