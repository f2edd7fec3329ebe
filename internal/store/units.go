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

// SetCampaign stores the campaign, and logs each setting it changes (or,
// for the first campaign of the workspace, the campaign).
func (s *DB) SetCampaign(ctx context.Context, c *campaign.Campaign) error {
	y, err := c.YAML()
	if err != nil {
		return err
	}
	return s.write(ctx, func(w *writeTx) error {
		var oldYAML string
		switch err := w.QueryRowContext(ctx, "SELECT yaml FROM campaign WHERE id = 1").Scan(&oldYAML); {
		case errors.Is(err, sql.ErrNoRows):
			w.log(AuditEntry{Action: ActCampaign, Subject: c.Code,
				After: fmt.Sprintf("%s (%d chỉ tiêu, %d danh hiệu đơn vị, %d danh hiệu cá nhân)", c.Name, len(c.KPIs), len(c.Awards), len(c.Titles))})
		case err != nil:
			return err
		default:
			old, err := campaign.Parse([]byte(oldYAML))
			if err != nil {
				w.log(AuditEntry{Action: ActCampaign, Subject: c.Code, Before: "(phong trào cũ không đọc được)", After: c.Name})
				break
			}
			changes, err := campaign.Diff(old, c)
			if err != nil {
				return err
			}
			for _, ch := range changes {
				w.log(AuditEntry{Action: ActCampaign, Subject: c.Code, Field: ch.Field, Before: ch.Before, After: ch.After})
			}
		}
		_, err := w.ExecContext(ctx, `INSERT INTO campaign (id, code, year, yaml, updated_at) VALUES (1, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET code = excluded.code, year = excluded.year, yaml = excluded.yaml, updated_at = excluded.updated_at`,
			c.Code, c.Year, string(y), time.Now().UTC().Format(time.RFC3339))
		return err
	})
}

// querier runs a query: the workspace's database, or a writing
// transaction.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// UnitNames returns every unit in workbook order, without targets.
func (s *DB) UnitNames(ctx context.Context) ([]campaign.Unit, error) { return unitNames(ctx, s.db) }

