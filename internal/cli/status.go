package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/view"
	"github.com/spf13/cobra"
)

// StatusOptions are the options of kpi status.
type StatusOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Year   int
	Format string
}

// NewCmdStatus builds kpi status; runF, when not nil, runs instead of
// statusRun (for tests of the flags).
func NewCmdStatus(f *Factory, runF func(*StatusOptions) error) *cobra.Command {
	opts := &StatusOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "status",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return statusRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.Year, "year", 0, "")
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

type statusMonth struct {
	ImportID int64 `json:"import_id"`
	Replaced bool  `json:"replaced"`
}

type statusUnit struct {
	Code    string                 `json:"code"`
	Name    string                 `json:"name"`
	Cluster string                 `json:"cluster"`
	Months  map[string]statusMonth `json:"months"`
}

type statusJSON struct {
	Year          int          `json:"year"`
	LatestPeriod  *string      `json:"latest_period"`
	Units         []statusUnit `json:"units"`
	MissingLatest []string     `json:"missing_latest"`
}

func statusRun(ctx context.Context, opts *StatusOptions) error {
	st, c, err := opts.Workspace.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	year := opts.Year
	if year == 0 {
		year = c.Year
	}
	units, err := st.Units(ctx)
	if err != nil {
		return err
	}
	live, err := st.LiveReports(ctx, year)
	if err != nil {
		return err
	}
	out := statusJSON{Year: year, Units: []statusUnit{}, MissingLatest: []string{}}
	byUnit := map[string]map[string]statusMonth{}
	latest := ""
	for _, l := range live {
		if byUnit[l.Unit] == nil {
			byUnit[l.Unit] = map[string]statusMonth{}
		}
		byUnit[l.Unit][l.Period] = statusMonth{ImportID: l.ImportID, Replaced: l.Replaced}
		if l.Period > latest {
			latest = l.Period
		}
	}
	if latest != "" {
		out.LatestPeriod = &latest
	}
	for _, u := range units {
		m := byUnit[u.Code]
		if m == nil {
			m = map[string]statusMonth{}
		}
		out.Units = append(out.Units, statusUnit{Code: u.Code, Name: u.Name, Cluster: u.Cluster, Months: m})
		if _, ok := m[latest]; latest != "" && !ok {
			out.MissingLatest = append(out.MissingLatest, u.Code)
		}
	}
	w := opts.IO.Out
	if opts.Format == "json" {
		return render.JSON(w, out)
	}
	l := i18n.For(opts.IO.Lang)
	t := &render.Table{Lang: opts.IO.Lang, Headers: []string{l.Code, l.UnitName, l.Cluster},
		Fits: []render.Fit{{Keep: true}, {Min: 9, Drop: 1, Note: i18n.T(opts.IO.Lang, i18n.FitUnitNames)}}}
	for m := 1; m <= 12; m++ {
		t.Headers = append(t.Headers, fmt.Sprintf("%s%d", l.MonthShort, m))
	}
	for _, u := range out.Units {
		row := []any{u.Code, render.Abbrev{Full: u.Name, Short: view.ShortName(u.Name)}, u.Cluster}
		for m := 1; m <= 12; m++ {
			cell := ""
			if sm, ok := u.Months[report.Period{Year: year, Month: m}.String()]; ok {
				cell = "✓"
				if sm.Replaced {
					cell = "↻"
				}
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Width = opts.IO.TableWidth()
	if err := t.Write(w, opts.Format); err != nil {
		return err
	}
	if opts.Format != "table" {
		return nil
	}
	switch {
	case latest == "":
		opts.IO.tell(w, i18n.NoReportsYet, year)
	case len(out.MissingLatest) == 0:
		opts.IO.tell(w, i18n.LatestAll, i18n.PeriodOf(latest, opts.IO.Lang), len(out.Units), len(out.Units))
	default:
		opts.IO.tell(w, i18n.LatestMissing, i18n.PeriodOf(latest, opts.IO.Lang), len(out.Units)-len(out.MissingLatest), len(out.Units), strings.Join(out.MissingLatest, ", "))
	}
	return nil
}
