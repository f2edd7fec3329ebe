package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/demo"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/spf13/cobra"
)

// SampleOptions are the options of kpi sample.
type SampleOptions struct {
	IO *IOStreams

	Dir     string
	Units   int
	Months  int
	Seed    uint64
	BigRows int
}

// NewCmdSample builds kpi sample; runF, when not nil, runs instead of
// sampleRun (for tests of the flags).
func NewCmdSample(f *Factory, runF func(*SampleOptions) error) *cobra.Command {
	opts := &SampleOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:  "sample --dir DIR [--units N] [--months M] [--big-rows R]",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Units < 1 || opts.Months < 1 || opts.Months > 12 || opts.BigRows < 0 {
				return usageError{i18n.Errorf(i18n.SampleSizes)}
			}
			if runF != nil {
				return runF(opts)
			}
			return sampleRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "", "")
	cmd.Flags().IntVar(&opts.Units, "units", 700, "")
	cmd.Flags().IntVar(&opts.Months, "months", 12, "")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 1, "")
	cmd.Flags().IntVar(&opts.BigRows, "big-rows", 0, "")
	_ = cmd.MarkFlagRequired("dir")
	return cmd
}

func sampleRun(ctx context.Context, opts *SampleOptions) error {
	c := campaign.Default()
	p := demo.New(c, opts.Units, opts.Months, opts.Seed)
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return err
	}
	if err := demo.WriteTargets(filepath.Join(opts.Dir, "chitieu.xlsx"), c, p); err != nil {
		return err
	}
	type job struct {
		unit  int
		month int
	}
	jobs := make(chan job)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if err := writeSampleReport(opts.Dir, c, p, j.unit, j.month); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for m := 1; m <= opts.Months; m++ {
		if err := os.MkdirAll(filepath.Join(opts.Dir, "reports", fmt.Sprintf("%d-%02d", c.Year, m)), 0o755); err != nil {
			return err
		}
		for i := range p.Units {
			jobs <- job{i, m}
		}
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.SampleWritten, opts.Dir, opts.Units, opts.Units*opts.Months)
	if opts.BigRows > 0 {
		dir := filepath.Join(opts.Dir, "big")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := demo.WriteBig(filepath.Join(dir, "chitieu.xlsx"), filepath.Join(dir, "tonghop_2024-01.xlsx"), c, opts.BigRows, opts.Seed); err != nil {
			return err
		}
		opts.IO.tell(opts.IO.ErrOut, i18n.SampleBig, dir, opts.BigRows)
	}
	return nil
}

// writeSampleReport writes unit i's report for month m: every fifth a
// one-row wide workbook, every seventh long one typed the messy way.
func writeSampleReport(dir string, c *campaign.Campaign, p *demo.Province, i, m int) error {
	u := p.Units[i]
	path := filepath.Join(dir, "reports", fmt.Sprintf("%d-%02d", c.Year, m), fmt.Sprintf("%s_%d-%02d.xlsx", u.Code, c.Year, m))
	if (i+m)%5 == 0 {
		one := *p
		one.Units = []campaign.Unit{u}
		return demo.WriteWide(path, c, &one, m)
	}
	return demo.WriteLong(path, c, p, u, m, demo.LongStyle{Messy: (i+m)%7 == 0})
}
