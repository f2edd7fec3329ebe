// Package store keeps the workspace: the campaign, units with their targets,
// and (later) the import history and observations. All SQL lives here, behind
// the Store interface, so that another database can stand behind the same
// commands.
package store

import (
	"context"
	"errors"

	"github.com/bhxh/kpi/internal/campaign"
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
	// SaveUnits adds or updates the given units and replaces their targets
	// and baselines, in one transaction. Units not given are kept.
	SaveUnits(ctx context.Context, units []campaign.Unit) error
	// Path names the workspace (a file path or URL) for messages.
	Path() string
	Close() error
}
