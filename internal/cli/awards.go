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
		Use:  "awards",
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
	cmd.Flags().BoolVar(&opts.Projected, "projected", false, "")
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
		return explain(w, s, sl, opts.Explain, opts.IO.Lang, opts.IO.TableWidth())
	}
	units, err := inCluster(s.res.Units, opts.Cluster)
	if err != nil {
		return err
	}
	r := s.res
	r.Units = units
	a := view.NewAwards(s.c, r, sl, opts.IO.Lang)
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
