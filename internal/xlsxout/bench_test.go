package xlsxout_test

import (
	"io"
	"testing"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/demo"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
	"github.com/bhxh/kpi/internal/xlsxout"
)

func nationalExport(b *testing.B) (*xlsxout.Export, score.Shortlist) {
	c := campaign.Default()
	p := demo.New(c, 700, 12, 1)
	var obs []report.Observation
	for _, u := range p.Units {
		for _, k := range c.KPIs {
			fg := p.Actual[u.Code][11][k.Code]
			m, y := fg.Month, fg.YTD
			o := report.Observation{Unit: u.Code, Period: report.Period{Year: 2024, Month: 12}, KPI: k.Code, Month: &m}
			if k.Kind == campaign.Flow {
				o.YTD = &y
			}
			obs = append(obs, o)
		}
	}
	r := score.Compute(score.Input{Campaign: c, Units: p.Units, Observations: obs, Period: report.Period{Year: 2024, Month: 12}})
	return &xlsxout.Export{Campaign: c, Result: r, Lang: "vi", Date: time.Now()}, score.Awards(c, r)
}

// BenchmarkExportProgress700 writes the progress workbook of 700 units.
func BenchmarkExportProgress700(b *testing.B) {
	e, _ := nationalExport(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := xlsxout.WriteProgress(io.Discard, e); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "workbooks/s")
}

func BenchmarkExportAwards700(b *testing.B) {
	e, sl := nationalExport(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := xlsxout.WriteAwards(io.Discard, e, sl); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "workbooks/s")
}
