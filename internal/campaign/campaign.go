// Package campaign holds what an emulation campaign is made of: its KPIs
// (chỉ tiêu) with their weights and caps, its award rules, and the units
// (đơn vị) taking part with their targets. The default 2024 campaign of the
// provincial BHXH office is embedded as YAML.
package campaign

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"

	"github.com/bhxh/kpi/internal/fold"
	"go.yaml.in/yaml/v3"
)

//go:embed default.yaml
var defaultYAML []byte

// DefaultYAML returns the embedded bhxh-2024 campaign as YAML.
func DefaultYAML() []byte { return bytes.Clone(defaultYAML) }

// defaultShortNames gives the KPIs of the embedded campaign that have no
// short name — a campaign stored by an earlier kpi, or written before
// short_name existed — the one the embedded campaign gives them.
func (c *Campaign) defaultShortNames() {
	shortNamesOnce.Do(func() {
		var d struct {
			KPIs []struct {
				Code      string `yaml:"code"`
				ShortName string `yaml:"short_name"`
			} `yaml:"kpis"`
		}
		if err := yaml.Unmarshal(defaultYAML, &d); err != nil {
			panic("embedded campaign is invalid: " + err.Error())
		}
		shortNames = map[string]string{}
		for _, k := range d.KPIs {
			shortNames[k.Code] = k.ShortName
		}
	})
	for i, k := range c.KPIs {
		if strings.TrimSpace(k.ShortName) == "" {
			c.KPIs[i].ShortName = shortNames[k.Code]
		}
	}
}

var (
	shortNamesOnce sync.Once
	shortNames     map[string]string // the embedded campaign's, by code
)

// Default returns the embedded bhxh-2024 campaign.
func Default() *Campaign {
	c, err := Parse(defaultYAML)
	if err != nil {
		panic("embedded campaign is invalid: " + err.Error())
	}
	return c
}

// Score bases: which attainment the score uses.
const (
	BasisToDate = "to_date" // against the plan to date (kế hoạch lũy kế đến kỳ)
	BasisAnnual = "annual"  // against the whole year's target
)

// Scoring methods and the scopes of the leader method.
const (
	MethodCapped   = "capped" // points = weight · min(a, cap)
	MethodLeader   = "leader" // points = weight · min(a, cap) / the scope's best min(a, cap)
	ScopeCluster   = "cluster"
	ScopeProvince  = "province"
	maxAdjustBound = 100
)

// Kinds of KPI.
const (
	Stock = "stock" // a head-count at month end
	Flow  = "flow"  // an amount per month, summed over the year
	Rate  = "rate"  // a percentage at month end
)

// Campaign is one year's emulation campaign.
type Campaign struct {
	Code         string  `yaml:"code" json:"code"`
	Name         string  `yaml:"name" json:"name"`
	Organisation string  `yaml:"organisation,omitempty" json:"organisation,omitempty"`
	Year         int     `yaml:"year" json:"year"`
	Cap          float64 `yaml:"cap" json:"cap"`
	// ScoreBasis says which attainment the score, ranks and awards use:
	// "to_date" (against the plan to date, the default) or "annual"
	// (against the whole year's target).
	ScoreBasis string `yaml:"score_basis,omitempty" json:"score_basis,omitempty"`
	// Method says how a KPI's points are counted: "capped" (weight ·
	// min(a, cap), the default) or "leader" (relative to the best unit of
	// LeaderScope, see rulebook.go).
	Method string `yaml:"method,omitempty" json:"method,omitempty"`
	// LeaderScope is whose best attainment the leader method divides by:
	// "cluster" (the default under method leader) or "province".
	LeaderScope string      `yaml:"leader_scope,omitempty" json:"leader_scope,omitempty"`
	KPIs        []KPI       `yaml:"kpis" json:"kpis"`
	Awards      []AwardRule `yaml:"awards" json:"awards"`
	FieldAwards FieldAwards `yaml:"field_awards" json:"field_awards"`
	// Adjustments bounds the council's bonus and penalty points (điểm
	// cộng / điểm trừ); nil: unbounded.
	Adjustments *AdjustmentBounds `yaml:"adjustments,omitempty" json:"adjustments,omitempty"`
	// Titles are the titles individuals (cá nhân) may be nominated for.
	Titles []Title `yaml:"individual_titles,omitempty" json:"individual_titles,omitempty"`

	index map[string]int // folded code/name/alias → KPI index
}

