package xlsxout

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bhxh/kpi/internal/view"
	"github.com/xuri/excelize/v2"
)

// sheetTable describes one streamed sheet: the heading of an official
// document, a title block, a header row, the data rows, the signature
// block, and the sheet-level settings. Settings that excelize keeps in the
// worksheet (column widths, autofilter, conditional formats, print setup,
// the drawn rule of the heading) are applied before the stream starts:
// excelize does not let normal and streaming calls mix after a flush.
type sheetTable struct {
	Name       string
	Head       *letterhead // the heading of an official document; nil: none
	Title      []string    // lines above the table, each merged across the table: the report's, then its subtitles
	Headers    []string
	Widths     []float64                                      // per column
	Rows       [][]excelize.Cell                              // styled values; never formulas for text
	Foot       [][]excelize.Cell                              // totals right under the rows, outside the filter
	Empty      string                                         // said in a row of its own when there are no rows
	Sign       *signature                                     // the signature block after the table; nil: none
	FreezeCols int                                            // columns kept visible when scrolling right
	CondFormat map[string][]excelize.ConditionalFormatOptions // range → rules (ranges may use {last} for the last data row)
}

// sheetOf lays out a view's table as a sheet of an official document
// (doc's heading over the title lines): the print columns with their
// titles and widths, cells styled by kind, the leading sticky columns
// frozen, the columns that scale shaded red-yellow-green.
func sheetOf(st *styles, name string, doc view.Document, title []string, v *view.Table) *sheetTable {
	p := v.In(view.Print)
	t := &sheetTable{Name: name, Head: letterheadOf(doc), Title: title}
	for i, c := range p.Columns {
		t.Headers = append(t.Headers, c.Header(view.Print))
		t.Widths = append(t.Widths, c.Width)
		if c.Sticky && t.FreezeCols == i {
			t.FreezeCols = i + 1
		}
	}
	for r, row := range p.Rows {
		cells := make([]excelize.Cell, len(row))
		for i, c := range row {
			kind := p.KindOf(r, i)
			cells[i] = printCell(st.of(kind), kind, c)
		}
		t.Rows = append(t.Rows, cells)
	}
	for _, row := range p.Foot {
		cells := make([]excelize.Cell, len(row))
		for i, c := range row {
			kind := p.Columns[i].Kind
			if c.Kind != view.Inherit {
				kind = c.Kind
			}
			cells[i] = printCell(st.of(kind), kind, c)
		}
		t.Foot = append(t.Foot, cells)
	}
	for i := 0; i < len(p.Columns); i++ {
		if !p.Columns[i].Scale {
			continue
		}
		j := i
		for j+1 < len(p.Columns) && p.Columns[j+1].Scale {
			j++
		}
		if t.CondFormat == nil {
			t.CondFormat = map[string][]excelize.ConditionalFormatOptions{}
		}
		a, _ := excelize.ColumnNumberToName(i + 1)
		b, _ := excelize.ColumnNumberToName(j + 1)
		t.CondFormat[fmt.Sprintf("%s%d:%s{last}", a, t.headerRow()+1, b)] = scaleRule()
		i = j
	}
	return t
}

// printCell is a view's cell in print: numbers as numbers (an empty styled
// cell when there is none, or when people are to see none), text as text.
func printCell(style int, kind view.Kind, c view.Cell) excelize.Cell {
	if !kind.Numeric() {
		if c.Text != "" {
			return text(style, c.Text)
		}
		s, _ := c.Value.(string)
		return text(style, s)
	}
	if c.Blank {
		return excelize.Cell{StyleID: style}
	}
	switch v := c.Value.(type) {
	case int:
		return excelize.Cell{StyleID: style, Value: v}
	case float64:
		return num(style, &v)
	}
	return excelize.Cell{StyleID: style}
}

// headerRow is the 1-based row of the header: after the heading, the
// title lines and a blank row.
func (t *sheetTable) headerRow() int {
	if t.Head != nil {
		return headRows + len(t.Title) + 2
	}
	return len(t.Title) + 2
}

