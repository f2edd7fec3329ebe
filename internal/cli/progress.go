package cli

import (
	"context"
	"fmt"
	"github.com/bhxh/kpi/internal/i18n"
	"io"

	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/score"
	"github.com/spf13/cobra"
)

type progressOptions struct {
	f *Factory
	scoringFlags
	KPI string
}

func newProgressCmd(f *Factory) *cobra.Command {
	opts := &progressOptions{f: f}
	cmd := &cobra.Command{
		Use:   "progress",
		Short: "The ranked progress table (bảng tiến độ, xếp hạng)",
		Long: `Rank every unit as of a period and show, per KPI, its attainment (tỷ lệ
đạt) with a mark: ✓ attained, ▼ below the on-track line, — no data,
? no target. Formulas (see README "Scoring"):
  attainment a = A/T (higher is better) or T/A (lower is better)
  score        = Σ weight × min(a, cap)      (100 = exactly on every target)
  rank         = by score (2 decimals), then KPIs attained, then unit code
--kpi CODE shows one KPI in detail for every unit: actual A, target T,
baseline B, attainment, the on-track line, the year-end projection.

JSON (--format json) is the machine interface: English keys, unrounded
numbers, null for absent values.`,
		Example: `  kpi progress
  kpi progress --period 2024-06 --cluster "Cụm 2"
  kpi progress --kpi thu
  kpi progress --explain H04
  kpi progress --format json > tiendo.json`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error { return progressRun(cmd.Context(), opts) },
	}
	opts.bind(cmd)
	cmd.Flags().StringVar(&opts.KPI, "kpi", "", "show one KPI in detail")
	return cmd
}

func progressRun(ctx context.Context, opts *progressOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	s, err := loadStanding(ctx, opts.f, opts.Period)
	if err != nil {
		return err
	}
	w := opts.f.IO.Out
	if opts.Explain != "" {
		return explain(w, s, score.Awards(s.c, s.res), opts.Explain, opts.Lang)
	}
	units, err := inCluster(s.res.Units, opts.Cluster)
	if err != nil {
		return err
	}
	kpiIdx := -1
	if opts.KPI != "" {
		for i, k := range s.c.KPIs {
			if k.Code == opts.KPI {
				kpiIdx = i
			}
		}
		if kpiIdx < 0 {
			return usageError{fmt.Errorf("no KPI %q in campaign %s", opts.KPI, s.c.Code)}
		}
	}
	if opts.Format == "json" {
		out := s.res
		out.Units = units
		if kpiIdx >= 0 {
			out.Units = make([]score.UnitResult, len(units))
			for i, u := range units {
				u.KPIs = []score.KPIResult{u.KPIs[kpiIdx]}
				out.Units[i] = u
			}
		}
		return render.JSON(w, out)
	}
	l := i18n.For(opts.Lang)
	if opts.Format == "table" {
		fmt.Fprintf(w, "%s %s — %s %s (%d/12)\n", l.ProgressTitle, s.c.Code, l.Period, s.res.Period, s.res.MonthsElapsed)
	}
	if kpiIdx >= 0 {
		return writeKPIDetail(w, s, units, kpiIdx, opts.Format, opts.Lang, l)
	}
	color := opts.Format == "table" && opts.f.IO.ColorOut()
	t := &render.Table{Lang: opts.Lang,
		Headers:  []string{l.Rank, l.Code, l.Unit, l.Cluster, l.Score, l.Attained},
		Decimals: []int{0, 0, 0, 0, 2, 0}}
	for _, k := range s.c.KPIs {
		t.Headers = append(t.Headers, k.Code)
	}
	t.Headers = append(t.Headers, l.LastReport)
	for _, u := range units {
		row := []any{u.Rank, u.Code, u.Name, u.Cluster, u.Score, fmt.Sprintf("%d/%d", u.KPIsAttained, len(u.KPIs))}
		for _, k := range u.KPIs {
			row = append(row, attainmentCell(k, opts.Format, opts.Lang, color))
		}
		last := "—"
		if u.LastReport != nil {
			last = u.LastReport.String()
		}
		if u.Stale {
			last += " (" + l.Stale + ")"
		}
		row = append(row, last)
		t.Rows = append(t.Rows, row)
	}
	if opts.Format == "csv" {
		return writeProgressCSV(w, s, units)
	}
	if err := t.Write(w, opts.Format); err != nil {
		return err
	}
	if opts.Format == "table" {
		fmt.Fprintln(w, l.Legend)
	}
	return nil
}

