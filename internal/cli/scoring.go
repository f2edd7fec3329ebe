package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
	"github.com/bhxh/kpi/internal/store"
	"github.com/bhxh/kpi/internal/view"
	"github.com/spf13/cobra"
)

// scoringFlags are the flags progress and awards share.
type scoringFlags struct {
	Period  string
	Cluster string
	Format  string
	Explain string
}

func (s *scoringFlags) bind(cmd *cobra.Command) {
	cmd.Flags().StringVar(&s.Period, "period", "", "")
	cmd.Flags().StringVar(&s.Cluster, "cluster", "", "")
	cmd.Flags().StringVar(&s.Format, "format", "table", "")
	cmd.Flags().StringVar(&s.Explain, "explain", "", "")
}

// check refuses an unknown format.
func (s *scoringFlags) check() error { return checkFormat(s.Format) }

// checkFormat refuses an unknown --format.
func checkFormat(format string) error {
	if err := render.CheckFormat(format); err != nil {
		return usageError{i18n.Errorf(i18n.UnknownFormat, format, strings.Join(render.Formats, ", "))}
	}
	return nil
}

// standing is a computed result with what it was computed from.
type standing struct {
	c     *campaign.Campaign
	units []campaign.Unit
	res   score.Result
	noms  []campaign.Nomination // the individual nominations in force
}

// shortlist applies the award rules to the standing and decides the
// individual nominations.
func (s *standing) shortlist() score.Shortlist {
	sl := score.Awards(s.c, s.res)
	sl.Nominations = score.CheckNominations(s.c, s.res, s.noms)
	return sl
}

// council reads the council's decisions in force: adjustments,
// exclusions, nominations.
func council(ctx context.Context, st store.Store) ([]campaign.Adjustment, []campaign.Exclusion, []campaign.Nomination, error) {
	adjs, err := st.Adjustments(ctx, "", false)
	if err != nil {
		return nil, nil, nil, err
	}
	excls, err := st.Exclusions(ctx, false)
	if err != nil {
		return nil, nil, nil, err
	}
	noms, err := st.Nominations(ctx, "", false)
	return adjs, excls, noms, err
}

// loadStanding reads the workspace and applies the rules as of the period
// (default: the latest month with a report in force).
func loadStanding(ctx context.Context, ws *Workspace, periodFlag string) (*standing, error) {
	st, err := ws.OpenStore(ctx, false)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	c, err := st.Campaign(ctx)
	if err != nil {
		return nil, err
	}
	units, err := st.Units(ctx)
	if err != nil {
		return nil, err
	}
	if len(units) == 0 {
		return nil, i18n.Errorf(i18n.NoUnits)
	}
	obs, err := st.Observations(ctx, c.Year, "")
	if err != nil {
		return nil, err
	}
	prior, err := st.Observations(ctx, c.Year-1, "") // cùng kỳ: last year's reports (kpi import --prior-year)
	if err != nil {
		return nil, err
	}
	var period report.Period
	if periodFlag != "" {
		if period, err = report.ParsePeriod(periodFlag); err != nil {
			return nil, usageError{i18n.Errorf(i18n.BadPeriodFlag, periodFlag)}
		}
		if err := inCampaignYear(period, c); err != nil {
			return nil, err
		}
	} else {
		for _, o := range obs {
			if period.Before(o.Period) {
				period = o.Period
			}
		}
		if period.IsZero() {
			return nil, i18n.Errorf(i18n.NoReports, c.Year)
		}
	}
	adjs, excls, noms, err := council(ctx, st)
	if err != nil {
		return nil, err
	}
	res := score.Compute(score.Input{Campaign: c, Units: units, Observations: obs, Prior: prior, Period: period,
		Adjustments: adjs, Exclusions: excls})
	return &standing{c: c, units: units, res: res, noms: noms}, nil
}

// inCampaignYear refuses a --period outside the campaign's year.
func inCampaignYear(p report.Period, c *campaign.Campaign) error {
	if p.Year != c.Year {
		return usageError{i18n.Errorf(i18n.OutsideYear, p, c.Year)}
	}
	return nil
}

