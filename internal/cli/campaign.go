package cli

import (
	"context"
	"fmt"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/spf13/cobra"
)

// NewCmdCampaign builds kpi campaign and its subcommands.
func NewCmdCampaign(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use: "campaign",
	}
	cmd.AddCommand(NewCmdCampaignShow(f, nil), NewCmdCampaignExport(f, nil), NewCmdCampaignLoad(f, nil))
	return cmd
}

// CampaignShowOptions are the options of kpi campaign show.
type CampaignShowOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Format string
}

// NewCmdCampaignShow builds kpi campaign show; runF, when not nil, runs
// instead of campaignShowRun (for tests of the flags).
func NewCmdCampaignShow(f *Factory, runF func(*CampaignShowOptions) error) *cobra.Command {
	opts := &CampaignShowOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "show",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return campaignShowRun(cmd.Context(), opts)
		},
	}
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func workspaceCampaign(ctx context.Context, ws *Workspace) (*campaign.Campaign, error) {
	st, err := ws.OpenStore(ctx, false)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.Campaign(ctx)
}

func campaignShowRun(ctx context.Context, opts *CampaignShowOptions) error {
	c, err := workspaceCampaign(ctx, opts.Workspace)
	if err != nil {
		return err
	}
	out := opts.IO.Out
	if opts.Format == "json" {
		return render.JSON(out, c)
	}
	lang := opts.IO.Lang
	l := i18n.For(lang)
	width := opts.IO.TableWidth()
	kt := &render.Table{Lang: lang, Width: width, Fits: []render.Fit{2: {Min: 20}, 4: {Drop: 1}, 7: {Drop: 1}},
		Headers:  []string{l.Code, l.ShortName, l.KPI, l.UnitOfMeasure, l.Kind, l.Better, l.WeightCol, l.CapCol, l.DefaultTarget},
		Decimals: []int{0, 0, 0, 0, 0, 0, 0, 2},
	}
	for _, k := range c.KPIs {
		def := ""
		switch {
		case k.DefaultTarget != nil:
			def = render.Number(*k.DefaultTarget, -1, lang)
		case k.TargetFromBaseline:
			def = i18n.T(lang, i18n.FromBaseline, c.Year-1)
		}
		better := i18n.T(lang, i18n.Higher)
		if k.LowerIsBetter() {
			better = i18n.T(lang, i18n.Lower)
		}
		kind := k.Kind
		if opts.Format != "csv" {
			kind = i18n.KPIKind(k.Kind, lang)
		}
		kt.Rows = append(kt.Rows, []any{k.Code, k.ShortName, k.Name, k.Unit, kind, better, k.Weight, c.KPICap(k), def})
	}
	at := &render.Table{Lang: lang, Headers: []string{l.Code, l.Title, l.Rules}, Width: width}
	for _, a := range c.Awards {
		at.Rows = append(at.Rows, []any{a.Code, a.Name, i18n.Rule(lang, a)})
	}
	if c.FieldAwards.Enabled {
		at.Rows = append(at.Rows, []any{"field", c.FieldAwards.Name, i18n.T(lang, i18n.RuleFieldAwards)})
	}
	if opts.Format == "table" {
		fmt.Fprintln(out, render.WrapHanging(i18n.T(lang, i18n.CampaignTitle, c.Code, c.Name, c.Year, render.Number(c.Cap, 1, lang)), width))
		fmt.Fprintln(out, render.WrapHanging(rulebookLine(c, lang), width))
		fmt.Fprintln(out)
	}
	if err := kt.Write(out, opts.Format); err != nil {
		return err
	}
	fmt.Fprintln(out)
	if err := at.Write(out, opts.Format); err != nil {
		return err
	}
	if len(c.Titles) == 0 {
		return nil
	}
	tt := &render.Table{Lang: lang, Headers: []string{l.Code, l.PersonTitle, l.Rules}, Width: width}
	for _, t := range c.Titles {
		tt.Rows = append(tt.Rows, []any{t.Code, t.Name, i18n.TitleRule(lang, t)})
	}
	fmt.Fprintln(out)
	return tt.Write(out, opts.Format)
}

// rulebookLine says how points are counted and how far the council's
// adjustments go.
func rulebookLine(c *campaign.Campaign, lang string) string {
	method := i18n.T(lang, i18n.MethodCapped)
	if c.Method == campaign.MethodLeader {
		scope := i18n.M(i18n.ScopeCluster)
		if c.LeaderScope == campaign.ScopeProvince {
			scope = i18n.M(i18n.ScopeProvince)
		}
		method = i18n.T(lang, i18n.MethodLeader, scope)
	}
	bound := func(p *float64) string {
		if p == nil {
			return i18n.T(lang, i18n.Unbounded)
		}
		return i18n.T(lang, i18n.AtMost, render.Number(*p, -1, lang))
	}
	adj := i18n.T(lang, i18n.AdjustUnbounded)
	if b := c.Adjustments; b != nil {
		adj = i18n.T(lang, i18n.AdjustBounds, bound(b.MaxBonus), bound(b.MaxPenalty))
	}
	return i18n.T(lang, i18n.RulebookLine, c.Method, method, adj)
}

// CampaignExportOptions are the options of kpi campaign export.
type CampaignExportOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Output string
}

// NewCmdCampaignExport builds kpi campaign export; runF, when not nil,
// runs instead of campaignExportRun (for tests of the flags).
func NewCmdCampaignExport(f *Factory, runF func(*CampaignExportOptions) error) *cobra.Command {
	opts := &CampaignExportOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "export",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return campaignExportRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "")
	return cmd
}

func campaignExportRun(ctx context.Context, opts *CampaignExportOptions) error {
	var data []byte
	if opts.Workspace.Exists(ctx) {
		c, err := workspaceCampaign(ctx, opts.Workspace)
		if err != nil {
			return err
		}
		if data, err = c.CommentedYAML(); err != nil {
			return err
		}
	} else {
		data = campaign.DefaultYAML()
	}
	if opts.Output == "" {
		_, err := opts.IO.Out.Write(data)
		return err
	}
	if err := writeFileAtomic(opts.Output, data); err != nil {
		return err
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.Wrote, opts.Output)
	return nil
}

// CampaignLoadOptions are the options of kpi campaign load.
type CampaignLoadOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	File string
}

// NewCmdCampaignLoad builds kpi campaign load; runF, when not nil, runs
// instead of campaignLoadRun (for tests of the flags).
func NewCmdCampaignLoad(f *Factory, runF func(*CampaignLoadOptions) error) *cobra.Command {
	opts := &CampaignLoadOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "load FILE.yaml",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return campaignLoadRun(cmd.Context(), opts)
		},
	}
	return cmd
}

func campaignLoadRun(ctx context.Context, opts *CampaignLoadOptions) error {
	c, err := loadCampaignFile(opts.File)
	if err != nil {
		return err
	}
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetCampaign(ctx, c); err != nil {
		return err
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.CampaignLoaded, c.Code, len(c.KPIs), len(c.Awards))
	return nil
}
