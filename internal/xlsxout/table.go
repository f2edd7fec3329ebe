package xlsxout

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bhxh/kpi/internal/view"
	"github.com/xuri/excelize/v2"
)

// sheetTable describes one streamed sheet: a title block, a header row, the
// data rows, optional lines after the table (a signature block), and the
// sheet-level settings. Settings that excelize keeps in the worksheet
// (autofilter, conditional formats, print setup) are applied before the
// stream starts: excelize does not let normal and streaming calls mix
// after a flush.
type sheetTable struct {
	Name       string
	Title      []string // lines above the table, each merged across the table
	Headers    []string
	Widths     []float64                                      // per column
	Rows       [][]excelize.Cell                              // styled values; never formulas for text
	Foot       [][]excelize.Cell                              // totals right under the rows, outside the filter
	After      [][]excelize.Cell                              // lines after a blank row (e.g. signatures), from column A
	FreezeCols int                                            // columns kept visible when scrolling right
	CondFormat map[string][]excelize.ConditionalFormatOptions // range → rules (ranges may use {last} for the last data row)
	AfterMerge []string                                       // merges for the After lines, "A{r}:C{r}" with {r} the line's row
}

// sheetOf lays out a view's table as a sheet: the print columns with their
// titles and widths, cells styled by kind, the leading sticky columns
// frozen, the columns that scale shaded red-yellow-green.
func sheetOf(st *styles, name string, title []string, v *view.Table) *sheetTable {
	p := v.In(view.Print)
	t := &sheetTable{Name: name, Title: title}
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

// headerRow is the 1-based row of the header: after the title lines and a
// blank row.
func (t *sheetTable) headerRow() int { return len(t.Title) + 2 }

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
	lastCol, _ := excelize.ColumnNumberToName(max(len(t.Headers), 1))
	// settings first
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
	for i, w := range t.Widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: t.FreezeCols, YSplit: hr,
		TopLeftCell: cellName(t.FreezeCols+1, hr+1), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	for i, line := range t.Title {
		style := st.title
		if i == len(t.Title)-1 && len(t.Title) > 2 {
			style = st.subtitle
		}
		if err := sw.SetRow(cellName(1, i+1), []any{excelize.Cell{StyleID: style, Value: line}}, excelize.RowOpts{Height: 20}); err != nil {
			return err
		}
		if err := sw.MergeCell(cellName(1, i+1), cellName(len(t.Headers), i+1)); err != nil {
			return err
		}
	}
	header := make([]any, len(t.Headers))
	for i, h := range t.Headers {
		header[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow(cellName(1, hr), header, excelize.RowOpts{Height: 45}); err != nil {
		return err
	}
	for i, row := range t.Rows {
		vals := make([]any, len(row))
		for j := range row {
			vals[j] = row[j]
		}
		if err := sw.SetRow(cellName(1, hr+1+i), vals); err != nil {
			return err
		}
	}
	for i, row := range t.Foot {
		vals := make([]any, len(row))
		for j := range row {
			vals[j] = row[j]
		}
		if err := sw.SetRow(cellName(1, last+1+i), vals); err != nil {
			return err
		}
	}
	r := last + len(t.Foot) + 2
	for i, line := range t.After {
		vals := make([]any, len(line))
		for j := range line {
			vals[j] = line[j]
		}
		if err := sw.SetRow(cellName(1, r+i), vals); err != nil {
			return err
		}
		for _, m := range t.AfterMerge {
			if strings.Contains(m, "{r}") {
				a, b, _ := strings.Cut(strings.ReplaceAll(m, "{r}", fmt.Sprint(r+i)), ":")
				if err := sw.MergeCell(a, b); err != nil {
					return err
				}
			}
		}
	}
	return sw.Flush()
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
