package xlsxout

import (
	"fmt"
	"io"
	"strconv"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/xuri/excelize/v2"
)

// TargetsSheet is the name of the targets template's sheet.
const TargetsSheet = "ChiTieu"

// targetsHeaderRow is the 1-based row of the header in the targets form.
const targetsHeaderRow = 4

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

// WriteTargetsTemplate writes the targets form (kpi template targets): the
// title block, the header row, and one row per given unit with its code,
// name, cluster and any targets and baselines it already has. Unit codes are
// written as text so that leading zeros survive.
func WriteTargetsTemplate(w io.Writer, c *campaign.Campaign, units []campaign.Unit) error {
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
	org := c.Organisation
	if org == "" {
		org = "BẢO HIỂM XÃ HỘI TỈNH"
	}
	set := func(ref string, v any, style int) {
		if err == nil {
			err = f.SetCellValue(sh, ref, v)
		}
		if err == nil && style != 0 {
			err = f.SetCellStyle(sh, ref, ref, style)
		}
	}
	set("A1", org, st.title)
	set("A2", fmt.Sprintf("GIAO CHỈ TIÊU THI ĐUA NĂM %d — %s", c.Year, c.Name), st.title)
	set("A3", fmt.Sprintf("Cột \"… %d\" là chỉ tiêu giao (kế hoạch); cột \"… %d\" là số thực hiện năm trước. Để trống ô không có số liệu.", c.Year, c.Year-1), st.subtitle)
	for _, r := range []string{"1", "2", "3"} {
		if err == nil {
			err = f.MergeCell(sh, "A"+r, last+r)
		}
	}
	for i, h := range headers {
		ref, _ := excelize.CoordinatesToCellName(i+1, targetsHeaderRow)
		set(ref, h, st.header)
	}
	if err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, targetsHeaderRow, 60); err != nil {
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
	widths := map[string]float64{"A": 6, "B": 12, "C": 32, "D": 14}
	for col, wd := range widths {
		if err := f.SetColWidth(sh, col, col, wd); err != nil {
			return err
		}
	}
	first, _ := excelize.ColumnNumberToName(5)
	if err := f.SetColWidth(sh, first, last, 16); err != nil {
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
