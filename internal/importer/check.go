package importer

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/numfmt"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/xlsxin"
)

// YTDTolerance is how far (relative) a reported year-to-date value may
// differ from the sum of the reported month values before kpi warns.
const YTDTolerance = 0.005

// check returns the warnings that need the workspace's earlier reports:
//   - a KPI of the campaign missing from a report;
//   - a year-to-date value lower than the same unit's previous reported one;
//   - a head-count (stock KPI) that moved by more than half since the
//     unit's previous reported month;
//   - a year-to-date value more than 0.5 % away from the sum of the month
//     values for January to this month, when every one of those months has
//     a reported month value.
func (im *Importer) check(ctx context.Context, file string, reports []report.Report) ([]string, error) {
	var warnings []string
	for _, r := range reports {
		var missing []string
		for i := range im.Campaign.KPIs {
			code := im.Campaign.KPIs[i].Code
			if !slices.ContainsFunc(r.Values, func(v report.Value) bool { return v.KPI == code }) {
				missing = append(missing, code)
			}
		}
		if len(missing) > 0 {
			warnings = append(warnings, fmt.Sprintf("%s: %s %s thiếu chỉ tiêu %s", file, r.Unit, r.Period, strings.Join(missing, ", ")))
		}
		obs, err := im.unitObservations(ctx, r.Period.Year, r.Unit)
		if err != nil {
			return nil, err
		}
		warnings = append(warnings, stockJumps(im.Campaign, file, r, obs)...)
		warnings = append(warnings, fractionRates(im.Campaign, file, r)...)
		if !hasYTD(r) {
			continue
		}
		warnings = append(warnings, ytdWarnings(im.Campaign, file, r, obs)...)
	}
	return warnings, nil
}

func hasYTD(r report.Report) bool {
	for _, v := range r.Values {
		if v.YTD != nil {
			return true
		}
	}
	return false
}

func ytdWarnings(c *campaign.Campaign, file string, r report.Report, obs []report.Observation) []string {
	var out []string
	for _, v := range r.Values {
		if v.YTD == nil {
			continue
		}
		k := c.KPIRef(v.KPI)
		// the latest earlier month with a YTD value
		var prevYTD *float64
		var prevPeriod report.Period
		months := map[int]float64{}
		for _, o := range obs {
			if o.KPI != v.KPI || !o.Period.Before(r.Period) {
				continue
			}
			if o.YTD != nil && prevPeriod.Before(o.Period) {
				prevYTD, prevPeriod = o.YTD, o.Period
			}
			if o.Month != nil {
				months[o.Period.Month] = *o.Month
			}
		}
		if prevYTD != nil && *v.YTD < *prevYTD {
			out = append(out, fmt.Sprintf("%s › %s: lũy kế %s của %s (%s) thấp hơn lũy kế kỳ %s (%s)",
				file, v.YTDCell, v.KPI, r.Unit, num(*v.YTD), prevPeriod, num(*prevYTD)))
		}
		if k == nil || k.Kind != campaign.Flow || v.Month == nil {
			continue
		}
		sum := *v.Month
		complete := true
		for m := 1; m < r.Period.Month; m++ {
			mv, ok := months[m]
			if !ok {
				complete = false
				break
			}
			sum += mv
		}
		if complete && math.Abs(*v.YTD-sum) > YTDTolerance*math.Abs(sum) {
			out = append(out, fmt.Sprintf("%s › %s: lũy kế %s của %s (%s) lệch %s%% so với tổng số trong các tháng (%s)",
				file, v.YTDCell, v.KPI, r.Unit, num(*v.YTD), num(math.Round((*v.YTD-sum)/sum*1000)/10), num(sum)))
		}
	}
	return out
}

func num(v float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.4f", v), "0"), ".")
}

// unitObservations returns the live observations of a unit for a year. The
// year's observations are read once per import run and kept up to date as
// files are committed (see remember), so the checks cost no query per
// file.
func (im *Importer) unitObservations(ctx context.Context, year int, unit string) ([]report.Observation, error) {
	if im.partial {
		if err := im.prefetchUnits(ctx, single{im.Store}, year, []string{unit}); err != nil {
			return nil, err
		}
		return im.obs[unit], nil
	}
	if im.obs == nil || im.obsYear != year {
		all, err := im.Store.Observations(ctx, year, "")
		if err != nil {
			return nil, err
		}
		im.obs, im.obsYear = map[string][]report.Observation{}, year
		for _, o := range all {
			im.obs[o.Unit] = append(im.obs[o.Unit], o)
		}
	}
	return im.obs[unit], nil
}

