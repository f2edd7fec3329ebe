package store

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// A unit's targets are kept twice: row by row in unit_values (with the
// baselines, as the targets workbook gives them), and as one text in
// units.targets — "kpi value kpi value …", each value as the shortest text
// that reads back to the same float64. The importer reads the targets of
// a whole country at once for its plausibility checks: 200,000 rows of
// units, not 1.4 million of unit_values (0.1 s against 0.85 s). SaveUnits
// writes both in one transaction; migration 8 fills the text for the
// units a workspace had.

// targetList writes a unit's targets as units.targets holds them, by KPI
// code.
func targetList(targets map[string]float64) string {
	var b []byte
	for _, k := range slices.Sorted(maps.Keys(targets)) {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, k...)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, targets[k], 'g', -1, 64)
	}
	return string(b)
}

// eachTarget calls f with each KPI code and value of a targets text; a
// pair that does not read is an error (the text is kpi's own).
func eachTarget(list string, f func(kpi string, v float64)) error {
	for list != "" {
		kpi, rest, ok := strings.Cut(list, " ")
		if !ok {
			return fmt.Errorf("targets %q: a KPI without its value", list)
		}
		num, after, _ := strings.Cut(rest, " ")
		v, err := strconv.ParseFloat(num, 64)
		if err != nil || math.IsNaN(v) {
			return fmt.Errorf("targets of %s: %q is not a number", kpi, num)
		}
		f(kpi, v)
		list = after
	}
	return nil
}

// fillTargetLists is the data step of migration 8: every unit's targets
// text from its unit_values rows.
func fillTargetLists(ctx context.Context, w *writeTx) error {
	rows, err := w.QueryContext(ctx, "SELECT unit_code, kpi, value FROM unit_values WHERE kind = 'target'")
	if err != nil {
		return err
	}
	byUnit := map[string]map[string]float64{}
	for rows.Next() {
		var unit, kpi string
		var v float64
		if err := rows.Scan(&unit, &kpi, &v); err != nil {
			rows.Close()
			return err
		}
		if byUnit[unit] == nil {
			byUnit[unit] = map[string]float64{}
		}
		byUnit[unit][kpi] = v
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	up, err := w.PrepareContext(ctx, "UPDATE units SET targets = ? WHERE code = ?")
	if err != nil {
		return err
	}
	defer up.Close()
	for unit, targets := range byUnit {
		if _, err := up.ExecContext(ctx, targetList(targets), unit); err != nil {
			return err
		}
	}
	return nil
}
