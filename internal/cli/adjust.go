package cli

import (
	"context"
	"errors"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
	"github.com/bhxh/kpi/internal/store"
	"github.com/bhxh/kpi/internal/view"
	"github.com/spf13/cobra"
)

// NewCmdAdjust builds kpi adjust and its subcommands.
func NewCmdAdjust(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use: "adjust",
	}
	cmd.AddCommand(NewCmdAdjustAdd(f, nil), NewCmdAdjustList(f, nil), NewCmdAdjustRemove(f, nil))
	return cmd
}

// AdjustAddOptions are the options of kpi adjust add.
type AdjustAddOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Unit   string
	Points float64
	Reason string
	Period string
	KPI    string
}

// NewCmdAdjustAdd builds kpi adjust add; runF, when not nil, runs instead
// of adjustAddRun (for tests of the flags).
func NewCmdAdjustAdd(f *Factory, runF func(*AdjustAddOptions) error) *cobra.Command {
	opts := &AdjustAddOptions{IO: f.IO, Workspace: f.Workspace()}
	var points string
	cmd := &cobra.Command{
		Use:  "add CODE --points ±N --reason TEXT",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Unit = args[0]
			var err error
			if opts.Points, err = parsePoints(points); err != nil {
				return err
			}
			if err := checkReason(opts.Reason); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return adjustAddRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&points, "points", "", "")
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "")
	cmd.Flags().StringVar(&opts.Period, "period", "", "")
	cmd.Flags().StringVar(&opts.KPI, "kpi", "", "")
	return cmd
}

func adjustAddRun(ctx context.Context, opts *AdjustAddOptions) error {
	st, c, err := opts.Workspace.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := resolveUnit(ctx, st, opts.Unit)
	if err != nil {
		return err
	}
	if opts.KPI != "" {
		if _, ok := c.KPI(opts.KPI); !ok {
			return usageError{i18n.Errorf(i18n.NoKPI, opts.KPI, c.Code)}
		}
	}
	p, err := entryPeriod(ctx, st, c, opts.Period)
	if err != nil {
		return err
	}
	a := campaign.Adjustment{Unit: u.Code, Points: opts.Points, Reason: opts.Reason, Period: p, KPI: opts.KPI}
	id, err := st.AddAdjustment(ctx, a)
	if err != nil {
		return err
	}
	lang := opts.IO.Lang
	kind := i18n.M(i18n.Bonus)
	if a.Points < 0 {
		kind = i18n.M(i18n.Penalty)
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.AdjustAdded, kind, id, u.Code, u.Name, view.SignedPoints(a.Points, lang), i18n.InPeriod(p), a.Reason)
	all, err := st.Adjustments(ctx, u.Code, false)
	if err != nil {
		return err
	}
	warnBounds(opts.IO, u.Code, score.AdjustmentAt(c.Adjustments, all, u.Code, report.Period{Year: c.Year, Month: 12}))
	return nil
}

// warnBounds says when a unit's adjustments of the year add up past the
// campaign's bounds: the total is capped.
func warnBounds(io *IOStreams, unit string, a score.Adjustment) {
	lang := io.Lang
	if a.BonusCapped {
		io.tell(io.ErrOut, i18n.BonusPastBound, unit, i18n.Points(a.Bonus, lang), i18n.Points(*a.MaxBonus, lang), i18n.Points(*a.MaxBonus, lang))
	}
	if a.PenaltyCapped {
		io.tell(io.ErrOut, i18n.PenaltyPastBound, unit, i18n.Points(a.Penalty, lang), i18n.Points(*a.MaxPenalty, lang), i18n.Points(*a.MaxPenalty, lang))
	}
}

// AdjustListOptions are the options of kpi adjust list.
type AdjustListOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Unit   string
	All    bool
	Format string
}

// NewCmdAdjustList builds kpi adjust list; runF, when not nil, runs
// instead of adjustListRun (for tests of the flags).
func NewCmdAdjustList(f *Factory, runF func(*AdjustListOptions) error) *cobra.Command {
	opts := &AdjustListOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "list",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return adjustListRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Unit, "unit", "", "")
	cmd.Flags().BoolVar(&opts.All, "all", false, "")
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func adjustListRun(ctx context.Context, opts *AdjustListOptions) error {
	st, c, err := opts.Workspace.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	unit, err := unitFilter(ctx, st, opts.Unit)
	if err != nil {
		return err
	}
	list, err := st.Adjustments(ctx, unit, opts.All)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		if list == nil {
			list = []campaign.Adjustment{}
		}
		return render.JSON(opts.IO.Out, list)
	}
	l := i18n.For(opts.IO.Lang)
	t := &render.Table{Lang: opts.IO.Lang, Headers: []string{"#", l.Code, l.Score, l.FromPeriod, l.KPI, l.Reason, l.Recorded}, Decimals: []int{0, 0, 2}}
	if opts.All {
		t.Headers = append(t.Headers, l.RemovedAt, l.RemovedWhy)
	}
	for _, a := range list {
		points := any(a.Points)
		if opts.Format != "csv" {
			points = view.SignedPoints(a.Points, opts.IO.Lang)
		}
		kpi := a.KPI
		if k, ok := c.KPI(a.KPI); ok && opts.Format != "csv" {
			kpi = k.Label()
		}
		row := []any{a.ID, a.Unit, points, period(a.Period.String(), opts.Format, opts.IO.Lang), kpi, a.Reason, when(a.Added, opts.Format, opts.IO.Lang)}
		if opts.All {
			row = append(row, removedCells(a.Removed, opts.Format, opts.IO.Lang)...)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Width = opts.IO.TableWidth()
	return t.Write(opts.IO.Out, opts.Format)
}

// AdjustRemoveOptions are the options of kpi adjust remove.
type AdjustRemoveOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	ID     int64
	Reason string
}

// NewCmdAdjustRemove builds kpi adjust remove; runF, when not nil, runs
// instead of adjustRemoveRun (for tests of the flags).
func NewCmdAdjustRemove(f *Factory, runF func(*AdjustRemoveOptions) error) *cobra.Command {
	opts := &AdjustRemoveOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "remove ID --reason TEXT",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.ID, err = parseID(args[0], "kpi adjust list"); err != nil {
				return err
			}
			if err := checkReason(opts.Reason); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return adjustRemoveRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "")
	return cmd
}

func adjustRemoveRun(ctx context.Context, opts *AdjustRemoveOptions) error {
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := st.RemoveAdjustment(ctx, opts.ID, opts.Reason)
	if errors.Is(err, store.ErrNoAdjustment) {
		return i18n.Errorf(i18n.NoAdjustment, opts.ID)
	}
	if err != nil {
		return saidRemoved(err)
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.AdjustRemoved, a.ID, a.Unit, view.SignedPoints(a.Points, opts.IO.Lang), i18n.InPeriod(a.Period), opts.Reason)
	return nil
}
