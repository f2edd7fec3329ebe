package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/store"
	"github.com/spf13/cobra"
)

type initOptions struct {
	f            *Factory
	CampaignFile string
	Force        bool
}

func newInitCmd(f *Factory) *cobra.Command {
	opts := &initOptions{f: f}
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Create the workspace (tạo cơ sở dữ liệu) with a campaign",
		Long: `Create the workspace file with a campaign: the embedded 2024 default
(bhxh-2024), or the one in --campaign FILE.yaml (write one to edit with
'kpi campaign export').

An existing workspace is never overwritten unless --force is given; --force
deletes everything in it.`,
		Example: `  kpi init
  kpi init --db huyen.db
  kpi campaign export > my.yaml && kpi init --campaign my.yaml --force`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error { return initRun(cmd.Context(), opts) },
	}
	cmd.Flags().StringVar(&opts.CampaignFile, "campaign", "", "campaign YAML file (default: the embedded bhxh-2024)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace an existing workspace, deleting its data")
	return cmd
}

func initRun(ctx context.Context, opts *initOptions) error {
	c := campaign.Default()
	if opts.CampaignFile != "" {
		var err error
		if c, err = loadCampaignFile(opts.CampaignFile); err != nil {
			return err
		}
	}
	path := opts.f.DBPath()
	if opts.f.workspaceExists(ctx) {
		if !opts.Force {
			return fmt.Errorf("workspace %s already exists: use --force to replace it (this deletes its data), or --db to name another", store.Redact(path))
		}
		if store.IsPostgresURL(path) {
			if err := store.DropWorkspace(ctx, path); err != nil {
				return err
			}
		}
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			if store.IsPostgresURL(path) {
				break
			}
			if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
	}
	st, err := opts.f.OpenStore(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetCampaign(ctx, c); err != nil {
		return err
	}
	fmt.Fprintf(opts.f.IO.ErrOut, "✓ đã tạo %s với phong trào %s (%d chỉ tiêu, năm %d)\n", st.Path(), c.Code, len(c.KPIs), c.Year)
	fmt.Fprintf(opts.f.IO.ErrOut, "  tiếp theo: kpi targets import <tệp chỉ tiêu>.xlsx   (mẫu: kpi template targets -o chitieu.xlsx)\n")
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
