package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
)

// Campaign returns the stored campaign.
func (s *DB) Campaign(ctx context.Context) (*campaign.Campaign, error) {
	var y string
	err := s.db.QueryRowContext(ctx, "SELECT yaml FROM campaign WHERE id = 1").Scan(&y)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNoCampaign
	}
	if err != nil {
		return nil, err
	}
	return campaign.Parse([]byte(y))
}

// SetCampaign stores the campaign.
func (s *DB) SetCampaign(ctx context.Context, c *campaign.Campaign) error {
	y, err := c.YAML()
	if err != nil {
		return err
	}
	return s.write(ctx, func(w *writeTx) error {
		_, err := w.ExecContext(ctx, `INSERT INTO campaign (id, code, year, yaml, updated_at) VALUES (1, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET code = excluded.code, year = excluded.year, yaml = excluded.yaml, updated_at = excluded.updated_at`,
			c.Code, c.Year, string(y), time.Now().UTC().Format(time.RFC3339))
		return err
	})
}

// UnitNames returns every unit in workbook order, without targets.
func (s *DB) UnitNames(ctx context.Context) ([]campaign.Unit, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT code, name, cluster FROM units ORDER BY position, code")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var units []campaign.Unit
	for rows.Next() {
		var u campaign.Unit
		if err := rows.Scan(&u.Code, &u.Name, &u.Cluster); err != nil {
			return nil, err
		}
		units = append(units, u)
	}
	return units, rows.Err()
}

// Units returns every unit in workbook order.
func (s *DB) Units(ctx context.Context) ([]campaign.Unit, error) {
	units, err := s.UnitNames(ctx)
	if err != nil {
		return nil, err
	}
	idx := make(map[string]int, len(units))
	for i := range units {
		units[i].Targets, units[i].Baselines = map[string]float64{}, map[string]float64{}
		idx[units[i].Code] = i
	}
	vals, err := s.db.QueryContext(ctx, "SELECT unit_code, kpi, kind, value FROM unit_values")
	if err != nil {
		return nil, err
	}
	defer vals.Close()
	for vals.Next() {
		var code, kpi, kind string
		var v float64
		if err := vals.Scan(&code, &kpi, &kind, &v); err != nil {
			return nil, err
		}
		i, ok := idx[code]
		if !ok {
			continue
		}
		if kind == "target" {
			units[i].Targets[kpi] = v
		} else {
			units[i].Baselines[kpi] = v
		}
	}
	if err := vals.Err(); err != nil {
		return nil, err
	}
	qs, err := s.db.QueryContext(ctx, "SELECT unit_code, kpi, quarter, value FROM unit_quarters")
	if err != nil {
		return nil, err
	}
	defer qs.Close()
	for qs.Next() {
		var code, kpi string
		var q int
		var v float64
		if err := qs.Scan(&code, &kpi, &q, &v); err != nil {
			return nil, err
		}
		i, ok := idx[code]
		if !ok || q < 1 || q > 4 {
			continue
		}
		if units[i].Quarters == nil {
			units[i].Quarters = map[string][4]float64{}
		}
		plan := units[i].Quarters[kpi]
		plan[q-1] = v
		units[i].Quarters[kpi] = plan
	}
	return units, qs.Err()
}

// SaveUnits upserts units and replaces their values, in one transaction.
func (s *DB) SaveUnits(ctx context.Context, units []campaign.Unit) error {
	return s.write(ctx, func(w *writeTx) error {
		// units of this workbook come first, in its order; others keep theirs after
		if _, err := w.ExecContext(ctx, "UPDATE units SET position = position + ?", len(units)+1); err != nil {
			return err
		}
		up, err := w.PrepareContext(ctx, `INSERT INTO units (code, name, cluster, position) VALUES (?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, cluster = excluded.cluster, position = excluded.position`)
		if err != nil {
			return err
		}
		defer up.Close()
		del, err := w.PrepareContext(ctx, "DELETE FROM unit_values WHERE unit_code = ?")
		if err != nil {
			return err
		}
		defer del.Close()
		ins, err := w.PrepareContext(ctx, "INSERT INTO unit_values (unit_code, kpi, kind, value) VALUES (?, ?, ?, ?)")
		if err != nil {
			return err
		}
		defer ins.Close()
		delQ, err := w.PrepareContext(ctx, "DELETE FROM unit_quarters WHERE unit_code = ?")
		if err != nil {
			return err
		}
		defer delQ.Close()
		insQ, err := w.PrepareContext(ctx, "INSERT INTO unit_quarters (unit_code, kpi, quarter, value) VALUES (?, ?, ?, ?)")
		if err != nil {
			return err
		}
		defer insQ.Close()
		for i, u := range units {
			if _, err := up.ExecContext(ctx, u.Code, u.Name, u.Cluster, i+1); err != nil {
				return fmt.Errorf("saving unit %s: %w", u.Code, err)
			}
			if _, err := del.ExecContext(ctx, u.Code); err != nil {
				return err
			}
			for kpi, v := range u.Targets {
				if _, err := ins.ExecContext(ctx, u.Code, kpi, "target", v); err != nil {
					return err
				}
			}
			for kpi, v := range u.Baselines {
				if _, err := ins.ExecContext(ctx, u.Code, kpi, "baseline", v); err != nil {
					return err
				}
			}
			if _, err := delQ.ExecContext(ctx, u.Code); err != nil {
				return err
			}
			for kpi, plan := range u.Quarters {
				for q, v := range plan {
					if _, err := insQ.ExecContext(ctx, u.Code, kpi, q+1, v); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
}

// TargetTable returns each unit's targets for the given KPIs, in their
// order (NaN where the unit has none): one slice per unit, far lighter
// than Units for the 200,000 units of a national consolidated sheet.
func (s *DB) TargetTable(ctx context.Context, kpis []string) (map[string][]float64, error) {
	idx := make(map[string]int, len(kpis))
	for i, k := range kpis {
		idx[k] = i
	}
	rows, err := s.db.QueryContext(ctx, "SELECT unit_code, kpi, value FROM unit_values WHERE kind = 'target'")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]float64{}
	for rows.Next() {
		var code, kpi string
		var v float64
		if err := rows.Scan(&code, &kpi, &v); err != nil {
			return nil, err
		}
		i, ok := idx[kpi]
		if !ok {
			continue
		}
		t := out[code]
		if t == nil {
			t = make([]float64, len(kpis))
			for j := range t {
				t[j] = math.NaN()
			}
			out[code] = t
		}
		t[i] = v
	}
	return out, rows.Err()
}
