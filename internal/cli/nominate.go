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
		Use: "nominate",
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
		Use:  `add CODE --name "HỌ VÀ TÊN" --title TITLE --reason TEXT`,
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
	cmd.Flags().StringVar(&opts.Name, "name", "", "")
	cmd.Flags().StringVar(&opts.Title, "title", "", "")
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "")
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
	opts.IO.tell(opts.IO.ErrOut, i18n.Nominated, id, n.Name, t.Name, u.Code, u.Name, n.Reason)
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
			opts.IO.tell(opts.IO.ErrOut, i18n.NominationsPast, u.Code, same, t.Name, t.MaxPerUnit)
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
		Use:  "list",
		Args: exactArgs(0),
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
	cmd.Flags().StringVar(&opts.Unit, "unit", "", "")
	cmd.Flags().BoolVar(&opts.All, "all", false, "")
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func nominateListRun(ctx context.Context, opts *NominateListOptions) error {
	st, c, err := opts.Workspace.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	unit, err := unitFilter(ctx, st, opts.Unit)
	if err != nil {
		return err
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
	l := i18n.For(opts.IO.Lang)
	t := &render.Table{Lang: opts.IO.Lang, Headers: []string{"#", l.Code, l.Person, l.Title, l.Reason, l.Recorded}}
	if opts.All {
		t.Headers = append(t.Headers, l.WithdrawnAt, l.WithdrawnWhy)
	}
	for _, n := range list {
		title := n.Title
		if tt, ok := c.Title(n.Title); ok {
			title = tt.Name
		}
		row := []any{n.ID, n.Unit, n.Name, title, n.Reason, when(n.Added, opts.Format, opts.IO.Lang)}
		if opts.All {
			row = append(row, removedCells(n.Removed, opts.Format, opts.IO.Lang)...)
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
		Use:  "remove ID --reason TEXT",
		Args: exactArgs(1),
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
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "")
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
	opts.IO.tell(opts.IO.ErrOut, i18n.NominationOut, n.ID, n.Name, n.Unit, opts.Reason)
	return nil
}