// KPI is one indicator (chỉ tiêu) of the campaign.
type KPI struct {
	Code string `yaml:"code" json:"code"`
	Name string `yaml:"name" json:"name"`
	// ShortName is what people read in tables and exports ("BHXH BB",
	// "Số thu"); the code is for machines (CSV keys, JSON, --kpi).
	ShortName string  `yaml:"short_name,omitempty" json:"short_name,omitempty"`
	Unit      string  `yaml:"unit" json:"unit"`
	Kind      string  `yaml:"kind" json:"kind"`
	Better    string  `yaml:"better" json:"better"`
	Weight    float64 `yaml:"weight" json:"weight"`
	Cap       float64 `yaml:"cap,omitempty" json:"cap,omitempty"`
	// DefaultTarget is the target of a unit whose targets workbook gives none.
	DefaultTarget *float64 `yaml:"default_target,omitempty" json:"default_target,omitempty"`
	// TargetFromBaseline makes the unit's own previous-year value its target
	// when the targets workbook gives none.
	TargetFromBaseline bool     `yaml:"target_from_baseline,omitempty" json:"target_from_baseline,omitempty"`
	Aliases            []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	// Phasing is the KPI's monthly phasing: 12 weights, January first, that
	// spread the year's plan over the months (a flow's plan to date at month
	// m is T·Σ_{i≤m} w_i / Σ w). Empty means equal weights (m/12).
	Phasing []float64 `yaml:"phasing,omitempty" json:"phasing,omitempty"`
	// Not lists phrases that rule a report row out of this KPI even when
	// it starts with one of its names ("Số phải thu" is not the revenue
	// collected).
	Not []string `yaml:"not,omitempty" json:"not,omitempty"`
}

// Label is the KPI as people read it: its short name, else its code.
func (k KPI) Label() string {
	if s := strings.TrimSpace(k.ShortName); s != "" {
		return s
	}
	return k.Code
}

// HeadCount reports whether the KPI counts people: whole numbers.
func (k KPI) HeadCount() bool { return fold.Key(k.Unit) == "nguoi" }

// Percent reports whether the KPI is measured in percent (0–100).
func (k KPI) Percent() bool { return strings.TrimSpace(k.Unit) == "%" }

// LowerIsBetter reports whether a smaller value is the better one.
func (k KPI) LowerIsBetter() bool { return k.Better == "lower" }

// AwardRule is one award tier. Every condition set must hold.
type AwardRule struct {
	Code          string   `yaml:"code" json:"code"`
	Name          string   `yaml:"name" json:"name"`
	TopInCluster  int      `yaml:"top_in_cluster,omitempty" json:"top_in_cluster,omitempty"`
	AllAttained   bool     `yaml:"all_attained,omitempty" json:"all_attained,omitempty"`
	MinScore      *float64 `yaml:"min_score,omitempty" json:"min_score,omitempty"`
	MinAttainment *float64 `yaml:"min_attainment,omitempty" json:"min_attainment,omitempty"`
	MaxShare      *float64 `yaml:"max_share,omitempty" json:"max_share,omitempty"`
}

// FieldAwards switches on the per-KPI "outstanding in one field" awards.
type FieldAwards struct {
	Enabled bool   `yaml:"enabled" json:"enabled"`
	Name    string `yaml:"name,omitempty" json:"name,omitempty"`
}

