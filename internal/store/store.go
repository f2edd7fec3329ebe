// Package store keeps the workspace: the campaign, units with their targets,
// and the import history with its reports. All SQL lives here, behind the
// Store interface, so that another database can stand behind the same
// commands: DB is the one implementation (db.go), with a dialect per
// database for what differs (dialect.go, and the files of each), and
// every change to the workspace goes through DB.write.
package store

import (
	"context"
	"errors"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
)

// ErrNoCampaign is returned when the workspace has no campaign yet.
var ErrNoCampaign = errors.New("the workspace has no campaign: run 'kpi init'")

// Store is the workspace's storage.
type Store interface {
	// Campaign returns the campaign of the workspace (ErrNoCampaign if none).
	Campaign(ctx context.Context) (*campaign.Campaign, error)
	// SetCampaign replaces the campaign.
	SetCampaign(ctx context.Context, c *campaign.Campaign) error
	// Units returns every unit with its targets and baselines, in the order
	// of the targets workbook they last came from.
	Units(ctx context.Context) ([]campaign.Unit, error)
	// UnitNames returns every unit's code, name and cluster, without
	// targets: what an import needs to recognise units.
	UnitNames(ctx context.Context) ([]campaign.Unit, error)
	// UnitTable returns every unit's code and its targets for the KPIs
	// given, in their order (NaN where there is none, and for a KPI given
	// as ""): what an import needs of the units.
	UnitTable(ctx context.Context, kpis []string) (*UnitTable, error)
	// SaveUnits adds or updates the given units and replaces their targets
	// and baselines, in one transaction. Units not given are kept.
	SaveUnits(ctx context.Context, units []campaign.Unit) error
	// FindImport returns the id of the import of a file with this SHA-256.
	FindImport(ctx context.Context, sha256 string) (id int64, found bool, err error)
	// ImportsBySHA returns the imports in force by their file's SHA-256:
	// FindImport for many files at once.
	ImportsBySHA(ctx context.Context) (map[string]int64, error)
	// SaveImport records one file and its reports in one transaction. Each
	// report supersedes the live report for its unit and period, if any.
	// Unless force, a file whose SHA-256 is already imported is refused with
	// *AlreadyImportedError (checked inside the transaction).
	SaveImport(ctx context.Context, rec ImportRecord, reports []report.Report, force bool) (id int64, superseded []Superseded, err error)
	// Imports lists the history, oldest first.
	Imports(ctx context.Context) ([]ImportRecord, error)
	// Undo takes an import back and brings back the reports it
	// superseded; the import stays in the history, marked undone.
	Undo(ctx context.Context, id int64, reason string) (restored []Superseded, err error)
	// LiveReports lists the reports in force for a campaign year.
	LiveReports(ctx context.Context, year int) ([]LiveReport, error)
	// Observations lists the figures of the live reports of a year, for one
	// unit or (unit "") all units, in no particular order.
	Observations(ctx context.Context, year int, unit string) ([]report.Observation, error)
	// ObservationsOf is Observations for the units given.
	ObservationsOf(ctx context.Context, year int, units []string) ([]report.Observation, error)
	// Reports lists the live reports of a year with their figures and the
	// import each came from, for one unit and/or one period ("" for all).
	Reports(ctx context.Context, year int, unit, period string) ([]StoredReport, error)
	// UnitReports lists one unit's reports of a year, replaced ones too.
	UnitReports(ctx context.Context, year int, unit string) ([]StoredReport, error)
	// The council's decisions (see council.go): bonus and penalty points,
	// exclusions from awards, nominations of individuals, each withdrawn
	// but never deleted.
	AddAdjustment(ctx context.Context, a campaign.Adjustment) (int64, error)
	Adjustments(ctx context.Context, unit string, all bool) ([]campaign.Adjustment, error)
	RemoveAdjustment(ctx context.Context, id int64, reason string) (campaign.Adjustment, error)
	Exclude(ctx context.Context, e campaign.Exclusion) (int64, error)
	Exclusions(ctx context.Context, all bool) ([]campaign.Exclusion, error)
	RemoveExclusion(ctx context.Context, unit, reason string) (campaign.Exclusion, error)
	AddNomination(ctx context.Context, n campaign.Nomination) (int64, error)
	Nominations(ctx context.Context, unit string, all bool) ([]campaign.Nomination, error)
	RemoveNomination(ctx context.Context, id int64, reason string) (campaign.Nomination, error)
	// Settings returns the workspace's settings (kpi settings) that are
	// set: key → value.
	Settings(ctx context.Context) (map[string]string, error)
	// SetSetting sets a setting, or clears it when value is "", and logs
	// the change; setting a value it already has changes nothing.
	SetSetting(ctx context.Context, key, value string) error
	// AuditLog lists every change to the campaign, the targets and the
	// council's decisions, and every undone import, oldest first.
	AuditLog(ctx context.Context) ([]AuditEntry, error)
	// Backup writes a consistent copy of the workspace to a new file.
	Backup(ctx context.Context, path string) error
	// QuickCheck refuses a damaged workspace (ErrDamaged) with a cheap
	// check of the database's structure, before a command writes into it.
	QuickCheck(ctx context.Context) error
	// Check runs the integrity check and the workspace's invariants.
	Check(ctx context.Context) ([]Problem, error)
	// Summarise counts every table's rows and hashes every value, to
	// verify a copy.
	Summarise(ctx context.Context) (Summary, error)
	// Path names the workspace (a file path or URL) for messages.
	Path() string
	Close() error
}
