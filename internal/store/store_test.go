package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
)

func TestSQLiteRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kpi.db")
	if _, err := OpenSQLite(ctx, path, false); !errors.Is(err, ErrNoWorkspace) {
		t.Fatalf("open missing = %v", err)
	}
	s, err := OpenSQLite(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Campaign(ctx); !errors.Is(err, ErrNoCampaign) {
		t.Fatalf("campaign = %v", err)
	}
	if err := s.SetCampaign(ctx, campaign.Default()); err != nil {
		t.Fatal(err)
	}
	c, err := s.Campaign(ctx)
	if err != nil || c.Code != "bhxh-2024" || len(c.KPIs) != 7 {
		t.Fatalf("campaign = %+v, %v", c, err)
	}
	units := []campaign.Unit{
		{Code: "H02", Name: "B", Cluster: "Cụm 1", Targets: map[string]float64{"thu": 12.5}, Baselines: map[string]float64{"thu": 10}},
		{Code: "H01", Name: "A", Cluster: "Cụm 2", Targets: map[string]float64{}, Baselines: map[string]float64{}},
	}
	if err := s.SaveUnits(ctx, units); err != nil {
		t.Fatal(err)
	}
	// re-save with H01 only: H02 is kept, after H01
	if err := s.SaveUnits(ctx, []campaign.Unit{{Code: "H01", Name: "A2", Targets: map[string]float64{"bhyt": 3}}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Code != "H01" || got[0].Name != "A2" || got[0].Targets["bhyt"] != 3 || got[1].Targets["thu"] != 12.5 || got[1].Baselines["thu"] != 10 {
		t.Fatalf("units = %+v", got)
	}
	s.Close()
}

func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kpi.db")
	s, err := OpenSQLite(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = OpenSQLite(ctx, path, false)
	if err == nil || !strings.Contains(err.Error(), "newer kpi") {
		t.Fatalf("err = %v", err)
	}
}
