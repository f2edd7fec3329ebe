package cli

import (
	"context"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/store"
)

// What the adjust, exclude and nominate commands share: the unit named on
// the command line, the period an entry counts from, the reason every
// change needs, and how the store's refusals are said.

// unitFilter resolves the optional --unit of a listing: "" lists every
// unit, anything else must name one (by code or name) and gives its code.
func unitFilter(ctx context.Context, st store.Store, text string) (string, error) {
	if text == "" {
		return "", nil
	}
	u, err := resolveUnit(ctx, st, text)
	if err != nil {
		return "", err
	}
	return u.Code, nil
}

// resolveUnit finds the unit a command names (its code, any case).
func resolveUnit(ctx context.Context, st store.Store, code string) (campaign.Unit, error) {
	units, err := st.UnitNames(ctx)
	if err != nil {
		return campaign.Unit{}, err
	}
	if len(units) == 0 {
		return campaign.Unit{}, i18n.Errorf(i18n.NoUnits)
	}
	if u := findUnit(units, code); u != nil {
		return *u, nil
	}
	return campaign.Unit{}, i18n.Errorf(i18n.NoUnit, code)
}

// findUnit is the unit of units whose code a command names (any case,
// spaces around ignored), nil if none.
func findUnit(units []campaign.Unit, code string) *campaign.Unit {
	for i := range units {
		if strings.EqualFold(units[i].Code, strings.TrimSpace(code)) {
			return &units[i]
		}
	}
	return nil
}

// entryPeriod is the period an adjustment or exclusion counts from: the
// --period given (in the campaign's year), else the latest month with
// reports in force — the period kpi progress shows —, else January.
func entryPeriod(ctx context.Context, st store.Store, c *campaign.Campaign, flag string) (report.Period, error) {
	if flag != "" {
		p, err := report.ParsePeriod(flag)
		if err != nil {
			return p, usageError{i18n.Errorf(i18n.BadPeriodFlag, flag)}
		}
		return p, inCampaignYear(p, c)
	}
	live, err := st.LiveReports(ctx, c.Year)
	if err != nil {
		return report.Period{}, err
	}
	p := report.Period{Year: c.Year, Month: 1}
	for _, l := range live {
		if q, err := report.ParsePeriod(l.Period); err == nil && p.Before(q) {
			p = q
		}
	}
	return p, nil
}

// checkReason refuses a change without a reason: the audit log keeps it.
func checkReason(reason string) error {
	if strings.TrimSpace(reason) == "" {
		return usageError{i18n.Errorf(i18n.ReasonRequired)}
	}
	return nil
}

// parsePoints reads --points: a signed number of points, "+2", "-1,5",
// "3" (a bonus), not zero, at most 100 either way.
func parsePoints(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64)
	if err != nil || v == 0 || math.IsNaN(v) || math.Abs(v) > 100 {
		return 0, usageError{i18n.Errorf(i18n.AdjustPoints, s)}
	}
	return v, nil
}

// parseID reads an entry number, "12" or "#12", of the entries list
// shows.
func parseID(s, list string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(s), "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError{i18n.Errorf(i18n.EntryID, list, s)}
	}
	return id, nil
}

// when writes a time for people, in the local zone: "28/11/2026 15:04";
// machines (CSV) get "2026-11-28 15:04".
func when(t time.Time, format, lang string) string {
	if format == "csv" {
		return t.Local().Format("2006-01-02 15:04")
	}
	return i18n.DateTime(t, lang)
}

// period writes a period for people ("Tháng 3/2024"); machines (CSV) get
// it as stored ("2024-03").
func period(p, format, lang string) string {
	if format == "csv" {
		return p
	}
	return i18n.PeriodOf(p, lang)
}

// saidRemoved says the store's refusal to withdraw an entry withdrawn
// already; other errors come back as they are.
func saidRemoved(err error) error {
	var re *store.RemovedError
	if errors.As(err, &re) {
		return i18n.Errorf(i18n.EntryRemoved, re.ID, i18n.When(re.Removed.At), re.Removed.Reason)
	}
	return err
}

// removedCells are the columns of a withdrawn entry in a --all list.
func removedCells(r *campaign.Removal, format, lang string) []any {
	if r == nil {
		return []any{"", ""}
	}
	return []any{when(r.At, format, lang), r.Reason}
}
