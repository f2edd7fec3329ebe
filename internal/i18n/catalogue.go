package i18n

import (
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
	BadPeriodFlag     Key = "bad_period_flag"     // the --period given
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

	DoubleClicked   Key = "double_clicked"   // what kpi says when started from Explorer
	MigrateChecksum Key = "migrate_checksum" // the checksums of the source and the copy

	// kpi settings: what each setting is for, what was done.
	SettingOrganisation  Key = "setting_organisation"
	SettingParent        Key = "setting_parent"
	SettingPlace         Key = "setting_place"
	SettingSigner        Key = "setting_signer"
	SettingSignerTitle   Key = "setting_signer_title"
	SettingPreparer      Key = "setting_preparer"
	SettingPreparerTitle Key = "setting_preparer_title"
	SettingByDefault     Key = "setting_by_default"
	SettingWasSet        Key = "setting_was_set"
	SettingCleared       Key = "setting_cleared"   // the setting
	SettingSaved         Key = "setting_saved"     // the setting, its value
	SettingsHint         Key = "settings_hint"     // the commands that would complete the document
	NoSetting            Key = "no_setting"        // the key given, the settings
	TitleOnlyPerson      Key = "title_only_person" //

	// kpi --version.
	VersionUnknown Key = "version_unknown" //
	VersionDevel   Key = "version_devel"   //
	VersionDirty   Key = "version_dirty"   //
	VersionDate    Key = "version_date"    // the commit's date

	// What the commands say they did.
	Wrote              Key = "wrote"                // file
	WroteTemplate      Key = "wrote_template"       // file, units pre-filled
	Created            Key = "created"              // workspace, campaign code, KPIs, year
	NextTargets        Key = "next_targets"         //
	KeptCopy           Key = "kept_copy"            // the copy's file
	WorkspaceExists    Key = "workspace_exists"     // workspace
	CampaignLoaded     Key = "campaign_loaded"      // campaign code, KPIs, award tiers
	CampaignTitle      Key = "campaign_title"       // code, name, year, cap
	MethodCapped       Key = "method_capped"        //
	MethodLeader       Key = "method_leader"        // the leader's scope
	ScopeCluster       Key = "scope_cluster"        //
	ScopeProvince      Key = "scope_province"       //
	Unbounded          Key = "unbounded"            //
	AtMost             Key = "at_most"              // the bound
	AdjustUnbounded    Key = "adjust_unbounded"     //
	AdjustBounds       Key = "adjust_bounds"        // the bonus's bound, the penalty's
	RulebookLine       Key = "rulebook_line"        // method code, how points are counted, the bounds
	FromBaseline       Key = "from_baseline"        // previous year
	Higher             Key = "higher"               //
	Lower              Key = "lower"                //
	TargetsDone        Key = "targets_done"         // file, sheet, units, added, changed, unchanged
	TargetsChecked     Key = "targets_checked"      // file, sheet, units, added, changed, unchanged
	TargetsAdded       Key = "targets_added"        // the units
	TargetsChanged     Key = "targets_changed"      // what changed
	TargetsKept        Key = "targets_kept"         // the units
	TargetsMoreUnits   Key = "targets_more_units"   // how many more
	FileMoreSuperseded Key = "file_more_superseded" // how many more
	MoreWarnings       Key = "more_warnings"        // how many more, the file
	TargetsMoreChanges Key = "targets_more_changes" // how many more
	Warning            Key = "warning"              // the warning
	NoXLSX             Key = "no_xlsx"              // the paths
	ImportStopped      Key = "import_stopped"       // files done, files, workspace, files left
	ImportInterrupt    Key = "import_interrupt"     // files done, files
	ImportBar          Key = "import_bar"           //
	FileSkipped        Key = "file_skipped"         // file, import number
	FileFailed         Key = "file_failed"          // file, errors
	FileRead           Key = "file_read"            // mark, file, import number, units, period, layout, sheet, values, warnings
	FileUnits          Key = "file_units"           // the number of units
	FileConverted      Key = "file_converted"       // KPI, unit from, unit to, where
	FileKept           Key = "file_kept"            // the KPIs, where they are kept from (KeptInForce or KeptImport)
	KeptInForce        Key = "kept_in_force"        //
	KeptImport         Key = "kept_import"          // import number
	FileSuperseded     Key = "file_superseded"      // unit, period, import number
	LayoutLong         Key = "layout_long"          //
	LayoutWide         Key = "layout_wide"          //
	ImportDryTotals    Key = "import_dry_totals"    // valid, skipped, failed, warnings
	ImportTotals       Key = "import_totals"        // new, replaced, skipped, failed, warnings
	NoValues           Key = "no_values"            //
	FromFile           Key = "from_file"            // unit of measure in the file
	Undone             Key = "undone"               // import number
	UndoneAt           Key = "undone_at"            // when
	Restored           Key = "restored"             // unit, period, import number
	NoReportsYet       Key = "no_reports_yet"       // year
	LatestAll          Key = "latest_all"           // period, units, units
	LatestMissing      Key = "latest_missing"       // period, reporting, units, missing
	BackedUp           Key = "backed_up"            // workspace, file
	CheckOK            Key = "check_ok"             // workspace
	CheckProblems      Key = "check_problems"       // problems, workspace
	Migrated           Key = "migrated"             // source, destination
	SampleWritten      Key = "sample_written"       // folder, units, reports
	SampleBig          Key = "sample_big"           // folder, rows
	DemoData           Key = "demo_data"            // province, units, folder
	DemoFiles          Key = "demo_files"           // four files
	DemoNext           Key = "demo_next"            // workspace
	DemoFilled         Key = "demo_filled"          //
	Bonus              Key = "bonus"                //
	Penalty            Key = "penalty"              //
	AdjustAdded        Key = "adjust_added"         // bonus or penalty, number, unit, name, points, period, reason
	AdjustRemoved      Key = "adjust_removed"       // number, unit, points, period, reason
	BonusPastBound     Key = "bonus_past_bound"     // unit, bonus, bound, bound
	PenaltyPastBound   Key = "penalty_past_bound"   // unit, penalty, bound, bound
	Excluding          Key = "excluding"            // unit, name, period, reason
	ExclusionLifted    Key = "exclusion_lifted"     // unit, name, period, reason
	Nominated          Key = "nominated"            // number, name, title, unit, unit name, reason
	NominationsPast    Key = "nominations_past"     // unit, nominations, title, places
	NominationOut      Key = "nomination_out"       // number, name, unit, reason
	LogCampaign        Key = "log_campaign"         // the audit log's actions, in kpi log
	LogTargets         Key = "log_targets"          //
	LogAdjustAdd       Key = "log_adjust_add"       //
	LogAdjustRemove    Key = "log_adjust_remove"    //
	LogExclude         Key = "log_exclude"          //
	LogExcludeRemove   Key = "log_exclude_remove"   //
	LogNominateAdd     Key = "log_nominate_add"     //
	LogNominateRemove  Key = "log_nominate_remove"  //
	LogUndo            Key = "log_undo"             //
	LogSetting         Key = "log_setting"          //
	OutsideYear        Key = "outside_year"         // period, campaign year
	NoCluster          Key = "no_cluster"           // the --cluster given, the clusters
	FitTargets         Key = "fit_targets"          // where the targets left out of a narrow screen are
	FitUnitNames       Key = "fit_unit_names"       // where the unit names left out of a narrow screen are

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
	BaselineYear         Key = "baseline_year"           // the year before the campaign's
	PriorYear            Key = "prior_year"              // the year before the campaign's
	YearWord             Key = "year_word"               //
	FormulaHigher        Key = "formula_higher"          //
	FormulaLower         Key = "formula_lower"           //
	FormulaCol           Key = "formula_col"             //
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

	// Errors of the files, the workspace and the campaign, with what to do.
	Unexpected      Key = "unexpected"        // the error as it came
	FileNotFound    Key = "file_not_found"    // the path
	NoFolder        Key = "no_folder"         // the folder
	NoPermission    Key = "no_permission"     // the path
	AlreadyThere    Key = "already_there"     // the path
	IsFolder        Key = "is_folder"         // the path
	NotAFolder      Key = "not_a_folder"      // the path
	DiskFull        Key = "disk_full"         // the path
	ReadOnlyDisk    Key = "read_only_disk"    // the path
	DamagedZip      Key = "damaged_zip"       //
	CutShort        Key = "cut_short"         //
	TooBig          Key = "too_big"           //
	CampaignInvalid Key = "campaign_invalid"  //
	AtLine          Key = "at_line"           // the YAML line
	NoWorkspace     Key = "no_workspace"      // the workspace
	NewerWorkspace  Key = "newer_workspace"   // the workspace
	NoCampaign      Key = "no_campaign"       //
	BackupExists    Key = "backup_exists"     // the file
	BackupPostgres  Key = "backup_postgres"   //
	MigrateNotEmpty Key = "migrate_not_empty" // the destination
)

