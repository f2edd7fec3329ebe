package xlsxout

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/view"
	"github.com/xuri/excelize/v2"
)

// An official document's sheet (Nghị định 30/2020/NĐ-CP) opens with the
// two-column heading and closes with the signature block:
//
//	BẢO HIỂM XÃ HỘI VIỆT NAM          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//	BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG       Độc lập - Tự do - Hạnh phúc
//	      ─────────                  ─────────────────────────────
//	Số: …/BC-BHXH                   Hải Dương, ngày 28 tháng 11 năm 2026
//
//	                  BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA
//	                …the table…
//	NGƯỜI LẬP BIỂU                              GIÁM ĐỐC
//	(Ký, ghi rõ họ tên)                (Ký, ghi rõ họ tên, đóng dấu)
//
//	Trần Thị Bình                             Nguyễn Văn An
//
// The left block is the sheet's first columns up to about two fifths of
// its width, the right block the rest; each line is merged across its
// block and centred. The rule under the issuing office is a line drawn a
// third as wide as its block; the motto is underlined.

// letterhead is the heading's text.
type letterhead struct {
	Parent, Office, Number     string // left: the parent body, the issuing office (bold), the number
	National, Motto, PlaceDate string // right: the national name (bold), the motto (bold, underlined), the place and date (italic)
}

func letterheadOf(d view.Document) *letterhead {
	return &letterhead{Parent: d.Parent, Office: d.Organisation, Number: d.Number(),
		National: d.National(), Motto: d.Motto(), PlaceDate: d.PlaceDate()}
}

// headRows is how many rows the heading takes, with the blank row after it.
const headRows = 5

// signature is the signature block's text: the preparer at the left, the
// signer at the right.
type signature struct {
	Left, Right         view.Signature
	LeftNote, RightNote string
}

func signatureOf(d view.Document) *signature {
	return &signature{Left: d.Preparer, Right: d.Signer, LeftNote: d.PrepareNote(), RightNote: d.SignNote()}
}

// signRows is how many rows the signature block takes after the table: a
// blank row, the titles, the notes, four rows of room to sign, the names.
const signRows = 8

// line is one row of a heading or a signature block: cells by 1-based
// column, the column ranges merged, and its height (0: the default).
type line struct {
	cells  map[int]excelize.Cell
	merges [][2]int
	height float64
}

// split is the last column of the left block: the first columns up to
// about two fifths of the width, at least one column and leaving one.
func split(widths []float64) int {
	if len(widths) < 2 {
		return len(widths)
	}
	total := 0.0
	for _, w := range widths {
		total += w
	}
	sum := 0.0
	for i, w := range widths {
		sum += w
		if sum >= 0.38*total || i == len(widths)-2 {
			return i + 1
		}
	}
	return len(widths) - 1
}

// blockWidth is the width of the columns from..to (1-based), in
// characters.
func blockWidth(widths []float64, from, to int) float64 {
	w := 0.0
	for i := from; i <= to && i <= len(widths); i++ {
		w += widths[i-1]
	}
	return w
}

// headingLines lays out the heading over columns of widths.
func headingLines(st *styles, h *letterhead, widths []float64) []line {
	n := len(widths)
	k := split(widths)
	two := func(left, right excelize.Cell, height float64) line {
		l := line{cells: map[int]excelize.Cell{1: left}, height: height}
		if n == 1 {
			return l
		}
		l.cells[k+1] = right
		l.merges = [][2]int{{1, k}, {k + 1, n}}
		return l
	}
	// a line too long for its block wraps onto a second line
	height := func(texts ...string) float64 {
		h := 0.0
		for i, t := range texts {
			from, to := 1, k
			if i == 1 {
				from, to = k+1, n
			}
			h = max(h, float64(linesFor(t, blockWidth(widths, from, to), 1.25))*17)
		}
		return max(h, 17)
	}
	return []line{
		two(text(st.headParent, h.Parent), text(st.headNational, h.National), height(h.Parent, h.National)),
		two(text(st.headOffice, h.Office), text(st.headMotto, h.Motto), height(h.Office, h.Motto)),
		{height: 8}, // the rule under the office is drawn over this row
		two(text(st.headNumber, h.Number), text(st.headDate, h.PlaceDate), height(h.Number, h.PlaceDate)),
		{},
	}
}

// signatureLines lays out the signature block over columns of widths,
// after a blank row.
func signatureLines(st *styles, s *signature, widths []float64) []line {
	n := len(widths)
	k := split(widths)
	two := func(left, right excelize.Cell, height float64) line {
		l := line{cells: map[int]excelize.Cell{1: left}, height: height}
		if n > 1 {
			l.cells[k+1] = right
			l.merges = [][2]int{{1, k}, {k + 1, n}}
		}
		return l
	}
	room := line{height: 20}
	return []line{
		{},
		two(text(st.signTitle, s.Left.Title), text(st.signTitle, s.Right.Title), 18),
		two(text(st.signNote, s.LeftNote), text(st.signNote, s.RightNote), 16),
		room, room, room, room,
		two(text(st.signName, s.Left.Name), text(st.signName, s.Right.Name), 18),
	}
}

// ruleShape is the short rule under the issuing office: about half as
// wide as the office's name, centred under it, at the top of the heading's
// third row. It is anchored in the column the left block's middle falls
// in, so that a reader that sizes columns otherwise than excelize (every
// one does a little) still centres it.
func ruleShape(widths []float64, office string) *excelize.Shape {
	k := split(widths)
	block := blockWidth(widths, 1, k)
	name := min(block, float64(utf8.RuneCountInString(office))*1.15)
	rule := max(6, name*0.45)
	from := block/2 - rule/2
	col, start := 0, 0.0
	for col < k-1 && start+widths[col] <= from {
		start += widths[col]
		col++
	}
	return &excelize.Shape{Cell: cellName(col+1, 3), Type: "line", Width: uint(math.Round(colPixels(rule))), Height: 1,
		Line: excelize.LineOptions{Width: 1, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"000000"}}},
		Format: excelize.GraphicOptions{OffsetX: int(colPixels(from - start)), OffsetY: 3,
			PrintObject: boolPtr(true), Locked: boolPtr(true)}}
}

func boolPtr(b bool) *bool { return &b }

// colPixels is a column's width in pixels as excelize places drawings.
func colPixels(w float64) float64 { return float64(int(w*8 + 0.5)) }

// linesFor is how many lines text takes in a wrapped cell width
// characters wide, each character about factor wide (1 for 11-point
// Times New Roman, more for bold capitals): at least one.
func linesFor(text string, width, factor float64) int {
	if text == "" {
		return 1
	}
	room := int(math.Floor((width - 1) / factor))
	if room < 1 {
		room = 1
	}
	return strings.Count(render.Wrap(text, room), "\n") + 1
}

// rowHeight is the height of a row of cells wide enough for their wrapped
// text (0: one line, Excel's default), in points.
func rowHeight(st *styles, cells []excelize.Cell, widths []float64) float64 {
	h := 0.0
	for i, c := range cells {
		s, ok := c.Value.(string)
		if !ok || s == "" || i >= len(widths) {
			continue
		}
		f, ok := st.wraps[c.StyleID]
		if !ok {
			continue
		}
		n := linesFor(s, widths[i], f.factor)
		if n > 1 {
			h = max(h, float64(n)*f.points*1.22+4)
		}
	}
	return h
}
