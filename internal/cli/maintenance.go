package cli

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/store"
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
		Use:  "backup FILE",
		Args: exactArgs(1),
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
	if store.IsPostgresURL(opts.Workspace.Path()) {
		return i18n.Errorf(i18n.BackupPostgres)
	}
	if _, err := os.Lstat(opts.File); err == nil {
		return i18n.Errorf(i18n.BackupExists, opts.File)
	}
	if _, err := os.Stat(filepath.Dir(opts.File)); err != nil {
		return &fs.PathError{Op: "write", Path: opts.File, Err: err}
	}
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, opts.File); err != nil {
		return err
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.BackedUp, st.Path(), opts.File)
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
		Use:  "check",
		Args: exactArgs(0),
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
		opts.IO.tell(opts.IO.Out, i18n.CheckOK, st.Path())
		return nil
	}
	for _, p := range problems {
		fmt.Fprintf(opts.IO.Out, "✗ %s: %s\n", p.Check, p.Detail)
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.CheckProblems, len(problems), st.Path())
	return errSilent
}
