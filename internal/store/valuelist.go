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

// A unit's targets and baselines are kept in the unit's row, as one text
// each (units.targets, units.baselines): "kpi value kpi value …", by KPI
// code, each value the shortest text that reads back to the same
// float64. The importer reads the targets of a whole country at once for
// its plausibility checks: 200,000 rows of units, where a row per value
// was 1.4 million (0.1 s against 0.85 s), and a workspace of 200,000 units
// is 97 MB smaller.

// valueList writes a unit's values as units.targets and units.baselines
// hold them.
func valueList(vals map[string]float64) string {
	var b []byte
	for _, k := range slices.Sorted(maps.Keys(vals)) {
		b = appendValue(b, k, vals[k])
	}
	return string(b)
}

// appendValue appends a KPI's value to a values text.
func appendValue(b []byte, kpi string, v float64) []byte {
	if len(b) > 0 {
		b = append(b, ' ')
	}
	return strconv.AppendFloat(append(append(b, kpi...), ' '), v, 'g', -1, 64)
}

// eachValue calls f with each KPI code and value of a values text; a
// pair that does not read is an error (the text is kpi's own).
func eachValue(list string, f func(kpi string, v float64)) error {
	for list != "" {
		kpi, rest, ok := strings.Cut(list, " ")
		if !ok {
			return fmt.Errorf("%q: a KPI without its value", list)
		}
		num, after, _ := strings.Cut(rest, " ")
		v, err := parseValue(num)
		if err != nil || math.IsNaN(v) {
			return fmt.Errorf("%s: %q is not a number", kpi, num)
		}
		f(kpi, v)
		list = after
	}
	return nil
}

// parseValue reads a value of a values text: a whole number of up to 15
// digits (most targets) directly, exactly as strconv.ParseFloat would
// read it, anything else by strconv.ParseFloat.
func parseValue(s string) (float64, error) {
	neg := len(s) > 0 && s[0] == '-'
	digits := s
	if neg {
		digits = s[1:]
	}
	if len(digits) == 0 || len(digits) > 15 {
		return strconv.ParseFloat(s, 64)
	}
	var n int64
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return strconv.ParseFloat(s, 64)
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		if n == 0 {
			return strconv.ParseFloat(s, 64) // -0
		}
		n = -n
	}
	return float64(n), nil
}

// valueMap reads a values text into a map.
func valueMap(list string) (map[string]float64, error) {
	m := map[string]float64{}
	err := eachValue(list, func(k string, v float64) { m[k] = v })
	return m, err
}

// moveUnitValues is the data step of migration 8: every unit's targets
// and baselines from its unit_values rows into its own texts (written
// as the rows come, in KPI order: a workspace of 200,000 units holds
// their texts, not a map per unit), then unit_values goes.
func moveUnitValues(ctx context.Context, w *writeTx) error {
	rows, err := w.QueryContext(ctx, "SELECT unit_code, kpi, kind, value FROM unit_values ORDER BY unit_code, kpi")
	if err != nil {
		return err
	}
	byUnit := map[string]*[2][]byte{} // targets, baselines
	for rows.Next() {
		var unit, kpi, kind string
		var v float64
		if err := rows.Scan(&unit, &kpi, &kind, &v); err != nil {
			rows.Close()
			return err
		}
		u := byUnit[unit]
		if u == nil {
			u = &[2][]byte{}
			byUnit[unit] = u
		}
		b := &u[0]
		if kind != "target" {
			b = &u[1]
		}
		*b = appendValue(*b, kpi, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	up, err := w.PrepareContext(ctx, "UPDATE units SET targets = ?, baselines = ? WHERE code = ?")
	if err != nil {
		return err
	}
	defer up.Close()
	for unit, u := range byUnit {
		if _, err := up.ExecContext(ctx, string(u[0]), string(u[1]), unit); err != nil {
			return err
		}
	}
	_, err = w.ExecContext(ctx, "DROP TABLE unit_values")
	return err
}
