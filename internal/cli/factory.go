package cli

import (
	"context"
	"errors"
	"os"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/store"
	"github.com/spf13/cobra"
)

// Factory carries what commands depend on. Each command's constructor
// copies what it needs into its options (the streams, the workspace, the
// clock), so that tests can swap them.
type Factory struct {
	IO     *IOStreams
	Getenv func(string) string
	Now    func() time.Time

	dbFlag   string // --db
	langFlag string // --lang
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

// Workspace is the workspace the commands work on (see DBPath), read when a
// command runs, after its flags are parsed.
func (f *Factory) Workspace() *Workspace { return &Workspace{path: f.DBPath} }

// Workspace is where the campaign, the units and the reports live: a
// SQLite file or a PostgreSQL database.
type Workspace struct{ path func() string }

// WorkspaceAt is the workspace at path (a file or a postgres:// URL).
func WorkspaceAt(path string) *Workspace { return &Workspace{path: func() string { return path }} }

// Path is the file or URL of the workspace.
func (w *Workspace) Path() string { return w.path() }

// OpenStore opens the workspace (creating the file when create is true).
func (w *Workspace) OpenStore(ctx context.Context, create bool) (store.Store, error) {
	return openStore(ctx, w.Path(), create)
}

// Open opens an existing workspace and reads its campaign; the caller
// closes the store.
func (w *Workspace) Open(ctx context.Context) (store.Store, *campaign.Campaign, error) {
	st, err := w.OpenStore(ctx, false)
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

// Exists reports whether the workspace holds a campaign already (for a
// file: whether the file exists).
func (w *Workspace) Exists(ctx context.Context) bool {
	path := w.Path()
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

// addFormatFlag binds --format (table, csv, json or markdown).
func addFormatFlag(cmd *cobra.Command, dst *string) {
	cmd.Flags().StringVar(dst, "format", "table", "")
}

func openStore(ctx context.Context, path string, create bool) (store.Store, error) {
	var st store.Store
	var err error
	if store.IsPostgresURL(path) {
		st, err = store.OpenPostgres(ctx, path, create)
	} else {
		st, err = store.OpenSQLite(ctx, path, create)
	}
	switch {
	case errors.Is(err, store.ErrNoWorkspace):
		return nil, i18n.Wrap(err, i18n.NoWorkspace, store.Redact(path))
	case errors.Is(err, store.ErrNewer):
		return nil, i18n.Wrap(err, i18n.NewerWorkspace, store.Redact(path))
	}
	return st, err
}
