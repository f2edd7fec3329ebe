package campaign

import (
	"fmt"
	"math"
	"strings"

	"github.com/bhxh/kpi/internal/fold"
)

// The rest of the rulebook, beyond KPIs and unit awards: the bounds of the
// council's bonus and penalty points, the scoring method, and the titles
// individuals may be nominated for.

// AdjustmentBounds caps the council's adjustments of a unit's score: the
// bonus points (điểm cộng) summed count at most MaxBonus, the penalty
// points (điểm trừ) at most MaxPenalty. A nil bound is no bound.
type AdjustmentBounds struct {
	MaxBonus   *float64 `yaml:"max_bonus,omitempty" json:"max_bonus,omitempty"`
	MaxPenalty *float64 `yaml:"max_penalty,omitempty" json:"max_penalty,omitempty"`
}

// Title is a title for individuals (cá nhân): Chiến sĩ thi đua cơ sở, Lao
// động tiên tiến. A unit proposes people for it (kpi nominate); a
// nomination passes when the unit meets the title's conditions and is
// within MaxPerUnit.
type Title struct {
	Code string `yaml:"code" json:"code"`
	Name string `yaml:"name" json:"name"`
	// MaxPerUnit is how many people one unit may have with the title; 0:
	// no limit. Nominations past it (in the order they were made) fail.
	MaxPerUnit int `yaml:"max_per_unit,omitempty" json:"max_per_unit,omitempty"`
	// Unit is what the nominating unit must meet.
	Unit UnitCondition `yaml:"unit,omitempty" json:"unit,omitempty"`
}

// UnitCondition is what a unit must meet for its nominees to pass.
type UnitCondition struct {
	AllAttained   bool     `yaml:"all_attained,omitempty" json:"all_attained,omitempty"`
	MinScore      *float64 `yaml:"min_score,omitempty" json:"min_score,omitempty"`
	MinAttainment *float64 `yaml:"min_attainment,omitempty" json:"min_attainment,omitempty"`
	// NotExcluded: the unit is not excluded from awards (kpi exclude).
	NotExcluded bool `yaml:"not_excluded,omitempty" json:"not_excluded,omitempty"`
}

// validateTitles checks the individual titles: codes and names unique,
// limits not negative, numbers in range.
func (c *Campaign) validateTitles() []Problem {
	var errs []Problem
	bad := func(where string, kind ProblemKind, a ...any) {
		errs = append(errs, Problem{Kind: kind, Where: where, Args: a})
	}
	codes, names := map[string]bool{}, map[string]bool{}
	for i, t := range c.Titles {
		where := fmt.Sprintf("individual_titles[%d] %q", i, t.Code)
		if !codeRE.MatchString(t.Code) {
			bad(where, BadCode)
		}
		if codes[t.Code] {
			bad(where, DuplicateCode)
		}
		codes[t.Code] = true
		key := fold.Key(t.Name)
		if key == "" {
			bad(where, NameEmpty)
		} else if names[key] {
			bad(where, DuplicateName, t.Name)
		}
		names[key] = true
		if t.MaxPerUnit < 0 {
			bad(where, MaxPerUnitNegative, t.MaxPerUnit)
		}
		if s := t.Unit.MinScore; s != nil && !(*s >= 0 && *s <= 1000) {
			bad(where+": unit", MinScoreRange, *s)
		}
		if x := t.Unit.MinAttainment; x != nil && !(*x >= 0 && *x <= 10) {
			bad(where+": unit", MinAttainmentRange, *x)
		}
	}
	return errs
}

// TitleByText finds the individual title named by its code or name
// (ignoring case, spacing and accents).
func (c *Campaign) TitleByText(text string) (Title, bool) {
	key := fold.Key(text)
	for _, t := range c.Titles {
		if t.Code == strings.TrimSpace(text) || fold.Key(t.Name) == key {
			return t, true
		}
	}
	return Title{}, false
}

// Title returns the individual title with the given code.
func (c *Campaign) Title(code string) (Title, bool) {
	for _, t := range c.Titles {
		if t.Code == code {
			return t, true
		}
	}
	return Title{}, false
}

// MaxScore is the highest score the KPIs can give (before adjustments):
// Σ weight · cap under method capped, 100 under method leader.
func (c *Campaign) MaxScore() float64 {
	if c.Method == MethodLeader {
		return 100
	}
	sum := 0.0
	for _, k := range c.KPIs {
		sum += k.Weight * c.KPICap(k)
	}
	return sum
}

// reachable refuses a min_score no unit could ever reach: under method
// leader the KPIs give at most 100 points, plus max_bonus when it is
// bounded. (Checked for method leader only, so that a workspace's stored
// campaign of an earlier kpi always loads.)
func (c *Campaign) reachable() []Problem {
	if c.Adjustments == nil || c.Adjustments.MaxBonus == nil {
		return nil // unbounded bonus: any score can be reached
	}
	top := c.MaxScore() + *c.Adjustments.MaxBonus
	var errs []Problem
	check := func(where string, s *float64) {
		if s != nil && *s > top+1e-9 {
			errs = append(errs, Problem{Kind: MinScoreUnreachable, Where: where, Args: []any{*s, c.Method, math.Round(top*100) / 100}})
		}
	}
	for i, a := range c.Awards {
		check(fmt.Sprintf("awards[%d] %q", i, a.Code), a.MinScore)
	}
	for i, t := range c.Titles {
		check(fmt.Sprintf("individual_titles[%d] %q: unit", i, t.Code), t.Unit.MinScore)
	}
	return errs
}
