package cli

import (
	"context"
	"fmt"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/report"
	"github.com/spf13/cobra"
)

// ValuesOptions are the options of kpi values.
type ValuesOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Unit   string
	Period string
	Format string
}

// NewCmdValues builds kpi values; runF, when not nil, runs instead of
// valuesRun (for tests of the flags).
func NewCmdValues(f *Factory, runF func(*ValuesOptions) error) *cobra.Command {
	opts := &ValuesOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "values",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if opts.Period != "" {
				p, err := report.ParsePeriod(opts.Period)
				if err != nil {
					return usageError{i18n.Errorf(i18n.BadPeriodFlag, opts.Period)}
				}
				opts.Period = p.String()
			}
			if runF != nil {
				return runF(opts)
			}
			return valuesRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Unit, "unit", "", "")
	cmd.Flags().StringVar(&opts.Period, "period", "", "")
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

// kpiLabel is the KPI of code as people read it (its short name); machines
// (CSV) get the code.
func kpiLabel(c *campaign.Campaign, code, format string) string {
	if k, ok := c.KPI(code); ok && format != "csv" {
		return k.Label()
	}
	return code
}

type valueJSON struct {
	Unit      string   `json:"unit"`
	Period    string   `json:"period"`
	KPI       string   `json:"kpi"`
	Month     *float64 `json:"month"`
	YTD       *float64 `json:"ytd"`
	UnitRead  string   `json:"unit_as_read"`
	KPIUnit   string   `json:"kpi_unit"`
	MonthCell string   `json:"month_cell"`
	YTDCell   string   `json:"ytd_cell"`
	ImportID  int64    `json:"import_id"`
	File      string   `json:"file"`
}

func valuesRun(ctx context.Context, opts *ValuesOptions) error {
	st, c, err := opts.Workspace.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	unit, err := unitFilter(ctx, st, opts.Unit)
	if err != nil {
		return err
	}
	year := c.Year
	if opts.Period != "" {
		fmt.Sscanf(opts.Period, "%d", &year)
	}
	reps, err := st.Reports(ctx, year, unit, opts.Period)
	if err != nil {
		return err
	}
	var rows []valueJSON
	for _, r := range reps {
		for _, k := range c.KPIs { // campaign order
			for _, v := range r.Values {
				if v.KPI != k.Code {
					continue
				}
				read := v.Unit
				if read == "" {
					read = k.Unit
				}
				rows = append(rows, valueJSON{Unit: r.Unit, Period: r.Period, KPI: v.KPI, Month: v.Month, YTD: v.YTD,
					UnitRead: read, KPIUnit: k.Unit, MonthCell: v.MonthCell, YTDCell: v.YTDCell, ImportID: r.ImportID, File: r.File})
			}
		}
	}
	if opts.Format == "json" {
		if rows == nil {
			rows = []valueJSON{}
		}
		return render.JSON(opts.IO.Out, rows)
	}
	if len(rows) == 0 && opts.Format != "csv" {
		opts.IO.tell(opts.IO.ErrOut, i18n.NoValues)
		return nil
	}
	// the terminal gets what fits 80 columns; CSV and Markdown get every field
	wide := opts.Format != "table" && opts.Format != ""
	l := i18n.For(opts.IO.Lang)
	t := &render.Table{Lang: opts.IO.Lang, Headers: []string{l.Unit, l.PeriodCol, l.KPI, l.MonthValue, l.YTD, l.UnitOfMeasure, l.Import}, Decimals: []int{0, 0, 0, -1, -1}}
	if wide {
		t.Headers = []string{l.Unit, l.PeriodCol, l.KPI, l.MonthValue, l.YTD, l.UnitOfMeasure, l.FileUnit, l.MonthCell, l.YTDCell, l.Import, l.File}
	}
	for _, r := range rows {
		if wide {
			read := r.UnitRead
			if read == r.KPIUnit {
				read = ""
			}
			t.Rows = append(t.Rows, []any{r.Unit, period(r.Period, opts.Format, opts.IO.Lang), kpiLabel(c, r.KPI, opts.Format), r.Month, r.YTD, r.KPIUnit, read, r.MonthCell, r.YTDCell, r.ImportID, r.File})
			continue
		}
		unit := r.KPIUnit
		if r.UnitRead != r.KPIUnit {
			unit += " (" + i18n.T(opts.IO.Lang, i18n.FromFile, r.UnitRead) + ")"
		}
		t.Rows = append(t.Rows, []any{r.Unit, period(r.Period, opts.Format, opts.IO.Lang), kpiLabel(c, r.KPI, opts.Format), r.Month, r.YTD, unit, fmt.Sprintf("#%d", r.ImportID)})
	}
	t.Width = opts.IO.TableWidth()
	return t.Write(opts.IO.Out, opts.Format)
}
