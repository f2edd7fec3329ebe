package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/store"
	"github.com/spf13/cobra"
	"golang.org/x/text/unicode/norm"
)

// NewCmdNominate builds kpi nominate and its subcommands.
func NewCmdNominate(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "nominate",
		Short: "Individuals (cá nhân) the units propose for a title",
		Long: `Units propose people for the campaign's individual titles (in the default
campaign: Chiến sĩ thi đua cơ sở, Lao động tiên tiến). Each title has a
limit per unit (max_per_unit) and conditions on the unit (unit: all_attained,
min_score, min_attainment, not_excluded) in the campaign YAML; kpi awards
lists the nominations that pass and those that do not, and why, and kpi
export awards writes them on their own sheet.

Nominations and their withdrawal are kept in the audit log (kpi log).`,
		Example: `  kpi nominate add H04 --name "NGUYỄN VĂN AN" --title "Chiến sĩ thi đua cơ sở" --reason "sáng kiến thu BHXH tự nguyện"
  kpi nominate list
  kpi nominate remove 2 --reason "đơn vị rút đề nghị"`,
	}
	cmd.AddCommand(NewCmdNominateAdd(f, nil), NewCmdNominateList(f, nil), NewCmdNominateRemove(f, nil))
	return cmd
}

// NominateAddOptions are the options of kpi nominate add.
type NominateAddOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Unit   string
	Name   string
	Title  string
	Reason string
}

// NewCmdNominateAdd builds kpi nominate add; runF, when not nil, runs
// instead of nominateAddRun (for tests of the flags).
func NewCmdNominateAdd(f *Factory, runF func(*NominateAddOptions) error) *cobra.Command {
	opts := &NominateAddOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:   `add CODE --name "HỌ VÀ TÊN" --title TITLE --reason TEXT`,
		Short: "Record a person unit CODE proposes for an individual title",
		Long: `Record that unit CODE proposes the person --name for the individual title
--title (its name or code in the campaign, any case or accents), with the
reason. The same person for the same title twice is refused.`,
		Example: `  kpi nominate add H04 --name "NGUYỄN VĂN AN" --title "Chiến sĩ thi đua cơ sở" --reason "sáng kiến thu BHXH tự nguyện"
  kpi nominate add H04 --name "Trần Thị Bình" --title lao_dong_tien_tien --reason "hoàn thành xuất sắc nhiệm vụ"`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Unit = args[0]
			opts.Name = strings.Join(strings.Fields(norm.NFC.String(opts.Name)), " ")
			if opts.Name == "" {
				return usageError{i18n.Errorf(i18n.NameRequired)}
			}
			if err := checkReason(opts.Reason); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return nominateAddRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Name, "name", "", "the person's full name")
	cmd.Flags().StringVar(&opts.Title, "title", "", "the title: its name or code in the campaign")
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why the unit proposes them (kept in the audit log)")
	return cmd
}

func nominateAddRun(ctx context.Context, opts *NominateAddOptions) error {
	st, c, err := opts.Workspace.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	t, ok := c.TitleByText(opts.Title)
	if !ok {
		var names []string
		for _, t := range c.Titles {
			names = append(names, fmt.Sprintf("%q", t.Name))
		}
		return usageError{i18n.Errorf(i18n.NoTitle, c.Code, opts.Title, strings.Join(names, ", "))}
	}
	u, err := resolveUnit(ctx, st, opts.Unit)
	if err != nil {
		return err
	}
	n := campaign.Nomination{Unit: u.Code, Name: opts.Name, Title: t.Code, Reason: opts.Reason}
	id, err := st.AddNomination(ctx, n)
	var dup *store.DuplicateNominationError
	if errors.As(err, &dup) {
		return i18n.Errorf(i18n.DuplicateNomination, u.Code, dup.Nomination.Name, t.Name, dup.Nomination.ID)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "✓ đã ghi đề nghị #%d: %s — %s, %s %s — %s\n", id, n.Name, t.Name, u.Code, u.Name, n.Reason)
	if t.MaxPerUnit > 0 {
		mine, err := st.Nominations(ctx, u.Code, false)
		if err != nil {
			return err
		}
		same := 0
		for _, m := range mine {
			if m.Title == t.Code {
				same++
			}
		}
		if same > t.MaxPerUnit {
			fmt.Fprintf(opts.IO.ErrOut, "cảnh báo: %s có %d đề nghị %s, quá số suất %d mỗi đơn vị: các đề nghị ghi sau không đạt; rút bớt bằng kpi nominate remove ID --reason \"…\"\n",
				u.Code, same, t.Name, t.MaxPerUnit)
		}
	}
	return nil
}

