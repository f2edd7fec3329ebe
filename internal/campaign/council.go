package campaign

import (
	"time"

	"github.com/bhxh/kpi/internal/report"
)

// What the emulation council (hội đồng thi đua) records about units during
// the year, beside their reports: bonus and penalty points, exclusions from
// awards, and people proposed for individual titles. Nothing recorded is
// ever deleted: a withdrawn entry keeps its Removal.

// Adjustment is bonus points (điểm cộng, Points > 0: a national-level
// commendation, an initiative adopted) or penalty points (điểm trừ,
// Points < 0: a complaint upheld, a late report) for a unit. It counts from
// its Period on; the campaign's adjustments bounds cap the totals.
type Adjustment struct {
	ID     int64         `json:"id"`
	Unit   string        `json:"unit"`
	Points float64       `json:"points"`
	Reason string        `json:"reason"`
	Period report.Period `json:"period"`
	// KPI is the KPI the adjustment is about, when it is about one: shown
	// beside it, the points count in the unit's total all the same.
	KPI     string    `json:"kpi,omitempty"`
	Added   time.Time `json:"added"`
	Removed *Removal  `json:"removed"`
}

// Exclusion takes a unit out of every award (không xét khen thưởng), from
// its Period on — a disciplinary case. The unit keeps its score and rank.
type Exclusion struct {
	ID      int64         `json:"id"`
	Unit    string        `json:"unit"`
	Reason  string        `json:"reason"`
	Period  report.Period `json:"period"`
	Added   time.Time     `json:"added"`
	Removed *Removal      `json:"removed"`
}

// Nomination is a person a unit proposes for an individual title (the
// title's code).
type Nomination struct {
	ID      int64     `json:"id"`
	Unit    string    `json:"unit"`
	Name    string    `json:"name"`
	Title   string    `json:"title"`
	Reason  string    `json:"reason"`
	Added   time.Time `json:"added"`
	Removed *Removal  `json:"removed"`
}

// Removal is when and why an entry was withdrawn.
type Removal struct {
	At     time.Time `json:"at"`
	Reason string    `json:"reason"`
}