// inCluster filters units by --cluster (matched ignoring case and accents).
func inCluster(units []score.UnitResult, cluster string) ([]score.UnitResult, error) {
	if cluster == "" {
		return units, nil
	}
	var out []score.UnitResult
	known := map[string]bool{}
	for _, u := range units {
		known[u.Cluster] = true
		if sameText(u.Cluster, cluster) {
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		var names []string
		for k := range known {
			names = append(names, k)
		}
		return nil, usageError{i18n.Errorf(i18n.NoCluster, cluster, strings.Join(sortedStrings(names), ", "))}
	}
	return out, nil
}

// explain prints one unit's whole computation and its award verdicts.
func explain(out io.Writer, s *standing, sl score.Shortlist, code, lang string, width int) error {
	var b strings.Builder
	if err := explainTo(&b, s, sl, code, lang, width); err != nil {
		return err
	}
	_, err := io.WriteString(out, render.WrapHanging(b.String(), width))
	return err
}

// explainTo writes what explain prints, lines not yet wrapped to the
// screen (the table is fitted already).
func explainTo(w io.Writer, s *standing, sl score.Shortlist, code, lang string, width int) error {
	var u *score.UnitResult
	for i := range s.res.Units {
		if strings.EqualFold(s.res.Units[i].Code, code) {
			u = &s.res.Units[i]
		}
	}
	if u == nil {
		return usageError{i18n.Errorf(i18n.NoUnit, code)}
	}
	l := i18n.For(lang)
	fmt.Fprintf(w, "%s %s — %s; %s (%d/12 %s); %s %d/%d, %s %d\n", u.Code, u.Name, u.Cluster, i18n.Period(s.res.Period, lang),
		s.res.MonthsElapsed, l.Months, l.Rank, u.Rank, len(s.res.Units), l.ClusterRank, u.ClusterRank)
	// the actual, the target, the plan to date and last year's figure
	// spelled out, head-counts in whole people; the attainment to date and
	// the annual one as percentages, the scored one first under the
	// campaign's score_basis
	leader := s.c.Method == campaign.MethodLeader
	t := &render.Table{Lang: lang, Width: width,
		Headers: []string{l.KPI, l.Actual, l.Target, l.TargetToDate, i18n.T(lang, i18n.BaselineYear, s.c.Year-1), l.ToDate, l.Annual,
			i18n.T(lang, i18n.FormulaCol), l.Capped, l.Weight, l.Points, l.OnTrack},
		Decimals: []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0}}
	// on a narrow screen the computation stays: the actual, the target the
	// score uses, the attainment it scores, the cap, the weight, the points
	scored, other := render.Fit{}, render.Fit{Drop: 1}
	if s.c.ScoreBasis == campaign.BasisAnnual {
		scored, other = other, scored
	}
	t.Fits = []render.Fit{{}, {}, other, scored, {Drop: 2}, scored, other, {}, {}, {}, {}, {Drop: 1}}
	if leader { // the scope's best min(a, cap), which the points are relative to
		t.Headers = append(t.Headers[:9], append([]string{l.Leader}, t.Headers[9:]...)...)
		t.Decimals = append(t.Decimals[:9], append([]int{0}, t.Decimals[9:]...)...)
		t.Fits = append(t.Fits[:9], append([]render.Fit{{}}, t.Fits[9:]...)...)
	}
	say := i18n.SpeakerFor(lang, s.c)
	percent := func(r float64) render.Numeric { return render.Numeric(render.Number(r*100, 2, lang) + "%") }
	var notes []string
	for i, k := range u.KPIs {
		kpi := s.c.KPIs[i]
		formula := i18n.T(lang, i18n.FormulaHigher)
		if kpi.LowerIsBetter() {
			formula = i18n.T(lang, i18n.FormulaLower)
		}
		figure := func(p *float64) any {
			if p == nil {
				return ""
			}
			return render.Numeric(view.FigureText(kpi, *p, lang))
		}
		toDate, annual := any(percent(k.ToDate)), any(percent(k.AnnualAttainment))
		note := view.OnTrackText(k, l)
		if k.Missing {
			toDate, annual = "0 ("+l.Missing+")", "0"
		}
		if k.NoTarget {
			toDate, annual = "0 ("+l.NoTarget+")", "0"
		}
		row := []any{kpi.Label(), figure(k.Actual), figure(k.Target), figure(k.TargetToDate), figure(k.Baseline), toDate, annual, formula,
			percent(k.Capped), k.Weight, k.Points, note}
		if leader {
			lead := any("")
			if k.Leader != nil {
				lead = percent(*k.Leader)
			}
			row = append(row[:9], append([]any{lead}, row[9:]...)...)
		}
		t.Rows = append(t.Rows, row)
		if k.Carried(s.res.Period) {
			notes = append(notes, i18n.T(lang, i18n.CarriedFigure, kpi.Label(), k.AsOf.Month, s.res.Period.Month))
		}
	}
	if err := t.Write(w, "table"); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	basis := l.ToDate
	if s.c.ScoreBasis == campaign.BasisAnnual {
		basis = l.Annual
	}
	formula := fmt.Sprintf("Σ %s × min(%s, %s)", l.Weight, strings.ToLower(l.Attainment), strings.ToLower(l.CapCol))
	if leader {
		formula += " / " + l.Leader
	}
	sum := render.Number(u.Score, 4, lang)
	for _, a := range u.Adjustments {
		if a.KPI != "" {
			fmt.Fprintln(w, i18n.T(lang, i18n.AdjustLineKPI, view.SignedPoints(a.Points, lang), a.Reason, a.ID, i18n.PeriodIn(a.Period, lang), say.KPI(a.KPI)))
		} else {
			fmt.Fprintln(w, i18n.T(lang, i18n.AdjustLine, view.SignedPoints(a.Points, lang), a.Reason, a.ID, i18n.PeriodIn(a.Period, lang)))
		}
	}
	if at := u.AdjustmentTotal; at.BonusCapped {
		fmt.Fprintln(w, i18n.T(lang, i18n.BonusAtBound, i18n.Points(at.Bonus, lang), i18n.Points(*at.MaxBonus, lang)))
	}
	if at := u.AdjustmentTotal; at.PenaltyCapped {
		fmt.Fprintln(w, i18n.T(lang, i18n.PenaltyAtBound, i18n.Points(at.Penalty, lang), i18n.Points(*at.MaxPenalty, lang)))
	}
	if len(u.Adjustments) > 0 {
		formula += " + " + strings.ToLower(l.Adjustment)
		sum = render.Number(u.KPIPoints(), 4, lang) + " " + signedSpaced(u.Adjustment, lang) + " = " + sum
	}
	fmt.Fprintf(w, "%s = %s = %s (%s); %s %d/%d\n", l.Score, formula, sum,
		i18n.T(lang, i18n.ScoreBasisLine, basis), l.Attained, u.KPIsAttained, len(u.KPIs))
	if u.Excluded != nil {
		fmt.Fprintf(w, "✗ %s\n", i18n.T(lang, i18n.ExcludedFrom, i18n.PeriodIn(u.Excluded.Period, lang), u.Excluded.Reason))
	}
	for _, v := range sl.Verdicts[u.Code] {
		mark := "✗"
		if v.Awarded {
			mark = "✓"
		}
		fmt.Fprintf(w, "%s %s\n", mark, say.Verdict(v))
	}
	for _, fa := range sl.FieldAwards {
		if fa.Code == u.Code {
			fmt.Fprintf(w, "✓ %s\n", i18n.T(lang, i18n.TierReasons, s.c.FieldAwards.Name, say.FieldAward(fa)))
		}
	}
	for _, n := range sl.Nominations {
		if n.Unit != u.Code {
			continue
		}
		mark, why := "✗", say.Reasons(n.Reasons())
		if n.Passed {
			mark = "✓"
			if why == "" {
				why = i18n.T(lang, i18n.NominationPasses)
			}
		}
		fmt.Fprintf(w, "%s %s — %s: %s\n", mark, n.Name, n.TitleName, why)
	}
	return nil
}

// signedSpaced writes points as a term of a sum: "+ 5", "− 1,5".
func signedSpaced(v float64, lang string) string {
	if v < 0 {
		return "− " + i18n.Points(-v, lang)
	}
	return "+ " + i18n.Points(v, lang)
}
