package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
	"github.com/bhxh/kpi/internal/store"
	"github.com/spf13/cobra"
)

// NewCmdAdjust builds kpi adjust and its subcommands.
func NewCmdAdjust(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "adjust",
		Short: "Bonus and penalty points (điểm cộng / điểm trừ) the council gives a unit",
		Long: `The emulation council adds bonus points (điểm cộng: a national-level
commendation, an initiative adopted) and deducts penalty points (điểm trừ: a
complaint upheld, a late report). Each adjustment counts from its period on:
  score = Σ KPI points + bonus − penalty
where the bonus (the positive points summed) counts at most the campaign's
adjustments.max_bonus and the penalty at most adjustments.max_penalty (5 and
10 in the default campaign); the tables say when a total was capped.

Every adjustment and its removal is kept, with its reason, in the audit log
(kpi log); a removed adjustment stays listed with --all.`,
		Example: `  kpi adjust add H04 --points 2 --reason "Bằng khen của Thủ tướng" --period 2024-09
  kpi adjust add H07 --points -1 --reason "nộp báo cáo tháng 5 chậm" --kpi thu
  kpi adjust list --unit H04
  kpi adjust remove 3 --reason "ghi nhầm đơn vị"`,
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
		Use:   "add CODE --points ±N --reason TEXT",
		Short: "Give a unit bonus (+N) or penalty (-N) points, with the reason",
		Long: `Give unit CODE bonus points (--points 2) or penalty points (--points -1,5)
with the reason. It counts from --period on (default: the latest month with
reports); --kpi names the KPI it is about, if any (shown beside it; the
points count in the unit's total all the same).`,
		Example: `  kpi adjust add H04 --points 2 --reason "Bằng khen của Thủ tướng" --period 2024-09
  kpi adjust add H07 --points -1 --reason "nộp báo cáo tháng 5 chậm" --kpi thu`,
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
	cmd.Flags().StringVar(&points, "points", "", "points: +N a bonus (điểm cộng), -N a penalty (điểm trừ)")
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why (kept in the audit log)")
	cmd.Flags().StringVar(&opts.Period, "period", "", "counts from this month YYYY-MM on (default: the latest month with reports)")
	cmd.Flags().StringVar(&opts.KPI, "kpi", "", "the KPI the adjustment is about, if any")
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
	kind := "điểm cộng"
	if a.Points < 0 {
		kind = "điểm trừ"
	}
	fmt.Fprintf(opts.IO.ErrOut, "✓ đã ghi %s #%d: %s %s %s điểm, tính từ kỳ %s — %s\n", kind, id, u.Code, u.Name, signedPoints(a.Points), p, a.Reason)
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
	if a.BonusCapped {
		fmt.Fprintf(io.ErrOut, "cảnh báo: điểm cộng của %s cộng lại là %s điểm, quá mức tối đa %s của phong trào (adjustments.max_bonus): chỉ tính %s\n",
			unit, i18n.Points(a.Bonus, "vi"), i18n.Points(*a.MaxBonus, "vi"), i18n.Points(*a.MaxBonus, "vi"))
	}
	if a.PenaltyCapped {
		fmt.Fprintf(io.ErrOut, "cảnh báo: điểm trừ của %s cộng lại là %s điểm, quá mức tối đa %s của phong trào (adjustments.max_penalty): chỉ trừ %s\n",
			unit, i18n.Points(a.Penalty, "vi"), i18n.Points(*a.MaxPenalty, "vi"), i18n.Points(*a.MaxPenalty, "vi"))
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
		Use:   "list",
		Short: "List the adjustments in force (--all: the removed ones too)",
		Long: `List the bonus and penalty points in force: number, unit, points, the
period they count from, the KPI they are about, the reason, when recorded.
--all adds the removed ones, with when and why. JSON: [{"id", "unit",
"points", "reason", "period", "kpi", "added", "removed": null or {"at",
"reason"}}].`,
		Example: "  kpi adjust list\n  kpi adjust list --unit H04 --all --format json",
		Args:    exactArgs(0),
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
	cmd.Flags().StringVar(&opts.Unit, "unit", "", "only this unit's")
	cmd.Flags().BoolVar(&opts.All, "all", false, "the removed adjustments too")
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func adjustListRun(ctx context.Context, opts *AdjustListOptions) error {
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	unit := ""
	if opts.Unit != "" {
		u, err := resolveUnit(ctx, st, opts.Unit)
		if err != nil {
			return err
		}
		unit = u.Code
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
	t := &render.Table{Headers: []string{"#", "Mã", "Điểm", "Từ kỳ", "Chỉ tiêu", "Lý do", "Ghi lúc"}, Decimals: []int{0, 0, 2}}
	if opts.All {
		t.Headers = append(t.Headers, "Đã bỏ lúc", "Lý do bỏ")
	}
	for _, a := range list {
		points := any(a.Points)
		if opts.Format != "csv" {
			points = signedPoints(a.Points)
		}
		row := []any{a.ID, a.Unit, points, a.Period.String(), a.KPI, a.Reason, when(a.Added)}
		if opts.All {
			row = append(row, removedCells(a.Removed)...)
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
		Use:   "remove ID --reason TEXT",
		Short: "Withdraw an adjustment (it stays in the record, marked removed)",
		Long: `Withdraw adjustment ID (see kpi adjust list): it no longer counts. Nothing
is deleted: the adjustment stays in kpi adjust list --all and the audit log
with when and why it was removed.`,
		Example: `  kpi adjust remove 3 --reason "ghi nhầm đơn vị"`,
		Args:    exactArgs(1),
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
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why (kept in the audit log)")
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
	fmt.Fprintf(opts.IO.ErrOut, "✓ đã bỏ điểm cộng/trừ #%d (%s %s điểm từ kỳ %s): %s\n", a.ID, a.Unit, signedPoints(a.Points), a.Period, opts.Reason)
	return nil
}
