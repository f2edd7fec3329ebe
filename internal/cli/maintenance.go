package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

type backupOptions struct {
	f    *Factory
	File string
}

func newBackupCmd(f *Factory) *cobra.Command {
	opts := &backupOptions{f: f}
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent copy of the workspace (sao lưu)",
		Long: `Write a consistent copy of the workspace to FILE (SQLite's VACUUM INTO),
while other kpi commands may go on reading. FILE must not exist yet. To
restore, use the copy as --db (or copy it over the workspace when no kpi
command is running).`,
		Example: "  kpi backup saoluu-2024-12-31.db",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			return backupRun(cmd.Context(), opts)
		},
	}
}

func backupRun(ctx context.Context, opts *backupOptions) error {
	st, err := opts.f.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, opts.File); err != nil {
		return err
	}
	fmt.Fprintf(opts.f.IO.ErrOut, "✓ đã sao lưu %s vào %s\n", st.Path(), opts.File)
	return nil
}

type checkOptions struct{ f *Factory }

func newCheckCmd(f *Factory) *cobra.Command {
	opts := &checkOptions{f: f}
	return &cobra.Command{
		Use:   "check",
		Short: "Check the workspace: integrity and kpi's own rules (kiểm tra)",
		Long: `Run SQLite's integrity check and kpi's own invariants: every import has its
reports and every report its values (nothing half-imported), at most one
report in force per unit and month, every replacing import exists, every
report belongs to a known unit. Exit status 1 if anything is wrong.`,
		Example: "  kpi check",
		Args:    exactArgs(0),
		RunE:    func(cmd *cobra.Command, args []string) error { return checkRun(cmd.Context(), opts) },
	}
}

func checkRun(ctx context.Context, opts *checkOptions) error {
	st, err := opts.f.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	problems, err := st.Check(ctx)
	if err != nil {
		return err
	}
	if len(problems) == 0 {
		fmt.Fprintf(opts.f.IO.Out, "✓ %s: toàn vẹn, không có vấn đề\n", st.Path())
		return nil
	}
	for _, p := range problems {
		fmt.Fprintf(opts.f.IO.Out, "✗ %s: %s\n", p.Check, p.Detail)
	}
	fmt.Fprintf(opts.f.IO.ErrOut, "%d vấn đề trong %s\n", len(problems), st.Path())
	return errSilent
}
