package cli

import (
	"bytes"
	"context"
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
		Use: "template",
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
		Use:  "targets -o FILE.xlsx",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return templateTargetsRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "")
	cmd.Flags().BoolVar(&opts.Empty, "empty", false, "")
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
	opts.IO.tell(opts.IO.ErrOut, i18n.WroteTemplate, opts.Output, len(units))
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
		Use:  "report (--unit CODE | --all-units) --period YYYY-MM -o FILE.xlsx|DIR",
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
	cmd.Flags().StringVar(&opts.Unit, "unit", "", "")
	cmd.Flags().BoolVar(&opts.AllUnits, "all-units", false, "")
	cmd.Flags().StringVar(&opts.Period, "period", "", "")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "")
	_ = cmd.MarkFlagRequired("period")
	_ = cmd.MarkFlagRequired("output")
	return cmd
}

func templateReportRun(ctx context.Context, opts *TemplateReportOptions) error {
	p, err := report.ParsePeriod(opts.Period)
	if err != nil {
		return usageError{i18n.Errorf(i18n.BadPeriodFlag, opts.Period)}
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
		opts.IO.tell(opts.IO.ErrOut, i18n.Wrote, path)
	}
	return nil
}
