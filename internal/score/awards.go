package score

import (
	"fmt"
	"math"
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/numfmt"
)

// The award shortlist. The tiers are applied in the campaign's order and a
// unit gets at most one: for each tier, the units without a tier yet are
// taken in rank order if they meet every condition of the rule —
//
//   - top_in_cluster N: cluster rank ≤ N;
//   - all_attained: every KPI attained (none missing);
//   - min_score S: score (rounded to 2 decimals) ≥ S;
//   - min_attainment x: no KPI's attainment below x (missing counts as 0);
//   - max_share s: at most max(1, ⌊s × number of units⌋) units, in rank order.
//
// Field awards: for each KPI, the unit with the highest uncapped attainment
// among those that attained it (ties: the better overall rank).

// Award is one shortlisted unit.
type Award struct {
	Tier     string  `json:"tier"`
	TierName string  `json:"-"`
	Code     string  `json:"code"`
	Name     string  `json:"name"`
	Cluster  string  `json:"cluster"`
	Rank     int     `json:"rank"`
	Score    float64 `json:"score"`
	Reason   string  `json:"reason"`
}

// FieldAward is the best unit on one KPI.
type FieldAward struct {
	KPI        string  `json:"kpi"`
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	Attainment float64 `json:"attainment"`
}

// NotAwarded explains why a unit got no tier.
type NotAwarded struct {
	Code    string   `json:"code"`
	Reasons []string `json:"reasons"`
}

// Shortlist is the outcome of the award rules.
type Shortlist struct {
	Awards      []Award      `json:"awards"`
	FieldAwards []FieldAward `json:"field_awards"`
	NotAwarded  []NotAwarded `json:"not_awarded"`
	// Verdicts[unit code] lists, per tier in order, whether the unit met it
	// and why (for --explain).
	Verdicts map[string][]Verdict `json:"-"`
}

// Verdict is one tier's decision for one unit.
type Verdict struct {
	Tier, TierName string
	Awarded        bool
	Reasons        []string // met conditions when awarded, unmet ones otherwise
}

// Awards applies the campaign's award rules to a ranked result.
func Awards(c *campaign.Campaign, r Result) Shortlist {
	sl := Shortlist{Awards: []Award{}, FieldAwards: []FieldAward{}, NotAwarded: []NotAwarded{}, Verdicts: map[string][]Verdict{}}
	has := map[string]bool{}
	for _, rule := range c.Awards {
		quota := -1
		if rule.MaxShare != nil {
			quota = int(math.Floor(*rule.MaxShare*float64(len(r.Units)) + eps))
			if quota < 1 {
				quota = 1
			}
		}
		taken := 0
		for _, u := range r.Units {
			v := Verdict{Tier: rule.Code, TierName: rule.Name}
			if has[u.Code] {
				v.Reasons = []string{"đã có danh hiệu cao hơn"}
				sl.Verdicts[u.Code] = append(sl.Verdicts[u.Code], v)
				continue
			}
			met, unmet := conditions(rule, u)
			if len(unmet) == 0 && quota >= 0 && taken >= quota {
				unmet = append(unmet, fmt.Sprintf("đã đủ %d suất (%s %% số đơn vị)", quota, vi(*rule.MaxShare*100, -1)))
			}
			if len(unmet) > 0 {
				v.Reasons = unmet
				sl.Verdicts[u.Code] = append(sl.Verdicts[u.Code], v)
				continue
			}
			taken++
			has[u.Code] = true
			v.Awarded, v.Reasons = true, met
			sl.Verdicts[u.Code] = append(sl.Verdicts[u.Code], v)
			sl.Awards = append(sl.Awards, Award{Tier: rule.Code, TierName: rule.Name, Code: u.Code, Name: u.Name,
				Cluster: u.Cluster, Rank: u.Rank, Score: u.Score, Reason: strings.Join(met, "; ")})
		}
	}
	for _, u := range r.Units {
		if has[u.Code] {
			continue
		}
		var reasons []string
		for _, v := range sl.Verdicts[u.Code] {
			reasons = append(reasons, v.TierName+": "+strings.Join(v.Reasons, "; "))
		}
		sl.NotAwarded = append(sl.NotAwarded, NotAwarded{Code: u.Code, Reasons: reasons})
	}
	if c.FieldAwards.Enabled {
		sl.FieldAwards = fieldAwards(c, r)
	}
	return sl
}

