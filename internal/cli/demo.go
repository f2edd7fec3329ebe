package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/demo"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/spf13/cobra"
)

// DemoOptions are the options of kpi demo.
type DemoOptions struct {
	IO  *IOStreams
	Now func() time.Time

	Dir  string
	Seed uint64
}

// NewCmdDemo builds kpi demo; runF, when not nil, runs instead of demoRun
// (for tests of the flags).
func NewCmdDemo(f *Factory, runF func(*DemoOptions) error) *cobra.Command {
	opts := &DemoOptions{IO: f.IO, Now: f.Now}
	cmd := &cobra.Command{
		Use:  "demo",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return demoRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "kpi-demo", "")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 2024, "")
	return cmd
}

func demoRun(ctx context.Context, opts *DemoOptions) error {
	io := opts.IO
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return err
	}
	dbPath := filepath.Join(opts.Dir, "kpi.db")
	reportsDir := filepath.Join(opts.Dir, "baocao")
	for _, p := range []string{dbPath, dbPath + "-wal", dbPath + "-shm", reportsDir} {
		if err := os.RemoveAll(p); err != nil {
			return err
		}
	}
	c := campaign.Default()
	p := demo.New(c, 12, 12, opts.Seed)
	files, err := writeDemoFiles(opts.Dir, c, p)
	if err != nil {
		return err
	}
	io.tell(io.ErrOut, i18n.DemoData, p.Name, len(p.Units), opts.Dir)

	ws := WorkspaceAt(dbPath)
	step := func(n int, cmdline string) { fmt.Fprintf(io.ErrOut, "\n%d. $ kpi %s\n", n, cmdline) }
	campaignPath := filepath.Join(opts.Dir, "phong-trao-2024.yaml")
	y, err := c.CommentedYAML()
	if err != nil {
		return err
	}
	if err := os.WriteFile(campaignPath, y, 0o644); err != nil {
		return err
	}
	step(2, "init --db "+dbPath+" --campaign "+campaignPath)
	if err := initRun(ctx, &InitOptions{IO: io, Workspace: ws, Now: opts.Now, CampaignFile: campaignPath}); err != nil {
		return err
	}
	// who issues and signs the documents: the workspace's settings
	settings := []struct{ key, value, title string }{
		{"organisation", "BẢO HIỂM XÃ HỘI TỈNH " + p.Name, ""},
		{"signer", "Nguyễn Văn An", "GIÁM ĐỐC"},
		{"preparer", "Trần Thị Bình", ""},
	}
	for i, s := range settings {
		line := fmt.Sprintf("settings set %s %q", s.key, s.value)
		if s.title != "" {
			line += fmt.Sprintf(" --title %q", s.title)
		}
		if i == 0 {
			step(3, line)
		} else {
			fmt.Fprintf(io.ErrOut, "%*s$ kpi %s\n", 3, "", line)
		}
		if err := settingsSetRun(ctx, &SettingsSetOptions{IO: io, Workspace: ws, Key: s.key, Value: s.value, Title: s.title}); err != nil {
			return err
		}
	}
	step(4, "targets import "+files.targets)
	if err := targetsImportRun(ctx, &TargetsImportOptions{IO: io, Workspace: ws, File: files.targets}); err != nil {
		return err
	}
	step(5, "units")
	if err := unitsRun(ctx, &UnitsOptions{IO: io, Workspace: ws, Format: "table"}); err != nil {
		return err
	}
	for i, batch := range files.batches {
		step(6+i, "import "+batch)
		if err := importRun(ctx, &ImportOptions{IO: io, Workspace: ws, Now: opts.Now, Paths: []string{batch}}); err != nil {
			return err
		}
	}
	n := 6 + len(files.batches)
	step(n, "status")
	if err := statusRun(ctx, &StatusOptions{IO: io, Workspace: ws, Format: "table"}); err != nil {
		return err
	}
	step(n+1, "progress")
	if err := progressRun(ctx, &ProgressOptions{IO: io, Workspace: ws, scoringFlags: scoringFlags{Format: "table"}}); err != nil {
		return err
	}
	step(n+2, "awards")
	if err := awardsRun(ctx, &AwardsOptions{IO: io, Workspace: ws, scoringFlags: scoringFlags{Format: "table"}}); err != nil {
		return err
	}
	progressPath := filepath.Join(opts.Dir, "tien-do-2024-12.xlsx")
	awardsPath := filepath.Join(opts.Dir, "khen-thuong-2024-12.xlsx")
	step(n+3, "export progress -o "+progressPath)
	if err := exportRun(ctx, &ExportOptions{IO: io, Workspace: ws, Now: opts.Now, Kind: "progress", Output: progressPath}); err != nil {
		return err
	}
	step(n+4, "export awards -o "+awardsPath)
	if err := exportRun(ctx, &ExportOptions{IO: io, Workspace: ws, Now: opts.Now, Kind: "awards", Output: awardsPath}); err != nil {
		return err
	}
	htmlPath := filepath.Join(opts.Dir, "tien-do-2024-12.html")
	step(n+5, "export html -o "+htmlPath)
	if err := exportRun(ctx, &ExportOptions{IO: io, Workspace: ws, Now: opts.Now, Kind: "html", Output: htmlPath}); err != nil {
		return err
	}
	filled := filepath.Join(opts.Dir, "bieu-mau", "H01_2024-12_da-dien.xlsx")
	step(n+6, "template report --unit H01 --period 2024-12 -o "+filled+"   "+i18n.T(io.Lang, i18n.DemoFilled))
	form := &TemplateReportOptions{IO: io, Workspace: ws, Now: opts.Now, Unit: "H01", Period: "2024-12", Output: filled}
	if err := writeFilledForm(ctx, form, c, p); err != nil {
		return err
	}
	fmt.Fprintln(io.ErrOut)
	io.tell(io.ErrOut, i18n.DemoFiles, progressPath, awardsPath, filled, htmlPath)
	fmt.Fprintln(io.ErrOut)
	io.tell(io.ErrOut, i18n.DemoNext, dbPath)
	return nil
}

