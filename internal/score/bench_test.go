package score_test

import (
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/demo"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
)

// BenchmarkScore700 scores and ranks a national year: 700 units, 12 months.
func BenchmarkScore700(b *testing.B) {
	c := campaign.Default()
	p := demo.New(c, 700, 12, 1)
	var obs []report.Observation
	for _, u := range p.Units {
		for m, figs := range p.Actual[u.Code] {
			for _, k := range c.KPIs {
				fg := figs[k.Code]
				o := report.Observation{Unit: u.Code, Period: report.Period{Year: 2024, Month: m + 1}, KPI: k.Code, Month: ptr(fg.Month)}
				if k.Kind == campaign.Flow {
					o.YTD = ptr(fg.YTD)
				}
				obs = append(obs, o)
			}
		}
	}
	in := score.Input{Campaign: c, Units: p.Units, Observations: obs, Period: report.Period{Year: 2024, Month: 12}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		score.Awards(c, score.Compute(in))
	}
	b.ReportMetric(float64(b.N*700)/b.Elapsed().Seconds(), "units/s")
}

func ptr(v float64) *float64 { return &v }
