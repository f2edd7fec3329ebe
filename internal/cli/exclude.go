package cli

import (
	"context"
	"errors"
	"fmt"

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
		Use:   "exclude CODE --reason TEXT",
		Short: "Exclude a unit from every award (không xét khen thưởng), with the reason",
		Long: `Exclude unit CODE from every award (không xét khen thưởng) — the tiers, the
field awards, and (where the title says not_excluded) its people's
individual titles — from --period on (default: the latest month with
reports): a disciplinary case. The unit
keeps its score and rank in every table and is listed under the units not
awarded with the reason.

kpi exclude remove CODE --reason TEXT lifts it; kpi exclude list shows who
is excluded. Both are kept in the audit log (kpi log).`,
		Example: `  kpi exclude H09 --reason "có cán bộ bị kỷ luật (QĐ 12/QĐ-BHXH)" --period 2024-10
  kpi exclude list
  kpi exclude remove H09 --reason "quyết định kỷ luật đã được huỷ"`,
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
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why (kept in the audit log and shown beside the unit)")
	cmd.Flags().StringVar(&opts.Period, "period", "", "from this month YYYY-MM on (default: the latest month with reports)")
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
		return i18n.Errorf(i18n.AlreadyExcluded, u.Code, ee.Exclusion.Period.String(), ee.Exclusion.Reason, u.Code)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "✓ %s %s không xét khen thưởng từ kỳ %s — %s\n", u.Code, u.Name, p, opts.Reason)
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
		Use:     "remove CODE --reason TEXT",
		Short:   "Lift a unit's exclusion from awards (it stays in the record)",
		Example: `  kpi exclude remove H09 --reason "quyết định kỷ luật đã được huỷ"`,
		Args:    exactArgs(1),
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
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why (kept in the audit log)")
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
	fmt.Fprintf(opts.IO.ErrOut, "✓ %s %s được xét khen thưởng trở lại (đã không xét từ kỳ %s): %s\n", u.Code, u.Name, e.Period, opts.Reason)
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
		Use:   "list",
		Short: "List the units excluded from awards (--all: the lifted exclusions too)",
		Long: `List the units excluded from awards: unit, from which period, the reason,
when recorded; --all adds the lifted ones with when and why. JSON: [{"id",
"unit", "reason", "period", "added", "removed": null or {"at", "reason"}}].`,
		Example: "  kpi exclude list\n  kpi exclude list --all --format json",
		Args:    exactArgs(0),
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
	cmd.Flags().BoolVar(&opts.All, "all", false, "the lifted exclusions too")
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
	t := &render.Table{Headers: []string{"#", "Mã", "Từ kỳ", "Lý do", "Ghi lúc"}}
	if opts.All {
		t.Headers = append(t.Headers, "Đã bỏ lúc", "Lý do bỏ")
	}
	for _, e := range list {
		row := []any{e.ID, e.Unit, e.Period.String(), e.Reason, when(e.Added)}
		if opts.All {
			row = append(row, removedCells(e.Removed)...)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Width = opts.IO.TableWidth()
	return t.Write(opts.IO.Out, opts.Format)
}