// writeTable creates (or fills the first) sheet with the table.
func writeTable(f *excelize.File, st *styles, t *sheetTable, first bool) error {
	if first {
		if err := f.SetSheetName(f.GetSheetName(0), t.Name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(t.Name); err != nil {
		return err
	}
	hr := t.headerRow()
	last := hr + len(t.Rows)
	n := max(len(t.Headers), 1)
	lastCol, _ := excelize.ColumnNumberToName(n)
	// settings first; the widths before the rule, which is placed by them
	for i, w := range t.Widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(t.Name, col, col, w); err != nil {
			return err
		}
	}
	if t.Head != nil && len(t.Widths) > 1 {
		if err := f.AddShape(t.Name, ruleShape(t.Widths, t.Head.Office)); err != nil {
			return err
		}
	}
	if len(t.Rows) > 0 {
		if err := f.AutoFilter(t.Name, fmt.Sprintf("A%d:%s%d", hr, lastCol, last), nil); err != nil {
			return err
		}
	}
	for rng, rules := range t.CondFormat {
		if len(t.Rows) == 0 {
			break
		}
		if err := f.SetConditionalFormat(t.Name, strings.ReplaceAll(rng, "{last}", fmt.Sprint(last)), rules); err != nil {
			return err
		}
	}
	if err := printSetup(f, t.Name, hr); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(t.Name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: t.FreezeCols, YSplit: hr,
		TopLeftCell: cellName(t.FreezeCols+1, hr+1), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	row := 1
	if t.Head != nil {
		if err := streamLines(sw, row, headingLines(st, t.Head, t.Widths)); err != nil {
			return err
		}
		row += headRows
	}
	total := blockWidth(t.Widths, 1, len(t.Widths))
	for i, title := range t.Title {
		style, height := st.docTitle, float64(linesFor(title, total, 1.4))*20
		if i > 0 {
			style, height = st.subtitle, float64(linesFor(title, total, 1.1))*17
		}
		if err := sw.SetRow(cellName(1, row), []any{excelize.Cell{StyleID: style, Value: title}}, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
		if err := sw.MergeCell(cellName(1, row), cellName(n, row)); err != nil {
			return err
		}
		row++
	}
	header := make([]any, len(t.Headers))
	cells := make([]excelize.Cell, len(t.Headers))
	for i, h := range t.Headers {
		cells[i] = excelize.Cell{StyleID: st.header, Value: h}
		header[i] = cells[i]
	}
	if err := sw.SetRow(cellName(1, hr), header, excelize.RowOpts{Height: max(30, rowHeight(st, cells, t.Widths))}); err != nil {
		return err
	}
	put := func(r int, cells []excelize.Cell) error {
		vals := make([]any, len(cells))
		for j := range cells {
			vals[j] = cells[j]
		}
		var opts []excelize.RowOpts
		if h := rowHeight(st, cells, t.Widths); h > 0 {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		return sw.SetRow(cellName(1, r), vals, opts...)
	}
	for i, cells := range t.Rows {
		if err := put(hr+1+i, cells); err != nil {
			return err
		}
	}
	if len(t.Rows) == 0 && t.Empty != "" {
		last++
		if err := sw.SetRow(cellName(1, last), []any{excelize.Cell{StyleID: st.signNote, Value: t.Empty}}); err != nil {
			return err
		}
		if err := sw.MergeCell(cellName(1, last), cellName(n, last)); err != nil {
			return err
		}
	}
	for i, cells := range t.Foot {
		if err := put(last+1+i, cells); err != nil {
			return err
		}
	}
	if t.Sign != nil {
		if err := streamLines(sw, last+len(t.Foot)+1, signatureLines(st, t.Sign, t.Widths)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// streamLines writes lines from row on: their cells, merges and heights.
func streamLines(sw *excelize.StreamWriter, row int, lines []line) error {
	for i, l := range lines {
		if len(l.cells) == 0 && l.height == 0 {
			continue
		}
		n := 0
		for c := range l.cells {
			n = max(n, c)
		}
		vals := make([]any, n)
		for c, cell := range l.cells {
			vals[c-1] = cell
		}
		var opts []excelize.RowOpts
		if l.height > 0 {
			opts = append(opts, excelize.RowOpts{Height: l.height})
		}
		if err := sw.SetRow(cellName(1, row+i), vals, opts...); err != nil {
			return err
		}
		for _, m := range l.merges {
			if m[1] > m[0] {
				if err := sw.MergeCell(cellName(m[0], row+i), cellName(m[1], row+i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// setLines writes lines from row on into a sheet written cell by cell
// (the forms, the chart's sheet).
func setLines(f *excelize.File, sheet string, row int, lines []line) error {
	for i, l := range lines {
		r := row + i
		if l.height > 0 {
			if err := f.SetRowHeight(sheet, r, l.height); err != nil {
				return err
			}
		}
		for c, cell := range l.cells {
			ref := cellName(c, r)
			if err := f.SetCellValue(sheet, ref, cell.Value); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, ref, ref, cell.StyleID); err != nil {
				return err
			}
		}
		for _, m := range l.merges {
			if m[1] > m[0] {
				if err := f.MergeCell(sheet, cellName(m[0], r), cellName(m[1], r)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// text is a cell that holds text as text, whatever it starts with: excelize
// writes strings as strings, never as formulas.
func text(style int, s string) excelize.Cell { return excelize.Cell{StyleID: style, Value: s} }

// num is a numeric cell, or an empty styled cell for nil. The value is
// rounded to 15 significant digits, the precision Excel keeps (excelize
// would otherwise cut the digits beyond the 15th instead of rounding them).
func num(style int, v *float64) excelize.Cell {
	if v == nil {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: ExcelNumber(*v)}
}

// ExcelNumber rounds v to 15 significant digits, as Excel stores numbers.
func ExcelNumber(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// scaleRule is the red-yellow-green colour scale for attainment ratios:
// red at 80 % and below, yellow at 100 %, green at 120 % and above.
func scaleRule() []excelize.ConditionalFormatOptions {
	return []excelize.ConditionalFormatOptions{{Type: "3_color_scale", Criteria: "=",
		MinType: "num", MinValue: "0.8", MinColor: "#F8696B",
		MidType: "num", MidValue: "1", MidColor: "#FFEB84",
		MaxType: "num", MaxValue: "1.2", MaxColor: "#63BE7B"}}
}