// Parse decodes and validates a campaign from YAML. Unknown keys are errors,
// so that a misspelt rule is never silently ignored.
func Parse(data []byte) (*Campaign, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c Campaign
	if err := dec.Decode(&c); err != nil {
		return nil, yamlProblems(err)
	}
	c.defaultShortNames()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// YAML encodes the campaign.
func (c *Campaign) YAML() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

var codeRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Validate checks the campaign's rules: unique KPI codes, positive weights
// summing to 100, known kinds, caps ≥ 1, valid award rules. It also builds
// the lookup index used by KPIByKey. All problems are reported together.
func (c *Campaign) Validate() error {
	var errs []Problem
	bad := func(where string, kind ProblemKind, a ...any) {
		errs = append(errs, Problem{Kind: kind, Where: where, Args: a})
	}
	if strings.TrimSpace(c.Code) == "" {
		bad("", CodeEmpty)
	}
	if c.Year < 2000 || c.Year > 2100 {
		bad("", BadYear, c.Year)
	}
	if c.Cap == 0 {
		c.Cap = 1.2
	}
	switch c.ScoreBasis {
	case "":
		c.ScoreBasis = BasisToDate
	case BasisToDate, BasisAnnual:
	default:
		bad("", BadScoreBasis, c.ScoreBasis)
	}
	if c.Cap < 1 {
		bad("", CapBelowOne, c.Cap)
	}
	switch c.Method {
	case "":
		c.Method = MethodCapped
	case MethodCapped, MethodLeader:
	default:
		bad("", BadMethod, c.Method)
	}
	switch {
	case c.Method == MethodLeader && c.LeaderScope == "":
		c.LeaderScope = ScopeCluster
	case c.Method == MethodLeader && c.LeaderScope != ScopeCluster && c.LeaderScope != ScopeProvince:
		bad("", BadLeaderScope, c.LeaderScope)
	case c.Method != MethodLeader && c.LeaderScope != "":
		bad("", ScopeWithoutLeader, c.LeaderScope)
	}
	if b := c.Adjustments; b != nil {
		for _, v := range []struct {
			key string
			p   *float64
		}{{"max_bonus", b.MaxBonus}, {"max_penalty", b.MaxPenalty}} {
			if v.p != nil && !(*v.p >= 0 && *v.p <= maxAdjustBound) {
				bad("adjustments", AdjustBoundRange, v.key, *v.p, maxAdjustBound)
			}
		}
	}
	if len(c.KPIs) == 0 {
		bad("", NoKPIs)
	}
	seen := map[string]bool{}
	sum := 0.0
	for i, k := range c.KPIs {
		where := fmt.Sprintf("kpis[%d] %q", i, k.Code)
		if !codeRE.MatchString(k.Code) {
			bad(where, BadCode)
		}
		if seen[k.Code] {
			bad(where, DuplicateCode)
		}
		seen[k.Code] = true
		if strings.TrimSpace(k.Name) == "" {
			bad(where, NameEmpty)
		}
		if k.Kind != Stock && k.Kind != Flow && k.Kind != Rate {
			bad(where, BadKind, k.Kind)
		}
		if k.Better != "higher" && k.Better != "lower" {
			bad(where, BadBetter, k.Better)
		}
		if !(k.Weight > 0) {
			bad(where, WeightNotPositive, k.Weight)
		}
		if k.Cap != 0 && k.Cap < 1 {
			bad(where, CapBelowOne, k.Cap)
		}
		if len(k.Phasing) != 0 {
			sum := 0.0
			neg := false
			for _, w := range k.Phasing {
				sum += w
				neg = neg || w < 0 || math.IsNaN(w) || math.IsInf(w, 0)
			}
			if len(k.Phasing) != 12 || neg || !(sum > 0) {
				bad(where, BadPhasing)
			}
		}
		for _, n := range k.Not {
			if fold.Key(n) == "" {
				bad(where, NotEmpty)
			}
			if _, ok := c.kpiNamed(n, i); ok {
				bad(where, NotOwnName, n)
			}
		}
		if k.DefaultTarget != nil && !(*k.DefaultTarget > 0) {
			bad(where, DefaultNotPositive, *k.DefaultTarget)
		}
		sum += k.Weight
	}
	shortNames := map[string]string{}
	for i, k := range c.KPIs {
		key := fold.Key(k.ShortName)
		if key == "" {
			continue
		}
		if other, ok := shortNames[key]; ok {
			bad(fmt.Sprintf("kpis[%d] %q", i, k.Code), ShortNameClash, k.ShortName, other)
		}
		shortNames[key] = k.Code
	}
	if len(c.KPIs) > 0 && (sum < 100-1e-9 || sum > 100+1e-9) {
		bad("", WeightsSum, math.Round(sum*1e6)/1e6)
	}
	awardSeen := map[string]bool{}
	for i, a := range c.Awards {
		where := fmt.Sprintf("awards[%d] %q", i, a.Code)
		if !codeRE.MatchString(a.Code) {
			bad(where, BadCode)
		}
		if awardSeen[a.Code] {
			bad(where, DuplicateCode)
		}
		awardSeen[a.Code] = true
		if strings.TrimSpace(a.Name) == "" {
			bad(where, NameEmpty)
		}
		if a.TopInCluster < 0 {
			bad(where, TopNegative, a.TopInCluster)
		}
		if a.MinScore != nil && (*a.MinScore < 0 || *a.MinScore > 1000) {
			bad(where, MinScoreRange, *a.MinScore)
		}
		if a.MinAttainment != nil && (*a.MinAttainment < 0 || *a.MinAttainment > 10) {
			bad(where, MinAttainmentRange, *a.MinAttainment)
		}
		if a.MaxShare != nil && (*a.MaxShare <= 0 || *a.MaxShare > 1) {
			bad(where, MaxShareRange, *a.MaxShare)
		}
		if a.TopInCluster == 0 && !a.AllAttained && a.MinScore == nil && a.MinAttainment == nil && a.MaxShare == nil {
			bad(where, NoCondition)
		}
	}
	errs = append(errs, c.validateTitles()...)
	if c.Method == MethodLeader {
		errs = append(errs, c.reachable()...)
	}
	if len(errs) > 0 {
		return &InvalidError{Problems: errs}
	}
	return c.buildIndex()
}

// kpiNamed reports whether text is the code, name or an alias of KPI i.
func (c *Campaign) kpiNamed(text string, i int) (KPI, bool) {
	k := c.KPIs[i]
	key := fold.Key(text)
	for _, name := range append([]string{k.Code, k.Name}, k.Aliases...) {
		if fold.Key(name) == key {
			return k, true
		}
	}
	return KPI{}, false
}

func (c *Campaign) buildIndex() error {
	c.index = map[string]int{}
	owner := map[string]string{}
	for i, k := range c.KPIs {
		keys := append([]string{k.Code, k.Name}, k.Aliases...)
		for _, name := range keys {
			key := fold.Key(name)
			if key == "" {
				continue
			}
			if j, ok := c.index[key]; ok && j != i {
				return &InvalidError{[]Problem{{Kind: NameClash, Args: []any{owner[key], c.KPIs[j].Code, k.Code}}}}
			}
			c.index[key] = i
			owner[key] = name
		}
	}
	return nil
}

// KPIIndex returns the position of the KPI with the given code in KPIs,
// or -1.
func (c *Campaign) KPIIndex(code string) int {
	for i := range c.KPIs { // by index: a KPI is too big to copy for each
		if c.KPIs[i].Code == code {
			return i
		}
	}
	return -1
}

// KPI returns the KPI with the given code.
func (c *Campaign) KPI(code string) (KPI, bool) {
	if i := c.KPIIndex(code); i >= 0 {
		return c.KPIs[i], true
	}
	return KPI{}, false
}

// KPIRef is KPI without the copy (a figure's checks look a KPI up for
// each of 1.4 million figures): nil for a code the campaign has not.
func (c *Campaign) KPIRef(code string) *KPI {
	if i := c.KPIIndex(code); i >= 0 {
		return &c.KPIs[i]
	}
	return nil
}

// KPIByKey finds the KPI whose code, name or alias folds to key (see
// fold.Key). Parenthesised notes such as "(người)" are tried without.
func (c *Campaign) KPIByKey(key string) (KPI, bool) {
	if c.index == nil {
		if err := c.buildIndex(); err != nil {
			return KPI{}, false
		}
	}
	if i, ok := c.index[key]; ok {
		return c.KPIs[i], true
	}
	return KPI{}, false
}

// KPIByText finds the KPI named by free text from a workbook cell.
func (c *Campaign) KPIByText(text string) (KPI, bool) {
	if k, ok := c.KPIByKey(fold.Key(text)); ok {
		return k, true
	}
	if stripped := stripParens(text); stripped != text {
		return c.KPIByKey(fold.Key(stripped))
	}
	return KPI{}, false
}

var parensRE = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)

