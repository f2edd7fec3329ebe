package cli

import (
	"context"
	"io"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/render"
	"github.com/spf13/cobra"
)

type unitsOptions struct {
	f      *Factory
	Format string
}

func newUnitsCmd(f *Factory) *cobra.Command {
	opts := &unitsOptions{f: f}
	cmd := &cobra.Command{
		Use:   "units",
		Short: "List the units with their cluster, targets and baselines",
		Long: `List the units (đơn vị) with their cluster and, per KPI, the target the
rules will use: the workbook's, else the campaign's default (hai_long: 80),
else the unit's previous-year value (cham_dong). The JSON form holds only the
values the workbook gave:
  [{"code", "name", "cluster", "targets": {"<kpi>": number}, "baselines": {"<kpi>": number}}]`,
		Example: "  kpi units\n  kpi units --format csv > donvi.csv\n  kpi units --format json",
		Args:    exactArgs(0),
		RunE:    func(cmd *cobra.Command, args []string) error { return unitsRun(cmd.Context(), opts) },
	}
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func unitsRun(ctx context.Context, opts *unitsOptions) error {
	if err := render.CheckFormat(opts.Format); err != nil {
		return usageError{err}
	}
	st, c, err := opts.f.OpenWorkspace(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	units, err := st.Units(ctx)
	if err != nil {
		return err
	}
	return writeUnits(opts.f.IO.Out, c, units, opts.Format)
}

func writeUnits(w io.Writer, c *campaign.Campaign, units []campaign.Unit, format string) error {
	if format == "json" {
		if units == nil {
			units = []campaign.Unit{}
		}
		return render.JSON(w, units)
	}
	t := &render.Table{Headers: []string{"Mã", "Tên đơn vị", "Cụm"}, Decimals: []int{0, 0, 0}}
	for _, k := range c.KPIs {
		t.Headers = append(t.Headers, "KH "+k.Code)
		dec := 0
		if k.Percent() {
			dec = 2
		}
		t.Decimals = append(t.Decimals, dec)
	}
	for _, u := range units {
		row := []any{u.Code, u.Name, u.Cluster}
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
