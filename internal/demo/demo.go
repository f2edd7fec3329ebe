// Package demo makes a realistic sample province — twelve district offices
// of BHXH tỉnh Hải Dương in three emulation clusters, with 2024 targets and
// 2023 baselines — and writes it as the workbooks districts really send.
// Everything is deterministic from a seed.
package demo

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/bhxh/kpi/internal/campaign"
)

// Province is the sample data set.
type Province struct {
	Name  string
	Year  int
	Units []campaign.Unit
	// Actual[unit code][month-1][kpi] is what the unit reports for a month.
	Actual map[string][]map[string]Figure
}

// Figure is one KPI's reported figures for a month: the month's value and,
// for flow KPIs, the year to date.
type Figure struct {
	Month float64
	YTD   float64 // 0 for stock and rate KPIs
}

var districts = []struct{ name, cluster string }{
	{"BHXH thành phố Hải Dương", "Cụm 1"},
	{"BHXH thành phố Chí Linh", "Cụm 1"},
	{"BHXH thị xã Kinh Môn", "Cụm 1"},
	{"BHXH huyện Cẩm Giàng", "Cụm 1"},
	{"BHXH huyện Nam Sách", "Cụm 2"},
	{"BHXH huyện Kim Thành", "Cụm 2"},
	{"BHXH huyện Thanh Hà", "Cụm 2"},
	{"BHXH huyện Bình Giang", "Cụm 2"},
	{"BHXH huyện Gia Lộc", "Cụm 3"},
	{"BHXH huyện Tứ Kỳ", "Cụm 3"},
	{"BHXH huyện Ninh Giang", "Cụm 3"},
	{"BHXH huyện Thanh Miện", "Cụm 3"},
}

// New generates a province of n units (12 real district names, then
// numbered ones) for campaign c.
func New(c *campaign.Campaign, n, months int, seed uint64) *Province {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	p := &Province{Name: "HẢI DƯƠNG", Year: c.Year, Actual: map[string][]map[string]Figure{}}
	for i := 0; i < n; i++ {
		name, cluster := fmt.Sprintf("BHXH huyện số %d", i+1), fmt.Sprintf("Cụm %d", i%3+1)
		if i < len(districts) {
			name, cluster = districts[i].name, districts[i].cluster
		}
		size := 0.5 + 1.5*rng.Float64() // a district's relative size
		if i < 3 {
			size *= 2 // the cities are larger
		}
		u := campaign.Unit{
			Code: fmt.Sprintf("H%02d", i+1), Name: name, Cluster: cluster,
			Targets: map[string]float64{}, Baselines: map[string]float64{},
		}
		base := map[string]float64{
			"bhxh_bb":   math.Round(18000 * size),
			"bhxh_tn":   math.Round(2500 * size),
			"bhyt":      math.Round(95000 * size),
			"bhtn":      math.Round(16000 * size),
			"thu":       math.Round(420000*size*100) / 100, // triệu đồng, two decimals
			"cham_dong": math.Round((1.5+2.5*rng.Float64())*100) / 100,
		}
		growth := map[string]float64{"bhxh_bb": 0.06, "bhxh_tn": 0.15, "bhyt": 0.03, "bhtn": 0.06, "thu": 0.09}
		for _, k := range c.KPIs {
			b, ok := base[k.Code]
			if !ok {
				continue
			}
			u.Baselines[k.Code] = b
			if g, ok := growth[k.Code]; ok {
				t := b * (1 + g + 0.04*rng.Float64())
				if k.Kind == campaign.Flow {
					u.Targets[k.Code] = math.Round(t)
				} else {
					u.Targets[k.Code] = math.Round(t/10) * 10
				}
			}
		}
		// cham_dong: most districts are given no explicit target (the
		// campaign uses their 2023 rate); two get a stricter one.
		if i%6 == 1 {
			u.Targets["cham_dong"] = math.Round(base["cham_dong"]*0.8*100) / 100
		}
		p.Units = append(p.Units, u)
		p.Actual[u.Code] = actuals(c, u, months, rng)
	}
	return p
}

// actuals makes a unit's monthly figures: head-counts move from the
// baseline towards (or past, or short of) the target according to the
// unit's pace; revenue arrives month by month; rates drift.
func actuals(c *campaign.Campaign, u campaign.Unit, months int, rng *rand.Rand) []map[string]Figure {
	pace := 0.75 + 0.5*rng.Float64() // below 1: behind plan
	out := make([]map[string]Figure, months)
	ytd := 0.0
	rate := u.Baselines["cham_dong"]
	for m := 1; m <= months; m++ {
		f := float64(m) / 12
		fig := map[string]Figure{}
		for _, k := range c.KPIs {
			b, t := u.Baselines[k.Code], u.Targets[k.Code]
			switch k.Kind {
			case campaign.Stock:
				v := b + (t-b)*f*pace*(0.9+0.2*rng.Float64())
				fig[k.Code] = Figure{Month: math.Round(v)}
			case campaign.Flow:
				amt := math.Round(t/12*pace*(0.85+0.3*rng.Float64())*100) / 100
				ytd = math.Round((ytd+amt)*100) / 100
				fig[k.Code] = Figure{Month: amt, YTD: ytd}
			case campaign.Rate:
				if k.Code == "cham_dong" {
					rate = math.Max(0.2, rate*(1.02-0.06*pace+0.04*rng.Float64()))
					fig[k.Code] = Figure{Month: math.Round(rate*100) / 100}
				} else {
					fig[k.Code] = Figure{Month: math.Round((74+16*pace+4*rng.Float64())*10) / 10}
				}
			}
		}
		out[m-1] = fig
	}
	return out
}
