package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/demo"
	"github.com/spf13/cobra"
)

type demoOptions struct {
	f    *Factory
	Dir  string
	Seed uint64
}

func newDemoCmd(f *Factory) *cobra.Command {
	opts := &demoOptions{f: f}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole job on a sample province (chạy thử với dữ liệu mẫu)",
		Long: `Write a realistic sample province — 12 districts of BHXH tỉnh Hải Dương in
3 clusters — as the workbooks districts send, create a workspace in --dir,
import them and print what the officer would see.

Everything is written inside --dir (default ./kpi-demo) and nothing else is
touched; running it again starts the sample afresh.`,
		Example: "  kpi demo\n  kpi demo --dir /tmp/thu",
		Args:    exactArgs(0),
		RunE:    func(cmd *cobra.Command, args []string) error { return demoRun(cmd.Context(), opts) },
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "kpi-demo", "folder for the sample workbooks and workspace")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 2024, "seed of the sample data")
	return cmd
}

func demoRun(ctx context.Context, opts *demoOptions) error {
	io := opts.f.IO
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return err
	}
	dbPath := filepath.Join(opts.Dir, "kpi.db")
	for _, p := range []string{dbPath, dbPath + "-wal", dbPath + "-shm"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	c := campaign.Default()
	p := demo.New(c, 12, opts.Seed)
	targetsPath := filepath.Join(opts.Dir, "chitieu-2024.xlsx")
	if err := demo.WriteTargets(targetsPath, c, p); err != nil {
		return err
	}
	fmt.Fprintf(io.ErrOut, "1. Dữ liệu mẫu: tỉnh %s, %d đơn vị — %s\n", p.Name, len(p.Units), targetsPath)

	sub := &Factory{IO: opts.f.IO, Getenv: opts.f.Getenv, Now: opts.f.Now, dbFlag: dbPath}
	fmt.Fprintf(io.ErrOut, "\n2. $ kpi init --db %s\n", dbPath)
	if err := initRun(ctx, &initOptions{f: sub}); err != nil {
		return err
	}
	fmt.Fprintf(io.ErrOut, "\n3. $ kpi targets import %s\n", targetsPath)
	if err := targetsImportRun(ctx, &targetsImportOptions{f: sub, File: targetsPath}); err != nil {
		return err
	}
	fmt.Fprintf(io.ErrOut, "\n4. $ kpi units\n")
	if err := unitsRun(ctx, &unitsOptions{f: sub, Format: "table"}); err != nil {
		return err
	}
	fmt.Fprintf(io.ErrOut, "\nThử tiếp: kpi --db %s campaign show\n", dbPath)
	return nil
}
