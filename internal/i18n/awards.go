package i18n

import (
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/numfmt"
	"github.com/bhxh/kpi/internal/score"
)

// Condition says one award condition as the rulebook would: met ("đứng
// đầu Cụm A", "đạt 7/7 chỉ tiêu", "111,25 điểm") or why not ("hạng 2 trong
// Cụm A (cần ≤ 1)", "đạt 6/7 chỉ tiêu, chưa đạt Chậm đóng (80,0%)").
func Condition(lang string, c score.Condition) string { return Speaker{Lang: lang}.Condition(c) }

// Speaker says award decisions in one language, naming the KPIs as the
// campaign does for people (their short names).
type Speaker struct {
	Lang string
	kpis map[string]string // code → label
}

// SpeakerFor is the speaker of lang with c's names for its KPIs.
func SpeakerFor(lang string, c *campaign.Campaign) Speaker {
	s := Speaker{Lang: lang, kpis: map[string]string{}}
	if c != nil {
		for _, k := range c.KPIs {
			s.kpis[k.Code] = k.Label()
		}
	}
	return s
}

// KPI is the KPI of code as people read it.
func (s Speaker) KPI(code string) string {
	if l, ok := s.kpis[code]; ok {
		return l
	}
	return code
}

// Condition says one award condition (see the package function).
func (s Speaker) Condition(c score.Condition) string {
	lang := s.Lang
	switch c.Kind {
	case score.TopInCluster:
		switch {
		case !c.Met:
			return T(lang, CondNotTopInCluster, int(c.Got), c.Cluster, int(c.Need))
		case c.Need == 1:
			return T(lang, CondFirstInCluster, c.Cluster)
		}
		return T(lang, CondRankInCluster, int(c.Got), c.Cluster)
	case score.AllAttained:
		if c.Met {
			return T(lang, CondAllAttained, int(c.Got), int(c.Need))
		}
		var miss []string
		for _, k := range c.KPIs {
			switch {
			case k.Missing:
				miss = append(miss, T(lang, KPIMissing, s.KPI(k.Code)))
			case k.NoTarget:
				miss = append(miss, T(lang, KPINoTarget, s.KPI(k.Code)))
			default:
				miss = append(miss, T(lang, KPIBelow, s.KPI(k.Code), percent(k.Attainment, 1, lang)))
			}
		}
		return T(lang, CondNotAllAttained, int(c.Got), int(c.Need), strings.Join(miss, ", "))
	case score.MinAttainment:
		if c.Met {
			return T(lang, CondMinAttainment, percent(c.Need, -1, lang))
		}
		var low []string
		for _, k := range c.KPIs {
			low = append(low, T(lang, KPIAt, s.KPI(k.Code), percent(k.Attainment, 1, lang)))
		}
		return T(lang, CondNotMinAttainment, percent(c.Need, -1, lang), strings.Join(low, ", "))
	case score.MinScore, score.ScoreStated:
		if c.Met {
			return T(lang, CondScore, Points(c.Got, lang))
		}
		return T(lang, CondNotMinScore, Points(c.Got, lang), numfmt.Format(c.Need, -1, lang))
	case score.MaxShare:
		return T(lang, CondQuotaFull, int(c.Need), percent(c.Share, -1, lang))
	case score.HigherTier:
		return T(lang, CondHigherTier)
	case score.Excluded:
		return T(lang, CondExcluded, c.Reason)
	case score.NotExcluded:
		if c.Met {
			return T(lang, CondNotExcluded)
		}
		return T(lang, CondExcluded, c.Reason)
	case score.MaxPerUnit:
		if c.Met {
			return T(lang, CondPerUnit, int(c.Got)+1, int(c.Need))
		}
		return T(lang, CondPerUnitFull, int(c.Got)+1, int(c.Need))
	}
	return string(c.Kind)
}

