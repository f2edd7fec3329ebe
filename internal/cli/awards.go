package cli

import (
	"context"
	"fmt"
	"github.com/bhxh/kpi/internal/i18n"
	"strings"

	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
	"github.com/spf13/cobra"
)

type awardsOptions struct {
	f *Factory
	scoringFlags
}

func newAwardsCmd(f *Factory) *cobra.Command {
	opts := &awardsOptions{f: f}
	cmd := &cobra.Command{
		Use:   "awards",
		Short: "The award shortlist (Cờ thi đua, Bằng khen, Giấy khen) and who missed why",
		Long: `Apply the campaign's award rules as of a period. Tiers are applied in the
campaign's order and a unit gets at most one (defaults, editable in the
campaign YAML):
  Cờ thi đua  first in its cluster, every KPI attained, score ≥ 105
  Bằng khen   every KPI attained, score ≥ 100, at most 30 % of units
              (rounded down, at least 1), in rank order
  Giấy khen   score ≥ 95 and no KPI attainment below 90 %
Field awards (xuất sắc trên từng lĩnh vực): per KPI, the unit with the
highest attainment among those that attained it.
Each shortlisted unit carries its reason; --explain CODE shows one unit's
whole computation and why it did or did not get each tier.`,
		Example: `  kpi awards
  kpi awards --period 2024-12 --format markdown
  kpi awards --explain H07`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error { return awardsRun(cmd.Context(), opts) },
	}
	opts.bind(cmd)
	return cmd
}

type awardsJSON struct {
	Campaign    string             `json:"campaign"`
	Period      report.Period      `json:"period"`
	Awards      []score.Award      `json:"awards"`
	FieldAwards []score.FieldAward `json:"field_awards"`
	NotAwarded  []score.NotAwarded `json:"not_awarded"`
}

func awardsRun(ctx context.Context, opts *awardsOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	s, err := loadStanding(ctx, opts.f, opts.Period)
	if err != nil {
		return err
	}
	sl := score.Awards(s.c, s.res)
	w := opts.f.IO.Out
	if opts.Explain != "" {
		return explain(w, s, sl, opts.Explain, opts.Lang)
	}
	if opts.Cluster != "" {
		units, err := inCluster(s.res.Units, opts.Cluster)
		if err != nil {
			return err
		}
		keep := map[string]bool{}
		for _, u := range units {
			keep[u.Code] = true
		}
		sl = filterShortlist(sl, keep)
	}
	if opts.Format == "json" {
		return render.JSON(w, awardsJSON{Campaign: s.c.Code, Period: s.res.Period, Awards: sl.Awards, FieldAwards: sl.FieldAwards, NotAwarded: sl.NotAwarded})
	}
	l := i18n.For(opts.Lang)
	names := map[string]string{}
	for _, u := range s.res.Units {
		names[u.Code] = u.Name
	}
	if opts.Format == "csv" {
		t := &render.Table{Headers: []string{"tier", "rank", "code", "name", "cluster", "score", "reason"}}
		for _, a := range sl.Awards {
			t.Rows = append(t.Rows, []any{a.Tier, a.Rank, a.Code, a.Name, a.Cluster, a.Score, a.Reason})
		}
		for _, fa := range sl.FieldAwards {
			t.Rows = append(t.Rows, []any{"field:" + fa.KPI, nil, fa.Code, fa.Name, "", nil, fmt.Sprintf("attainment %g", fa.Attainment)})
		}
		for _, n := range sl.NotAwarded {
			t.Rows = append(t.Rows, []any{"", nil, n.Code, names[n.Code], "", nil, strings.Join(n.Reasons, " | ")})
		}
		return t.Write(w, "csv")
	}
	heading := func(text string) {
		if opts.Format == "markdown" {
			fmt.Fprintf(w, "\n## %s\n\n", text)
		} else {
			fmt.Fprintf(w, "\n%s\n", text)
		}
	}
	if opts.Format == "markdown" {
		fmt.Fprintf(w, "# %s %s — %s %s\n", l.AwardsTitle, s.c.Code, l.Period, s.res.Period)
	} else {
		fmt.Fprintf(w, "%s %s — %s %s\n", l.AwardsTitle, s.c.Code, l.Period, s.res.Period)
	}
	for _, rule := range s.c.Awards {
		heading(rule.Name)
		t := &render.Table{Lang: opts.Lang, Headers: []string{l.Rank, l.Code, l.Unit, l.Cluster, l.Score, l.Reason}, Decimals: []int{0, 0, 0, 0, 2, 0}}
		for _, a := range sl.Awards {
			if a.Tier == rule.Code {
				t.Rows = append(t.Rows, []any{a.Rank, a.Code, a.Name, a.Cluster, a.Score, a.Reason})
			}
		}
		if len(t.Rows) == 0 {
			fmt.Fprintln(w, "(không có)")
			continue
		}
		if err := t.Write(w, opts.Format); err != nil {
			return err
		}
	}
	if s.c.FieldAwards.Enabled {
		heading(s.c.FieldAwards.Name)
		t := &render.Table{Lang: opts.Lang, Headers: []string{l.KPI, l.Code, l.Unit, l.Attainment}}
		for _, fa := range sl.FieldAwards {
			t.Rows = append(t.Rows, []any{fa.KPI, fa.Code, fa.Name, render.Number(fa.Attainment*100, 1, opts.Lang) + "%"})
		}
		if len(t.Rows) == 0 {
			fmt.Fprintln(w, "(không có)")
		} else if err := t.Write(w, opts.Format); err != nil {
			return err
		}
	}
	heading(l.NotAwarded)
	t := &render.Table{Headers: []string{l.Code, l.Unit, l.Reasons}}
	for _, n := range sl.NotAwarded {
		t.Rows = append(t.Rows, []any{n.Code, names[n.Code], strings.Join(n.Reasons, "\n")})
	}
	if len(t.Rows) == 0 {
		fmt.Fprintln(w, "(không có)")
		return nil
	}
	return t.Write(w, opts.Format)
}

func filterShortlist(sl score.Shortlist, keep map[string]bool) score.Shortlist {
	out := score.Shortlist{Awards: []score.Award{}, FieldAwards: []score.FieldAward{}, NotAwarded: []score.NotAwarded{}, Verdicts: sl.Verdicts}
	for _, a := range sl.Awards {
		if keep[a.Code] {
			out.Awards = append(out.Awards, a)
		}
	}
	for _, f := range sl.FieldAwards {
		if keep[f.Code] {
			out.FieldAwards = append(out.FieldAwards, f)
		}
	}
	for _, n := range sl.NotAwarded {
		if keep[n.Code] {
			out.NotAwarded = append(out.NotAwarded, n)
		}
	}
	return out
}
