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
		Use:  "progress",
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
	cmd.Flags().StringVar(&opts.KPI, "kpi", "", "")
	return cmd
}

func progressRun(ctx context.Context, opts *ProgressOptions) error {
	s, err := loadStanding(ctx, opts.Workspace, opts.Period)
	if err != nil {
		return err
	}
	w := opts.IO.Out
	if opts.Explain != "" {
		return explain(w, s, s.shortlist(), opts.Explain, opts.IO.Lang, opts.IO.TableWidth())
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
		d := view.NewDetail(s.c, r, opts.IO.Lang, opts.KPI)
		if opts.Format == "json" {
			return render.JSON(w, d.JSON())
		}
		return render.Detail(w, d, opts.Format, opts.IO.Screen())
	}
	p := view.NewProgress(s.c, r, opts.IO.Lang)
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
