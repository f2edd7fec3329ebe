package xlsxout

import (
	"fmt"
	"io"
	"strconv"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/view"
	"github.com/xuri/excelize/v2"
)

// TargetsSheet is the name of the targets template's sheet.
const TargetsSheet = "ChiTieu"

// targetsHeaderRow is the 1-based row of the header in the targets form:
// after the heading, the title, the subtitle, the note and a blank row.
const targetsHeaderRow = headRows + 5

// TargetsHeaders returns the header texts of the targets form: STT, unit
// code, name, cluster, then for each KPI its target ("<name> <year>") and
// baseline ("<name> <year-1>") columns. kpi targets import reads them back.
func TargetsHeaders(c *campaign.Campaign) []string {
	h := []string{"STT", "Mã đơn vị", "Tên đơn vị", "Cụm thi đua"}
	for _, k := range c.KPIs {
		h = append(h, fmt.Sprintf("%s %d (%s)", k.Name, c.Year, k.Unit))
	}
	for _, k := range c.KPIs {
		h = append(h, fmt.Sprintf("%s %d (%s)", k.Name, c.Year-1, k.Unit))
	}
	return h
}

// WriteTargetsTemplate writes the targets form (kpi template targets):
// doc's heading, the title block, the header row, and one row per given
// unit with its code, name, cluster and any targets and baselines it
// already has. Unit codes are written as text so that leading zeros
// survive.
func WriteTargetsTemplate(w io.Writer, c *campaign.Campaign, units []campaign.Unit, doc view.Document) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := TargetsSheet
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	headers := TargetsHeaders(c)
	last, _ := excelize.ColumnNumberToName(len(headers))
	widths := []float64{6, 12, 32, 14}
	for len(widths) < len(headers) {
		widths = append(widths, 16)
	}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sh, col, col, wd); err != nil {
			return err
		}
	}
	set := func(ref string, v any, style int) {
		if err == nil {
			err = f.SetCellValue(sh, ref, v)
		}
		if err == nil && style != 0 {
			err = f.SetCellStyle(sh, ref, ref, style)
		}
	}
	if err := setLines(f, sh, 1, headingLines(st, letterheadOf(doc), widths)); err != nil {
		return err
	}
	if err := f.AddShape(sh, ruleShape(widths, doc.Organisation)); err != nil {
		return err
	}
	title := headRows + 1
	set(cellName(1, title), fmt.Sprintf("GIAO CHỈ TIÊU THI ĐUA NĂM %d", c.Year), st.docTitle)
	set(cellName(1, title+1), c.Name, st.subtitle)
	set(cellName(1, title+2), fmt.Sprintf("Cột \"… %d\" là chỉ tiêu giao (kế hoạch); cột \"… %d\" là số thực hiện năm trước. Để trống ô không có số liệu.", c.Year, c.Year-1), st.subtitle)
	for r := title; r <= title+2; r++ {
		if err == nil {
			err = f.MergeCell(sh, cellName(1, r), last+strconv.Itoa(r))
		}
	}
	for i, h := range headers {
		ref, _ := excelize.CoordinatesToCellName(i+1, targetsHeaderRow)
		set(ref, h, st.header)
	}
	if err != nil {
		return err
	}
	hc := make([]excelize.Cell, len(headers))
	for i, h := range headers {
		hc[i] = text(st.header, h)
	}
	if err := f.SetRowHeight(sh, targetsHeaderRow, max(60, rowHeight(st, hc, widths))); err != nil {
		return err
	}
	rows := len(units)
	if rows == 0 {
		rows = 12 // an empty form still offers rows to fill
	}
	nk := len(c.KPIs)
	for i := 0; i < rows; i++ {
		r := targetsHeaderRow + 1 + i
		cell := func(col int) string { ref, _ := excelize.CoordinatesToCellName(col, r); return ref }
		set(cell(1), i+1, st.text)
		for col := 2; col <= 4; col++ {
			set(cell(col), "", st.inputText)
		}
		for j, k := range c.KPIs {
			style := st.inputCount
			if k.Percent() {
				style = st.inputPercent
			}
			set(cell(5+j), "", style)
			set(cell(5+nk+j), "", style)
		}
		if i < len(units) {
			u := units[i]
			set(cell(2), u.Code, st.inputText)
			set(cell(3), u.Name, st.inputText)
			set(cell(4), u.Cluster, st.inputText)
			for j, k := range c.KPIs {
				if v, ok := u.Targets[k.Code]; ok {
					set(cell(5+j), v, 0)
				}
				if v, ok := u.Baselines[k.Code]; ok {
					set(cell(5+nk+j), v, 0)
				}
			}
		}
	}
	if err != nil {
		return err
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 3, YSplit: targetsHeaderRow,
		TopLeftCell: "D" + strconv.Itoa(targetsHeaderRow+1), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if err := addTargetValidation(f, sh, c, targetsHeaderRow+1, targetsHeaderRow+rows); err != nil {
		return err
	}
	if err := printSetup(f, sh, targetsHeaderRow); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

func addTargetValidation(f *excelize.File, sh string, c *campaign.Campaign, from, to int) error {
	nk := len(c.KPIs)
	for j, k := range c.KPIs {
		for _, col := range []int{5 + j, 5 + nk + j} {
			a, _ := excelize.CoordinatesToCellName(col, from)
			b, _ := excelize.CoordinatesToCellName(col, to)
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(a + ":" + b)
			max := 1e15
			msg := "Nhập số ≥ 0"
			if k.Percent() {
				max = 100
				msg = "Nhập tỷ lệ % từ 0 đến 100"
			}
			if err := dv.SetRange(0, max, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetInput(k.Code, msg)
			dv.SetError(excelize.DataValidationErrorStyleStop, "Giá trị không hợp lệ", msg)
			if err := f.AddDataValidation(sh, dv); err != nil {
				return err
			}
		}
	}
	return nil
}
