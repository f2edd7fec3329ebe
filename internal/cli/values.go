package cli

import (
	"context"
	"fmt"
	"strings"

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
		Use:   "values",
		Short: "Show the stored figures (số liệu đã nhập), as read from the workbooks",
		Long: `Show the figures in force, one line per unit, month and KPI: the month's
value, the year-to-date value, the unit of measure the workbook used when
kpi converted it (đồng → triệu đồng), the cells they came from and the
import that brought them — to check what was read without opening the
workspace.`,
		Example: "  kpi values --unit H03 --period 2024-03\n  kpi values --period 2024-03 --format csv > thang03.csv",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if opts.Period != "" {
				p, err := report.ParsePeriod(opts.Period)
				if err != nil {
					return usageError{fmt.Errorf("--period: %w", err)}
				}
				opts.Period = p.String()
			}
			if runF != nil {
				return runF(opts)
			}
			return valuesRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Unit, "unit", "", "only this unit (code)")
	cmd.Flags().StringVar(&opts.Period, "period", "", "only this month, YYYY-MM (default: the whole campaign year)")
	addFormatFlag(cmd, &opts.Format)
	return cmd
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
	unit := strings.TrimSpace(opts.Unit)
	if unit != "" {
		units, err := st.UnitNames(ctx)
		if err != nil {
			return err
		}
		found := false
		for _, u := range units {
			if strings.EqualFold(u.Code, unit) {
				unit, found = u.Code, true
			}
		}
		if !found {
			return fmt.Errorf("không có đơn vị %s (xem kpi units)", opts.Unit)
		}
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
		fmt.Fprintln(opts.IO.ErrOut, "chưa có số liệu nào khớp (nhập báo cáo bằng kpi import)")
		return nil
	}
	// the terminal gets what fits 80 columns; CSV and Markdown get every field
	wide := opts.Format != "table" && opts.Format != ""
	t := &render.Table{Headers: []string{"Đơn vị", "Kỳ", "Chỉ tiêu", "Trong tháng", "Lũy kế", "ĐVT", "Lần nhập"}, Decimals: []int{0, 0, 0, -1, -1}}
	if wide {
		t.Headers = []string{"Đơn vị", "Kỳ", "Chỉ tiêu", "Trong tháng", "Lũy kế", "ĐVT", "ĐVT trong tệp", "Ô trong tháng", "Ô lũy kế", "Lần nhập", "Tệp"}
	}
	for _, r := range rows {
		if wide {
			read := r.UnitRead
			if read == r.KPIUnit {
				read = ""
			}
			t.Rows = append(t.Rows, []any{r.Unit, r.Period, r.KPI, r.Month, r.YTD, r.KPIUnit, read, r.MonthCell, r.YTDCell, r.ImportID, r.File})
			continue
		}
		unit := r.KPIUnit
		if r.UnitRead != r.KPIUnit {
			unit += " (tệp: " + r.UnitRead + ")"
		}
		t.Rows = append(t.Rows, []any{r.Unit, r.Period, r.KPI, r.Month, r.YTD, unit, fmt.Sprintf("#%d", r.ImportID)})
	}
	t.Width = opts.IO.TableWidth()
	return t.Write(opts.IO.Out, opts.Format)
}
