package htmlout_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/demo"
	"github.com/bhxh/kpi/internal/htmlout"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
	"github.com/bhxh/kpi/internal/view"
)

// exportDate is the date printed in every test report.
var exportDate = time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC)

// sample builds the report of a sample province of n units as of month
// period, in lang, the way kpi export html does from a workspace: the
// standing of every month from January (score.Compute on the same
// figures), the views, the shortlist and the report-status matrix. As in
// kpi demo (same generator, same seed), H11 — or the last unit of a
// smaller province — sends nothing for the period itself (stale), and
// H04's March report replaced an earlier one.
func sample(tb testing.TB, n, period int, lang string) *htmlout.Report {
	tb.Helper()
	c := campaign.Default()
	c.Organisation = "BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG"
	p := demo.New(c, n, period, 2024)
	var obs []report.Observation
	st := htmlout.Status{Year: c.Year}
	stale := min(10, n-1)
	for i, u := range p.Units {
		su := htmlout.StatusUnit{Code: u.Code, Name: u.Name, Cluster: u.Cluster}
		for m := 1; m <= period; m++ {
			if i == stale && m == period && period > 1 {
				continue
			}
			su.Months[m-1] = htmlout.InForce
			if i == 3 && m == 3 {
				su.Months[m-1] = htmlout.Replaced
			}
			for _, k := range c.KPIs {
				fg := p.Actual[u.Code][m-1][k.Code]
				mv, ytd := fg.Month, fg.YTD
				o := report.Observation{Unit: u.Code, Period: report.Period{Year: c.Year, Month: m}, KPI: k.Code, Month: &mv}
				if k.Kind == campaign.Flow {
					o.YTD = &ytd
				}
				obs = append(obs, o)
			}
		}
		st.Units = append(st.Units, su)
	}
	r := &htmlout.Report{Campaign: c, Status: st, Date: exportDate}
	for m := 1; m <= period; m++ {
		res := score.Compute(score.Input{Campaign: c, Units: p.Units, Observations: obs, Period: report.Period{Year: c.Year, Month: m}})
		r.Months = append(r.Months, view.NewProgress(c, res, lang))
		if m == period {
			r.Progress = r.Months[m-1]
			r.Awards = view.NewAwards(c, res, score.Awards(c, res), lang)
		}
	}
	return r
}

// render writes r.
func render(tb testing.TB, r *htmlout.Report) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := htmlout.Write(&buf, r); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
