package campaign

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A campaign is refused with every problem found in it, each a fact — what
// is wrong, where, with which values — that the edge says in the officer's
// language (internal/i18n). Tests match the kinds, not the words.

// ProblemKind says what is wrong. Its value is stable: a code.
type ProblemKind string

// What can be wrong with a campaign's YAML.
const (
	YAMLEmpty        ProblemKind = "yaml_empty"         // nothing in the file
	YAMLSyntax       ProblemKind = "yaml_syntax"        // the parser's words
	YAMLUnknownField ProblemKind = "yaml_unknown_field" // the key
	YAMLWrongType    ProblemKind = "yaml_wrong_type"    // the value, what the key takes (a ValueKind)
	YAMLDuplicate    ProblemKind = "yaml_duplicate"     // the key
)

// What can be wrong with its settings.
const (
	CodeEmpty           ProblemKind = "code_empty"
	BadYear             ProblemKind = "bad_year"              // the year
	BadScoreBasis       ProblemKind = "bad_score_basis"       // the value
	CapBelowOne         ProblemKind = "cap_below_one"         // the cap
	BadMethod           ProblemKind = "bad_method"            // the value
	BadLeaderScope      ProblemKind = "bad_leader_scope"      // the value
	ScopeWithoutLeader  ProblemKind = "scope_without_leader"  // the value
	AdjustBoundRange    ProblemKind = "adjust_bound_range"    // the key, the value, the largest bound
	NoKPIs              ProblemKind = "no_kpis"               //
	BadCode             ProblemKind = "bad_code"              //
	DuplicateCode       ProblemKind = "duplicate_code"        //
	NameEmpty           ProblemKind = "name_empty"            //
	DuplicateName       ProblemKind = "duplicate_name"        // the name
	BadKind             ProblemKind = "bad_kind"              // the value
	BadBetter           ProblemKind = "bad_better"            // the value
	WeightNotPositive   ProblemKind = "weight_not_positive"   // the weight
	BadPhasing          ProblemKind = "bad_phasing"           //
	NotEmpty            ProblemKind = "not_empty"             //
	NotOwnName          ProblemKind = "not_own_name"          // the phrase
	DefaultNotPositive  ProblemKind = "default_not_positive"  // the default target
	WeightsSum          ProblemKind = "weights_sum"           // the sum
	ShortNameClash      ProblemKind = "short_name_clash"      // the short name, the other KPI's code
	TopNegative         ProblemKind = "top_negative"          // the value
	MinScoreRange       ProblemKind = "min_score_range"       // the value
	MinAttainmentRange  ProblemKind = "min_attainment_range"  // the value
	MaxShareRange       ProblemKind = "max_share_range"       // the value
	NoCondition         ProblemKind = "no_condition"          //
	MaxPerUnitNegative  ProblemKind = "max_per_unit_negative" // the value
	MinScoreUnreachable ProblemKind = "min_score_unreachable" // min_score, the method, the highest score
	NameClash           ProblemKind = "name_clash"            // the name, the two KPIs' codes
)

// ValueKind is what a YAML key takes, for YAMLWrongType.
type ValueKind string

// What keys take.
const (
	ValueNumber  ValueKind = "number"
	ValueBool    ValueKind = "bool"
	ValueText    ValueKind = "text"
	ValueList    ValueKind = "list"
	ValueMapping ValueKind = "mapping"
)

// Problem is one thing wrong with a campaign.
type Problem struct {
	Kind  ProblemKind
	Line  int    // the line of the YAML file, when known
	Where string // the setting, as a YAML path: `kpis[2] "thu"`; "" for the campaign's own
	Args  []any
}

func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", p.Line)
	}
	if p.Where != "" {
		b.WriteString(p.Where + ": ")
	}
	b.WriteString(string(p.Kind))
	for _, a := range p.Args {
		fmt.Fprintf(&b, " %v", a)
	}
	return b.String()
}

// InvalidError refuses a campaign, with every problem found.
type InvalidError struct{ Problems []Problem }

func (e *InvalidError) Error() string {
	s := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		s[i] = p.String()
	}
	return "invalid campaign: " + strings.Join(s, "; ")
}

// Has reports whether kind is among the problems.
func (e *InvalidError) Has(kind ProblemKind) bool {
	for _, p := range e.Problems {
		if p.Kind == kind {
			return true
		}
	}
	return false
}

var (
	yamlLineRE   = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	unknownRE    = regexp.MustCompile(`^line (\d+): field (.+) not found in type `)
	wrongTypeRE  = regexp.MustCompile("^line (\\d+): cannot unmarshal \\S+(?: `(.*)`)? into (.+)$")
	duplicateRE  = regexp.MustCompile(`^line (\d+): (?:mapping key "?(.+?)"? already defined|field (.+) already set)`)
	typeErrorsRE = regexp.MustCompile(`^line (\d+): (.*)$`)
)

// yamlProblems turns the YAML decoder's error into problems.
func yamlProblems(err error) *InvalidError {
	if errors.Is(err, io.EOF) {
		return &InvalidError{[]Problem{{Kind: YAMLEmpty}}}
	}
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			return &InvalidError{[]Problem{{Kind: YAMLSyntax, Line: n, Args: []any{m[2]}}}}
		}
		return &InvalidError{[]Problem{{Kind: YAMLSyntax, Args: []any{strings.TrimPrefix(err.Error(), "yaml: ")}}}}
	}
	out := &InvalidError{}
	for _, s := range te.Errors {
		line := func(m []string) int { n, _ := strconv.Atoi(m[1]); return n }
		switch m := unknownRE.FindStringSubmatch(s); {
		case m != nil:
			out.Problems = append(out.Problems, Problem{Kind: YAMLUnknownField, Line: line(m), Args: []any{m[2]}})
			continue
		}
		if m := wrongTypeRE.FindStringSubmatch(s); m != nil {
			value := m[2]
			if !utf8.ValidString(value) { // the decoder cuts a long value after 7 bytes
				value = strings.ToValidUTF8(value, "") + "…"
			}
			out.Problems = append(out.Problems, Problem{Kind: YAMLWrongType, Line: line(m), Args: []any{value, valueKind(m[3])}})
			continue
		}
		if m := duplicateRE.FindStringSubmatch(s); m != nil {
			key := m[2]
			if key == "" {
				key = m[3]
			}
			out.Problems = append(out.Problems, Problem{Kind: YAMLDuplicate, Line: line(m), Args: []any{key}})
			continue
		}
		p := Problem{Kind: YAMLSyntax, Args: []any{s}}
		if m := typeErrorsRE.FindStringSubmatch(s); m != nil {
			p.Line, p.Args = line(m), []any{m[2]}
		}
		out.Problems = append(out.Problems, p)
	}
	return out
}

// valueKind says what a Go type the decoder names holds.
func valueKind(goType string) ValueKind {
	t := strings.TrimLeft(goType, "*")
	switch {
	case strings.HasPrefix(t, "[]"):
		return ValueList
	case strings.HasPrefix(t, "map["), strings.Contains(t, "."):
		return ValueMapping
	case t == "bool":
		return ValueBool
	case t == "string":
		return ValueText
	}
	return ValueNumber
}
