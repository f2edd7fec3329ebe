package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
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

// UnitTable is every unit of a workspace, by code, with its targets for
// some KPIs: what an import needs of the units, held compactly (a national
// workspace has 200,000).
type UnitTable struct {
	n     int              // KPIs per unit
	codes string           // every code, one after the other
	idx   map[string]int32 // code → its row
	upper map[string]int32 // upper-cased code → its row, for a code that is not upper-case
	ends  []int32          // row → the end of its code in codes
	vals  []float64        // n per row, NaN where none
	has   []bool           // row → whether it has targets
}

// Len is how many units there are.
func (t *UnitTable) Len() int { return len(t.ends) }

// Code returns the code of the unit a text names by its code, upper or
// lower case.
func (t *UnitTable) Code(text string) (string, bool) {
	i, ok := t.idx[text]
	if !ok {
		u := strings.ToUpper(text)
		if i, ok = t.idx[u]; !ok {
			i, ok = t.upper[u]
		}
	}
	if !ok {
		return "", false
	}
	return t.code(i), true
}

func (t *UnitTable) code(i int32) string {
	start := int32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.codes[start:t.ends[i]]
}

// Of returns a unit's targets in the KPIs' order, nil for a unit with
// none.
func (t *UnitTable) Of(code string) []float64 {
	i, ok := t.idx[code]
	if !ok || !t.has[i] {
		return nil
	}
	return t.vals[int(i)*t.n : int(i+1)*t.n : int(i+1)*t.n]
}

// UnitTable reads every unit with its targets for the given KPIs, in
// their order (NaN where the unit has none, and for a KPI given as ""),
// from units.targets (valuelist.go). The units come as a text per
// unitChunk of them (a line each, the code and the targets apart), not
// 200,000 rows through the driver: 0.1 s instead of 0.3 for a national
// workspace.
func (s *DB) UnitTable(ctx context.Context, kpis []string) (*UnitTable, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM units").Scan(&n); err != nil {
		return nil, err
	}
	// the next text is read while one is taken apart
	type chunk struct {
		n    int
		text string
		err  error
	}
	ctx, stop := context.WithCancel(ctx)
	chunks := make(chan chunk, 1)
	go func() {
		defer close(chunks)
		after, from := "", ">=" // the first chunk from "" itself
		for {
			var c chunk
			var last, text sql.NullString
			c.err = s.db.QueryRowContext(ctx, `SELECT count(*), max(code), string_agg(code || ? || targets, ?)
				FROM (SELECT code, targets FROM units WHERE code `+from+` ? ORDER BY code LIMIT ?) t`, unitSep, rowSep, after, unitChunk).Scan(&c.n, &last, &text)
			from = ">"
			c.text, after = text.String, last.String
			if c.n == 0 && c.err == nil {
				return
			}
			select {
			case chunks <- c:
			case <-ctx.Done():
				return
			}
			if c.err != nil || c.n < unitChunk {
				return
			}
		}
	}()
	defer func() {
		stop()
		for range chunks {
		}
	}()
	b := newTableBuilder(kpis, n)
	for c := range chunks {
		if c.err != nil {
			return nil, c.err
		}
		if strings.Count(c.text, rowSep) != c.n-1 || strings.Count(c.text, unitSep) != c.n {
			// a code with a separator in it: row by row
			return s.unitRows(ctx, kpis, n)
		}
		for line := range strings.SplitSeq(c.text, rowSep) {
			code, list, _ := strings.Cut(line, unitSep)
			if err := b.add(code, list); err != nil {
				return nil, err
			}
		}
	}
	return b.done(), nil
}

// unitChunk is how many units one text of UnitTable holds (some 1.5 MB;
// a variable for the tests).
var unitChunk = 16384

// unitSep and rowSep part a unit's code from its targets and a unit from
// the next in UnitTable's text: control characters a workbook's cell
// cannot hold (XML 1.0 has no place for them).
const (
	unitSep = "\x1f"
	rowSep  = "\x1e"
)

// unitRows is UnitTable reading a row per unit.
func (s *DB) unitRows(ctx context.Context, kpis []string, n int) (*UnitTable, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT code, targets FROM units")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	b := newTableBuilder(kpis, n)
	for rows.Next() {
		var code, list string
		if err := rows.Scan(&code, &list); err != nil {
			return nil, err
		}
		if err := b.add(code, list); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return b.done(), nil
}

// tableBuilder makes a UnitTable a unit at a time.
type tableBuilder struct {
	t     *UnitTable
	place map[string]int // KPI → its place
	codes []byte
	// the previous unit's KPIs and their places, in the order of its
	// text: most units have the same, found without the map
	seen   []string
	seenAt []int
}

// newTableBuilder starts a table of about n units.
func newTableBuilder(kpis []string, n int) *tableBuilder {
	b := &tableBuilder{place: make(map[string]int, len(kpis)), codes: make([]byte, 0, 8*n)}
	for i, k := range kpis {
		if k != "" {
			b.place[k] = i
		}
	}
	b.t = &UnitTable{n: len(kpis), ends: make([]int32, 0, n), vals: make([]float64, 0, n*len(kpis)), has: make([]bool, 0, n)}
	return b
}

// add adds a unit (its code and targets text are copied, not kept).
func (b *tableBuilder) add(code, list string) error {
	t := b.t
	row := len(t.ends)
	b.codes = append(b.codes, code...)
	t.ends = append(t.ends, int32(len(b.codes)))
	for range t.n {
		t.vals = append(t.vals, math.NaN())
	}
	t.has = append(t.has, list != "" && len(b.place) > 0)
	if !t.has[row] {
		return nil
	}
	j := 0
	err := eachValue(list, func(kpi string, v float64) {
		if j >= len(b.seen) || b.seen[j] != kpi {
			i, ok := b.place[kpi]
			if !ok {
				i = -1
			}
			b.seen, b.seenAt = append(b.seen[:j], kpi), append(b.seenAt[:j], i)
		}
		if i := b.seenAt[j]; i >= 0 {
			t.vals[row*t.n+i] = v
		}
		j++
	})
	if err != nil {
		return fmt.Errorf("%s: %w", code, err)
	}
	return nil
}

// done indexes the units by code.
func (b *tableBuilder) done() *UnitTable {
	t := b.t
	t.codes = string(b.codes)
	t.idx = make(map[string]int32, len(t.ends))
	for i := range t.ends {
		code := t.code(int32(i))
		t.idx[code] = int32(i)
		if u := strings.ToUpper(code); u != code {
			if t.upper == nil {
				t.upper = map[string]int32{}
			}
			t.upper[u] = int32(i)
		}
	}
	return t
}

func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