// conditions returns the rule's conditions the unit meets and those it
// does not, in the officer's words.
func conditions(rule campaign.AwardRule, u UnitResult) (met, unmet []string) {
	if rule.TopInCluster > 0 {
		if u.ClusterRank <= rule.TopInCluster {
			if rule.TopInCluster == 1 {
				met = append(met, "đứng đầu "+u.Cluster)
			} else {
				met = append(met, fmt.Sprintf("hạng %d %s", u.ClusterRank, u.Cluster))
			}
		} else {
			unmet = append(unmet, fmt.Sprintf("hạng %d trong %s (cần ≤ %d)", u.ClusterRank, u.Cluster, rule.TopInCluster))
		}
	}
	n := len(u.KPIs)
	if rule.AllAttained {
		if u.AllAttained() {
			met = append(met, fmt.Sprintf("đạt %d/%d chỉ tiêu", n, n))
		} else {
			var miss []string
			for _, k := range u.KPIs {
				switch {
				case k.Missing:
					miss = append(miss, k.Code+" (thiếu số liệu)")
				case k.NoTarget:
					miss = append(miss, k.Code+" (chưa có chỉ tiêu)")
				case !k.Attained:
					miss = append(miss, fmt.Sprintf("%s (%s %%)", k.Code, vi(k.Attainment*100, 1)))
				}
			}
			unmet = append(unmet, fmt.Sprintf("đạt %d/%d chỉ tiêu, chưa đạt %s", u.KPIsAttained, n, strings.Join(miss, ", ")))
		}
	}
	if rule.MinAttainment != nil {
		var low []string
		for _, k := range u.KPIs {
			if k.Attainment < *rule.MinAttainment-eps {
				low = append(low, fmt.Sprintf("%s %s %%", k.Code, vi(k.Attainment*100, 1)))
			}
		}
		if len(low) == 0 {
			met = append(met, fmt.Sprintf("mọi chỉ tiêu ≥ %s %%", vi(*rule.MinAttainment*100, -1)))
		} else {
			unmet = append(unmet, fmt.Sprintf("chỉ tiêu dưới %s %%: %s", vi(*rule.MinAttainment*100, -1), strings.Join(low, ", ")))
		}
	}
	if rule.MinScore != nil {
		if Round2(u.Score) >= *rule.MinScore {
			met = append(met, points(u.Score)+" điểm")
		} else {
			unmet = append(unmet, fmt.Sprintf("%s điểm < %s", points(u.Score), vi(*rule.MinScore, -1)))
		}
	} else {
		met = append(met, points(u.Score)+" điểm")
	}
	return met, unmet
}

func fieldAwards(c *campaign.Campaign, r Result) []FieldAward {
	out := []FieldAward{}
	for i, k := range c.KPIs {
		best := -1
		for j, u := range r.Units { // rank order: the first of equals wins
			kr := u.KPIs[i]
			if kr.Missing || !kr.Attained {
				continue
			}
			if best < 0 || kr.Attainment > r.Units[best].KPIs[i].Attainment {
				best = j
			}
		}
		if best >= 0 {
			u := r.Units[best]
			out = append(out, FieldAward{KPI: k.Code, Code: u.Code, Name: u.Name, Attainment: u.KPIs[i].Attainment})
		}
	}
	return out
}

// points writes a score as the officer reads it: rounded to 2 decimals,
// trailing zeros dropped ("108,4", "111,25", "100").
func points(v float64) string {
	s := vi(Round2(v), 2)
	if strings.Contains(s, ",") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ",")
	}
	return s
}

// vi formats a number the Vietnamese way (dec < 0: as many decimals as needed).
func vi(v float64, dec int) string { return numfmt.Format(v, dec, "vi") }
