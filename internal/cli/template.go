package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/view"
	"github.com/bhxh/kpi/internal/xlsxout"
	"github.com/spf13/cobra"
)

// NewCmdTemplate builds kpi template and its subcommands.
func NewCmdTemplate(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "template",
		Short: "Write blank Excel forms (biểu mẫu) that kpi can read back",
	}
	cmd.AddCommand(NewCmdTemplateTargets(f, nil), NewCmdTemplateReport(f, nil))
	return cmd
}

// TemplateTargetsOptions are the options of kpi template targets.
type TemplateTargetsOptions struct {
	IO        *IOStreams
	Workspace *Workspace
	Now       func() time.Time // the date of the form's heading

	Output string
	Empty  bool
}

// NewCmdTemplateTargets builds kpi template targets; runF, when not nil,
// runs instead of templateTargetsRun (for tests of the flags).
func NewCmdTemplateTargets(f *Factory, runF func(*TemplateTargetsOptions) error) *cobra.Command {
	opts := &TemplateTargetsOptions{IO: f.IO, Workspace: f.Workspace(), Now: f.Now}
	cmd := &cobra.Command{
		Use:   "targets -o FILE.xlsx",
		Short: "Write the targets form (biểu giao chỉ tiêu)",
		Long: `Write the targets form: one row per unit with code, name, cluster, then a
target column ("<KPI> 2024") and a baseline column ("<KPI> 2023") per KPI.
Units already in the workspace are pre-filled with what it holds (use
--empty for a blank form). Fill it in and read it with 'kpi targets import'.`,
		Example: "  kpi template targets -o chitieu-2024.xlsx",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return templateTargetsRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write (required)")
	cmd.Flags().BoolVar(&opts.Empty, "empty", false, "do not pre-fill units from the workspace")
	_ = cmd.MarkFlagRequired("output")
	return cmd
}

func templateTargetsRun(ctx context.Context, opts *TemplateTargetsOptions) error {
	c := campaign.Default()
	var units []campaign.Unit
	var stored map[string]string
	if opts.Workspace.Exists(ctx) {
		st, err := opts.Workspace.OpenStore(ctx, false)
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
		if stored, err = st.Settings(ctx); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := xlsxout.WriteTargetsTemplate(&buf, c, units, view.NewDocument(stored, c, opts.Now(), "vi")); err != nil {
		return err
	}
	if err := writeFileAtomic(opts.Output, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "✓ đã ghi %s (%d đơn vị điền sẵn)\n", opts.Output, len(units))
	return nil
}

// TemplateReportOptions are the options of kpi template report.
type TemplateReportOptions struct {
	IO        *IOStreams
	Workspace *Workspace
	Now       func() time.Time // the date of the form's heading

	Unit     string
	Period   string
	AllUnits bool
	Output   string
}

// NewCmdTemplateReport builds kpi template report; runF, when not nil,
// runs instead of templateReportRun (for tests of the flags).
func NewCmdTemplateReport(f *Factory, runF func(*TemplateReportOptions) error) *cobra.Command {
	opts := &TemplateReportOptions{IO: f.IO, Workspace: f.Workspace(), Now: f.Now}
	cmd := &cobra.Command{
		Use:   "report (--unit CODE | --all-units) --period YYYY-MM -o FILE.xlsx|DIR",
		Short: "Write the monthly report form (biểu báo cáo tháng) for districts to fill in",
		Long: `Write the long-layout monthly report form: the title block, "Mã đơn vị" and
"Kỳ báo cáo" filled in, one row per KPI with code, name and unit, input cells
with data validation (a number ≥ 0; 0–100 for % KPIs) and the year-to-date
column for flow KPIs. Labels are protected; only the yellow cells take input.
With --all-units, -o names a folder and one file per unit is written, named
so that 'kpi import' recognises unit and period (H01_2024-03.xlsx).`,
		Example: `  kpi template report --unit H01 --period 2024-03 -o H01_2024-03.xlsx
  kpi template report --all-units --period 2024-03 -o bieu-thang03/`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if (opts.Unit == "") == !opts.AllUnits {
				return usageError{i18n.Errorf(i18n.UnitOrAllUnits)}
			}
			if runF != nil {
				return runF(opts)
			}
			return templateReportRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Unit, "unit", "", "unit code")
	cmd.Flags().BoolVar(&opts.AllUnits, "all-units", false, "one file per unit, into the folder -o")
	cmd.Flags().StringVar(&opts.Period, "period", "", "period YYYY-MM (required)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file (or, with --all-units, folder) to write (required)")
	_ = cmd.MarkFlagRequired("period")
	_ = cmd.MarkFlagRequired("output")
	return cmd
}

func templateReportRun(ctx context.Context, opts *TemplateReportOptions) error {
	p, err := report.ParsePeriod(opts.Period)
	if err != nil {
		return usageError{i18n.Errorf(i18n.BadPeriodFlag, err)}
	}
	st, c, err := opts.Workspace.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := inCampaignYear(p, c); err != nil {
		return err
	}
	units, err := st.Units(ctx)
	if err != nil {
		return err
	}
	stored, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	doc := view.NewDocument(stored, c, opts.Now(), "vi")
	var chosen []campaign.Unit
	for _, u := range units {
		if opts.AllUnits || strings.EqualFold(u.Code, opts.Unit) {
			chosen = append(chosen, u)
		}
	}
	if len(chosen) == 0 {
		if opts.AllUnits {
			return i18n.Errorf(i18n.NoUnits)
		}
		return i18n.Errorf(i18n.NoUnit, opts.Unit)
	}
	if opts.AllUnits {
		if err := os.MkdirAll(opts.Output, 0o755); err != nil {
			return err
		}
	}
	for _, u := range chosen {
		path := opts.Output
		if opts.AllUnits {
			path = filepath.Join(opts.Output, xlsxout.ReportFileName(u.Code, p))
		}
		var buf bytes.Buffer
		if err := xlsxout.WriteReportTemplate(&buf, c, u, p, doc); err != nil {
			return err
		}
		if err := writeFileAtomic(path, buf.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.ErrOut, "✓ đã ghi %s\n", path)
	}
	return nil
}
