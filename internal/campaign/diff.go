package campaign

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// UnitChanges says what a targets re-import changes.
type UnitChanges struct {
	Added     []string // codes of new units
	Changed   []string // "H01: tên …; thu 1000 → 1200" lines
	Unchanged int
	Kept      []string // units of the workspace that the workbook does not list (kept as they are)
}

// DiffUnits compares the workspace's units (old) with a workbook's (new).
func DiffUnits(old, updated []Unit) UnitChanges {
	var ch UnitChanges
	prev := map[string]Unit{}
	for _, u := range old {
		prev[u.Code] = u
	}
	inNew := map[string]bool{}
	for _, u := range updated {
		inNew[u.Code] = true
		p, ok := prev[u.Code]
		if !ok {
			ch.Added = append(ch.Added, u.Code)
			continue
		}
		changes := UnitDiff(p, u)
		if len(changes) == 0 {
			ch.Unchanged++
			continue
		}
		diffs := make([]string, len(changes))
		for i, c := range changes {
			diffs[i] = c.String()
		}
		ch.Changed = append(ch.Changed, u.Code+": "+strings.Join(diffs, "; "))
	}
	for _, u := range old {
		if !inNew[u.Code] {
			ch.Kept = append(ch.Kept, u.Code)
		}
	}
	return ch
}

// Change is one field that differs between two versions: its name, and
// its value before and after as text.
type Change struct {
	Field, Before, After string
}

// String writes "field before → after".
func (c Change) String() string { return c.Field + " " + c.Before + " → " + c.After }

// UnitDiff lists what differs between two versions of a unit: name,
// cluster, targets ("thu KH"), baselines ("thu 2023") and quarterly plans
// ("thu Q2 KH quý").
func UnitDiff(p, u Unit) []Change {
	var out []Change
	if p.Name != u.Name {
		out = append(out, Change{"tên", fmt.Sprintf("%q", p.Name), fmt.Sprintf("%q", u.Name)})
	}
	if p.Cluster != u.Cluster {
		out = append(out, Change{"cụm", fmt.Sprintf("%q", p.Cluster), fmt.Sprintf("%q", u.Cluster)})
	}
	out = append(out, diffValues("KH", p.Targets, u.Targets)...)
	out = append(out, diffValues("2023", p.Baselines, u.Baselines)...)
	return append(out, diffValues("KH quý", quarterValues(p.Quarters), quarterValues(u.Quarters))...)
}

func diffValues(label string, a, b map[string]float64) []Change {
	var out []Change
	for _, k := range changedKeys(a, b) {
		va, oka := a[k]
		vb, okb := b[k]
		out = append(out, Change{k + " " + label, show(va, oka), show(vb, okb)})
	}
	return out
}

// changedKeys lists, sorted, the keys whose value differs between a and
// b, a key in only one of them included.
func changedKeys[V comparable](a, b map[string]V) []string {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	var out []string
	for k := range keys {
		va, oka := a[k]
		vb, okb := b[k]
		if oka != okb || va != vb {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// UnitSummary writes a unit as the audit log keeps a new one: name,
// cluster and its values, "BHXH huyện A; Cụm 1; thu KH 1200; …".
func UnitSummary(u Unit) string {
	parts := []string{u.Name}
	if u.Cluster != "" {
		parts = append(parts, u.Cluster)
	}
	for _, c := range UnitDiff(Unit{Name: u.Name, Cluster: u.Cluster}, u) {
		parts = append(parts, c.Field+" "+c.After)
	}
	return strings.Join(parts, "; ")
}

// Diff lists what differs between two versions of a campaign, one Change
// per setting, named by its path in the YAML with list items named by
// their code: "kpis[thu].weight 25 → 30", "method capped → leader".
func Diff(old, updated *Campaign) ([]Change, error) {
	a, err := flatten(old)
	if err != nil {
		return nil, err
	}
	b, err := flatten(updated)
	if err != nil {
		return nil, err
	}
	var out []Change
	for _, k := range changedKeys(a, b) {
		va, oka := a[k]
		vb, okb := b[k]
		if !oka {
			va = "(trống)"
		}
		if !okb {
			vb = "(trống)"
		}
		out = append(out, Change{k, va, vb})
	}
	return out, nil
}

// flatten maps each setting of the campaign's YAML to its value as text.
func flatten(c *Campaign) (map[string]string, error) {
	out := map[string]string{}
	if c == nil {
		return out, nil
	}
	y, err := c.YAML()
	if err != nil {
		return nil, err
	}
	var doc any
	if err := yaml.Unmarshal(y, &doc); err != nil {
		return nil, err
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(joinPath(path, k), x)
			}
		case []any:
			scalars := true
			for _, x := range v {
				if _, ok := x.(map[string]any); ok {
					scalars = false
				}
			}
			if scalars {
				parts := make([]string, len(v))
				for i, x := range v {
					parts[i] = fmt.Sprint(x)
				}
				out[path] = "[" + strings.Join(parts, ", ") + "]"
				return
			}
			for i, x := range v {
				name := strconv.Itoa(i)
				if m, ok := x.(map[string]any); ok {
					if code, ok := m["code"].(string); ok {
						name = code
					}
				}
				walk(path+"["+name+"]", x)
			}
		default:
			out[path] = fmt.Sprint(v)
		}
	}
	walk("", doc)
	return out, nil
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func show(v float64, ok bool) string {
	if !ok {
		return "(trống)"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// quarterValues flattens quarterly plans to "thu Q2" → value, for diffing.
func quarterValues(qs map[string][4]float64) map[string]float64 {
	out := make(map[string]float64, 4*len(qs))
	for k, plan := range qs {
		for i, v := range plan {
			out[fmt.Sprintf("%s Q%d", k, i+1)] = v
		}
	}
	return out
}
