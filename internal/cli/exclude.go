package cli

import (
	"context"
	"errors"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/store"
	"github.com/spf13/cobra"
)

// ExcludeOptions are the options of kpi exclude.
type ExcludeOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Unit   string
	Reason string
	Period string
}

// NewCmdExclude builds kpi exclude and its subcommands; runF, when not
// nil, runs instead of excludeRun (for tests of the flags).
func NewCmdExclude(f *Factory, runF func(*ExcludeOptions) error) *cobra.Command {
	opts := &ExcludeOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "exclude CODE --reason TEXT",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Unit = args[0]
			if err := checkReason(opts.Reason); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return excludeRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "")
	cmd.Flags().StringVar(&opts.Period, "period", "", "")
	cmd.AddCommand(NewCmdExcludeRemove(f, nil), NewCmdExcludeList(f, nil))
	return cmd
}

func excludeRun(ctx context.Context, opts *ExcludeOptions) error {
	st, c, err := opts.Workspace.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := resolveUnit(ctx, st, opts.Unit)
	if err != nil {
		return err
	}
	p, err := entryPeriod(ctx, st, c, opts.Period)
	if err != nil {
		return err
	}
	_, err = st.Exclude(ctx, campaign.Exclusion{Unit: u.Code, Reason: opts.Reason, Period: p})
	var ee *store.ExcludedError
	if errors.As(err, &ee) {
		return i18n.Errorf(i18n.AlreadyExcluded, u.Code, i18n.InPeriod(ee.Exclusion.Period), ee.Exclusion.Reason, u.Code)
	}
	if err != nil {
		return err
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.Excluding, u.Code, u.Name, i18n.InPeriod(p), opts.Reason)
	return nil
}

// ExcludeRemoveOptions are the options of kpi exclude remove.
type ExcludeRemoveOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Unit   string
	Reason string
}

// NewCmdExcludeRemove builds kpi exclude remove; runF, when not nil, runs
// instead of excludeRemoveRun (for tests of the flags).
func NewCmdExcludeRemove(f *Factory, runF func(*ExcludeRemoveOptions) error) *cobra.Command {
	opts := &ExcludeRemoveOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "remove CODE --reason TEXT",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Unit = args[0]
			if err := checkReason(opts.Reason); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return excludeRemoveRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "")
	return cmd
}

func excludeRemoveRun(ctx context.Context, opts *ExcludeRemoveOptions) error {
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := resolveUnit(ctx, st, opts.Unit)
	if err != nil {
		return err
	}
	e, err := st.RemoveExclusion(ctx, u.Code, opts.Reason)
	if errors.Is(err, store.ErrNotExcluded) {
		return i18n.Errorf(i18n.NotExcluded, u.Code)
	}
	if err != nil {
		return err
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.ExclusionLifted, u.Code, u.Name, i18n.InPeriod(e.Period), opts.Reason)
	return nil
}

// ExcludeListOptions are the options of kpi exclude list.
type ExcludeListOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	All    bool
	Format string
}

// NewCmdExcludeList builds kpi exclude list; runF, when not nil, runs
// instead of excludeListRun (for tests of the flags).
func NewCmdExcludeList(f *Factory, runF func(*ExcludeListOptions) error) *cobra.Command {
	opts := &ExcludeListOptions{IO: f.IO, Workspace: f.Workspace()}
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
			return excludeListRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.All, "all", false, "")
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func excludeListRun(ctx context.Context, opts *ExcludeListOptions) error {
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Exclusions(ctx, opts.All)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		if list == nil {
			list = []campaign.Exclusion{}
		}
		return render.JSON(opts.IO.Out, list)
	}
	l := i18n.For(opts.IO.Lang)
	t := &render.Table{Lang: opts.IO.Lang, Headers: []string{"#", l.Code, l.FromPeriod, l.Reason, l.Recorded}}
	if opts.All {
		t.Headers = append(t.Headers, l.RemovedAt, l.RemovedWhy)
	}
	for _, e := range list {
		row := []any{e.ID, e.Unit, period(e.Period.String(), opts.Format, opts.IO.Lang), e.Reason, when(e.Added, opts.Format, opts.IO.Lang)}
		if opts.All {
			row = append(row, removedCells(e.Removed, opts.Format, opts.IO.Lang)...)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Width = opts.IO.TableWidth()
	return t.Write(opts.IO.Out, opts.Format)
}
