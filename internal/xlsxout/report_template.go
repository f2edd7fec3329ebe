package xlsxout

import (
	"fmt"
	"io"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/report"
	"github.com/xuri/excelize/v2"
)

// ReportSheet is the sheet of the report form.
const ReportSheet = "BaoCao"

// Report form layout (1-based rows and columns).
const (
	reportHeaderRow = 6
	reportValueCol  = 5 // E: Thực hiện trong tháng
	reportYTDCol    = 6 // F: Lũy kế từ đầu năm
)

// ReportCell returns the reference of the input cell for KPI number i
// (0-based, in campaign order): the month value, or the year-to-date one.
func ReportCell(i int, ytd bool) string {
	col := reportValueCol
	if ytd {
		col = reportYTDCol
	}
	return cellName(col, reportHeaderRow+1+i)
}

// ReportFileName is the name under which import recognises the unit and
// period: "H01_2024-03.xlsx".
func ReportFileName(unit string, p report.Period) string {
	return fmt.Sprintf("%s_%s.xlsx", unit, p)
}

// WriteReportTemplate writes the long-layout monthly report form for one
// unit: title block, "Mã đơn vị" and "Kỳ báo cáo" filled in, one row per
// KPI with code, name and unit of measure, and input cells with data
// validation (a decimal ≥ 0; 0–100 for % KPIs) and an input message. Only
// flow KPIs have a year-to-date input. Everything but the input cells is
// protected (no password: the protection guards against slips, not people).
func WriteReportTemplate(w io.Writer, c *campaign.Campaign, u campaign.Unit, p report.Period) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := ReportSheet
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	set := func(ref string, v any, style int) {
		if err == nil {
			err = f.SetCellValue(sh, ref, v)
		}
		if err == nil && style != 0 {
			err = f.SetCellStyle(sh, ref, ref, style)
		}
	}
	org := c.Organisation
	if org == "" {
		org = i18n.DefaultOrganisation
	}
	set("A1", org, st.title)
	set("A2", u.Name, st.title)
	set("A3", fmt.Sprintf("BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA — %s", c.Name), st.title)
	for _, r := range []string{"1", "2", "3"} {
		if err == nil {
			err = f.MergeCell(sh, "A"+r, "G"+r)
		}
	}
	set("A4", "Mã đơn vị:", st.label)
	set("C4", u.Code, st.label)
	set("E4", "Kỳ báo cáo:", st.label)
	set("F4", fmt.Sprintf("%02d/%d", p.Month, p.Year), st.label)
	headers := []string{"STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "ĐVT", "Thực hiện trong tháng", "Lũy kế từ đầu năm", "Ghi chú"}
	for i, h := range headers {
		set(cellName(i+1, reportHeaderRow), h, st.header)
	}
	for i, k := range c.KPIs {
		r := reportHeaderRow + 1 + i
		set(cellName(1, r), i+1, st.int)
		set(cellName(2, r), k.Code, st.text)
		set(cellName(3, r), k.Name, st.text)
		set(cellName(4, r), k.Unit, st.center)
		input := st.inputCount
		if k.Percent() {
			input = st.inputPercent
		}
		set(cellName(reportValueCol, r), "", input)
		if k.Kind == campaign.Flow {
			set(cellName(reportYTDCol, r), "", input)
		} else {
			set(cellName(reportYTDCol, r), "", st.grey)
		}
		set(cellName(7, r), "", st.inputText)
		if err != nil {
			return err
		}
		if err := addInputValidation(f, sh, k, cellName(reportValueCol, r), "giá trị trong tháng"); err != nil {
			return err
		}
		if k.Kind == campaign.Flow {
			if err := addInputValidation(f, sh, k, cellName(reportYTDCol, r), "lũy kế từ đầu năm"); err != nil {
				return err
			}
		}
	}
	end := reportHeaderRow + len(c.KPIs) + 2
	set(cellName(2, end), "Người lập biểu", st.sign)
	set(cellName(5, end), "Giám đốc", st.sign)
	set(cellName(2, end+1), "(Ký, ghi rõ họ tên)", st.signNote)
	set(cellName(5, end+1), "(Ký, đóng dấu)", st.signNote)
	if err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, reportHeaderRow, 36); err != nil {
		return err
	}
	for col, wd := range map[string]float64{"A": 6, "B": 12, "C": 40, "D": 11, "E": 16, "F": 16, "G": 20} {
		if err := f.SetColWidth(sh, col, col, wd); err != nil {
			return err
		}
	}
	if err := printSetup(f, sh, reportHeaderRow); err != nil {
		return err
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

func addInputValidation(f *excelize.File, sh string, k campaign.KPI, ref, what string) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(ref)
	maxV := 1e15
	msg := fmt.Sprintf("%s (%s): số ≥ 0", what, k.Unit)
	if k.Percent() {
		maxV = 100
		msg = fmt.Sprintf("%s: tỷ lệ %% từ 0 đến 100 (gõ 85,3 cho 85,3 %%)", what)
	}
	if err := dv.SetRange(0, maxV, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	dv.SetInput(k.Code, msg)
	dv.SetError(excelize.DataValidationErrorStyleStop, "Giá trị không hợp lệ", msg)
	return f.AddDataValidation(sh, dv)
}