// Reasons says the conditions that decided a verdict (score.Verdict.Reasons),
// joined by "; ": why a unit got a tier, or why not.
func Reasons(lang string, conds []score.Condition) string { return Speaker{Lang: lang}.Reasons(conds) }

// Reasons says the conditions that decided a verdict (see the package
// function).
func (s Speaker) Reasons(conds []score.Condition) string {
	said := make([]string, len(conds))
	for i, c := range conds {
		said[i] = s.Condition(c)
	}
	return strings.Join(said, "; ")
}

// Verdict says one tier's verdict with the tier's name: "Cờ thi đua: đạt
// 6/7 chỉ tiêu, chưa đạt Chậm đóng (80,0%)".
func Verdict(lang string, v score.Verdict) string { return Speaker{Lang: lang}.Verdict(v) }

// Verdict says one tier's verdict (see the package function).
func (s Speaker) Verdict(v score.Verdict) string {
	return T(s.Lang, TierReasons, v.TierName, s.Reasons(v.Reasons()))
}

// FieldAward says a field award: the KPI and the attainment, "Số thu
// (122,8%)".
func (s Speaker) FieldAward(fa score.FieldAward) string {
	return T(s.Lang, FieldAward, s.KPI(fa.KPI), percent(fa.Attainment, 1, s.Lang))
}

// Rule says an award rule's conditions: "đứng đầu cụm; đạt mọi chỉ tiêu;
// điểm ≥ 105".
func Rule(lang string, a campaign.AwardRule) string {
	var parts []string
	switch {
	case a.TopInCluster == 1:
		parts = append(parts, T(lang, RuleFirstInCluster))
	case a.TopInCluster > 1:
		parts = append(parts, T(lang, RuleTopInCluster, a.TopInCluster))
	}
	if a.AllAttained {
		parts = append(parts, T(lang, RuleAllAttained))
	}
	if a.MinScore != nil {
		parts = append(parts, T(lang, RuleMinScore, numfmt.Format(*a.MinScore, -1, lang)))
	}
	if a.MinAttainment != nil {
		parts = append(parts, T(lang, RuleMinAttainment, percent(*a.MinAttainment, -1, lang)))
	}
	if a.MaxShare != nil {
		parts = append(parts, T(lang, RuleMaxShare, percent(*a.MaxShare, -1, lang)))
	}
	return strings.Join(parts, "; ")
}

// TitleRule says an individual title's rules: "tối đa 2 người mỗi đơn vị;
// đơn vị: đạt mọi chỉ tiêu; không bị loại khỏi xét khen thưởng".
func TitleRule(lang string, t campaign.Title) string {
	var parts, unit []string
	if t.MaxPerUnit > 0 {
		parts = append(parts, T(lang, RuleMaxPerUnit, t.MaxPerUnit))
	}
	if r := Rule(lang, campaign.AwardRule{AllAttained: t.Unit.AllAttained, MinScore: t.Unit.MinScore, MinAttainment: t.Unit.MinAttainment}); r != "" {
		unit = append(unit, r)
	}
	if t.Unit.NotExcluded {
		unit = append(unit, T(lang, RuleNotExcluded))
	}
	if len(unit) > 0 {
		parts = append(parts, T(lang, RuleOfUnit, strings.Join(unit, "; ")))
	}
	return strings.Join(parts, "; ")
}

// Points writes a score as the officer reads it: rounded to 2 decimals,
// trailing zeros dropped ("108,4", "111,25", "100"; in English "108.4").
func Points(v float64, lang string) string {
	s := numfmt.Format(score.Round2(v), 2, lang)
	point := ","
	if lang == "en" {
		point = "."
	}
	if strings.Contains(s, point) {
		s = strings.TrimRight(strings.TrimRight(s, "0"), point)
	}
	return s
}

// percent writes a ratio as a number of percent, without the sign: 0.8 →
// "80,0" (dec 1), 0.3 → "30" (dec < 0: as many decimals as needed).
func percent(r float64, dec int, lang string) string { return numfmt.Format(r*100, dec, lang) }
