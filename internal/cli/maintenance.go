package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// BackupOptions are the options of kpi backup.
type BackupOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	File string
}

// NewCmdBackup builds kpi backup; runF, when not nil, runs instead of
// backupRun (for tests of the flags).
func NewCmdBackup(f *Factory, runF func(*BackupOptions) error) *cobra.Command {
	opts := &BackupOptions{IO: f.IO, Workspace: f.Workspace()}
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent copy of the workspace (sao lưu)",
		Long: `Write a consistent copy of the workspace to FILE (SQLite's VACUUM INTO),
while other kpi commands may go on reading. FILE must not exist yet. To
restore, use the copy as --db (or copy it over the workspace when no kpi
command is running). A damaged workspace that SQLite cannot read whole is
not copied: the error names it, and no file is left at FILE.`,
		Example: "  kpi backup saoluu-2024-12-31.db",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return backupRun(cmd.Context(), opts)
		},
	}
}

func backupRun(ctx context.Context, opts *BackupOptions) error {
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, opts.File); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "✓ đã sao lưu %s vào %s\n", st.Path(), opts.File)
	return nil
}

// CheckOptions are the options of kpi check.
type CheckOptions struct {
	IO        *IOStreams
	Workspace *Workspace
}

// NewCmdCheck builds kpi check; runF, when not nil, runs instead of
// checkRun (for tests of the flags).
func NewCmdCheck(f *Factory, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: f.IO, Workspace: f.Workspace()}
	return &cobra.Command{
		Use:   "check",
		Short: "Check the workspace: integrity and kpi's own rules (kiểm tra)",
		Long: `Run SQLite's integrity check and kpi's own invariants: every import has its
reports and every report its values (nothing half-imported), at most one
report in force per unit and month, every replacing import exists, every
report belongs to a known unit. Exit status 1 if anything is wrong.`,
		Example: "  kpi check",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return checkRun(cmd.Context(), opts)
		},
	}
}

func checkRun(ctx context.Context, opts *CheckOptions) error {
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	problems, err := st.Check(ctx)
	if err != nil {
		return err
	}
	if len(problems) == 0 {
		fmt.Fprintf(opts.IO.Out, "✓ %s: toàn vẹn, không có vấn đề\n", st.Path())
		return nil
	}
	for _, p := range problems {
		fmt.Fprintf(opts.IO.Out, "✗ %s: %s\n", p.Check, p.Detail)
	}
	fmt.Fprintf(opts.IO.ErrOut, "%d vấn đề trong %s\n", len(problems), st.Path())
	return errSilent
}
