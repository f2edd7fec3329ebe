package cli

import (
	"context"
	"fmt"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
	"github.com/bhxh/kpi/internal/view"
	"github.com/spf13/cobra"
)

// UnitOptions are the options of kpi unit.
type UnitOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Code   string
	Format string
}

// NewCmdUnit builds kpi unit; runF, when not nil, runs instead of unitRun
// (for tests of the flags).
func NewCmdUnit(f *Factory, runF func(*UnitOptions) error) *cobra.Command {
	opts := &UnitOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "unit CODE",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return unitRun(cmd.Context(), opts)
		},
	}
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func unitRun(ctx context.Context, opts *UnitOptions) error {
	st, c, err := opts.Workspace.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	units, err := st.Units(ctx)
	if err != nil {
		return err
	}
	u := findUnit(units, opts.Code)
	if u == nil {
		return usageError{i18n.Errorf(i18n.NoUnit, opts.Code)}
	}
	obs, err := st.Observations(ctx, c.Year, "")
	if err != nil {
		return err
	}
	prior, err := st.Observations(ctx, c.Year-1, "")
	if err != nil {
		return err
	}
	reps, err := st.UnitReports(ctx, c.Year, u.Code)
	if err != nil {
		return err
	}
	adjs, excls, _, err := council(ctx, st)
	if err != nil {
		return err
	}
	latest := report.Period{}
	for _, o := range obs {
		if latest.Before(o.Period) {
			latest = o.Period
		}
	}
	var months []view.UnitMonth
	for m := 1; !latest.IsZero() && m <= latest.Month; m++ {
		p := report.Period{Year: c.Year, Month: m}
		res := score.Compute(score.Input{Campaign: c, Units: units, Observations: obs, Prior: prior, Period: p,
			Adjustments: adjs, Exclusions: excls})
		um := view.UnitMonth{Period: p}
		for _, ur := range res.Units {
			if ur.Code == u.Code {
				um.Standing = ur
			}
		}
		for _, r := range reps {
			if r.Period != p.String() {
				continue
			}
			if r.ReplacedBy == 0 {
				um.Values, um.ImportID, um.File = r.Values, r.ImportID, r.File
			} else {
				um.Replaced = append(um.Replaced, view.ReplacedReport{ImportID: r.ImportID, Values: r.Values})
			}
		}
		months = append(months, um)
	}
	y := view.NewUnitYear(c, *u, months, opts.IO.Lang)
	if opts.Format == "json" {
		return render.JSON(opts.IO.Out, y.JSON())
	}
	if opts.Format == "table" || opts.Format == "" {
		fmt.Fprintln(opts.IO.Out, y.Title)
	}
	return render.View(opts.IO.Out, y.Table, opts.Format, opts.IO.Screen())
}