// prefetch reads, in a workspace too big to hold a year of figures
// (partial), the observations of the units of reports not read yet, a
// thousand units a query, through sv: as the group's transaction sees
// them. A unit read and without any is kept as an empty list.
func (im *Importer) prefetch(ctx context.Context, sv saver, reports []report.Report) error {
	if !im.partial || len(reports) == 0 {
		return nil
	}
	byYear := map[int][]string{}
	for _, r := range reports {
		byYear[r.Period.Year] = append(byYear[r.Period.Year], r.Unit)
	}
	for year, units := range byYear {
		if err := im.prefetchUnits(ctx, sv, year, units); err != nil {
			return err
		}
	}
	return nil
}

func (im *Importer) prefetchUnits(ctx context.Context, sv saver, year int, units []string) error {
	if im.obs == nil || im.obsYear != year {
		im.obs, im.obsYear = map[string][]report.Observation{}, year
	}
	var missing []string
	for _, u := range units {
		if _, ok := im.obs[u]; !ok {
			missing = append(missing, u)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	got, err := sv.ObservationsOf(ctx, year, missing)
	if err != nil {
		return err
	}
	for _, u := range missing {
		im.obs[u] = []report.Observation{}
	}
	for _, o := range got {
		im.obs[o.Unit] = append(im.obs[o.Unit], o)
	}
	for _, u := range missing {
		if dry := im.dry[u]; len(dry) > 0 {
			im.obs[u] = overlay(im.obs[u], dry, year)
		}
	}
	return nil
}

// overlay lays a dry run's figures of a unit over the workspace's of a
// year: a period it has replaces the workspace's.
func overlay(obs, dry []report.Observation, year int) []report.Observation {
	out := obs[:0:0]
	for _, o := range obs {
		if !slices.ContainsFunc(dry, func(d report.Observation) bool { return d.Period == o.Period }) {
			out = append(out, o)
		}
	}
	for _, d := range dry {
		if d.Period.Year == year {
			out = append(out, d)
		}
	}
	return out
}

// rememberDry is remember for a file a dry run checked: in a partial run
// its figures go to the overlay (dry) that prefetch lays over the
// workspace's, which does not have them.
func (im *Importer) rememberDry(reports []report.Report) {
	if im.partial {
		if im.dry == nil {
			im.dry = map[string][]report.Observation{}
		}
		for _, r := range reports {
			im.dry[r.Unit] = replacePeriod(im.dry[r.Unit], r)
		}
	}
	im.remember(reports)
}

// replacePeriod returns obs with r's figures in place of those of r's
// period.
func replacePeriod(obs []report.Observation, r report.Report) []report.Observation {
	kept := obs[:0:0]
	for _, o := range obs {
		if o.Period != r.Period {
			kept = append(kept, o)
		}
	}
	for _, v := range r.Values {
		kept = append(kept, report.Observation{Unit: r.Unit, Period: r.Period, KPI: v.KPI, Month: v.Month, YTD: v.YTD})
	}
	return kept
}

// drop lets go of the kept observations of the reports' units (partial):
// a consolidated sheet's, once checked.
func (im *Importer) drop(reports []report.Report) {
	for _, r := range reports {
		delete(im.obs, r.Unit)
	}
}

// remember updates the kept observations with a committed file's reports,
// which replace any earlier ones for the same unit and period.
func (im *Importer) remember(reports []report.Report) {
	if im.obs == nil {
		return
	}
	for _, r := range reports {
		if r.Period.Year != im.obsYear {
			continue
		}
		if _, read := im.obs[r.Unit]; im.partial && !read {
			continue // read from the workspace when needed, this file with it
		}
		im.obs[r.Unit] = replacePeriod(im.obs[r.Unit], r)
	}
}

// StockJump is the relative month-on-month change of a head-count past
// which kpi warns: a district does not gain or lose half its participants
// in a month, a typing or unit slip does.
const StockJump = 0.5

// stockJumps warns of head-counts that moved by more than StockJump since
// the unit's latest earlier reported month.
func stockJumps(c *campaign.Campaign, file string, r report.Report, obs []report.Observation) []string {
	var out []string
	for _, v := range r.Values {
		k := c.KPIRef(v.KPI)
		cur, cell := v.Month, v.MonthCell
		if cur == nil {
			cur, cell = v.YTD, v.YTDCell
		}
		if k == nil || k.Kind != campaign.Stock || cur == nil {
			continue
		}
		var prev *float64
		var prevPeriod report.Period
		for _, o := range obs {
			if o.KPI != v.KPI || !o.Period.Before(r.Period) || !prevPeriod.Before(o.Period) {
				continue
			}
			if x := o.Month; x != nil {
				prev, prevPeriod = x, o.Period
			} else if x := o.YTD; x != nil {
				prev, prevPeriod = x, o.Period
			}
		}
		if prev == nil || *prev <= 0 {
			continue
		}
		if change := (*cur - *prev) / *prev; math.Abs(change) > StockJump {
			out = append(out, fmt.Sprintf("%s › %s: %s của %s là %s, kỳ %s là %s (%+.0f%%): kiểm tra lại số liệu hoặc đơn vị tính",
				file, cell, v.KPI, r.Unit, num(*cur), prevPeriod, num(*prev), change*100))
		}
	}
	return out
}

// Plausibility bounds against the unit's annual target T: a figure of 100
// T or more cannot be right (most often an amount in đồng read as triệu
// đồng), nor a head-count below T/100.
const (
	PlausibleOver  = 100.0
	PlausibleUnder = 0.01
)

// plausible returns an error for every figure that cannot be right
// against the unit's annual target (see PlausibleOver).
func (im *Importer) plausible(file string, reports []report.Report) error {
	var errs xlsxin.Errors
	for _, r := range reports {
		ts := im.table.Of(r.Unit)
		for _, v := range r.Values {
			i := im.Campaign.KPIIndex(v.KPI)
			if i < 0 {
				continue
			}
			k := &im.Campaign.KPIs[i]
			if k.Kind != campaign.Stock && k.Kind != campaign.Flow {
				continue
			}
			t := math.NaN()
			if i < len(ts) {
				t = ts[i]
			}
			if math.IsNaN(t) && k.DefaultTarget != nil {
				t = *k.DefaultTarget
			}
			if !(t > 0) {
				continue
			}
			for _, x := range []struct {
				v    *float64
				cell string
			}{{v.Month, v.MonthCell}, {v.YTD, v.YTDCell}} {
				if x.v == nil {
					continue
				}
				var msg string
				switch {
				case *x.v >= PlausibleOver*t:
					msg = fmt.Sprintf("%s của %s là %s, gấp %s lần chỉ tiêu cả năm (%s %s)", v.KPI, r.Unit, vn(*x.v), vn(math.Floor(*x.v/t)), vn(t), k.Unit)
					if kf, money := xlsxin.MoneyFactor(k.Unit); money {
						unit := likelyMoneyUnit(*x.v, t, kf)
						msg += fmt.Sprintf(": có phải đơn vị tính là %s? Ghi 'Đơn vị tính: %s' trên bảng (hoặc ở cột ĐVT, hay trong tiêu đề cột: 'Thực hiện tháng (%s)') để kpi đổi sang %s", unit, unit, unit, k.Unit)
					} else {
						msg += ": kiểm tra lại số liệu (gõ thừa chữ số, hay số của cả tỉnh?)"
					}
				case k.Kind == campaign.Stock && *x.v < PlausibleUnder*t:
					msg = fmt.Sprintf("%s của %s là %s, chưa bằng 1/100 chỉ tiêu cả năm (%s %s): kiểm tra lại số liệu hoặc đơn vị tính (nghìn người?)", v.KPI, r.Unit, vn(*x.v), vn(t), k.Unit)
				default:
					continue
				}
				e := &xlsxin.CellError{File: file, Msg: msg}
				e.Sheet, e.Cell, _ = strings.Cut(x.cell, "!")
				errs = append(errs, e)
			}
		}
	}
	return errs.Err()
}

// vn writes a number as Vietnamese readers do: 25.100.000.000, 2,35.
func vn(v float64) string { return numfmt.Format(v, -1, "vi") }

// likelyMoneyUnit guesses the unit an amount far too large was written in:
// the one (đồng or nghìn đồng) that brings it nearest a quarter of the
// year's target t (a month's or a few months' revenue); kf is the KPI's
// unit's factor to triệu đồng.
func likelyMoneyUnit(v, t, kf float64) string {
	best, dist := "đồng", math.Inf(1)
	for _, u := range []struct {
		name string
		f    float64
	}{{"đồng", 1e-6}, {"nghìn đồng", 1e-3}} {
		if d := math.Abs(math.Log10(v*u.f/kf/t) - math.Log10(0.25)); d < dist {
			best, dist = u.name, d
		}
	}
	return best
}

// keepEarlier completes reports with the KPIs of the report in force for
// the same unit and month that they do not give: an office sends a month
// as several files (the revenue on form B03a, the head-counts on B06), and
// the second must not wipe out the first. A KPI the file gives replaces
// the earlier figure; one it does not give is kept, with the cells it came
// from (named with their file). The reports are changed in place.
func (im *Importer) keepEarlier(ctx context.Context, sv saver, reports []report.Report) ([]Kept, error) {
	var out []Kept
	for i := range reports {
		r := &reports[i]
		obs, err := im.unitObservations(ctx, r.Period.Year, r.Unit)
		if err != nil {
			return nil, err
		}
		var missing []report.Observation
		for _, o := range obs {
			if o.Period == r.Period && (o.Month != nil || o.YTD != nil) &&
				!slices.ContainsFunc(r.Values, func(v report.Value) bool { return v.KPI == o.KPI }) {
				missing = append(missing, o)
			}
		}
		if len(missing) == 0 {
			continue
		}
		// the cells and import of the report in force (absent for a file
		// earlier in the same dry run)
		stored, err := sv.Reports(ctx, r.Period.Year, r.Unit, r.Period.String())
		if err != nil {
			return nil, err
		}
		k := Kept{Unit: r.Unit, Period: r.Period}
		for _, o := range missing {
			v := report.Value{KPI: o.KPI, Month: o.Month, YTD: o.YTD}
			for _, sr := range stored {
				k.ImportID = sr.ImportID
				for _, sv := range sr.Values {
					if sv.KPI == o.KPI {
						v.MonthCell, v.YTDCell, v.Unit = inFile(sr.File, sv.MonthCell), inFile(sr.File, sv.YTDCell), sv.Unit
					}
				}
			}
			r.Values = append(r.Values, v)
			k.KPIs = append(k.KPIs, o.KPI)
		}
		sort.Strings(k.KPIs)
		out = append(out, k)
	}
	return out, nil
}

// inFile names a cell of another file: "H10_b03a.xlsx › B03a!F20".
func inFile(file, cell string) string {
	if cell == "" || strings.Contains(cell, " › ") {
		return cell
	}
	return file + " › " + cell
}

// fractionRates warns of a rate written as a fraction in a cell without a
// percent format (0.917 for 91,7 %): kpi reads it as 0.917 %. A
// higher-is-better rate (satisfaction) at 1 % or less is far more likely
// the fraction; a lower-is-better one (late payment) may truly be that low,
// so it is not questioned.
func fractionRates(c *campaign.Campaign, file string, r report.Report) []string {
	var out []string
	for _, v := range r.Values {
		k := c.KPIRef(v.KPI)
		if k == nil || !k.Percent() || v.Month == nil || *v.Month <= 0 {
			continue
		}
		if x := *v.Month; !k.LowerIsBetter() && x <= 1 {
			out = append(out, fmt.Sprintf("%s › %s: %s của %s là %s %%: có phải %s %%? (ô ghi %s mà không định dạng %%: gõ %s, hoặc định dạng ô là Phần trăm)",
				file, v.MonthCell, v.KPI, r.Unit, vn(x), vn(x*100), vn(x), vn(x*100)))
		}
	}
	return out
}
