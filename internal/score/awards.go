package score

import (
	"math"

	"github.com/bhxh/kpi/internal/campaign"
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
//
// A unit excluded from awards (UnitResult.Excluded) gets none: each tier's
// verdict is the one condition Excluded, it takes no place of a quota and
// no field award, and it keeps its rank (a tier's top_in_cluster still
// counts it).
//
// The outcome holds no words: each decision is a list of Conditions, values
// that internal/i18n turns into the officer's sentences ("đứng đầu Cụm A;
// đạt 7/7 chỉ tiêu; 111,25 điểm") in Vietnamese or English.

// ConditionKind names what a Condition is about. Its value is the name of
// the campaign's rule key where there is one.
type ConditionKind string

// The kinds of condition, with what Got and Need hold for each.
const (
	// TopInCluster: Got the unit's cluster rank, Need the rule's N; Cluster
	// names the cluster.
	TopInCluster ConditionKind = "top_in_cluster"
	// AllAttained: Got the KPIs attained, Need the number of KPIs; KPIs
	// lists those not attained.
	AllAttained ConditionKind = "all_attained"
	// MinAttainment: Got the unit's lowest attainment, Need the rule's x;
	// KPIs lists those below x.
	MinAttainment ConditionKind = "min_attainment"
	// MinScore: Got the score, Need the rule's S (met when the score rounded
	// to 2 decimals reaches it).
	MinScore ConditionKind = "min_score"
	// ScoreStated: a rule without min_score still states the score (Got);
	// always met.
	ScoreStated ConditionKind = "score"
	// MaxShare: Got the places of the tier already taken when the unit's
	// turn came, Need the places (max(1, ⌊Share × units⌋)); Share is the
	// rule's s. Checked only for a unit that meets every other condition.
	MaxShare ConditionKind = "max_share"
	// HigherTier: the unit already holds an earlier tier; never met.
	HigherTier ConditionKind = "higher_tier"
)

// Condition is one condition of an award rule as one unit stands against
// it: met or not, the unit's figure (Got) and the rule's (Need).
type Condition struct {
	Kind    ConditionKind `json:"kind"`
	Met     bool          `json:"met"`
	Got     float64       `json:"got"`
	Need    float64       `json:"need,omitempty"`
	Cluster string        `json:"cluster,omitempty"`
	Share   float64       `json:"share,omitempty"`
	KPIs    []Shortfall   `json:"kpis,omitempty"`
	// Reason is the council's reason, for Excluded and NotExcluded.
	Reason string `json:"reason,omitempty"`
}

// Shortfall is a KPI that keeps a unit from a condition: its attainment,
// or that it has no figure or no target.
type Shortfall struct {
	Code       string  `json:"code"`
	Attainment float64 `json:"attainment"`
	Missing    bool    `json:"missing,omitempty"`
	NoTarget   bool    `json:"no_target,omitempty"`
}

// Award is one shortlisted unit, with the conditions of its tier that it
// met.
type Award struct {
	Tier       string      `json:"tier"`
	TierName   string      `json:"-"`
	Code       string      `json:"code"`
	Name       string      `json:"name"`
	Cluster    string      `json:"cluster"`
	Rank       int         `json:"rank"`
	Score      float64     `json:"score"`
	Conditions []Condition `json:"conditions"` // as in its Verdict
}

// Reasons are the conditions the unit was awarded on (see Verdict.Reasons).
func (a Award) Reasons() []Condition {
	return Verdict{Awarded: true, Conditions: a.Conditions}.Reasons()
}

// FieldAward is the best unit on one KPI.
type FieldAward struct {
	KPI        string  `json:"kpi"`
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	Attainment float64 `json:"attainment"`
}

// NotAwarded is a unit that got no tier, with every tier's verdict.
type NotAwarded struct {
	Code     string    `json:"code"`
	Verdicts []Verdict `json:"verdicts"`
}

// Shortlist is the outcome of the award rules.
type Shortlist struct {
	Awards      []Award      `json:"awards"`
	FieldAwards []FieldAward `json:"field_awards"`
	NotAwarded  []NotAwarded `json:"not_awarded"`
	// Verdicts[unit code] lists, per tier in order, whether the unit met it
	// and why (for --explain).
	Verdicts map[string][]Verdict `json:"-"`
	// Nominations are the individual nominations decided (see
	// CheckNominations), when the caller gives them.
	Nominations []NominationResult `json:"nominations"`
}

// Verdict is one tier's decision for one unit: every condition of the rule
// as the unit stands against it, in the rule's order (top_in_cluster,
// all_attained, min_attainment, min_score or the score, then max_share
// when it was reached), or HigherTier alone.
type Verdict struct {
	Tier       string      `json:"tier"`
	TierName   string      `json:"-"`
	Awarded    bool        `json:"awarded"`
	Conditions []Condition `json:"conditions"`
}

// Reasons are the conditions that decided: when awarded, those met (but
// a quota or a clean record, which are no merit); otherwise those not met.
func (v Verdict) Reasons() []Condition {
	var out []Condition
	for _, c := range v.Conditions {
		if c.Met == v.Awarded && !(c.Met && (c.Kind == MaxShare || c.Kind == MaxPerUnit || c.Kind == NotExcluded)) {
			out = append(out, c)
		}
	}
	return out
}

// Awards applies the campaign's award rules to a ranked result.
func Awards(c *campaign.Campaign, r Result) Shortlist {
	sl := Shortlist{Awards: []Award{}, FieldAwards: []FieldAward{}, NotAwarded: []NotAwarded{}, Verdicts: map[string][]Verdict{},
		Nominations: []NominationResult{}}
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
				v.Conditions = []Condition{{Kind: HigherTier}}
				sl.Verdicts[u.Code] = append(sl.Verdicts[u.Code], v)
				continue
			}
			if u.Excluded != nil {
				v.Conditions = []Condition{{Kind: Excluded, Reason: u.Excluded.Reason}}
				sl.Verdicts[u.Code] = append(sl.Verdicts[u.Code], v)
				continue
			}
			v.Conditions = Conditions(rule, u)
			v.Awarded = allMet(v.Conditions)
			if v.Awarded && quota >= 0 {
				v.Awarded = taken < quota
				v.Conditions = append(v.Conditions, Condition{Kind: MaxShare, Met: v.Awarded,
					Got: float64(taken), Need: float64(quota), Share: *rule.MaxShare})
			}
			sl.Verdicts[u.Code] = append(sl.Verdicts[u.Code], v)
			if !v.Awarded {
				continue
			}
			taken++
			has[u.Code] = true
			sl.Awards = append(sl.Awards, Award{Tier: rule.Code, TierName: rule.Name, Code: u.Code, Name: u.Name,
				Cluster: u.Cluster, Rank: u.Rank, Score: u.Score, Conditions: v.Conditions})
		}
	}
	for _, u := range r.Units {
		if !has[u.Code] {
			sl.NotAwarded = append(sl.NotAwarded, NotAwarded{Code: u.Code, Verdicts: sl.Verdicts[u.Code]})
		}
	}
	if c.FieldAwards.Enabled {
		sl.FieldAwards = fieldAwards(c, r)
	}
	return sl
}

