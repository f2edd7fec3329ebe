package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/xlsxout"
	"github.com/spf13/cobra"
)

func newTemplateCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "template",
		Short: "Write blank Excel forms (biểu mẫu) that kpi can read back",
	}
	cmd.AddCommand(newTemplateTargetsCmd(f))
	return cmd
}

type templateTargetsOptions struct {
	f      *Factory
	Output string
	Empty  bool
}

func newTemplateTargetsCmd(f *Factory) *cobra.Command {
	opts := &templateTargetsOptions{f: f}
	cmd := &cobra.Command{
		Use:   "targets -o FILE.xlsx",
		Short: "Write the targets form (biểu giao chỉ tiêu)",
		Long: `Write the targets form: one row per unit with code, name, cluster, then a
target column ("<KPI> 2024") and a baseline column ("<KPI> 2023") per KPI.
Units already in the workspace are pre-filled with what it holds (use
--empty for a blank form). Fill it in and read it with 'kpi targets import'.`,
		Example: "  kpi template targets -o chitieu-2024.xlsx",
		Args:    exactArgs(0),
		RunE:    func(cmd *cobra.Command, args []string) error { return templateTargetsRun(cmd.Context(), opts) },
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write (required)")
	cmd.Flags().BoolVar(&opts.Empty, "empty", false, "do not pre-fill units from the workspace")
	_ = cmd.MarkFlagRequired("output")
	return cmd
}

func templateTargetsRun(ctx context.Context, opts *templateTargetsOptions) error {
	c := campaign.Default()
	var units []campaign.Unit
	if fileExists(opts.f.DBPath()) {
		st, err := opts.f.OpenStore(ctx, false)
		if err != nil {
			return err
		}
		defer st.Close()
		if c, err = st.Campaign(ctx); err != nil {
			return err
		}
		if !opts.Empty {
			if units, err = st.Units(ctx); err != nil {
				return err
			}
		}
	}
	fh, err := os.Create(opts.Output)
	if err != nil {
		return err
	}
	if err := xlsxout.WriteTargetsTemplate(fh, c, units); err != nil {
		fh.Close()
		os.Remove(opts.Output)
		return err
	}
	if err := fh.Close(); err != nil {
		return err
	}
	fmt.Fprintf(opts.f.IO.ErrOut, "✓ đã ghi %s (%d đơn vị điền sẵn)\n", opts.Output, len(units))
	return nil
}
