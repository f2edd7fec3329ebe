package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/store"
	"github.com/spf13/cobra"
)

// InitOptions are the options of kpi init.
type InitOptions struct {
	IO        *IOStreams
	Workspace *Workspace
	Now       func() time.Time // names the copy of a replaced workspace

	CampaignFile string
	Force        bool
}

// NewCmdInit builds kpi init; runF, when not nil, runs instead of initRun
// (for tests of the flags).
func NewCmdInit(f *Factory, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{IO: f.IO, Workspace: f.Workspace(), Now: f.Now}
	cmd := &cobra.Command{
		Use:  "init",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return initRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.CampaignFile, "campaign", "", "")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "")
	return cmd
}

func initRun(ctx context.Context, opts *InitOptions) error {
	c := campaign.Default()
	if opts.CampaignFile != "" {
		var err error
		if c, err = loadCampaignFile(opts.CampaignFile); err != nil {
			return err
		}
	}
	path := opts.Workspace.Path()
	if opts.Workspace.Exists(ctx) {
		if !opts.Force {
			return i18n.Errorf(i18n.WorkspaceExists, store.Redact(path))
		}
		if store.IsPostgresURL(path) {
			if err := store.DropWorkspace(ctx, path); err != nil {
				return err
			}
		} else if err := replaceFile(opts, path); err != nil {
			return err
		}
	}
	st, err := opts.Workspace.OpenStore(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetCampaign(ctx, c); err != nil {
		return err
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.Created, st.Path(), c.Code, len(c.KPIs), c.Year)
	opts.IO.tell(opts.IO.ErrOut, i18n.NextTargets)
	return nil
}

func loadCampaignFile(path string) (*campaign.Campaign, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := campaign.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// replaceFile keeps a copy of a SQLite workspace that init --force is about
// to replace (the officer may have forced by mistake), byte for byte —
// also a file kpi cannot open, damaged or written by a newer kpi —, then
// removes it. Nothing is removed unless the copy is complete.
func replaceFile(opts *InitOptions, path string) error {
	bak := fmt.Sprintf("%s.%s.bak", path, opts.Now().Format("20060102-150405"))
	if err := store.KeepCopy(path, bak); err != nil {
		return i18n.Errorf(i18n.KeepCopyFailed, path, err)
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.KeptCopy, bak)
	return store.RemoveFile(path)
}