func allMet(cs []Condition) bool {
	for _, c := range cs {
		if !c.Met {
			return false
		}
	}
	return true
}

// Conditions returns how the unit stands against each condition of the
// rule but its quota (max_share, which depends on the units before it), in
// the rule's order; a rule without min_score states the score.
func Conditions(rule campaign.AwardRule, u UnitResult) []Condition {
	var out []Condition
	if rule.TopInCluster > 0 {
		out = append(out, Condition{Kind: TopInCluster, Met: u.ClusterRank <= rule.TopInCluster,
			Got: float64(u.ClusterRank), Need: float64(rule.TopInCluster), Cluster: u.Cluster})
	}
	if rule.AllAttained {
		c := Condition{Kind: AllAttained, Met: u.AllAttained(), Got: float64(u.KPIsAttained), Need: float64(len(u.KPIs))}
		for _, k := range u.KPIs {
			if k.Missing || k.NoTarget || !k.Attained {
				c.KPIs = append(c.KPIs, shortfall(k))
			}
		}
		out = append(out, c)
	}
	if rule.MinAttainment != nil {
		c := Condition{Kind: MinAttainment, Met: true, Need: *rule.MinAttainment}
		for i, k := range u.KPIs {
			if i == 0 || k.Attainment < c.Got {
				c.Got = k.Attainment
			}
			if k.Attainment < *rule.MinAttainment-eps {
				c.Met = false
				c.KPIs = append(c.KPIs, shortfall(k))
			}
		}
		out = append(out, c)
	}
	if rule.MinScore != nil {
		out = append(out, Condition{Kind: MinScore, Met: Round2(u.Score) >= *rule.MinScore, Got: u.Score, Need: *rule.MinScore})
	} else {
		out = append(out, Condition{Kind: ScoreStated, Met: true, Got: u.Score})
	}
	return out
}

func shortfall(k KPIResult) Shortfall {
	return Shortfall{Code: k.Code, Attainment: k.Attainment, Missing: k.Missing, NoTarget: k.NoTarget}
}

func fieldAwards(c *campaign.Campaign, r Result) []FieldAward {
	out := []FieldAward{}
	for i, k := range c.KPIs {
		best := -1
		for j, u := range r.Units { // rank order: the first of equals wins
			kr := u.KPIs[i]
			if kr.Missing || !kr.Attained || u.Excluded != nil {
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
