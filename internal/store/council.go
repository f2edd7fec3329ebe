package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/fold"
	"github.com/bhxh/kpi/internal/report"
)

// The council's decisions: bonus and penalty points, exclusions from
// awards, nominations of individuals. Each is added and withdrawn in a
// writing transaction that logs it (ActAdjustAdd …); a withdrawal marks
// the entry removed, with when and why, and never deletes it.

// Errors of the council's decisions.
var (
	ErrNoAdjustment = errors.New("no such adjustment")
	ErrNoNomination = errors.New("no such nomination")
	ErrNotExcluded  = errors.New("the unit is not excluded")
)

// RemovedError says an entry was withdrawn already.
type RemovedError struct {
	ID      int64
	Removed campaign.Removal
}

func (e *RemovedError) Error() string {
	return fmt.Sprintf("#%d was withdrawn on %s", e.ID, e.Removed.At.Format(time.RFC3339))
}

// ExcludedError says the unit is excluded already.
type ExcludedError struct{ Exclusion campaign.Exclusion }

func (e *ExcludedError) Error() string {
	return fmt.Sprintf("%s is excluded from awards already, from %s", e.Exclusion.Unit, e.Exclusion.Period)
}

// DuplicateNominationError says the unit has nominated the person for the
// title already.
type DuplicateNominationError struct{ Nomination campaign.Nomination }

