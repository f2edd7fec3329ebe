package cli

import (
	"context"
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/bhxh/kpi/internal/xlsxin"
	"github.com/spf13/cobra"
)

// NewCmdTargets builds kpi targets and its subcommand.
func NewCmdTargets(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use: "targets",
	}
	cmd.AddCommand(NewCmdTargetsImport(f, nil))
	return cmd
}

// TargetsImportOptions are the options of kpi targets import.
type TargetsImportOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	File   string
	DryRun bool
}

// NewCmdTargetsImport builds kpi targets import; runF, when not nil, runs
// instead of targetsImportRun (for tests of the flags).
func NewCmdTargetsImport(f *Factory, runF func(*TargetsImportOptions) error) *cobra.Command {
	opts := &TargetsImportOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "import FILE.xlsx",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return targetsImportRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "")
	return cmd
}

func targetsImportRun(ctx context.Context, opts *TargetsImportOptions) error {
	st, c, err := opts.Workspace.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if !opts.DryRun {
		if err := st.QuickCheck(ctx); err != nil {
			return err
		}
	}
	if err := readable(opts.File); err != nil {
		return err
	}
	wb, err := xlsxgrid.Open(opts.File, xlsxgrid.Limits{})
	if err != nil {
		return err
	}
	t, err := xlsxin.ReadTargets(wb, c)
	if err != nil {
		return err
	}
	old, err := st.Units(ctx)
	if err != nil {
		return err
	}
	ch := campaign.DiffUnits(old, t.Units)
	w := opts.IO.ErrOut
	for _, warn := range t.Warnings {
		opts.IO.tell(w, i18n.Warning, warn)
	}
	if !opts.DryRun {
		if err := st.SaveUnits(ctx, t.Units); err != nil {
			return err
		}
	}
	done := i18n.TargetsDone
	if opts.DryRun {
		done = i18n.TargetsChecked
	}
	opts.IO.tell(w, done, wb.File, t.Sheet, len(t.Units), len(ch.Added), len(ch.Changed), ch.Unchanged)
	lang := opts.IO.Lang
	if len(ch.Added) > 0 {
		opts.IO.tell(w, i18n.TargetsAdded, someUnits(ch.Added, lang))
	}
	opts.IO.tellFirst(w, len(ch.Changed), func(i int) { opts.IO.tell(w, i18n.TargetsChanged, ch.Changed[i]) }, i18n.TargetsMoreChanges)
	if len(ch.Kept) > 0 {
		opts.IO.tell(w, i18n.TargetsKept, someUnits(ch.Kept, lang))
	}
	return nil
}

// someUnits names the first maxListed units and counts the others.
func someUnits(codes []string, lang string) string {
	if len(codes) <= maxListed {
		return strings.Join(codes, ", ")
	}
	return strings.Join(codes[:maxListed], ", ") + i18n.T(lang, i18n.TargetsMoreUnits, count(len(codes)-maxListed, lang))
}