func unitNames(ctx context.Context, db querier) ([]campaign.Unit, error) {
	rows, err := db.QueryContext(ctx, "SELECT code, name, cluster FROM units ORDER BY position, code")
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
func (s *DB) Units(ctx context.Context) ([]campaign.Unit, error) { return units(ctx, s.db) }

func units(ctx context.Context, db querier) ([]campaign.Unit, error) {
	rows, err := db.QueryContext(ctx, "SELECT code, name, cluster, targets, baselines FROM units ORDER BY position, code")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var units []campaign.Unit
	for rows.Next() {
		var u campaign.Unit
		var targets, baselines string
		if err := rows.Scan(&u.Code, &u.Name, &u.Cluster, &targets, &baselines); err != nil {
			return nil, err
		}
		if u.Targets, err = valueMap(targets); err != nil {
			return nil, fmt.Errorf("chỉ tiêu của %s: %w", u.Code, err)
		}
		if u.Baselines, err = valueMap(baselines); err != nil {
			return nil, fmt.Errorf("số năm trước của %s: %w", u.Code, err)
		}
		units = append(units, u)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	idx := make(map[string]int, len(units))
	for i := range units {
		idx[units[i].Code] = i
	}
	qs, err := db.QueryContext(ctx, "SELECT unit_code, kpi, quarter, value FROM unit_quarters")
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

// SaveUnits upserts units and replaces their values, in one transaction,
// and logs each unit added and each value changed.
func (s *DB) SaveUnits(ctx context.Context, updated []campaign.Unit) error {
	return s.write(ctx, func(w *writeTx) error {
		old, err := units(ctx, w)
		if err != nil {
			return err
		}
		w.log(unitChanges(old, updated)...)
		// units of this workbook come first, in its order; others keep theirs after
		if _, err := w.ExecContext(ctx, "UPDATE units SET position = position + ?", len(updated)+1); err != nil {
			return err
		}
		up, err := w.PrepareContext(ctx, `INSERT INTO units (code, name, cluster, position, targets, baselines) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, cluster = excluded.cluster, position = excluded.position,
			targets = excluded.targets, baselines = excluded.baselines`)
		if err != nil {
			return err
		}
		defer up.Close()
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
		for i, u := range updated {
			if _, err := up.ExecContext(ctx, u.Code, u.Name, u.Cluster, i+1, valueList(u.Targets), valueList(u.Baselines)); err != nil {
				return fmt.Errorf("saving unit %s: %w", u.Code, err)
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

// unitChanges are the audit log entries of a targets import: a unit added,
// with its values, or one entry per value changed.
func unitChanges(old, updated []campaign.Unit) []AuditEntry {
	prev := make(map[string]campaign.Unit, len(old))
	for _, u := range old {
		prev[u.Code] = u
	}
	var out []AuditEntry
	for _, u := range updated {
		p, ok := prev[u.Code]
		if !ok {
			out = append(out, AuditEntry{Action: ActTargets, Subject: u.Code, Field: "đơn vị mới", After: campaign.UnitSummary(u)})
			continue
		}
		for _, c := range campaign.UnitDiff(p, u) {
			out = append(out, AuditEntry{Action: ActTargets, Subject: u.Code, Field: c.Field, Before: c.Before, After: c.After})
		}
	}
	return out
}

// UnitCodes returns every unit's code.
func (s *DB) UnitCodes(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT code FROM units")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var codes []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		codes = append(codes, c)
	}
	return codes, rows.Err()
}

// Targets is units' targets for some KPIs (TargetTable), held compactly:
// a national workspace has 200,000 units.
type Targets struct {
	n    int              // KPIs per unit
	idx  map[string]int32 // unit → its row in vals
	vals []float64        // n per unit, NaN where none
}

// Of returns a unit's targets in the KPIs' order, nil for a unit with
// none.
func (t *Targets) Of(unit string) []float64 {
	i, ok := t.idx[unit]
	if !ok {
		return nil
	}
	return t.vals[int(i)*t.n : int(i+1)*t.n : int(i+1)*t.n]
}

// TargetTable returns the targets of the given units (nil: all) for the
// given KPIs, in their order (NaN where the unit has none, and for a KPI
// given as ""). They are read from units.targets (valuelist.go), units
// looked up a thousand at a time.
func (s *DB) TargetTable(ctx context.Context, kpis, units []string) (*Targets, error) {
	idx := make(map[string]int, len(kpis))
	for i, k := range kpis {
		if k != "" {
			idx[k] = i
		}
	}
	if len(idx) == 0 {
		return &Targets{n: len(kpis)}, nil
	}
	// sized once: growing them would hold twice the table for a while
	size := len(units)
	if units == nil {
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM units").Scan(&size); err != nil {
			return nil, err
		}
	}
	out := &Targets{n: len(kpis), idx: make(map[string]int32, size), vals: make([]float64, 0, size*len(kpis))}
	const base = "SELECT code, targets FROM units WHERE targets <> ''"
	if units == nil {
		return out, s.targetRows(ctx, out, idx, base)
	}
	for start := 0; start < len(units); start += liveBatch {
		part := units[start:min(start+liveBatch, len(units))]
		if err := s.targetRows(ctx, out, idx, base+" AND code IN "+placeholderRow(len(part)), anySlice(part)...); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// targetRows adds the units of query q (code, targets text) to t; idx
// gives each KPI's place.
func (s *DB) targetRows(ctx context.Context, t *Targets, idx map[string]int, q string, args ...any) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var list string // scanned into for every row: not a heap object each
	for rows.Next() {
		var code string
		if err := rows.Scan(&code, &list); err != nil {
			return err
		}
		row := int32(len(t.vals) / t.n)
		for range t.n {
			t.vals = append(t.vals, math.NaN())
		}
		err := eachValue(list, func(kpi string, v float64) {
			if i, ok := idx[kpi]; ok {
				t.vals[int(row)*t.n+i] = v
			}
		})
		if err != nil {
			return fmt.Errorf("%s: %w", code, err)
		}
		t.idx[code] = row
	}
	return rows.Err()
}

func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
