package cli

import (
	"context"
	"os"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/store"
	"github.com/spf13/cobra"
)

// Factory carries what commands depend on, so tests can swap them.
type Factory struct {
	IO     *IOStreams
	Getenv func(string) string
	Now    func() time.Time

	dbFlag string // --db
}

// DBPath is the workspace: --db, else $KPI_DB, else ./kpi.db.
func (f *Factory) DBPath() string {
	if f.dbFlag != "" {
		return f.dbFlag
	}
	if v := f.Getenv("KPI_DB"); v != "" {
		return v
	}
	return "kpi.db"
}

// OpenStore opens the workspace (creating the file when create is true).
func (f *Factory) OpenStore(ctx context.Context, create bool) (store.Store, error) {
	return openStore(ctx, f.DBPath(), create)
}

// OpenWorkspace opens an existing workspace and reads its campaign; the
// caller closes the store.
func (f *Factory) OpenWorkspace(ctx context.Context) (store.Store, *campaign.Campaign, error) {
	st, err := f.OpenStore(ctx, false)
	if err != nil {
		return nil, nil, err
	}
	c, err := st.Campaign(ctx)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, c, nil
}

// addFormatFlag binds --format (table, csv, json or markdown).
func addFormatFlag(cmd *cobra.Command, dst *string) {
	cmd.Flags().StringVar(dst, "format", "table", "output format: table, csv, json or markdown")
}

func openStore(ctx context.Context, path string, create bool) (store.Store, error) {
	if store.IsPostgresURL(path) {
		return store.OpenPostgres(ctx, path, create)
	}
	return store.OpenSQLite(ctx, path, create)
}

// workspaceExists reports whether the workspace holds a campaign already
// (for a file: whether the file exists).
func (f *Factory) workspaceExists(ctx context.Context) bool {
	path := f.DBPath()
	if !store.IsPostgresURL(path) {
		_, err := os.Stat(path)
		return err == nil
	}
	st, err := store.OpenPostgres(ctx, path, false)
	if err != nil {
		return false
	}
	defer st.Close()
	_, err = st.Campaign(ctx)
	return err == nil
}