// NominateListOptions are the options of kpi nominate list.
type NominateListOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Unit   string
	All    bool
	Format string
}

// NewCmdNominateList builds kpi nominate list; runF, when not nil, runs
// instead of nominateListRun (for tests of the flags).
func NewCmdNominateList(f *Factory, runF func(*NominateListOptions) error) *cobra.Command {
	opts := &NominateListOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the nominations (--all: the withdrawn ones too)",
		Long: `List the nominations as recorded: number, unit, name, title, reason, when
recorded; --all adds the withdrawn ones with when and why. Whether each
passes is kpi awards' to say. JSON: [{"id", "unit", "name", "title",
"reason", "added", "removed": null or {"at", "reason"}}].`,
		Example: "  kpi nominate list\n  kpi nominate list --unit H04 --format json",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return nominateListRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Unit, "unit", "", "only this unit's")
	cmd.Flags().BoolVar(&opts.All, "all", false, "the withdrawn nominations too")
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func nominateListRun(ctx context.Context, opts *NominateListOptions) error {
	st, c, err := opts.Workspace.Open(ctx)
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
	list, err := st.Nominations(ctx, unit, opts.All)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		if list == nil {
			list = []campaign.Nomination{}
		}
		return render.JSON(opts.IO.Out, list)
	}
	t := &render.Table{Headers: []string{"#", "Mã", "Họ và tên", "Danh hiệu", "Lý do", "Ghi lúc"}}
	if opts.All {
		t.Headers = append(t.Headers, "Đã rút lúc", "Lý do rút")
	}
	for _, n := range list {
		title := n.Title
		if tt, ok := c.Title(n.Title); ok {
			title = tt.Name
		}
		row := []any{n.ID, n.Unit, n.Name, title, n.Reason, when(n.Added)}
		if opts.All {
			row = append(row, removedCells(n.Removed)...)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Width = opts.IO.TableWidth()
	return t.Write(opts.IO.Out, opts.Format)
}

// NominateRemoveOptions are the options of kpi nominate remove.
type NominateRemoveOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	ID     int64
	Reason string
}

// NewCmdNominateRemove builds kpi nominate remove; runF, when not nil, runs
// instead of nominateRemoveRun (for tests of the flags).
func NewCmdNominateRemove(f *Factory, runF func(*NominateRemoveOptions) error) *cobra.Command {
	opts := &NominateRemoveOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:     "remove ID --reason TEXT",
		Short:   "Withdraw a nomination (it stays in the record, marked withdrawn)",
		Example: `  kpi nominate remove 2 --reason "đơn vị rút đề nghị"`,
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.ID, err = parseID(args[0], "kpi nominate list"); err != nil {
				return err
			}
			if err := checkReason(opts.Reason); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return nominateRemoveRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why (kept in the audit log)")
	return cmd
}

func nominateRemoveRun(ctx context.Context, opts *NominateRemoveOptions) error {
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.RemoveNomination(ctx, opts.ID, opts.Reason)
	if errors.Is(err, store.ErrNoNomination) {
		return i18n.Errorf(i18n.NoNomination, opts.ID)
	}
	if err != nil {
		return saidRemoved(err)
	}
	fmt.Fprintf(opts.IO.ErrOut, "✓ đã rút đề nghị #%d (%s, %s): %s\n", n.ID, n.Name, n.Unit, opts.Reason)
	return nil
}
