package demo

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/xuri/excelize/v2"
)

// WriteTargets writes the province's targets workbook the way a planning
// department types it: a title block with merged cells, a blank row, a
// header row with Vietnamese names, amounts typed as Vietnamese text in
// some rows, the 2023 late-payment rate as a percent-formatted cell, a
// notes column and a total row.
func WriteTargets(path string, c *campaign.Campaign, p *Province) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "KH2024"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	var err error
	set := func(col, row int, v any) {
		if err != nil {
			return
		}
		ref, _ := excelize.CoordinatesToCellName(col, row)
		err = f.SetCellValue(sh, ref, v)
	}
	set(1, 1, "BẢO HIỂM XÃ HỘI TỈNH "+p.Name)
	set(1, 2, fmt.Sprintf("BẢNG GIAO CHỈ TIÊU THI ĐUA NĂM %d", c.Year))
	set(1, 3, "(Kèm theo Quyết định số 123/QĐ-BHXH)")
	headers := []string{"STT", "Mã ĐV", "Tên đơn vị", "Cụm thi đua"}
	type col struct {
		kpi      campaign.KPI
		baseline bool
	}
	var cols []col
	for _, k := range c.KPIs {
		if k.Code == "hai_long" {
			continue // the campaign-wide 80 % applies
		}
		headers = append(headers, fmt.Sprintf("KH %d %s", c.Year, k.Name))
		cols = append(cols, col{k, false})
		headers = append(headers, fmt.Sprintf("TH %d %s", c.Year-1, k.Name))
		cols = append(cols, col{k, true})
	}
	headers = append(headers, "Ghi chú")
	for i, h := range headers {
		set(i+1, 5, h)
	}
	last, _ := excelize.ColumnNumberToName(len(headers))
	for _, r := range []string{"1", "2", "3"} {
		if err == nil {
			err = f.MergeCell(sh, "A"+r, last+r)
		}
	}
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Horizontal: "center"}})
	if err == nil {
		err = f.SetCellStyle(sh, "A5", last+"5", bold)
	}
	for i, u := range p.Units {
		r := 6 + i
		set(1, r, i+1)
		set(2, r, u.Code)
		set(3, r, u.Name)
		set(4, r, u.Cluster)
		for j, cl := range cols {
			vals := u.Targets
			if cl.baseline {
				vals = u.Baselines
			}
			v, ok := vals[cl.kpi.Code]
			if !ok {
				continue
			}
			switch {
			case cl.kpi.Percent():
				ref, _ := excelize.CoordinatesToCellName(5+j, r)
				set(5+j, r, v/100)
				if err == nil {
					err = f.SetCellStyle(sh, ref, ref, pct)
				}
			case i%4 == 2:
				set(5+j, r, VietnameseText(v)) // typed as text: "1.234.567,5"
			default:
				set(5+j, r, v)
			}
		}
		if i == 0 {
			set(len(headers), r, "Đơn vị dẫn đầu năm 2023")
		}
	}
	set(3, 6+len(p.Units), "Tổng cộng")
	if err != nil {
		return err
	}
	_ = f.SetColWidth(sh, "C", "C", 30)
	return f.SaveAs(path)
}

// VietnameseText writes v as a Vietnamese-formatted number: "1.234.567,5".
func VietnameseText(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("," + frac)
	}
	return b.String()
}
