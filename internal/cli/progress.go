package cli

import (
	"context"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/view"
	"github.com/spf13/cobra"
)

// ProgressOptions are the options of kpi progress.
type ProgressOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	scoringFlags
	KPI string
}

// NewCmdProgress builds kpi progress; runF, when not nil, runs instead of
// progressRun (for tests of the flags).
func NewCmdProgress(f *Factory, runF func(*ProgressOptions) error) *cobra.Command {
	opts := &ProgressOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:   "progress",
		Short: "The ranked progress table (bảng tiến độ, xếp hạng)",
		Long: `Rank every unit as of a period and show, per KPI, its attainment (tỷ lệ
đạt) with a mark: ✓ attained, ▼ below the on-track line, — no data,
? no target. Formulas (see README "Scoring"):
  attainment a = A/T (higher is better) or T/A (lower is better)
  points       = weight × min(a, cap)        (method capped; under method
                 leader divided by the cluster's or province's best)
  score        = Σ points + bonus − penalty  (the council's, kpi adjust;
                 100 = exactly on every target when there are none)
  rank         = by score (2 decimals), then KPIs attained, then unit code
The Cộng/trừ column shows the council's points once any count, and a unit
excluded from awards (kpi exclude) is marked with the reason.
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
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return progressRun(cmd.Context(), opts)
		},
	}
	opts.bind(cmd)
	cmd.Flags().StringVar(&opts.KPI, "kpi", "", "show one KPI in detail")
	return cmd
}

func progressRun(ctx context.Context, opts *ProgressOptions) error {
	s, err := loadStanding(ctx, opts.Workspace, opts.Period)
	if err != nil {
		return err
	}
	w := opts.IO.Out
	if opts.Explain != "" {
		return explain(w, s, s.shortlist(), opts.Explain, opts.Lang, opts.IO.TableWidth())
	}
	units, err := inCluster(s.res.Units, opts.Cluster)
	if err != nil {
		return err
	}
	r := s.res
	r.Units = units
	if opts.KPI != "" {
		if _, ok := s.c.KPI(opts.KPI); !ok {
			return usageError{i18n.Errorf(i18n.NoKPI, opts.KPI, s.c.Code)}
		}
		d := view.NewDetail(s.c, r, opts.Lang, opts.KPI)
		if opts.Format == "json" {
			return render.JSON(w, d.JSON())
		}
		return render.Detail(w, d, opts.Format, opts.IO.Screen())
	}
	p := view.NewProgress(s.c, r, opts.Lang)
	if opts.Cluster != "" && len(units) > 0 {
		p = p.InCluster(units[0].Cluster)
	}
	if opts.Format == "json" {
		return render.JSON(w, p.JSON())
	}
	paint := opts.IO.ColorScheme().Paint()
	if paint != nil && opts.Format == "table" {
		// render shows the text visible and colours it: the colours go
		// out as they are
		w = opts.IO.colorOut()
	}
	return render.Progress(w, p, opts.Format, render.Options{Paint: paint, Width: opts.IO.TableWidth()})
}