func stripParens(s string) string {
	if !strings.ContainsAny(s, "([") { // most names: no regexp to run
		return s
	}
	return parensRE.ReplaceAllString(s, " ")
}

// KPICap returns the attainment cap of the KPI (its own, else the campaign's).
func (c *Campaign) KPICap(k KPI) float64 {
	if k.Cap > 0 {
		return k.Cap
	}
	return c.Cap
}

// Unit is a district office taking part, with its targets (chỉ tiêu giao,
// the campaign year) and baselines (the previous year's actual values).
type Unit struct {
	Code      string             `json:"code"`
	Name      string             `json:"name"`
	Cluster   string             `json:"cluster"`
	Targets   map[string]float64 `json:"targets"`
	Baselines map[string]float64 `json:"baselines"`
	// Quarters is the unit's plan per quarter for a KPI, when its targets
	// workbook gives one (columns "KH quý I thu" …): it replaces the KPI's
	// phasing for this unit.
	Quarters map[string][4]float64 `json:"quarters,omitempty"`
}

// Share returns the KPI's share of the year's plan due by the end of month
// m (1–12): Σ_{i≤m} w_i / Σ w over its phasing, m/12 without one.
func (k KPI) Share(m int) float64 {
	return phasedShare(k.Phasing, m)
}