type demoFiles struct {
	targets string
	batches []string // folders or files, imported in this order
}

// writeDemoFiles writes the targets workbook and a year of reports:
// January and February as consolidated wide workbooks; March as one long
// workbook per district — H07's typed by hand the messy way, H04's with a
// typo in BHYT that a corrected re-submission fixes; April to December as
// consolidated workbooks again, where H11 is missing from December.
func writeDemoFiles(dir string, c *campaign.Campaign, p *demo.Province) (demoFiles, error) {
	var out demoFiles
	out.targets = filepath.Join(dir, "chitieu-2024.xlsx")
	if err := demo.WriteTargets(out.targets, c, p); err != nil {
		return out, err
	}
	for m := 1; m <= 2; m++ {
		sub := filepath.Join(dir, "baocao", fmt.Sprintf("%d-%02d", p.Year, m))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return out, err
		}
		if err := demo.WriteWide(filepath.Join(sub, fmt.Sprintf("tonghop_%d-%02d.xlsx", p.Year, m)), c, p, m); err != nil {
			return out, err
		}
		out.batches = append(out.batches, sub)
	}
	march := filepath.Join(dir, "baocao", fmt.Sprintf("%d-03", p.Year))
	fix := filepath.Join(dir, "baocao", fmt.Sprintf("%d-03-bosung", p.Year))
	for _, d := range []string{march, fix} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return out, err
		}
	}
	for _, u := range p.Units {
		var style demo.LongStyle
		switch u.Code {
		case "H07":
			style.Messy = true
		case "H04":
			style.Typo = map[string]float64{"bhyt": p.Actual[u.Code][2]["bhyt"].Month * 10}
		}
		name := fmt.Sprintf("%s_%d-03.xlsx", u.Code, p.Year)
		if err := demo.WriteLong(filepath.Join(march, name), c, p, u, 3, style); err != nil {
			return out, err
		}
		if u.Code == "H04" {
			if err := demo.WriteLong(filepath.Join(fix, fmt.Sprintf("%s_%d-03_bosung.xlsx", u.Code, p.Year)), c, p, u, 3, demo.LongStyle{}); err != nil {
				return out, err
			}
		}
	}
	out.batches = append(out.batches, march, fix)
	rest := filepath.Join(dir, "baocao", "tonghop")
	if err := os.MkdirAll(rest, 0o755); err != nil {
		return out, err
	}
	for m := 4; m <= 12; m++ {
		pp := p
		if m == 12 {
			pp = withoutUnit(p, "H11")
		}
		if err := demo.WriteWide(filepath.Join(rest, fmt.Sprintf("tonghop_%d-%02d.xlsx", p.Year, m)), c, pp, m); err != nil {
			return out, err
		}
	}
	out.batches = append(out.batches, rest)
	return out, nil
}

// withoutUnit returns a copy of the province without one unit.
func withoutUnit(p *demo.Province, code string) *demo.Province {
	q := *p
	q.Units = nil
	for _, u := range p.Units {
		if u.Code != code {
			q.Units = append(q.Units, u)
		}
	}
	return &q
}

// writeFilledForm writes H01's December report form and fills it in with
// H01's December figures, the way the district would send it back.
func writeFilledForm(ctx context.Context, form *TemplateReportOptions, c *campaign.Campaign, p *demo.Province) error {
	if err := os.MkdirAll(filepath.Dir(form.Output), 0o755); err != nil {
		return err
	}
	if err := templateReportRun(ctx, form); err != nil {
		return err
	}
	return demo.FillReportForm(form.Output, c, p, form.Unit, 12)
}
