package cli

import (
	"context"
	"fmt"
	"sort"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/store"
	"github.com/spf13/cobra"
)

// MigrateOptions are the options of kpi migrate.
type MigrateOptions struct {
	IO *IOStreams

	From, To string
}

// NewCmdMigrate builds kpi migrate; runF, when not nil, runs instead of
// migrateRun (for tests of the flags).
func NewCmdMigrate(f *Factory, runF func(*MigrateOptions) error) *cobra.Command {
	opts := &MigrateOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:  "migrate --from SRC --to DST",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return migrateRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.From, "from", "", "")
	cmd.Flags().StringVar(&opts.To, "to", "", "")
	_ = cmd.MarkFlagRequired("from")
	_ = cmd.MarkFlagRequired("to")
	return cmd
}

func migrateRun(ctx context.Context, opts *MigrateOptions) error {
	src, err := openStore(ctx, opts.From, false)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := openStore(ctx, opts.To, true)
	if err != nil {
		return err
	}
	defer dst.Close()
	from, ok1 := src.(*store.DB)
	to, ok2 := dst.(*store.DB)
	if !ok1 || !ok2 {
		return i18n.Errorf(i18n.MigrateSQLOnly)
	}
	if _, err := dst.Campaign(ctx); err == nil {
		return i18n.Errorf(i18n.MigrateNotEmpty, dst.Path())
	}
	if err := from.CopyTo(ctx, to); err != nil {
		return err
	}
	a, err := src.Summarise(ctx)
	if err != nil {
		return err
	}
	b, err := dst.Summarise(ctx)
	if err != nil {
		return err
	}
	w := opts.IO.Out
	tables := make([]string, 0, len(a.Counts))
	for t := range a.Counts {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	same := a.Checksum == b.Checksum
	for _, t := range tables {
		mark := "✓"
		if a.Counts[t] != b.Counts[t] {
			mark, same = "✗", false
		}
		fmt.Fprintf(w, "%s %-13s %8d → %8d\n", mark, t, a.Counts[t], b.Counts[t])
	}
	opts.IO.tell(w, i18n.MigrateChecksum, a.Checksum[:16], b.Checksum[:16])
	if !same {
		return i18n.Errorf(i18n.MigrateCopyDiffer, dst.Path(), src.Path())
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.Migrated, src.Path(), dst.Path())
	return nil
}
