package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/spf13/cobra"
)

// NewCmdCampaign builds kpi campaign and its subcommands.
func NewCmdCampaign(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "campaign",
		Short: "Show, export or load the campaign's KPIs, weights and award rules",
		Long: `The campaign (phong trào thi đua) defines the KPIs (chỉ tiêu) with their
weights and caps, the aliases used to recognise them in workbooks, and the
award rules (Cờ thi đua, Bằng khen, Giấy khen).

To change weights, caps, aliases or rules: export, edit, load.`,
		Example: `  kpi campaign show
  kpi campaign export -o campaign.yaml
  kpi campaign load campaign.yaml`,
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
		Use:     "show",
		Short:   "Print the KPIs, weights and award rules",
		Example: "  kpi campaign show\n  kpi campaign show --format json",
		Args:    exactArgs(0),
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
	width := opts.IO.TableWidth()
	kt := &render.Table{Width: width, Fits: []render.Fit{1: {Min: 20}, 3: {Drop: 1}, 6: {Drop: 1}},
		Headers:  []string{"Mã", "Chỉ tiêu", "ĐVT", "Loại", "Tốt hơn khi", "Trọng số", "Trần", "Chỉ tiêu mặc định"},
		Decimals: []int{0, 0, 0, 0, 0, 0, 2},
	}
	for _, k := range c.KPIs {
		def := ""
		switch {
		case k.DefaultTarget != nil:
			def = render.Number(*k.DefaultTarget, -1, "vi")
		case k.TargetFromBaseline:
			def = fmt.Sprintf("số %d của đơn vị", c.Year-1)
		}
		better := "cao hơn"
		if k.LowerIsBetter() {
			better = "thấp hơn"
		}
		kt.Rows = append(kt.Rows, []any{k.Code, k.Name, k.Unit, k.Kind, better, k.Weight, c.KPICap(k), def})
	}
	at := &render.Table{Headers: []string{"Mã", "Danh hiệu", "Điều kiện"}, Width: width}
	for _, a := range c.Awards {
		at.Rows = append(at.Rows, []any{a.Code, a.Name, i18n.Rule("vi", a)})
	}
	if c.FieldAwards.Enabled {
		at.Rows = append(at.Rows, []any{"field", c.FieldAwards.Name, i18n.T("vi", i18n.RuleFieldAwards)})
	}
	if opts.Format == "table" {
		fmt.Fprintln(out, render.WrapHanging(fmt.Sprintf("Phong trào %s — %s (năm %d, trần tỷ lệ đạt %s)", c.Code, c.Name, c.Year, render.Number(c.Cap, 1, "vi")), width))
		fmt.Fprintln(out, render.WrapHanging(rulebookLine(c), width))
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
	tt := &render.Table{Headers: []string{"Mã", "Danh hiệu cá nhân", "Điều kiện"}, Width: width}
	for _, t := range c.Titles {
		tt.Rows = append(tt.Rows, []any{t.Code, t.Name, i18n.TitleRule("vi", t)})
	}
	fmt.Fprintln(out)
	return tt.Write(out, opts.Format)
}

// rulebookLine says how points are counted and how far the council's
// adjustments go.
func rulebookLine(c *campaign.Campaign) string {
	method := "điểm = trọng số × min(tỷ lệ đạt, trần)"
	if c.Method == campaign.MethodLeader {
		scope := "cụm"
		if c.LeaderScope == campaign.ScopeProvince {
			scope = "toàn tỉnh"
		}
		method = "điểm = trọng số × min(tỷ lệ đạt, trần) / của đơn vị dẫn đầu " + scope
	}
	bound := func(p *float64) string {
		if p == nil {
			return "không giới hạn"
		}
		return "tối đa " + render.Number(*p, -1, "vi")
	}
	adj := "điểm cộng, điểm trừ: không giới hạn"
	if b := c.Adjustments; b != nil {
		adj = fmt.Sprintf("điểm cộng %s, điểm trừ %s", bound(b.MaxBonus), bound(b.MaxPenalty))
	}
	return fmt.Sprintf("Cách tính (method %s): %s; %s", c.Method, method, adj)
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
		Use:   "export",
		Short: "Write the campaign as YAML, to edit and load again",
		Long: `Write the workspace's campaign as YAML (to stdout, or -o FILE). Outside a
workspace, the embedded default bhxh-2024 is written.`,
		Example: "  kpi campaign export -o campaign.yaml",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return campaignExportRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write (default stdout)")
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
	if err := os.WriteFile(opts.Output, data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "✓ đã ghi %s\n", opts.Output)
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
		Use:   "load FILE.yaml",
		Short: "Validate a campaign YAML and make it the workspace's campaign",
		Long: `Validate the campaign in FILE.yaml and, only if it is valid, replace the
workspace's campaign with it. Checked: KPI codes unique, weights positive and
summing to 100, kinds and directions known, caps ≥ 1, every award rule valid.
On any error nothing changes.`,
		Example: "  kpi campaign load campaign.yaml",
		Args:    exactArgs(1),
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
	fmt.Fprintf(opts.IO.ErrOut, "✓ đã nạp phong trào %s (%d chỉ tiêu, %d danh hiệu)\n", c.Code, len(c.KPIs), len(c.Awards))
	return nil
}
