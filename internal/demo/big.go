package demo

import (
	"fmt"
	"math/rand/v2"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/xuri/excelize/v2"
)

// BigCode is the code of unit i (0-based) of a big sample.
func BigCode(i int) string { return fmt.Sprintf("B%06d", i+1) }

// WriteBig writes the two workbooks of a big consolidated sample, with
// excelize's streaming writer: a targets workbook of rows units and a wide
// report for January with one row per unit — STT, code, name, then the
// month value of every KPI and the year-to-date revenue (11 columns).
func WriteBig(targetsPath, reportPath string, c *campaign.Campaign, rows int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	write := func(path, sheet string, title []any, header []any, row func(i int) []any) error {
		f := excelize.NewFile()
		defer f.Close()
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(sheet)
		if err != nil {
			return err
		}
		if err := sw.SetRow("A1", title); err != nil {
			return err
		}
		if err := sw.SetRow("A3", header); err != nil {
			return err
		}
		for i := 0; i < rows; i++ {
			cell, _ := excelize.CoordinatesToCellName(1, 4+i)
			if err := sw.SetRow(cell, row(i)); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		return f.SaveAs(path)
	}
	header := []any{"STT", "Mã đơn vị", "Tên đơn vị", "Cụm"}
	for _, k := range c.KPIs {
		header = append(header, k.Code)
	}
	targets := make([][]float64, rows)
	err := write(targetsPath, "ChiTieu", []any{"CHỈ TIÊU (mẫu lớn)"}, header, func(i int) []any {
		row := []any{i + 1, BigCode(i), fmt.Sprintf("Đơn vị %d", i+1), fmt.Sprintf("Cụm %d", i%50+1)}
		t := make([]float64, len(c.KPIs))
		for j, k := range c.KPIs {
			switch {
			case k.Code == "hai_long":
				t[j] = 80
			case k.Percent():
				t[j] = float64(1+rng.IntN(400)) / 100
			default:
				t[j] = float64(1000 + rng.IntN(100000))
			}
			row = append(row, t[j])
		}
		targets[i] = t
		return row
	})
	if err != nil {
		return err
	}
	header = []any{"STT", "Mã ĐV", "Tên đơn vị"}
	for _, k := range c.KPIs {
		header = append(header, k.Name)
		if k.Kind == campaign.Flow {
			header = append(header, k.Name+" (lũy kế)")
		}
	}
	return write(reportPath, "TongHop", []any{"Kỳ báo cáo: 01/2024"}, header, func(i int) []any {
		row := []any{i + 1, BigCode(i), fmt.Sprintf("Đơn vị %d", i+1)}
		for j, k := range c.KPIs {
			v := targets[i][j] * (0.8 + 0.4*rng.Float64())
			if k.Kind == campaign.Flow {
				v = float64(int(v/12*100)) / 100
				row = append(row, v, v)
				continue
			}
			if !k.Percent() {
				v = float64(int(v))
			} else {
				v = float64(int(v*100)) / 100
			}
			row = append(row, v)
		}
		return row
	})
}
