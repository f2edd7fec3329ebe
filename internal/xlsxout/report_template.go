package xlsxout

import (
	"fmt"
	"io"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/view"
	"github.com/xuri/excelize/v2"
)

// ReportSheet is the sheet of the report form.
const ReportSheet = "BaoCao"

// Report form layout (1-based rows and columns): the heading, the title
// and the subtitle, the unit and period labels, a blank row, the header.
const (
	reportHeaderRow = headRows + 5
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
// unit: the heading of the unit's own document (its parent body the
// province office of doc, the unit's office, the place-and-date line for
// the unit to date), the title, "Mã đơn vị" and "Kỳ báo cáo" filled in,
// one row per KPI with code, name and unit of measure, input cells with
// data validation (a decimal ≥ 0; 0–100 for % KPIs) and an input message,
// and the signature block of the unit's director. Only flow KPIs have a
// year-to-date input. Everything but the input cells is protected (no
// password: the protection guards against slips, not people).
func WriteReportTemplate(w io.Writer, c *campaign.Campaign, u campaign.Unit, p report.Period, doc view.Document) error {
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
	widths := []float64{6, 12, 40, 11, 16, 16, 20}
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
	district := doc
	district.Parent, district.Organisation = doc.Organisation, view.Office(u.Name)
	head := letterheadOf(district)
	head.PlaceDate = i18n.T("vi", i18n.DocBlankDate, view.PlaceOf(u.Name))
	if err := setLines(f, sh, 1, headingLines(st, head, widths)); err != nil {
		return err
	}
	if err := f.AddShape(sh, ruleShape(widths, head.Office)); err != nil {
		return err
	}
	title, sub, labels := headRows+1, headRows+2, headRows+3
	set(cellName(1, title), "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA", st.docTitle)
	set(cellName(1, sub), c.Name, st.subtitle)
	for _, r := range []int{title, sub} {
		if err == nil {
			err = f.MergeCell(sh, cellName(1, r), cellName(len(widths), r))
		}
	}
	set(cellName(1, labels), "Mã đơn vị:", st.label)
	set(cellName(3, labels), u.Code, st.label)
	set(cellName(5, labels), "Kỳ báo cáo:", st.label)
	set(cellName(6, labels), fmt.Sprintf("%02d/%d", p.Month, p.Year), st.label)
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
		if h := rowHeight(st, []excelize.Cell{{}, {}, text(st.text, k.Name)}, widths); h > 0 {
			if err := f.SetRowHeight(sh, r, h); err != nil {
				return err
			}
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
	// signed by the unit: its director's title, no names
	sign := signatureOf(view.NewDocument(nil, c, doc.Date, "vi"))
	if err := setLines(f, sh, reportHeaderRow+len(c.KPIs)+1, signatureLines(st, sign, widths)); err != nil {
		return err
	}
	if err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, reportHeaderRow, 36); err != nil {
		return err
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
