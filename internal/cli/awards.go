package cli

import (
	"context"

	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/score"
	"github.com/bhxh/kpi/internal/view"
	"github.com/spf13/cobra"
)

// AwardsOptions are the options of kpi awards.
type AwardsOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	scoringFlags
	// Projected: the shortlist if the year ended on today's trend
	Projected bool
}

// NewCmdAwards builds kpi awards; runF, when not nil, runs instead of
// awardsRun (for tests of the flags).
func NewCmdAwards(f *Factory, runF func(*AwardsOptions) error) *cobra.Command {
	opts := &AwardsOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:   "awards",
		Short: "The award shortlist (Cờ thi đua, Bằng khen, Giấy khen) and who missed why",
		Long: `Apply the campaign's award rules as of a period. Tiers are applied in the
campaign's order and a unit gets at most one (defaults, editable in the
campaign YAML):
  Cờ thi đua  first in its cluster, every KPI attained, score ≥ 105
  Bằng khen   every KPI attained, score ≥ 100, at most 30 % of units
              (rounded down, at least 1), in rank order
  Giấy khen   score ≥ 95 and no KPI attainment below 90 %
Field awards (xuất sắc trên từng lĩnh vực): per KPI, the unit with the
highest attainment among those that attained it.
A unit excluded from awards (kpi exclude) gets none, keeps its rank and is
listed with the reason. The individuals the units nominated (kpi nominate)
are listed as passing their title's conditions or not, and why.
Each shortlisted unit carries its reason; --explain CODE shows one unit's
whole computation — with the council's points and their reasons — and why
it did or did not get each tier.
--projected gives the forecast (dự kiến): the shortlist if the year ended
on today's trend, the rules applied to each KPI's projected attainment.`,
		Example: `  kpi awards
  kpi awards --period 2024-12 --format markdown
  kpi awards --explain H07
  kpi awards --projected`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return awardsRun(cmd.Context(), opts)
		},
	}
	opts.bind(cmd)
	cmd.Flags().BoolVar(&opts.Projected, "projected", false, "the forecast (dự kiến): the shortlist if the year ended on today's trend")
	return cmd
}

func awardsRun(ctx context.Context, opts *AwardsOptions) error {
	s, err := loadStanding(ctx, opts.Workspace, opts.Period)
	if err != nil {
		return err
	}
	if opts.Projected {
		s.res = score.Projected(s.c, s.res)
	}
	sl := s.shortlist()
	w := opts.IO.Out
	if opts.Explain != "" {
		return explain(w, s, sl, opts.Explain, opts.Lang, opts.IO.TableWidth())
	}
	units, err := inCluster(s.res.Units, opts.Cluster)
	if err != nil {
		return err
	}
	r := s.res
	r.Units = units
	a := view.NewAwards(s.c, r, sl, opts.Lang)
	if opts.Projected {
		a.Forecast()
	}
	if opts.Cluster != "" {
		a.InCluster()
	}
	if opts.Format == "json" {
		return render.JSON(w, a.JSON())
	}
	return render.Awards(w, a, opts.Format, opts.IO.Screen())
}