// attainmentCell shows a KPI's attainment as a percentage with its mark;
// on a colour terminal green when attained, red below the on-track line.
func attainmentCell(k score.KPIResult, format, lang string, color bool) string {
	switch {
	case k.Missing:
		return "—"
	case k.NoTarget:
		return "?"
	}
	s := render.Number(k.Attainment*100, 1, lang) + "%"
	mark := ""
	switch {
	case k.Attained:
		mark = " ✓"
	case k.OnTrack != nil && !*k.OnTrack:
		mark = " ▼"
	}
	s += mark
	if color {
		switch mark {
		case " ✓":
			s = "\x1b[32m" + s + "\x1b[0m"
		case " ▼":
			s = "\x1b[31m" + s + "\x1b[0m"
		}
	}
	return s
}

// writeProgressCSV writes plain numbers: the attainment ratio per KPI.
func writeProgressCSV(w io.Writer, s *standing, units []score.UnitResult) error {
	t := &render.Table{Headers: []string{"rank", "cluster_rank", "code", "name", "cluster", "score", "kpis_attained", "last_report", "stale"}}
	for _, k := range s.c.KPIs {
		t.Headers = append(t.Headers, k.Code)
	}
	for _, u := range units {
		last := ""
		if u.LastReport != nil {
			last = u.LastReport.String()
		}
		row := []any{u.Rank, u.ClusterRank, u.Code, u.Name, u.Cluster, u.Score, u.KPIsAttained, last, fmt.Sprint(u.Stale)}
		for _, k := range u.KPIs {
			if k.Missing || k.NoTarget {
				row = append(row, nil)
			} else {
				row = append(row, k.Attainment)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t.Write(w, "csv")
}

func writeKPIDetail(w io.Writer, s *standing, units []score.UnitResult, i int, format, lang string, l i18n.Labels) error {
	k := s.c.KPIs[i]
	t := &render.Table{Lang: lang,
		Headers:  []string{l.Rank, l.Code, l.Unit, l.Actual, l.Target, l.Baseline, l.Attainment, l.Expected, l.OnTrack, l.Projected, l.ProjectedAttainment},
		Decimals: []int{0, 0, 0, 2, 2, 2, 4, 2, 0, 2, 4}}
	if format != "csv" {
		t.Decimals = []int{0, 0, 0, 2, 2, 2, 0, 2, 0, 2, 0}
	}
	for _, u := range units {
		kr := u.KPIs[i]
		var a, pa any = kr.Attainment, kr.ProjectedAttainment
		if format != "csv" {
			a = pct(&kr.Attainment, lang)
			pa = pct(kr.ProjectedAttainment, lang)
			if kr.Missing || kr.NoTarget {
				a = "—"
			}
		}
		var expected any = kr.Expected
		if kr.Expected != nil && k.Kind == "flow" && format != "csv" {
			expected = pct(kr.Expected, lang)
		}
		t.Rows = append(t.Rows, []any{u.Rank, u.Code, u.Name, kr.Actual, kr.Target, kr.Baseline, a, expected, onTrackText(kr, l), kr.Projected, pa})
	}
	if format == "table" {
		fmt.Fprintf(w, "%s — %s (%s, %s)\n", k.Code, k.Name, k.Unit, k.Kind)
	}
	return t.Write(w, format)
}

func pct(v *float64, lang string) any {
	if v == nil {
		return nil
	}
	return render.Number(*v*100, 1, lang) + "%"
}
