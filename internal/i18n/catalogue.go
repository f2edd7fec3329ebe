package i18n

import (
	"errors"
	"fmt"
)

// Key names a sentence of the catalogue. Its value is stable, so that
// tests and machines may hold on to it as a code.
type Key string

// The sentences. Each is a format (fmt verbs, %[n]d to reorder the
// arguments) in Vietnamese and in English; numbers come as arguments
// already written for people (numfmt) unless the verb is %d.
const (
	// Errors and hints of the command line.
	ErrorLine         Key = "error_line"          // the error
	SeeHelp           Key = "see_help"            //
	NoUnits           Key = "no_units"            //
	NoUnit            Key = "no_unit"             // unit code
	NoReports         Key = "no_reports"          // year
	NoKPI             Key = "no_kpi"              // KPI code, campaign code
	UnknownLang       Key = "unknown_lang"        // the --lang given
	BadPeriodFlag     Key = "bad_period_flag"     // why the period does not parse
	ExportExt         Key = "export_ext"          // the -o given
	UndoID            Key = "undo_id"             // the ID given
	NoImport          Key = "no_import"           // import number
	UnitOrAllUnits    Key = "unit_or_all_units"   //
	SampleSizes       Key = "sample_sizes"        //
	KeepCopyFailed    Key = "keep_copy_failed"    // workspace file, the cause
	MigrateSQLOnly    Key = "migrate_sql_only"    //
	MigrateCopyDiffer Key = "migrate_copy_differ" // destination, source
	FileInUse         Key = "file_in_use"         // the file
	ImportUndone      Key = "import_undone"       // import number, when it was undone

	// The command line's own words: commands, flags and arguments.
	UnknownCommand        Key = "unknown_command"         // the name typed, the command path
	UnknownCommandSuggest Key = "unknown_command_suggest" // the name typed, the command path, the commands meant (with their path)
	NoHelpTopic           Key = "no_help_topic"           // the words typed after kpi help
	NoArgs                Key = "no_args"                 // the command path, the arguments given
	ArgsCount             Key = "args_count"              // the command path, N, the arguments' names, the number given
	BadArgs               Key = "bad_args"                // the command path
	ImportPaths           Key = "import_paths"            //
	RequiredFlags         Key = "required_flags"          // the flags, the command path
	UnknownFlag           Key = "unknown_flag"            // the flag typed, the command path
	FlagNeedsValue        Key = "flag_needs_value"        // the flag
	FlagBadValue          Key = "flag_bad_value"          // the flag, the value given, what it takes (a Value… message)
	FlagSyntax            Key = "flag_syntax"             // the flag typed
	ValueNumber           Key = "value_number"            //
	ValueBool             Key = "value_bool"              //
	ValueOther            Key = "value_other"             //
	UnknownFormat         Key = "unknown_format"          // the --format given, the formats

	// The council's decisions: adjust, exclude, nominate.
	ReasonRequired      Key = "reason_required"      //
	AdjustPoints        Key = "adjust_points"        // the --points given
	EntryID             Key = "entry_id"             // the command that lists them, the ID given
	NoAdjustment        Key = "no_adjustment"        // adjustment number
	NoNomination        Key = "no_nomination"        // nomination number
	EntryRemoved        Key = "entry_removed"        // number, when, the reason given then
	AlreadyExcluded     Key = "already_excluded"     // unit, period, reason, unit
	NotExcluded         Key = "not_excluded"         // unit
	NoTitle             Key = "no_title"             // campaign code, the --title given, the titles
	NameRequired        Key = "name_required"        //
	DuplicateNomination Key = "duplicate_nomination" // unit, name, title, number

	// Award conditions (see Condition): met, or why not.
	CondFirstInCluster   Key = "cond_first_in_cluster"   // cluster
	CondRankInCluster    Key = "cond_rank_in_cluster"    // cluster rank, cluster
	CondNotTopInCluster  Key = "cond_not_top_in_cluster" // cluster rank, cluster, N
	CondAllAttained      Key = "cond_all_attained"       // attained, KPIs
	CondNotAllAttained   Key = "cond_not_all_attained"   // attained, KPIs, the shortfalls
	CondMinAttainment    Key = "cond_min_attainment"     // x in %
	CondNotMinAttainment Key = "cond_not_min_attainment" // x in %, the shortfalls
	CondScore            Key = "cond_score"              // score
	CondNotMinScore      Key = "cond_not_min_score"      // score, S
	CondQuotaFull        Key = "cond_quota_full"         // places, share in %
	CondHigherTier       Key = "cond_higher_tier"        //
	CondExcluded         Key = "cond_excluded"           // the council's reason
	CondNotExcluded      Key = "cond_not_excluded"       //
	CondPerUnit          Key = "cond_per_unit"           // place, places
	CondPerUnitFull      Key = "cond_per_unit_full"      // nominations before, places
	NominationPasses     Key = "nomination_passes"       //
	KPIMissing           Key = "kpi_missing"             // KPI code
	KPINoTarget          Key = "kpi_no_target"           // KPI code
	KPIBelow             Key = "kpi_below"               // KPI code, attainment in %: in a list of KPIs not attained
	KPIAt                Key = "kpi_at"                  // KPI code, attainment in %: in a list of KPIs below a floor
	TierReasons          Key = "tier_reasons"            // tier name, its reasons
	FieldAward           Key = "field_award"             // KPI code, attainment in %
	CarriedFigure        Key = "carried_figure"          // KPI code, month of the figure, month of the period
	ScoreBasisLine       Key = "score_basis_line"        // which attainment is scored: ToDate or Annual label
	AdjustLine           Key = "adjust_line"             // signed points, reason, number, period
	AdjustLineKPI        Key = "adjust_line_kpi"         // signed points, reason, number, period, KPI code
	BonusAtBound         Key = "bonus_at_bound"          // the bonus summed, the bound
	PenaltyAtBound       Key = "penalty_at_bound"        // the penalty summed, the bound
	ExcludedFrom         Key = "excluded_from"           // period, the council's reason
	ExcludedSince        Key = "excluded_since"          // period, the council's reason: under the heading "excluded"

	// Award rules, as campaign show lists them.
	RuleFirstInCluster Key = "rule_first_in_cluster" //
	RuleTopInCluster   Key = "rule_top_in_cluster"   // N
	RuleAllAttained    Key = "rule_all_attained"     //
	RuleMinScore       Key = "rule_min_score"        // S
	RuleMinAttainment  Key = "rule_min_attainment"   // x in %
	RuleMaxShare       Key = "rule_max_share"        // share in %
	RuleFieldAwards    Key = "rule_field_awards"     //
	RuleMaxPerUnit     Key = "rule_max_per_unit"     // N
	RuleNotExcluded    Key = "rule_not_excluded"     //
	RuleOfUnit         Key = "rule_of_unit"          // the unit's conditions

	// Exports.
	SignDate Key = "sign_date" // day, month, year, the month's English name
)

