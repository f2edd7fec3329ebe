package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/bhxh/kpi/internal/xlsxin"
	"github.com/spf13/cobra"
)

// NewCmdTargets builds kpi targets and its subcommand.
func NewCmdTargets(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "targets",
		Short: "Import units and their targets (chỉ tiêu giao) from a workbook",
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
		Use:   "import FILE.xlsx",
		Short: "Read units, clusters, targets and baselines from a workbook",
		Long: `Read the units (đơn vị), their clusters (cụm thi đua), campaign-year
targets and previous-year baselines from FILE.xlsx.

The first sheet with a header row (within its first 20 rows) that has a unit
code column is read. Recognised headers (case, spacing and diacritics do not
matter):
  unit code   Mã đơn vị, Mã ĐV, Unit code, Code
  unit name   Tên đơn vị, Đơn vị, Unit, Name
  cluster     Cụm thi đua, Cụm, Khối, Cluster           (optional)
  target      a KPI's code, name or alias, optionally with the campaign year:
              "thu", "Số thu BHXH, BHYT, BHTN 2024", "KH 2024 thu"
  baseline    the same with the previous year: "thu 2023", "TH 2023 bhyt"
Other columns (STT, Ghi chú …) are ignored and listed.

Re-importing updates the units and targets and says what changed. Any bad
cell (text where a number belongs, a negative target, a percent outside
0–100, a duplicate unit code) is reported by file, sheet and cell, and then
nothing is changed.`,
		Example: `  kpi targets import chitieu-2024.xlsx
  kpi targets import --dry-run chitieu-2024.xlsx`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return targetsImportRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "check the workbook and show the changes without saving")
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
		fmt.Fprintln(w, "cảnh báo:", warn)
	}
	if !opts.DryRun {
		if err := st.SaveUnits(ctx, t.Units); err != nil {
			return err
		}
	}
	verb := "đã nhập"
	if opts.DryRun {
		verb = "kiểm tra (không ghi)"
	}
	fmt.Fprintf(w, "✓ %s %s › %s: %d đơn vị — thêm %d, thay đổi %d, không đổi %d\n",
		verb, wb.File, t.Sheet, len(t.Units), len(ch.Added), len(ch.Changed), ch.Unchanged)
	if len(ch.Added) > 0 {
		fmt.Fprintf(w, "  thêm: %s\n", strings.Join(ch.Added, ", "))
	}
	for _, line := range ch.Changed {
		fmt.Fprintf(w, "  thay đổi %s\n", line)
	}
	if len(ch.Kept) > 0 {
		fmt.Fprintf(w, "  không có trong tệp (giữ nguyên): %s\n", strings.Join(ch.Kept, ", "))
	}
	return nil
}
