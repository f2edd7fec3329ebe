package cli

import (
	"context"
	"io"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/view"
	"github.com/spf13/cobra"
)

// UnitsOptions are the options of kpi units.
type UnitsOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Format string
}

// NewCmdUnits builds kpi units; runF, when not nil, runs instead of
// unitsRun (for tests of the flags).
func NewCmdUnits(f *Factory, runF func(*UnitsOptions) error) *cobra.Command {
	opts := &UnitsOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "units",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return unitsRun(cmd.Context(), opts)
		},
	}
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func unitsRun(ctx context.Context, opts *UnitsOptions) error {
	st, c, err := opts.Workspace.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	units, err := st.Units(ctx)
	if err != nil {
		return err
	}
	return writeUnits(opts.IO.Out, c, units, opts.Format, opts.IO.Lang, opts.IO.TableWidth())
}

func writeUnits(w io.Writer, c *campaign.Campaign, units []campaign.Unit, format, lang string, width int) error {
	if format == "json" {
		if units == nil {
			units = []campaign.Unit{}
		}
		return render.JSON(w, units)
	}
	l := i18n.For(lang)
	t := &render.Table{Lang: lang, Headers: []string{l.Code, l.UnitName, l.Cluster}, Decimals: []int{0, 0, 0}, Width: width,
		Fits: []render.Fit{{Keep: true}, {Min: 9}, {}}}
	for _, k := range c.KPIs {
		name := k.Label()
		if format == "csv" { // machines read the code, as before short names
			name = k.Code
		}
		t.Headers = append(t.Headers, l.PlanOf+" "+name)
		t.Fits = append(t.Fits, render.Fit{Drop: 1, Note: i18n.T(lang, i18n.FitTargets)})
		dec := 0
		if k.Percent() {
			dec = 2
		}
		t.Decimals = append(t.Decimals, dec)
	}
	for _, u := range units {
		row := []any{u.Code, render.Abbrev{Full: u.Name, Short: view.ShortName(u.Name)}, u.Cluster}
		for _, k := range c.KPIs {
			if v, ok := campaign.EffectiveTarget(k, u); ok {
				row = append(row, v)
			} else {
				row = append(row, nil)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t.Write(w, format)
}