// catalogue holds every sentence in Vietnamese and English.
var catalogue = map[Key]struct{ vi, en string }{
	ErrorLine:         {"lỗi: %s", "error: %s"},
	SeeHelp:           {"xem 'kpi --help' hoặc 'kpi <lệnh> --help'", "see 'kpi --help' or 'kpi <command> --help'"},
	NoUnits:           {"chưa có đơn vị nào: nhập biểu giao chỉ tiêu bằng kpi targets import TỆP.xlsx", "the workspace has no units yet: kpi targets import FILE.xlsx"},
	NoUnit:            {"không có đơn vị %q (xem kpi units)", "no unit %q in the workspace (see kpi units)"},
	NoReports:         {"chưa có báo cáo nào của năm %d: nhập báo cáo bằng kpi import", "no reports for %d yet: import them with kpi import"},
	NoKPI:             {"không có chỉ tiêu %q trong phong trào %s", "no KPI %q in campaign %s"},
	UnknownLang:       {"không có ngôn ngữ %q: dùng vi hoặc en", "unknown language %q: use vi or en"},
	BadPeriodFlag:     {"--period: %v", "--period: %v"},
	ExportExt:         {"-o %s: tên tệp phải có đuôi .xlsx hoặc .csv", "-o %s: the file name must end in .xlsx or .csv"},
	UndoID:            {"ID phải là số lần nhập trong 'kpi history', không phải %q", "ID must be an import number from 'kpi history', not %q"},
	NoImport:          {"không có lần nhập #%d (xem kpi history)", "no import #%d (see kpi history)"},
	UnitOrAllUnits:    {"cần một trong hai: --unit MÃ hoặc --all-units", "give either --unit CODE or --all-units"},
	SampleSizes:       {"--units phải ≥ 1, --months từ 1 đến 12, --big-rows ≥ 0", "--units must be ≥ 1, --months 1–12, --big-rows ≥ 0"},
	KeepCopyFailed:    {"không lưu được bản sao của %s trước khi thay: %v", "keeping a copy of %s before replacing it: %v"},
	MigrateSQLOnly:    {"migrate chỉ chép giữa các workspace SQL của kpi", "migrate copies between kpi's SQL workspaces"},
	MigrateCopyDiffer: {"bản chép trong %s khác với %s: không được dùng", "the copy in %s differs from %s: do not use it"},
	FileInUse:         {"tệp %s đang mở trong Excel (hoặc chương trình khác): đóng tệp rồi chạy lại", "%s is open in Excel (or another program): close it and run again"},
	ImportUndone: {"không có lần nhập #%d để hoàn tác: lần nhập này đã được hoàn tác lúc %s (xem kpi history)",
		"no import #%d to undo: it was undone on %s (see kpi history)"},

	UnknownCommand:        {"không có lệnh %[2]s %[1]s", "unknown command: %[2]s %[1]s"},
	UnknownCommandSuggest: {"không có lệnh %[2]s %[1]s; có phải ý bạn là %[3]s?", "unknown command: %[2]s %[1]s; did you mean %[3]s?"},
	NoHelpTopic:           {"không có lệnh %q để xem hướng dẫn", "no command %q to help with"},
	NoArgs:                {"lệnh %s không nhận tham số nào, nhưng được cho %s", "%s takes no arguments, got %s"},
	ArgsCount:             {"lệnh %s cần đúng %d tham số (%s), nhưng được cho %d", "%s takes %d argument(s) (%s), got %d"},
	BadArgs:               {"sai số tham số của lệnh %s", "wrong number of arguments for %s"},
	ImportPaths:           {"cần ít nhất một tệp .xlsx hoặc thư mục để nhập", "name at least one .xlsx file or folder to import"},
	RequiredFlags:         {"thiếu tùy chọn bắt buộc %s của lệnh %s", "missing required flag %s of %s"},
	UnknownFlag:           {"không có tùy chọn %s trong lệnh %s", "unknown flag %s for %s"},
	FlagNeedsValue:        {"tùy chọn %s cần có giá trị đi kèm", "flag %s needs a value"},
	FlagBadValue:          {"%s: %q không dùng được, cần %s", "%s: %q is not valid, %s expected"},
	FlagSyntax:            {"tùy chọn viết sai: %s", "bad flag syntax: %s"},
	ValueNumber:           {"một số nguyên", "a whole number"},
	ValueBool:             {"true hoặc false", "true or false"},
	ValueOther:            {"giá trị khác", "another value"},
	UnknownFormat:         {"không có cách trình bày %q: dùng một trong %s", "unknown format %q: use one of %s"},

	ReasonRequired: {"cần --reason \"lý do\": lý do được ghi vào nhật ký (kpi log)", `--reason "…" is required: the reason goes into the audit log (kpi log)`},
	AdjustPoints: {"--points phải là số điểm khác 0, có dấu: +2 (điểm cộng) hoặc -1,5 (điểm trừ), tối đa 100; không phải %q",
		"--points must be a non-zero number of points with its sign: +2 (bonus) or -1.5 (penalty), at most 100; not %q"},
	EntryID:      {"ID phải là số thứ tự trong '%s', không phải %q", "ID must be a number from '%s', not %q"},
	NoAdjustment: {"không có điểm cộng/trừ #%d (xem kpi adjust list)", "no adjustment #%d (see kpi adjust list)"},
	NoNomination: {"không có đề nghị #%d (xem kpi nominate list)", "no nomination #%d (see kpi nominate list)"},
	EntryRemoved: {"#%d đã được bỏ lúc %s (lý do: %s): không cần bỏ lại", "#%d was withdrawn on %s (reason: %s): nothing to do"},
	AlreadyExcluded: {"%s đã không xét khen thưởng từ %s (lý do: %s); để sửa, bỏ bằng kpi exclude remove %s --reason \"…\" rồi ghi lại",
		`%s is excluded from awards already, from %s (reason: %s); to change it, lift it with kpi exclude remove %s --reason "…" and exclude again`},
	NotExcluded: {"%s không bị loại khỏi xét khen thưởng (xem kpi exclude list)", "%s is not excluded from awards (see kpi exclude list)"},
	NoTitle: {"phong trào %s không có danh hiệu cá nhân %q: dùng một trong %s (xem kpi campaign show)",
		"campaign %s has no individual title %q: use one of %s (see kpi campaign show)"},
	NameRequired:        {"cần --name \"HỌ VÀ TÊN\" của người được đề nghị", `--name "FULL NAME" of the person nominated is required`},
	DuplicateNomination: {"%s đã đề nghị %s cho danh hiệu %s (#%d): không ghi lại lần nữa", "%s has nominated %s for %s already (#%d): not recorded twice"},

	CondFirstInCluster:   {"đứng đầu %s", "first in %s"},
	CondRankInCluster:    {"hạng %d %s", "rank %d in %s"},
	CondNotTopInCluster:  {"hạng %d trong %s (cần ≤ %d)", "rank %d in %s (needs ≤ %d)"},
	CondAllAttained:      {"đạt %d/%d chỉ tiêu", "%d/%d KPIs attained"},
	CondNotAllAttained:   {"đạt %d/%d chỉ tiêu, chưa đạt %s", "%d/%d KPIs attained, not %s"},
	CondMinAttainment:    {"mọi chỉ tiêu ≥ %s %%", "every KPI ≥ %s %%"},
	CondNotMinAttainment: {"chỉ tiêu dưới %s %%: %s", "KPIs below %s %%: %s"},
	CondScore:            {"%s điểm", "%s points"},
	CondNotMinScore:      {"%s điểm < %s", "%s points < %s"},
	CondQuotaFull:        {"đã đủ %d suất (%s %% số đơn vị)", "all %d places taken (%s %% of units)"},
	CondHigherTier:       {"đã có danh hiệu cao hơn", "already holds a higher award"},
	CondExcluded:         {"không xét khen thưởng: %s", "excluded from awards: %s"},
	CondNotExcluded:      {"đơn vị được xét khen thưởng", "the unit is not excluded from awards"},
	CondPerUnit:          {"suất %d/%d của đơn vị", "place %d of %d for the unit"},
	NominationPasses:     {"đủ điều kiện", "qualifies"},
	CondPerUnitFull:      {"đơn vị đã đủ %[2]d suất (đề nghị thứ %[1]d)", "the unit's %[2]d places are taken (nomination %[1]d)"},
	KPIMissing:           {"%s (thiếu số liệu)", "%s (missing)"},
	KPINoTarget:          {"%s (chưa có chỉ tiêu)", "%s (no target)"},
	KPIBelow:             {"%s (%s %%)", "%s (%s %%)"},
	KPIAt:                {"%s %s %%", "%s %s %%"},
	TierReasons:          {"%s: %s", "%s: %s"},
	FieldAward:           {"%s (%s %%)", "%s (%s %%)"},
	CarriedFigure:        {"%s: số của tháng %d (tháng %d chưa có số)", "%s: the figure of month %d (month %d has none)"},
	AdjustLine:           {"%s điểm — %s (#%d, từ kỳ %s)", "%s points — %s (#%d, from %s)"},
	AdjustLineKPI:        {"%s điểm — %s (#%d, từ kỳ %s, chỉ tiêu %s)", "%s points — %s (#%d, from %s, KPI %s)"},
	BonusAtBound:         {"điểm cộng %s, chỉ tính %s (tối đa của phong trào)", "bonus %s, %s counted (the campaign's bound)"},
	PenaltyAtBound:       {"điểm trừ %s, chỉ trừ %s (tối đa của phong trào)", "penalty %s, %s counted (the campaign's bound)"},
	ExcludedFrom:         {"không xét khen thưởng từ kỳ %s: %s", "excluded from awards from %s: %s"},
	ExcludedSince:        {"từ kỳ %s: %s", "from %s: %s"},
	ScoreBasisLine:       {"điểm tính theo %s", "scored on %s"},

	RuleFirstInCluster: {"đứng đầu cụm", "first in its cluster"},
	RuleTopInCluster:   {"hạng 1–%d trong cụm", "rank 1–%d in its cluster"},
	RuleAllAttained:    {"đạt mọi chỉ tiêu", "every KPI attained"},
	RuleMinScore:       {"điểm ≥ %s", "score ≥ %s"},
	RuleMinAttainment:  {"không chỉ tiêu nào dưới %s %%", "no KPI below %s %%"},
	RuleMaxShare:       {"tối đa %s %% số đơn vị", "at most %s %% of units"},
	RuleMaxPerUnit:     {"tối đa %d người mỗi đơn vị", "at most %d people a unit"},
	RuleNotExcluded:    {"không bị loại khỏi xét khen thưởng", "not excluded from awards"},
	RuleOfUnit:         {"đơn vị: %s", "the unit: %s"},
	RuleFieldAwards:    {"mỗi chỉ tiêu: đơn vị có tỷ lệ đạt cao nhất (chưa áp trần), nếu đã đạt", "per KPI: the unit with the highest attainment (uncapped), if attained"},

	SignDate: {"…, ngày %02[1]d tháng %02[2]d năm %[3]d", "…, %[1]d %[4]s %[3]d"},
}

