package campaign

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
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
		var diffs []string
		if p.Name != u.Name {
			diffs = append(diffs, fmt.Sprintf("tên %q → %q", p.Name, u.Name))
		}
		if p.Cluster != u.Cluster {
			diffs = append(diffs, fmt.Sprintf("cụm %q → %q", p.Cluster, u.Cluster))
		}
		diffs = append(diffs, diffValues("KH", p.Targets, u.Targets)...)
		diffs = append(diffs, diffValues("2023", p.Baselines, u.Baselines)...)
		diffs = append(diffs, diffValues("KH quý", quarterValues(p.Quarters), quarterValues(u.Quarters))...)
		if len(diffs) == 0 {
			ch.Unchanged++
			continue
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

func diffValues(label string, a, b map[string]float64) []string {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	var out []string
	for _, k := range sorted {
		va, oka := a[k]
		vb, okb := b[k]
		if oka == okb && va == vb {
			continue
		}
		out = append(out, fmt.Sprintf("%s %s %s → %s", k, label, show(va, oka), show(vb, okb)))
	}
	return out
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
