package demo

import (
	"fmt"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/xlsxout"
	"github.com/xuri/excelize/v2"
)

// sheetWriter sets cells and collects the first error.
type sheetWriter struct {
	f     *excelize.File
	sheet string
	err   error
}

func (w *sheetWriter) set(col, row int, v any) {
	if w.err != nil {
		return
	}
	ref, _ := excelize.CoordinatesToCellName(col, row)
	w.err = w.f.SetCellValue(w.sheet, ref, v)
}

func (w *sheetWriter) style(col, row, style int) {
	if w.err != nil {
		return
	}
	ref, _ := excelize.CoordinatesToCellName(col, row)
	w.err = w.f.SetCellStyle(w.sheet, ref, ref, style)
}

func (w *sheetWriter) merge(from, to string) {
	if w.err == nil {
		w.err = w.f.MergeCell(w.sheet, from, to)
	}
}

// WriteWide writes a consolidated workbook for one month: a title, a
// "Kỳ báo cáo" cell, a row per unit and a column per KPI (plus the
// year-to-date revenue), and a total row.
func WriteWide(path string, c *campaign.Campaign, p *Province, month int) error {
	f := excelize.NewFile()
	defer f.Close()
	w := &sheetWriter{f: f, sheet: "TongHop"}
	if err := f.SetSheetName("Sheet1", w.sheet); err != nil {
		return err
	}
	w.set(1, 1, "BẢO HIỂM XÃ HỘI TỈNH "+p.Name)
	w.set(1, 2, "TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA")
	w.set(1, 3, fmt.Sprintf("Kỳ báo cáo: Tháng %02d năm %d", month, p.Year))
	w.merge("A1", "L1")
	w.merge("A2", "L2")
	headers := []string{"STT", "Mã đơn vị", "Tên đơn vị"}
	for _, k := range c.KPIs {
		headers = append(headers, k.Name)
		if k.Kind == campaign.Flow {
			headers = append(headers, k.Name+" (lũy kế)")
		}
	}
	for i, h := range headers {
		w.set(i+1, 5, h)
	}
	for i, u := range p.Units {
		r := 6 + i
		w.set(1, r, i+1)
		w.set(2, r, u.Code)
		w.set(3, r, u.Name)
		col := 4
		for _, k := range c.KPIs {
			fig := p.Actual[u.Code][month-1][k.Code]
			w.set(col, r, fig.Month)
			col++
			if k.Kind == campaign.Flow {
				w.set(col, r, fig.YTD)
				col++
			}
		}
	}
	w.set(3, 6+len(p.Units), "Tổng cộng")
	if w.err != nil {
		return w.err
	}
	return f.SaveAs(path)
}

// LongStyle says how a district typed its long report.
type LongStyle struct {
	Messy bool               // numbers as Vietnamese text, percent cells, numbered names without codes, note rows
	Typo  map[string]float64 // KPI → a wrong value typed instead of the real one
}

// WriteLong writes one district's report for one month in the long layout.
func WriteLong(path string, c *campaign.Campaign, p *Province, u campaign.Unit, month int, st LongStyle) error {
	f := excelize.NewFile()
	defer f.Close()
	w := &sheetWriter{f: f, sheet: "BaoCao"}
	if err := f.SetSheetName("Sheet1", w.sheet); err != nil {
		return err
	}
	w.set(1, 1, "BẢO HIỂM XÃ HỘI TỈNH "+p.Name)
	w.set(1, 2, u.Name)
	w.set(1, 3, "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA")
	w.merge("A1", "G1")
	w.merge("A2", "G2")
	w.merge("A3", "G3")
	if st.Messy {
		w.set(1, 4, "Mã đơn vị:")
		w.set(3, 4, u.Code)
		w.set(5, 4, "Kỳ báo cáo:")
		w.set(6, 4, fmt.Sprintf("T%d/%d", month, p.Year))
	} else {
		w.set(1, 4, "Mã đơn vị: "+u.Code)
		w.set(5, 4, fmt.Sprintf("Kỳ báo cáo: %02d/%d", month, p.Year))
	}
	ytdHeader := "Lũy kế từ đầu năm"
	if st.Messy {
		ytdHeader = "Luỹ kế"
	}
	header := []string{"STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "ĐVT", "Thực hiện trong tháng", ytdHeader, "Ghi chú"}
	for i, h := range header {
		w.set(i+1, 6, h)
	}
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	r := 7
	if st.Messy {
		w.set(3, r, "I. Phát triển người tham gia")
		r++
	}
	for i, k := range c.KPIs {
		fig := p.Actual[u.Code][month-1][k.Code]
		if v, ok := st.Typo[k.Code]; ok {
			fig.Month = v
		}
		w.set(1, r, i+1)
		if st.Messy {
			w.set(3, r, fmt.Sprintf("%d. %s", i+1, k.Name)) // no code column value
		} else {
			w.set(2, r, k.Code)
			w.set(3, r, k.Name)
		}
		w.set(4, r, k.Unit)
		switch {
		case st.Messy && k.Percent():
			w.set(5, r, fig.Month/100)
			w.style(5, r, pct)
		case st.Messy:
			w.set(5, r, VietnameseText(fig.Month))
		default:
			w.set(5, r, fig.Month)
		}
		if k.Kind == campaign.Flow {
			if st.Messy {
				w.set(6, r, VietnameseText(fig.YTD))
			} else {
				w.set(6, r, fig.YTD)
			}
		}
		r++
		if st.Messy && k.Code == "bhtn" {
			w.set(3, r, "II. Thu và nợ")
			r++
		}
	}
	if st.Messy {
		w.set(7, 7+2, "Số liệu sơ bộ")
	}
	w.set(3, r+2, "Người lập biểu")
	w.set(5, r+2, "Giám đốc")
	if w.err != nil {
		return w.err
	}
	return f.SaveAs(path)
}

// FillReportForm fills a report form written by kpi template report with a
// unit's figures for a month, as the district would.
func FillReportForm(path string, c *campaign.Campaign, p *Province, unit string, month int) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for i, k := range c.KPIs {
		fig := p.Actual[unit][month-1][k.Code]
		if err := f.SetCellValue(xlsxout.ReportSheet, xlsxout.ReportCell(i, false), fig.Month); err != nil {
			return err
		}
		if k.Kind == campaign.Flow {
			if err := f.SetCellValue(xlsxout.ReportSheet, xlsxout.ReportCell(i, true), fig.YTD); err != nil {
				return err
			}
		}
	}
	return f.Save()
}