// T writes the sentence key in lang ("vi", the default, or "en") with its
// arguments. An argument that can say itself in a language (a Message, an
// Error) is said in lang. An unknown key is written as itself.
func T(lang string, key Key, args ...any) string {
	e, ok := catalogue[key]
	if !ok {
		return string(key)
	}
	format := e.vi
	if lang == "en" {
		format = e.en
	}
	if len(args) == 0 {
		return format
	}
	said := make([]any, len(args))
	for i, a := range args {
		if l, ok := a.(Localized); ok {
			a = l.In(lang)
		}
		said[i] = a
	}
	return fmt.Sprintf(format, said...)
}

// Localized is what can be said in a language.
type Localized interface {
	In(lang string) string
}

// Message is a sentence not yet in words: a key and its arguments.
type Message struct {
	Key  Key
	Args []any
}

// M makes a Message.
func M(key Key, args ...any) Message { return Message{Key: key, Args: args} }

// In writes the message in lang.
func (m Message) In(lang string) string { return T(lang, m.Key, m.Args...) }

// Error is an error told as a Message, so that the edge — the command
// line, an export — says it in the officer's language (In) while code and
// tests match its Key. Error() is the English sentence; Unwrap gives the
// first argument that is an error.
type Error struct{ Message }

// Errorf makes an Error of key with its arguments (an error among them is
// its cause).
func Errorf(key Key, args ...any) *Error { return &Error{M(key, args...)} }

func (e *Error) Error() string { return e.In("en") }

// Unwrap returns the cause: the first argument that is an error.
func (e *Error) Unwrap() error {
	for _, a := range e.Args {
		if err, ok := a.(error); ok {
			return err
		}
	}
	return nil
}

// Say writes err for people in lang: in the catalogue's words when err is
// (or, unwrapping only errors that add nothing, is) Localized, else as it
// is.
func Say(err error, lang string) string {
	var l Localized
	if errors.As(err, &l) && sameText(err, l) {
		return l.In(lang)
	}
	return err.Error()
}

// sameText reports whether err says no more than l (no context was added
// around it on the way up).
func sameText(err error, l Localized) bool {
	e, ok := l.(error)
	return ok && e.Error() == err.Error()
}