// QuarterShare is the share due by the end of month m of a plan given per
// quarter: the quarters before m's cumulated, m's quarter linearly by its
// months (a unit's quarterly plan replaces the KPI's phasing).
func QuarterShare(q [4]float64, m int) float64 {
	var w []float64
	for _, x := range q {
		w = append(w, x/3, x/3, x/3)
	}
	return phasedShare(w, m)
}

func phasedShare(w []float64, m int) float64 {
	m = max(0, min(m, 12))
	if len(w) != 12 {
		return float64(m) / 12
	}
	sum, due := 0.0, 0.0
	for i, x := range w {
		sum += x
		if i < m {
			due += x
		}
	}
	if !(sum > 0) {
		return float64(m) / 12
	}
	return due / sum
}

// EffectiveTarget returns the target the rules use for unit u and KPI k: the
// workbook's target, else the KPI's default target, else (for
// target_from_baseline KPIs) the unit's baseline.
func EffectiveTarget(k KPI, u Unit) (float64, bool) {
	if t, ok := u.Targets[k.Code]; ok {
		return t, true
	}
	if k.DefaultTarget != nil {
		return *k.DefaultTarget, true
	}
	if k.TargetFromBaseline {
		if b, ok := u.Baselines[k.Code]; ok {
			return b, true
		}
	}
	return 0, false
}