func (e *DuplicateNominationError) Error() string {
	return fmt.Sprintf("%s has nominated %s for %s already (#%d)", e.Nomination.Unit, e.Nomination.Name, e.Nomination.Title, e.Nomination.ID)
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// signed writes points with their sign: "+2", "-1.5".
func signed(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if v > 0 {
		s = "+" + s
	}
	return s
}

// describeAdjustment is an adjustment as the audit log keeps it: "+2 điểm,
// từ 2024-06, chỉ tiêu thu".
func describeAdjustment(a campaign.Adjustment) string {
	s := fmt.Sprintf("%s điểm, từ %s", signed(a.Points), a.Period)
	if a.KPI != "" {
		s += ", chỉ tiêu " + a.KPI
	}
	return s
}

func describeNomination(n campaign.Nomination) string { return n.Name + " — " + n.Title }

func removal(at sql.NullString, reason string) *campaign.Removal {
	t := nullTime(at)
	if t == nil {
		return nil
	}
	return &campaign.Removal{At: *t, Reason: reason}
}

// AddAdjustment records bonus (points > 0) or penalty (points < 0) points
// for a unit and returns the adjustment's id.
func (s *DB) AddAdjustment(ctx context.Context, a campaign.Adjustment) (int64, error) {
	var id int64
	err := s.write(ctx, func(w *writeTx) error {
		if err := w.QueryRowContext(ctx, `INSERT INTO adjustments (unit_code, points, reason, period, kpi, added_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
			a.Unit, a.Points, a.Reason, a.Period.String(), a.KPI, now()).Scan(&id); err != nil {
			return err
		}
		w.log(AuditEntry{Action: ActAdjustAdd, Subject: a.Unit, Field: "#" + strconv.FormatInt(id, 10), After: describeAdjustment(a), Reason: a.Reason})
		return nil
	})
	return id, err
}

const adjustmentCols = "id, unit_code, points, reason, period, kpi, added_at, removed_at, removed_reason"

func scanAdjustment(r interface{ Scan(...any) error }) (campaign.Adjustment, error) {
	var a campaign.Adjustment
	var period, added, reason string
	var removed sql.NullString
	if err := r.Scan(&a.ID, &a.Unit, &a.Points, &a.Reason, &period, &a.KPI, &added, &removed, &reason); err != nil {
		return a, err
	}
	p, err := report.ParsePeriod(period)
	if err != nil {
		return a, fmt.Errorf("adjustment #%d: stored period %q: %w", a.ID, period, err)
	}
	a.Period, a.Added, a.Removed = p, parseTime(added), removal(removed, reason)
	return a, nil
}

// Adjustments lists the adjustments of a unit (or, unit "", of every
// unit), oldest first: those in force, and the withdrawn ones too when
// all.
func (s *DB) Adjustments(ctx context.Context, unit string, all bool) ([]campaign.Adjustment, error) {
	q, args := selectWhere("SELECT "+adjustmentCols+" FROM adjustments", unit, all)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []campaign.Adjustment
	for rows.Next() {
		a, err := scanAdjustment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// RemoveAdjustment withdraws adjustment id, giving the reason, and returns
// it: ErrNoAdjustment if there is none, *RemovedError if it is withdrawn
// already.
func (s *DB) RemoveAdjustment(ctx context.Context, id int64, reason string) (campaign.Adjustment, error) {
	var a campaign.Adjustment
	err := s.write(ctx, func(w *writeTx) error {
		var err error
		a, err = scanAdjustment(w.QueryRowContext(ctx, "SELECT "+adjustmentCols+" FROM adjustments WHERE id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w #%d", ErrNoAdjustment, id)
		}
		if err != nil {
			return err
		}
		if a.Removed != nil {
			return &RemovedError{ID: id, Removed: *a.Removed}
		}
		at := now()
		if _, err := w.ExecContext(ctx, "UPDATE adjustments SET removed_at = ?, removed_reason = ? WHERE id = ?", at, reason, id); err != nil {
			return err
		}
		a.Removed = &campaign.Removal{At: parseTime(at), Reason: reason}
		w.log(AuditEntry{Action: ActAdjustRemove, Subject: a.Unit, Field: "#" + strconv.FormatInt(id, 10), Before: describeAdjustment(a), Reason: reason})
		return nil
	})
	return a, err
}

const exclusionCols = "id, unit_code, reason, period, added_at, removed_at, removed_reason"

func scanExclusion(r interface{ Scan(...any) error }) (campaign.Exclusion, error) {
	var e campaign.Exclusion
	var period, added, reason string
	var removed sql.NullString
	if err := r.Scan(&e.ID, &e.Unit, &e.Reason, &period, &added, &removed, &reason); err != nil {
		return e, err
	}
	p, err := report.ParsePeriod(period)
	if err != nil {
		return e, fmt.Errorf("exclusion #%d: stored period %q: %w", e.ID, period, err)
	}
	e.Period, e.Added, e.Removed = p, parseTime(added), removal(removed, reason)
	return e, nil
}

// Exclude takes a unit out of every award from a period on; a unit
// excluded already gives *ExcludedError.
func (s *DB) Exclude(ctx context.Context, e campaign.Exclusion) (int64, error) {
	var id int64
	err := s.write(ctx, func(w *writeTx) error {
		cur, err := scanExclusion(w.QueryRowContext(ctx, "SELECT "+exclusionCols+" FROM exclusions WHERE unit_code = ? AND removed_at IS NULL", e.Unit))
		switch {
		case err == nil:
			return &ExcludedError{Exclusion: cur}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if err := w.QueryRowContext(ctx, "INSERT INTO exclusions (unit_code, reason, period, added_at) VALUES (?, ?, ?, ?) RETURNING id",
			e.Unit, e.Reason, e.Period.String(), now()).Scan(&id); err != nil {
			return err
		}
		w.log(AuditEntry{Action: ActExclude, Subject: e.Unit, Field: "không xét khen thưởng", After: "từ " + e.Period.String(), Reason: e.Reason})
		return nil
	})
	return id, err
}

// RemoveExclusion lifts the unit's exclusion, giving the reason, and
// returns it; ErrNotExcluded when the unit is not excluded.
func (s *DB) RemoveExclusion(ctx context.Context, unit, reason string) (campaign.Exclusion, error) {
	var e campaign.Exclusion
	err := s.write(ctx, func(w *writeTx) error {
		var err error
		e, err = scanExclusion(w.QueryRowContext(ctx, "SELECT "+exclusionCols+" FROM exclusions WHERE unit_code = ? AND removed_at IS NULL", unit))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s: %w", unit, ErrNotExcluded)
		}
		if err != nil {
			return err
		}
		at := now()
		if _, err := w.ExecContext(ctx, "UPDATE exclusions SET removed_at = ?, removed_reason = ? WHERE id = ?", at, reason, e.ID); err != nil {
			return err
		}
		e.Removed = &campaign.Removal{At: parseTime(at), Reason: reason}
		w.log(AuditEntry{Action: ActExcludeRemove, Subject: unit, Field: "không xét khen thưởng", Before: "từ " + e.Period.String(), Reason: reason})
		return nil
	})
	return e, err
}

// Exclusions lists the exclusions in force, oldest first, and the lifted
// ones too when all.
func (s *DB) Exclusions(ctx context.Context, all bool) ([]campaign.Exclusion, error) {
	q, args := selectWhere("SELECT "+exclusionCols+" FROM exclusions", "", all)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []campaign.Exclusion
	for rows.Next() {
		e, err := scanExclusion(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

const nominationCols = "id, unit_code, name, title, reason, added_at, removed_at, removed_reason"

func scanNomination(r interface{ Scan(...any) error }) (campaign.Nomination, error) {
	var n campaign.Nomination
	var added, reason string
	var removed sql.NullString
	if err := r.Scan(&n.ID, &n.Unit, &n.Name, &n.Title, &n.Reason, &added, &removed, &reason); err != nil {
		return n, err
	}
	n.Added, n.Removed = parseTime(added), removal(removed, reason)
	return n, nil
}

// AddNomination records a person a unit proposes for a title (its code);
// the same person (name compared ignoring case and accents) for the same
// title of the same unit gives *DuplicateNominationError.
func (s *DB) AddNomination(ctx context.Context, n campaign.Nomination) (int64, error) {
	var id int64
	err := s.write(ctx, func(w *writeTx) error {
		rows, err := w.QueryContext(ctx, "SELECT "+nominationCols+" FROM nominations WHERE unit_code = ? AND title = ? AND removed_at IS NULL", n.Unit, n.Title)
		if err != nil {
			return err
		}
		var dup *campaign.Nomination
		for rows.Next() {
			cur, err := scanNomination(rows)
			if err != nil {
				rows.Close()
				return err
			}
			if fold.Key(cur.Name) == fold.Key(n.Name) {
				dup = &cur
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if dup != nil {
			return &DuplicateNominationError{Nomination: *dup}
		}
		if err := w.QueryRowContext(ctx, "INSERT INTO nominations (unit_code, name, title, reason, added_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
			n.Unit, n.Name, n.Title, n.Reason, now()).Scan(&id); err != nil {
			return err
		}
		w.log(AuditEntry{Action: ActNominateAdd, Subject: n.Unit, Field: "#" + strconv.FormatInt(id, 10), After: describeNomination(n), Reason: n.Reason})
		return nil
	})
	return id, err
}

// RemoveNomination withdraws nomination id, giving the reason, and returns
// it: ErrNoNomination if there is none, *RemovedError if it is withdrawn
// already.
func (s *DB) RemoveNomination(ctx context.Context, id int64, reason string) (campaign.Nomination, error) {
	var n campaign.Nomination
	err := s.write(ctx, func(w *writeTx) error {
		var err error
		n, err = scanNomination(w.QueryRowContext(ctx, "SELECT "+nominationCols+" FROM nominations WHERE id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w #%d", ErrNoNomination, id)
		}
		if err != nil {
			return err
		}
		if n.Removed != nil {
			return &RemovedError{ID: id, Removed: *n.Removed}
		}
		at := now()
		if _, err := w.ExecContext(ctx, "UPDATE nominations SET removed_at = ?, removed_reason = ? WHERE id = ?", at, reason, id); err != nil {
			return err
		}
		n.Removed = &campaign.Removal{At: parseTime(at), Reason: reason}
		w.log(AuditEntry{Action: ActNominateRemove, Subject: n.Unit, Field: "#" + strconv.FormatInt(id, 10), Before: describeNomination(n), Reason: reason})
		return nil
	})
	return n, err
}

// Nominations lists the nominations of a unit (or, unit "", of every
// unit), oldest first: those standing, and the withdrawn ones too when
// all.
func (s *DB) Nominations(ctx context.Context, unit string, all bool) ([]campaign.Nomination, error) {
	q, args := selectWhere("SELECT "+nominationCols+" FROM nominations", unit, all)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []campaign.Nomination
	for rows.Next() {
		n, err := scanNomination(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// selectWhere completes a query of the council's entries: those of unit
// (all units for ""), only those standing unless all, oldest first.
func selectWhere(q, unit string, all bool) (string, []any) {
	var where []string
	var args []any
	if unit != "" {
		where = append(where, "unit_code = ?")
		args = append(args, unit)
	}
	if !all {
		where = append(where, "removed_at IS NULL")
	}
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	return q + " ORDER BY id", args
}