// catalogue holds every sentence in Vietnamese and English.
var catalogue = map[Key]struct{ vi, en string }{
	ErrorLine:   {"lỗi: %s", "error: %s"},
	SeeHelp:     {"xem 'kpi --help' hoặc 'kpi <lệnh> --help'", "see 'kpi --help' or 'kpi <command> --help'"},
	NoUnits:     {"chưa có đơn vị nào: nhập biểu giao chỉ tiêu bằng kpi targets import TỆP.xlsx", "the workspace has no units yet: kpi targets import FILE.xlsx"},
	NoUnit:      {"không có đơn vị %q (xem kpi units)", "no unit %q in the workspace (see kpi units)"},
	NoReports:   {"chưa có báo cáo nào của năm %d: nhập báo cáo bằng kpi import", "no reports for %d yet: import them with kpi import"},
	NoKPI:       {"không có chỉ tiêu %q trong phong trào %s", "no KPI %q in campaign %s"},
	UnknownLang: {"không có ngôn ngữ %q: dùng vi hoặc en", "unknown language %q: use vi or en"},
	BadPeriodFlag: {"--period %s: không hiểu kỳ báo cáo; viết như 2024-03 (hoặc 03/2024, Tháng 3/2024)",
		"--period %s: not a period; write it as 2024-03 (or 03/2024)"},
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

	DoubleClicked: {`kpi là chương trình chạy bằng dòng lệnh, không mở bằng cách nhấp đúp.

Cách dùng:
  1. Mở thư mục chứa kpi.exe, gõ cmd vào thanh địa chỉ rồi nhấn Enter
     (hoặc mở PowerShell tại thư mục đó).
  2. Gõ lệnh, ví dụ:
       kpi demo                  xem thử với dữ liệu mẫu
       kpi init                  tạo cơ sở dữ liệu kpi.db
       kpi import baocao\thang03\*.xlsx
       kpi progress              bảng tiến độ thi đua
       kpi --help                danh sách lệnh

Nhấn Enter để đóng cửa sổ này.`, `kpi runs from a command line; it does not open with a double-click.

How to use it:
  1. Open the folder that holds kpi.exe, type cmd in the address bar and
     press Enter (or open PowerShell in that folder).
  2. Type a command, for example:
       kpi demo                  try it on sample data
       kpi init                  create the workspace kpi.db
       kpi import baocao\thang03\*.xlsx
       kpi progress              the progress table
       kpi --help                the commands

Press Enter to close this window.`},
	MigrateChecksum:      {"tổng kiểm tra %s… → %s…", "checksum %s… → %s…"},
	SettingOrganisation:  {"cơ quan ban hành: góc trên bên trái, chữ in hoa đậm", "issuing office: top left, bold capitals"},
	SettingParent:        {"cơ quan chủ quản: trên tên cơ quan ban hành", "parent body: above the issuing office"},
	SettingPlace:         {"địa danh của dòng \"…, ngày … tháng … năm …\"", "the place of the line \"…, <date>\""},
	SettingSigner:        {"họ tên người ký (bên phải); trống: ký tay", "the signer's full name (right); empty: signed by hand"},
	SettingSignerTitle:   {"chức vụ người ký", "the signer's title"},
	SettingPreparer:      {"họ tên người lập biểu (bên trái)", "the preparer's full name (left)"},
	SettingPreparerTitle: {"chức danh người lập biểu", "the preparer's title"},
	SettingByDefault:     {"mặc định", "default"},
	SettingWasSet:        {"đã đặt", "set"},
	SettingCleared:       {"✓ đã xoá %s: dùng mặc định", "✓ cleared %s: the default applies"},
	SettingSaved:         {"✓ đã đặt %s: %s", "✓ set %s: %s"},
	SettingsHint:         {"gợi ý: văn bản chưa có tên cơ quan hoặc địa danh — %s", "hint: the document has no office name or place yet — %s"},
	NoSetting:            {"không có mục %q: dùng một trong %s", "no setting %q: use one of %s"},
	TitleOnlyPerson:      {"--title chỉ dùng với signer hoặc preparer", "--title goes with signer or preparer only"},
	VersionUnknown:       {"(không rõ)", "(unknown)"},
	VersionDevel:         {"bản dựng từ mã nguồn", "development build"},
	VersionDirty:         {", có sửa đổi chưa commit", ", with uncommitted changes"},
	VersionDate:          {", ngày %s", ", %s"},
	Wrote:                {"✓ đã ghi %s", "✓ wrote %s"},
	WroteTemplate:        {"✓ đã ghi %s (%d đơn vị điền sẵn)", "✓ wrote %s (%d units pre-filled)"},
	Created:              {"✓ đã tạo %s với phong trào %s (%d chỉ tiêu, năm %d)", "✓ created %s with campaign %s (%d KPIs, year %d)"},
	NextTargets:          {"  tiếp theo: kpi targets import <tệp chỉ tiêu>.xlsx   (mẫu: kpi template targets -o chitieu.xlsx)", "  next: kpi targets import <targets>.xlsx   (form: kpi template targets -o chitieu.xlsx)"},
	KeptCopy:             {"  đã lưu bản sao của cơ sở dữ liệu cũ: %s", "  kept a copy of the old workspace: %s"},
	WorkspaceExists:      {"cơ sở dữ liệu %s đã có: thêm --force để tạo lại từ đầu (tệp cũ được giữ thành bản sao .bak), hoặc dùng --db để đặt tên khác", "workspace %s already exists: use --force to start afresh (the old file is kept as a .bak copy), or --db to name another"},
	CampaignLoaded:       {"✓ đã nạp phong trào %s (%d chỉ tiêu, %d danh hiệu)", "✓ loaded campaign %s (%d KPIs, %d award tiers)"},
	CampaignTitle:        {"Phong trào %s — %s (năm %d, trần tỷ lệ đạt %s)", "Campaign %s — %s (year %d, attainment cap %s)"},
	MethodCapped:         {"điểm = trọng số × min(tỷ lệ đạt, trần)", "points = weight × min(attainment, cap)"},
	MethodLeader:         {"điểm = trọng số × min(tỷ lệ đạt, trần) / của đơn vị dẫn đầu %s", "points = weight × min(attainment, cap) / the leading unit's in the %s"},
	ScopeCluster:         {"cụm", "cluster"},
	ScopeProvince:        {"toàn tỉnh", "province"},
	Unbounded:            {"không giới hạn", "unbounded"},
	AtMost:               {"tối đa %s", "at most %s"},
	AdjustUnbounded:      {"điểm cộng, điểm trừ: không giới hạn", "bonus and penalty points: unbounded"},
	AdjustBounds:         {"điểm cộng %s, điểm trừ %s", "bonus %s, penalty %s"},
	RulebookLine:         {"Cách tính (method %s): %s; %s", "Scoring (method %s): %s; %s"},
	FromBaseline:         {"số %d của đơn vị", "the unit's %d figure"},
	Higher:               {"cao hơn", "higher"},
	Lower:                {"thấp hơn", "lower"},
	TargetsDone:          {"✓ đã nhập %s › %s: %d đơn vị — thêm %d, thay đổi %d, không đổi %d", "✓ imported %s › %s: %d units — %d added, %d changed, %d unchanged"},
	TargetsChecked:       {"✓ kiểm tra (không ghi) %s › %s: %d đơn vị — thêm %d, thay đổi %d, không đổi %d", "✓ checked (nothing saved) %s › %s: %d units — %d added, %d changed, %d unchanged"},
	TargetsAdded:         {"  thêm: %s", "  added: %s"},
	TargetsChanged:       {"  thay đổi %s", "  changed %s"},
	TargetsKept:          {"  không có trong tệp (giữ nguyên): %s", "  not in the file (kept as they are): %s"},
	TargetsMoreUnits:     {" … và %s đơn vị khác (xem đủ: kpi units)", " … and %s more (all of them: kpi units)"},
	FileMoreSuperseded:   {"  … và %s báo cáo khác được thay (xem đủ: kpi history)", "  … and %s more reports replaced (all of them: kpi history)"},
	MoreWarnings:         {"cảnh báo: … và %s cảnh báo khác của %s (không liệt kê)", "warning: … and %s more warnings of %s (not listed)"},
	TargetsMoreChanges:   {"  … và %s thay đổi khác (xem đủ: kpi log)", "  … and %s more changes (all of them: kpi log)"},
	Warning:              {"cảnh báo: %s", "warning: %s"},
	NoXLSX:               {"không có tệp .xlsx nào trong %s: kiểm tra lại thư mục (kpi đọc tệp .xlsx và .xlsm; tệp .xls cũ cần mở bằng Excel và lưu thành .xlsx)", "no .xlsx file in %s: check the folder (kpi reads .xlsx and .xlsm files; save an old .xls as .xlsx in Excel)"},
	ImportStopped:        {"đã dừng sau %d/%d tệp vì không tới được cơ sở dữ liệu %s: %d tệp còn lại chưa thử, không tệp nào nhập dở; khi máy chủ hoạt động lại, chạy lại cùng lệnh (tệp đã nhập sẽ được bỏ qua)", "stopped after %d/%d files: the database %s cannot be reached; %d files not tried, none half-imported; when the server is back, run the same command again (the files already imported are skipped)"},
	ImportInterrupt:      {"đã dừng theo yêu cầu: xử lý xong %d/%d tệp, không tệp nào nhập dở; chạy lại cùng lệnh để nhập tiếp (tệp đã nhập sẽ được bỏ qua)", "stopped as asked: %d/%d files done, none half-imported; run the same command again to go on (the files already imported are skipped)"},
	ImportBar:            {"đang nhập", "importing"},
	FileSkipped:          {"= %s: đã nhập trước đó (lần nhập #%d), bỏ qua", "= %s: imported before (import #%d), skipped"},
	FileFailed:           {"✗ %s: %d lỗi, không nhập", "✗ %s: %d errors, not imported"},
	FileRead:             {"%s %s%s: %s %s, bảng %s (%s), %s giá trị, %s cảnh báo", "%s %s%s: %s %s, %s layout (%s), %s values, %s warnings"},
	FileUnits:            {"%s đơn vị", "%s units"},
	FileConverted:        {"  đổi %s từ %s sang %s (đơn vị tính ở %s)", "  converted %s from %s to %s (unit of measure at %s)"},
	FileKept:             {"  giữ %s của %s (tệp này không có các chỉ tiêu đó)", "  keeps %s of %s (this file lacks those KPIs)"},
	KeptInForce:          {"báo cáo đang dùng", "the report in force"},
	KeptImport:           {"lần nhập #%d", "import #%d"},
	FileSuperseded:       {"  thay thế báo cáo %s %s, lần nhập #%d", "  replaces the report %s %s, import #%d"},
	LayoutLong:           {"dọc", "long"},
	LayoutWide:           {"ngang", "wide"},
	ImportDryTotals:      {"Thử (không ghi gì): %s tệp hợp lệ, %s bỏ qua, %s lỗi; %s cảnh báo", "Dry run (nothing written): %s files valid, %s skipped, %s failed; %s warnings"},
	ImportTotals:         {"Tổng: %s tệp nhập mới, %s thay thế, %s bỏ qua, %s lỗi; %s cảnh báo", "Total: %s files imported, %s replaced, %s skipped, %s failed; %s warnings"},
	NoValues:             {"chưa có số liệu nào khớp (nhập báo cáo bằng kpi import)", "no figures match (import reports with kpi import)"},
	FromFile:             {"tệp: %s", "file: %s"},
	Undone:               {"✓ đã xoá lần nhập #%d: số liệu của nó không còn tính; lần nhập vẫn ở kpi history, đánh dấu đã hoàn tác", "✓ took import #%d back: its figures no longer count; it stays in kpi history, marked undone"},
	UndoneAt:             {"đã hoàn tác %s", "undone %s"},
	Restored:             {"  khôi phục báo cáo %s %s, lần nhập #%d", "  the report %s %s of import #%d is in force again"},
	NoReportsYet:         {"Chưa có báo cáo nào của năm %d.", "No report for %d yet."},
	LatestAll:            {"%s (kỳ mới nhất): đủ %d/%d đơn vị.", "%s (the latest period): all %d/%d units reported."},
	LatestMissing:        {"%s (kỳ mới nhất): %d/%d đơn vị; chưa báo cáo: %s", "%s (the latest period): %d/%d units; missing: %s"},
	BackedUp:             {"✓ đã sao lưu %s vào %s", "✓ backed %s up to %s"},
	CheckOK:              {"✓ %s: toàn vẹn, không có vấn đề", "✓ %s: intact, no problem"},
	CheckProblems:        {"%d vấn đề trong %s", "%d problems in %s"},
	Migrated:             {"✓ đã chép %s sang %s và kiểm tra: khớp", "✓ copied %s to %s and checked: they match"},
	SampleWritten:        {"✓ %s: %d đơn vị, %d báo cáo tháng", "✓ %s: %d units, %d monthly reports"},
	SampleBig:            {"✓ %s: bảng tổng hợp %d dòng", "✓ %s: a consolidated sheet of %d rows"},
	DemoData:             {"1. Dữ liệu mẫu: tỉnh %s, %d đơn vị, báo cáo tháng 1–12 — trong %s", "1. Sample data: province %s, %d units, reports for months 1–12 — in %s"},
	DemoFiles:            {"Tệp đã ghi:\n  %s\n  %s\n  %s\n  %s   (mở bằng trình duyệt)", "Files written:\n  %s\n  %s\n  %s\n  %s   (open it in a browser)"},
	DemoNext:             {"Thử tiếp: kpi --db %s progress --kpi thu | awards --explain H07 | history", "Try next: kpi --db %s progress --kpi thu | awards --explain H07 | history"},
	DemoFilled:           {"(rồi điền như H01 sẽ điền)", "(then filled in, as H01 would)"},
	Bonus:                {"điểm cộng", "bonus"},
	Penalty:              {"điểm trừ", "penalty"},
	AdjustAdded:          {"✓ đã ghi %s #%d: %s %s %s điểm, tính từ %s — %s", "✓ recorded %s #%d: %s %s %s points, from %s — %s"},
	AdjustRemoved:        {"✓ đã bỏ điểm cộng/trừ #%d (%s %s điểm từ %s): %s", "✓ withdrew adjustment #%d (%s %s points from %s): %s"},
	BonusPastBound: {"cảnh báo: điểm cộng của %s cộng lại là %s điểm, quá mức tối đa %s của phong trào (adjustments.max_bonus): chỉ tính %s",
		"warning: the bonus points of %s add up to %s, past the campaign's bound %s (adjustments.max_bonus): %s count"},
	PenaltyPastBound: {"cảnh báo: điểm trừ của %s cộng lại là %s điểm, quá mức tối đa %s của phong trào (adjustments.max_penalty): chỉ trừ %s",
		"warning: the penalty points of %s add up to %s, past the campaign's bound %s (adjustments.max_penalty): %s count"},
	Excluding:       {"✓ %s %s không xét khen thưởng từ %s — %s", "✓ %s %s excluded from awards from %s — %s"},
	ExclusionLifted: {"✓ %s %s được xét khen thưởng trở lại (đã không xét từ %s): %s", "✓ %s %s is considered for awards again (excluded from %s): %s"},
	Nominated:       {"✓ đã ghi đề nghị #%d: %s — %s, %s %s — %s", "✓ recorded nomination #%d: %s — %s, %s %s — %s"},
	NominationsPast: {"cảnh báo: %s có %d đề nghị %s, quá số suất %d mỗi đơn vị: các đề nghị ghi sau không đạt; rút bớt bằng kpi nominate remove ID --reason \"…\"",
		"warning: %s has %d nominations for %s, past its %d places a unit: the later ones do not pass; withdraw some with kpi nominate remove ID --reason \"…\""},
	NominationOut:     {"✓ đã rút đề nghị #%d (%s, %s): %s", "✓ withdrew nomination #%d (%s, %s): %s"},
	LogCampaign:       {"phong trào", "campaign"},
	LogTargets:        {"chỉ tiêu giao", "targets"},
	LogAdjustAdd:      {"ghi điểm cộng/trừ", "points given"},
	LogAdjustRemove:   {"bỏ điểm cộng/trừ", "points withdrawn"},
	LogExclude:        {"không xét khen thưởng", "excluded from awards"},
	LogExcludeRemove:  {"xét khen thưởng trở lại", "exclusion lifted"},
	LogNominateAdd:    {"đề nghị cá nhân", "individual nominated"},
	LogNominateRemove: {"rút đề nghị cá nhân", "nomination withdrawn"},
	LogUndo:           {"hoàn tác lần nhập", "import undone"},
	LogSetting:        {"thông tin văn bản", "document setting"},
	OutsideYear:       {"--period %s nằm ngoài năm thi đua %d", "--period %s is outside the campaign year %d"},
	FitTargets:        {"chỉ tiêu giao từng chỉ tiêu (KH …)", "each KPI's target (Target …)"},
	FitUnitNames:      {"tên đơn vị (kpi units)", "unit names (kpi units)"},
	NoCluster:         {"không có cụm thi đua %q (các cụm: %s)", "no cluster %q (clusters: %s)"},

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
	CondMinAttainment:    {"mọi chỉ tiêu ≥ %s%%", "every KPI ≥ %s%%"},
	CondNotMinAttainment: {"chỉ tiêu dưới %s%%: %s", "KPIs below %s%%: %s"},
	CondScore:            {"%s điểm", "%s points"},
	CondNotMinScore:      {"%s điểm < %s", "%s points < %s"},
	CondQuotaFull:        {"đã đủ %d suất (%s%% số đơn vị)", "all %d places taken (%s%% of units)"},
	CondHigherTier:       {"đã có danh hiệu cao hơn", "already holds a higher award"},
	CondExcluded:         {"không xét khen thưởng: %s", "excluded from awards: %s"},
	CondNotExcluded:      {"đơn vị được xét khen thưởng", "the unit is not excluded from awards"},
	CondPerUnit:          {"suất %d/%d của đơn vị", "place %d of %d for the unit"},
	NominationPasses:     {"đủ điều kiện", "qualifies"},
	CondPerUnitFull:      {"đơn vị đã đủ %[2]d suất (đề nghị thứ %[1]d)", "the unit's %[2]d places are taken (nomination %[1]d)"},
	KPIMissing:           {"%s (thiếu số liệu)", "%s (missing)"},
	KPINoTarget:          {"%s (chưa có chỉ tiêu)", "%s (no target)"},
	KPIBelow:             {"%s (%s%%)", "%s (%s%%)"},
	KPIAt:                {"%s %s%%", "%s %s%%"},
	TierReasons:          {"%s: %s", "%s: %s"},
	FieldAward:           {"%s (%s%%)", "%s (%s%%)"},
	CarriedFigure:        {"%s: số của tháng %d (tháng %d chưa có số)", "%s: the figure of month %d (month %d has none)"},
	AdjustLine:           {"%s điểm — %s (#%d, từ %s)", "%s points — %s (#%d, from %s)"},
	AdjustLineKPI:        {"%s điểm — %s (#%d, từ %s, chỉ tiêu %s)", "%s points — %s (#%d, from %s, KPI %s)"},
	BonusAtBound:         {"điểm cộng %s, chỉ tính %s (tối đa của phong trào)", "bonus %s, %s counted (the campaign's bound)"},
	PenaltyAtBound:       {"điểm trừ %s, chỉ trừ %s (tối đa của phong trào)", "penalty %s, %s counted (the campaign's bound)"},
	ExcludedFrom:         {"không xét khen thưởng từ %s: %s", "excluded from awards from %s: %s"},
	ExcludedSince:        {"từ %s: %s", "from %s: %s"},
	BaselineYear:         {"Năm %d", "%d actual"},
	PriorYear:            {"Cùng kỳ %d", "Same period %d"},
	YearWord:             {"năm", "year"},
	FormulaHigher:        {"Thực hiện / Kế hoạch", "Actual / Plan"},
	FormulaLower:         {"Kế hoạch / Thực hiện", "Plan / Actual"},
	FormulaCol:           {"Tỷ lệ đạt =", "Attainment ="},
	ScoreBasisLine:       {"điểm tính theo %s", "scored on %s"},

	RuleFirstInCluster: {"đứng đầu cụm", "first in its cluster"},
	RuleTopInCluster:   {"hạng 1–%d trong cụm", "rank 1–%d in its cluster"},
	RuleAllAttained:    {"đạt mọi chỉ tiêu", "every KPI attained"},
	RuleMinScore:       {"điểm ≥ %s", "score ≥ %s"},
	RuleMinAttainment:  {"không chỉ tiêu nào dưới %s%%", "no KPI below %s%%"},
	RuleMaxShare:       {"tối đa %s%% số đơn vị", "at most %s%% of units"},
	RuleMaxPerUnit:     {"tối đa %d người mỗi đơn vị", "at most %d people a unit"},
	RuleNotExcluded:    {"không bị loại khỏi xét khen thưởng", "not excluded from awards"},
	RuleOfUnit:         {"đơn vị: %s", "the unit: %s"},
	RuleFieldAwards:    {"mỗi chỉ tiêu: đơn vị có tỷ lệ đạt cao nhất (chưa áp trần), nếu đã đạt", "per KPI: the unit with the highest attainment (uncapped), if attained"},

	SignDate: {"…, ngày %02[1]d tháng %02[2]d năm %[3]d", "…, %[1]d %[4]s %[3]d"},

	Unexpected: {"kpi gặp lỗi chưa lường trước: %s — hãy chạy lại lệnh; nếu vẫn lỗi, gửi nguyên văn thông báo này cho người phụ trách kpi",
		"unexpected error: %s — run the command again; if it persists, send this message as it is to whoever looks after kpi"},
	FileNotFound: {"không tìm thấy %s: kiểm tra lại tên tệp và thư mục (gõ sai, hoặc tệp đã bị chuyển đi nơi khác)",
		"%s not found: check the file's name and folder (a typo, or the file was moved)"},
	NoFolder: {"không có thư mục %s: tạo thư mục trước, hoặc chọn thư mục khác",
		"no folder %s: create it first, or choose another"},
	NoPermission: {"không có quyền đọc hoặc ghi %s: kiểm tra quyền của tệp, thư mục (hoặc tệp đang chỉ đọc), hoặc chọn chỗ khác",
		"no permission to read or write %s: check the file's or folder's permissions (or whether it is read-only), or choose another place"},
	AlreadyThere: {"%s đã có: chọn tên khác", "%s exists already: choose another name"},
	IsFolder:     {"%s là một thư mục, không phải tệp: ghi cả tên tệp", "%s is a folder, not a file: give the file's name"},
	NotAFolder:   {"một phần của đường dẫn %s không phải thư mục: kiểm tra lại đường dẫn", "part of the path %s is not a folder: check the path"},
	DiskFull:     {"ổ đĩa đầy khi ghi %s: giải phóng chỗ trống rồi chạy lại", "the disk is full writing %s: free some space and run again"},
	ReadOnlyDisk: {"%s nằm trên ổ đĩa chỉ đọc: chọn chỗ khác để ghi", "%s is on a read-only disk: write somewhere else"},
	DamagedZip: {"tệp bị hỏng hoặc không phải bảng tính .xlsx (phần nén bên trong bị lỗi): xin đơn vị gửi lại, hoặc mở bằng Excel rồi lưu lại",
		"the file is damaged or not an .xlsx workbook (its zipped content is broken): ask for it again, or open it in Excel and save it again"},
	CutShort: {"tệp bị cắt cụt (chưa tải về hết hoặc chép dở): lấy lại tệp rồi chạy lại",
		"the file is cut short (not fully downloaded or copied): get it again and run again"},
	TooBig:          {"bảng tính quá lớn", "workbook too big"},
	CampaignInvalid: {"phong trào không hợp lệ, không thay đổi gì; sửa tệp YAML:", "the campaign is not valid, nothing changed; correct the YAML:"},
	AtLine:          {"dòng %d", "line %d"},
	NoWorkspace: {"chưa có cơ sở dữ liệu %s: tạo bằng kpi init (hoặc chỉ đúng tệp bằng --db)",
		"no workspace at %s: create one with 'kpi init' (or name another with --db)"},
	NewerWorkspace: {"%s do một bản kpi mới hơn ghi: cập nhật kpi lên bản mới rồi chạy lại (tệp không bị thay đổi)",
		"%s was written by a newer kpi: update kpi and run again (the file is unchanged)"},
	NoCampaign: {"cơ sở dữ liệu chưa có phong trào thi đua: nạp một phong trào bằng kpi campaign load TỆP.yaml",
		"the workspace has no campaign: load one with kpi campaign load FILE.yaml"},
	BackupExists: {"%s đã có: chọn một tên tệp mới cho bản sao lưu (kpi không ghi đè)",
		"%s already exists: name a new file for the backup (kpi never overwrites one)"},
	BackupPostgres: {"kpi backup chỉ sao lưu cơ sở dữ liệu dạng tệp SQLite: với PostgreSQL, dùng pg_dump",
		"kpi backup copies SQLite workspaces: back a PostgreSQL workspace up with pg_dump"},
	MigrateNotEmpty: {"%s đã có dữ liệu: chỉ chép vào cơ sở dữ liệu trống", "%s already holds a workspace: copy into an empty one"},
}

// T writes the sentence key in lang ("vi", the default, or "en") with its
// arguments. An argument that can say itself in a language (a Message, an
// Error) is said in lang, and so is an error kpi knows the words of (see
// Say). An unknown key is written as itself.
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
		switch e := a.(type) {
		case Localized:
			a = e.In(lang)
		case error:
			a = sayIn(e, lang)
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
// tests match its Key. Error() is the English sentence; Unwrap gives its
// cause: the error it was made for (Wrap), else the first argument that is
// an error.
type Error struct {
	Message
	cause error
}

// Errorf makes an Error of key with its arguments (an error among them is
// its cause).
func Errorf(key Key, args ...any) *Error { return &Error{Message: M(key, args...)} }

// Wrap makes an Error of key that says cause in the catalogue's words and
// keeps it for errors.Is and errors.As.
func Wrap(cause error, key Key, args ...any) *Error {
	return &Error{Message: M(key, args...), cause: cause}
}

func (e *Error) Error() string { return e.In("en") }

// Unwrap returns the cause.
func (e *Error) Unwrap() error {
	if e.cause != nil {
		return e.cause
	}
	for _, a := range e.Args {
		if err, ok := a.(error); ok {
			return err
		}
	}
	return nil
}
