package i18n

// Help is what a command says of itself in one language: the arguments of
// its usage line, its one-line summary, its description, its examples and
// the usage of each of its flags. The command line (internal/cli) builds
// its commands without words and takes them from here, in the language of
// --lang (or KPI_LANG), when it builds the command tree.
type Help struct {
	Use     string // the arguments after the command's name ("" for none)
	Short   string
	Long    string
	Example string
	Flags   map[string]string // flag name → usage; a `NAME` in backquotes names the flag's value
}

// HelpFor returns the help of the command at path — its words after "kpi",
// "" for kpi itself, "export html" — in lang ("vi", the default, or "en"),
// with the usage of the flags every command shares where the command has
// none of its own. ok is false for a command the table does not know.
func HelpFor(lang, path string) (h Help, ok bool) {
	e, ok := helps[path]
	if !ok {
		return Help{}, false
	}
	h = e.vi
	if lang == "en" {
		h = e.en
	}
	h.Example = e.example
	flags := map[string]string{}
	for name, u := range commonFlags {
		flags[name] = u.vi
		if lang == "en" {
			flags[name] = u.en
		}
	}
	for name, u := range h.Flags {
		flags[name] = u
	}
	h.Flags = flags
	return h, true
}

// HelpPaths lists the commands the table knows, for tests.
func HelpPaths() []string {
	out := make([]string, 0, len(helps))
	for p := range helps {
		out = append(out, p)
	}
	return out
}

// Words of cobra's own: the headings of the usage text, the help
// command's and the help flag's.
type UsageWords struct {
	Usage, Aliases, Examples, Commands, Flags, GlobalFlags, MoreHelp, FlagsPlaceholder, CommandPlaceholder string
	Default                                                                                                string // after a flag's usage: its default value
	Value, Number                                                                                          string // a flag's value when its usage names none: text, a number
}

// UsageFor returns cobra's words in lang.
func UsageFor(lang string) UsageWords {
	if lang == "en" {
		return UsageWords{Usage: "Usage:", Aliases: "Aliases:", Examples: "Examples:", Commands: "Commands:",
			Flags: "Flags:", GlobalFlags: "Flags of every command:", MoreHelp: `Use "%s [command] --help" for more about a command.`,
			FlagsPlaceholder: "[flags]", CommandPlaceholder: "[command]", Default: "(default %s)", Value: "string", Number: "int"}
	}
	return UsageWords{Usage: "Cách dùng:", Aliases: "Tên khác:", Examples: "Ví dụ:", Commands: "Các lệnh:",
		Flags: "Tùy chọn:", GlobalFlags: "Tùy chọn chung của mọi lệnh:", MoreHelp: `Gõ "%s [lệnh] --help" để xem hướng dẫn của từng lệnh.`,
		FlagsPlaceholder: "[tùy chọn]", CommandPlaceholder: "[lệnh]", Default: "(mặc định: %s)", Value: "GIÁ_TRỊ", Number: "SỐ"}
}

// commonFlags are the usages of the flags many commands share.
var commonFlags = map[string]struct{ vi, en string }{
	"help": {"xem hướng dẫn của lệnh này", "help for this command"},
	"format": {"cách trình bày `KIỂU`: table (bảng), csv, json hoặc markdown",
		"output `FORMAT`: table, csv, json or markdown"},
	"db": {"`TỆP` cơ sở dữ liệu hoặc địa chỉ postgres:// (mặc định: biến môi trường KPI_DB, nếu không có thì ./kpi.db)",
		"workspace `FILE` or postgres:// URL (default $KPI_DB, else ./kpi.db)"},
	"lang": {"`NGÔN_NGỮ` của mọi chữ kpi in và ghi: vi (tiếng Việt) hoặc en (tiếng Anh); đặt sẵn bằng biến môi trường KPI_LANG",
		"`LANGUAGE` of everything kpi says and writes: vi (Vietnamese) or en (English); preset with $KPI_LANG"},
	"version": {"in ra phiên bản của kpi", "print kpi's version"},
	"period": {"kỳ báo cáo `YYYY-MM` (mặc định: tháng gần nhất đã có báo cáo)",
		"period `YYYY-MM` (default: the latest month with reports)"},
	"reason": {"`LÝ_DO` (ghi vào nhật ký kpi log)", "why: `TEXT` kept in the audit log (kpi log)"},
	"output": {"`TỆP` cần ghi (bắt buộc)", "`FILE` to write (required)"},
	"wide": {"in bảng đủ mọi cột, không thu cho vừa màn hình (rộng theo biến môi trường COLUMNS, mặc định 80 cột)",
		"print tables whole, not fitted to the screen ($COLUMNS wide, else 80)"},
	"unit": {"chỉ đơn vị có `MÃ` này", "only the unit with this `CODE`"},
	"no-descriptions": {"không kèm lời giải thích khi gợi ý",
		"disable completion descriptions"},
}

type helpEntry struct {
	example string // commands: the same in both languages
	vi, en  Help
}

// helps holds every command's help, by command path.
var helps = map[string]helpEntry{
	"": {
		vi: Help{
			Short: "Theo dõi phong trào thi đua BHXH: nhập báo cáo Excel, tính điểm, xếp hạng, khen thưởng",
			Long: `kpi theo dõi phong trào thi đua của BHXH tỉnh.

kpi giữ một cơ sở dữ liệu (một tệp SQLite, hoặc một cơ sở dữ liệu PostgreSQL
dùng chung) gồm các chỉ tiêu của phong trào, các đơn vị (BHXH huyện, thị xã,
thành phố) và chỉ tiêu giao năm 2024 của từng đơn vị; nhập báo cáo tháng
bằng Excel do các đơn vị gửi, tính điểm, xếp hạng và lập danh sách đề nghị
khen thưởng.

Một năm làm việc:
  kpi init                          tạo cơ sở dữ liệu với phong trào năm 2024
  kpi targets import chitieu.xlsx   đơn vị, cụm thi đua, chỉ tiêu giao, số thực hiện năm 2023
  kpi import baocao/thang03/        báo cáo từng tháng (mỗi tệp nhập trọn vẹn hoặc không nhập)
  kpi status                        đơn vị nào đã báo cáo tháng nào
  kpi progress                      bảng tiến độ, xếp hạng
  kpi adjust add H04 --points 2 --reason "…"   điểm cộng / điểm trừ
  kpi exclude H09 --reason "…"      không xét khen thưởng (đơn vị có vi phạm)
  kpi nominate add H04 --name "…" --title "Chiến sĩ thi đua cơ sở" --reason "…"
  kpi awards                        Cờ thi đua, Bằng khen, Giấy khen — và lý do
  kpi log                           nhật ký: ai đã thay đổi quy định, chỉ tiêu, điểm
  kpi export awards -o kt.xlsx      xuất Excel để in, trình ký quyết định

Chạy thử với dữ liệu mẫu trước:  kpi demo

Cơ sở dữ liệu là --db TỆP hoặc postgres://địa-chỉ; nếu không ghi thì lấy biến
môi trường KPI_DB, nếu không có nữa thì ./kpi.db.
Ngôn ngữ: tiếng Việt; --lang en (hoặc KPI_LANG=en) để dùng tiếng Anh.
Mã thoát: 0 thành công, 1 có lỗi, 2 sai tùy chọn hoặc tham số, 130 dừng bằng Ctrl-C.`,
		},
		en: Help{
			Short: "Follow a BHXH emulation campaign: import Excel reports, score, rank, award",
			Long: `kpi follows a provincial BHXH emulation campaign (phong trào thi đua).

It keeps one workspace (a SQLite file, or a shared PostgreSQL database) with
the campaign's KPIs (chỉ tiêu), the district units (đơn vị) and their 2024
targets, imports the monthly Excel reports the districts send, scores and
ranks the units, and writes the award shortlist.

Typical year:
  kpi init                          create the workspace with the 2024 campaign
  kpi targets import chitieu.xlsx   units, clusters, targets and 2023 baselines
  kpi import baocao/thang03/        each month's reports (whole files or nothing)
  kpi status                        who has reported which month
  kpi progress                      the ranked progress table
  kpi adjust add H04 --points 2 --reason "…"   bonus / penalty points (điểm cộng / trừ)
  kpi exclude H09 --reason "…"      không xét khen thưởng (a disciplinary case)
  kpi nominate add H04 --name "…" --title "Chiến sĩ thi đua cơ sở" --reason "…"
  kpi awards                        Cờ thi đua, Bằng khen, Giấy khen — and why
  kpi log                           who changed what: rules, targets, points
  kpi export awards -o kt.xlsx      print-ready Excel for the decision

Try it on sample data first:  kpi demo

The workspace is --db PATH or postgres://URL, else $KPI_DB, else ./kpi.db.
Language: Vietnamese unless --lang en (or KPI_LANG=en).
Exit status: 0 ok, 1 error, 2 wrong flags or arguments, 130 stopped by Ctrl-C.`,
		},
	},

	"init": {
		example: `  kpi init
  kpi init --db huyen.db
  kpi campaign export -o my.yaml && kpi init --campaign my.yaml --force`,
		vi: Help{
			Short: "Tạo cơ sở dữ liệu với một phong trào thi đua",
			Long: `Tạo tệp cơ sở dữ liệu với một phong trào thi đua: phong trào mặc định năm
2024 có sẵn trong kpi (bhxh-2024), hoặc phong trào trong --campaign TỆP.yaml
(lấy một tệp để sửa bằng 'kpi campaign export').

Cơ sở dữ liệu đã có không bao giờ bị ghi đè, trừ khi có --force; --force tạo
lại từ đầu và giữ một bản sao y nguyên của tệp cũ ngay bên cạnh
(kpi.db.<thời điểm>.bak) — kể cả tệp kpi không mở được (hỏng, hoặc do bản
kpi mới hơn ghi). Tệp cũ chỉ bị xoá khi bản sao đã chép xong.`,
			Flags: map[string]string{
				"campaign": "`TỆP` phong trào dạng YAML (mặc định: phong trào bhxh-2024 có sẵn)",
				"force":    "thay cơ sở dữ liệu đã có (tệp cũ được giữ thành <tệp>.<thời điểm>.bak)",
			},
		},
		en: Help{
			Short: "Create the workspace with a campaign",
			Long: `Create the workspace file with a campaign: the embedded 2024 default
(bhxh-2024), or the one in --campaign FILE.yaml (write one to edit with
'kpi campaign export').

An existing workspace is never overwritten unless --force is given; --force
starts afresh, keeping a byte-for-byte copy of the old file beside it
(kpi.db.<time>.bak) — also of a file kpi cannot open (damaged, or written
by a newer kpi). Nothing is removed unless the copy is complete.`,
			Flags: map[string]string{
				"campaign": "campaign YAML `FILE` (default: the embedded bhxh-2024)",
				"force":    "replace an existing workspace (a file is kept as <file>.<time>.bak)",
			},
		},
	},

	"campaign": {
		example: `  kpi campaign show
  kpi campaign export -o campaign.yaml
  kpi campaign load campaign.yaml`,
		vi: Help{
			Short: "Xem, xuất hoặc nạp phong trào: chỉ tiêu, trọng số, điều kiện khen thưởng",
			Long: `Phong trào thi đua quy định các chỉ tiêu với trọng số và mức trần, các tên
gọi khác dùng để nhận ra chỉ tiêu trong bảng tính, và điều kiện các danh
hiệu (Cờ thi đua, Bằng khen, Giấy khen).

Để đổi trọng số, mức trần, tên gọi hoặc điều kiện: xuất ra, sửa, nạp lại.`,
		},
		en: Help{
			Short: "Show, export or load the campaign's KPIs, weights and award rules",
			Long: `The campaign (phong trào thi đua) defines the KPIs (chỉ tiêu) with their
weights and caps, the aliases used to recognise them in workbooks, and the
award rules (Cờ thi đua, Bằng khen, Giấy khen).

To change weights, caps, aliases or rules: export, edit, load.`,
		},
	},
	"campaign show": {
		example: "  kpi campaign show\n  kpi campaign show --format json",
		vi:      Help{Short: "In các chỉ tiêu, trọng số và điều kiện khen thưởng"},
		en:      Help{Short: "Print the KPIs, weights and award rules"},
	},
	"campaign export": {
		example: "  kpi campaign export -o campaign.yaml",
		vi: Help{
			Short: "Ghi phong trào ra tệp YAML để sửa rồi nạp lại",
			Long: `Ghi phong trào của cơ sở dữ liệu dưới dạng YAML (ra màn hình, hoặc vào tệp
-o TỆP). Khi chưa có cơ sở dữ liệu, ghi phong trào mặc định bhxh-2024.`,
			Flags: map[string]string{"output": "`TỆP` cần ghi (mặc định: in ra màn hình)"},
		},
		en: Help{
			Short: "Write the campaign as YAML, to edit and load again",
			Long: `Write the workspace's campaign as YAML (to stdout, or -o FILE). Outside a
workspace, the embedded default bhxh-2024 is written.`,
			Flags: map[string]string{"output": "`FILE` to write (default stdout)"},
		},
	},
	"campaign load": {
		example: "  kpi campaign load campaign.yaml",
		vi: Help{
			Use:   "TỆP.yaml",
			Short: "Kiểm tra tệp phong trào YAML rồi dùng nó cho cơ sở dữ liệu",
			Long: `Kiểm tra phong trào trong TỆP.yaml và, chỉ khi hợp lệ, thay phong trào của cơ
sở dữ liệu bằng nó. Những gì được kiểm tra: mã chỉ tiêu không trùng, trọng
số dương và cộng lại bằng 100, loại chỉ tiêu và chiều tốt hơn hợp lệ, mức
trần ≥ 1, mọi điều kiện khen thưởng hợp lệ. Có lỗi thì không thay đổi gì.`,
		},
		en: Help{
			Use:   "FILE.yaml",
			Short: "Validate a campaign YAML and make it the workspace's campaign",
			Long: `Validate the campaign in FILE.yaml and, only if it is valid, replace the
workspace's campaign with it. Checked: KPI codes unique, weights positive and
summing to 100, kinds and directions known, caps ≥ 1, every award rule valid.
On any error nothing changes.`,
		},
	},

	"targets": {
		example: "  kpi targets import chitieu-2024.xlsx",
		vi:      Help{Short: "Nhập đơn vị và chỉ tiêu giao từ bảng tính"},
		en:      Help{Short: "Import units and their targets (chỉ tiêu giao) from a workbook"},
	},
	"targets import": {
		example: `  kpi targets import chitieu-2024.xlsx
  kpi targets import --dry-run chitieu-2024.xlsx`,
		vi: Help{
			Use:   "TỆP.xlsx",
			Short: "Đọc đơn vị, cụm thi đua, chỉ tiêu giao và số năm trước từ bảng tính",
			Long: `Đọc các đơn vị, cụm thi đua của từng đơn vị, chỉ tiêu giao năm thi đua và số
thực hiện năm trước từ TỆP.xlsx.

kpi đọc trang tính đầu tiên có dòng tiêu đề (trong 20 dòng đầu) với cột mã
đơn vị. Các tiêu đề được nhận ra (không phân biệt hoa thường, khoảng trắng
và dấu):
  mã đơn vị    Mã đơn vị, Mã ĐV, Unit code, Code
  tên đơn vị   Tên đơn vị, Đơn vị, Unit, Name
  cụm          Cụm thi đua, Cụm, Khối, Cluster           (không bắt buộc)
  chỉ tiêu     mã, tên hoặc tên gọi khác của chỉ tiêu, có thể kèm năm thi đua:
               "thu", "Số thu BHXH, BHYT, BHTN 2024", "KH 2024 thu"
  năm trước    như trên với năm trước: "thu 2023", "TH 2023 bhyt"
Các cột khác (STT, Ghi chú …) được bỏ qua và liệt kê ra.

Nhập lại sẽ cập nhật đơn vị và chỉ tiêu, và cho biết những gì đã thay đổi.
Ô sai (chữ ở chỗ cần số, chỉ tiêu âm, tỷ lệ ngoài 0–100, mã đơn vị trùng)
được báo theo tệp, trang tính và ô; khi đó không thay đổi gì.`,
			Flags: map[string]string{"dry-run": "kiểm tra bảng tính và cho xem thay đổi, không ghi gì"},
		},
		en: Help{
			Use:   "FILE.xlsx",
			Short: "Read units, clusters, targets and baselines from a workbook",
			Long: `Read the units (đơn vị), their clusters (cụm thi đua), campaign-year
targets and previous-year baselines from FILE.xlsx.

The first sheet with a header row (within its first 20 rows) that has a unit
code column is read. Recognised headers (case, spacing and diacritics do not
matter):
  unit code   Mã đơn vị, Mã ĐV, Unit code, Code
  unit name   Tên đơn vị, Đơn vị, Unit, Name
  cluster     Cụm thi đua, Cụm, Khối, Cluster           (optional)
  target      a KPI's code, name or alias, optionally with the campaign year:
              "thu", "Số thu BHXH, BHYT, BHTN 2024", "KH 2024 thu"
  baseline    the same with the previous year: "thu 2023", "TH 2023 bhyt"
Other columns (STT, Ghi chú …) are ignored and listed.

Re-importing updates the units and targets and says what changed. Any bad
cell (text where a number belongs, a negative target, a percent outside
0–100, a duplicate unit code) is reported by file, sheet and cell, and then
nothing is changed.`,
			Flags: map[string]string{"dry-run": "check the workbook and show the changes without saving"},
		},
	},

	"units": {
		example: "  kpi units\n  kpi units --format csv > donvi.csv\n  kpi units --format json",
		vi: Help{
			Short: "Danh sách đơn vị với cụm thi đua, chỉ tiêu giao và số năm trước",
			Long: `Liệt kê các đơn vị với cụm thi đua và, theo từng chỉ tiêu, chỉ tiêu giao mà
kpi sẽ dùng: số trong biểu giao chỉ tiêu, nếu không có thì chỉ tiêu mặc định
của phong trào (Hài lòng: 80), nếu không có nữa thì số năm trước của chính
đơn vị (Chậm đóng). Dạng JSON chỉ chứa các số có trong biểu giao chỉ tiêu:
  [{"code", "name", "cluster", "targets": {"<kpi>": number}, "baselines": {"<kpi>": number}}]`,
		},
		en: Help{
			Short: "List the units with their cluster, targets and baselines",
			Long: `List the units (đơn vị) with their cluster and, per KPI, the target the
rules will use: the workbook's, else the campaign's default (hai_long: 80),
else the unit's previous-year value (cham_dong). The JSON form holds only the
values the workbook gave:
  [{"code", "name", "cluster", "targets": {"<kpi>": number}, "baselines": {"<kpi>": number}}]`,
		},
	},

	"template": {
		example: `  kpi template targets -o chitieu-2024.xlsx
  kpi template report --all-units --period 2024-03 -o bieu-thang03/`,
		vi: Help{Short: "Ghi biểu mẫu Excel trống để điền, kpi đọc lại được"},
		en: Help{Short: "Write blank Excel forms (biểu mẫu) that kpi can read back"},
	},
	"template targets": {
		example: "  kpi template targets -o chitieu-2024.xlsx",
		vi: Help{
			Use:   "-o TỆP.xlsx",
			Short: "Ghi biểu giao chỉ tiêu",
			Long: `Ghi biểu giao chỉ tiêu: mỗi đơn vị một dòng với mã, tên, cụm thi đua, rồi với
mỗi chỉ tiêu một cột chỉ tiêu giao ("<chỉ tiêu> 2024") và một cột số năm
trước ("<chỉ tiêu> 2023"). Các đơn vị đã có trong cơ sở dữ liệu được điền
sẵn (--empty để có biểu trống). Điền xong thì nhập bằng 'kpi targets import'.`,
			Flags: map[string]string{"empty": "không điền sẵn đơn vị từ cơ sở dữ liệu"},
		},
		en: Help{
			Use:   "-o FILE.xlsx",
			Short: "Write the targets form (biểu giao chỉ tiêu)",
			Long: `Write the targets form: one row per unit with code, name, cluster, then a
target column ("<KPI> 2024") and a baseline column ("<KPI> 2023") per KPI.
Units already in the workspace are pre-filled with what it holds (use
--empty for a blank form). Fill it in and read it with 'kpi targets import'.`,
			Flags: map[string]string{"empty": "do not pre-fill units from the workspace"},
		},
	},
	"template report": {
		example: `  kpi template report --unit H01 --period 2024-03 -o H01_2024-03.xlsx
  kpi template report --all-units --period 2024-03 -o bieu-thang03/`,
		vi: Help{
			Use:   "(--unit MÃ | --all-units) --period YYYY-MM -o TỆP.xlsx|THƯ_MỤC",
			Short: "Ghi biểu báo cáo tháng để các đơn vị điền",
			Long: `Ghi biểu báo cáo tháng dạng dọc: phần tiêu đề, "Mã đơn vị" và "Kỳ báo cáo"
đã điền, mỗi chỉ tiêu một dòng với mã, tên và đơn vị tính, các ô nhập có
kiểm tra dữ liệu (số ≥ 0; từ 0 đến 100 với chỉ tiêu tính bằng %) và cột lũy
kế cho các chỉ tiêu cộng dồn. Chữ được khoá; chỉ các ô vàng nhập được.
Với --all-units, -o là một thư mục và mỗi đơn vị một tệp, đặt tên để
'kpi import' nhận ra đơn vị và kỳ báo cáo (H01_2024-03.xlsx).`,
			Flags: map[string]string{
				"unit":      "`MÃ` đơn vị",
				"all-units": "mỗi đơn vị một tệp, ghi vào thư mục -o",
				"period":    "kỳ báo cáo `YYYY-MM` (bắt buộc)",
				"output":    "`TỆP` cần ghi (với --all-units: thư mục) (bắt buộc)",
			},
		},
		en: Help{
			Use:   "(--unit CODE | --all-units) --period YYYY-MM -o FILE.xlsx|DIR",
			Short: "Write the monthly report form (biểu báo cáo tháng) for districts to fill in",
			Long: `Write the long-layout monthly report form: the title block, "Mã đơn vị" and
"Kỳ báo cáo" filled in, one row per KPI with code, name and unit, input cells
with data validation (a number ≥ 0; 0–100 for % KPIs) and the year-to-date
column for flow KPIs. Labels are protected; only the yellow cells take input.
With --all-units, -o names a folder and one file per unit is written, named
so that 'kpi import' recognises unit and period (H01_2024-03.xlsx).`,
			Flags: map[string]string{
				"unit":      "unit `CODE`",
				"all-units": "one file per unit, into the folder -o",
				"period":    "period `YYYY-MM` (required)",
				"output":    "`FILE` (or, with --all-units, folder) to write (required)",
			},
		},
	},

	"import": {
		example: `  kpi import baocao/thang03/
  kpi import --dry-run baocao/thang03/
  kpi import --period 2024-03 tonghop.xlsx
  kpi import --unit H01 --period 2024-03 baocao.xlsx`,
		vi: Help{
			Use:   "[tùy chọn] ĐƯỜNG_DẪN...",
			Short: "Nhập báo cáo tháng (tệp Excel) của các đơn vị",
			Long: `Nhập các bảng tính báo cáo tháng của các đơn vị. Mỗi ĐƯỜNG_DẪN là một tệp
.xlsx hoặc một thư mục (kpi tìm các tệp .xlsx/.xlsm trong đó; bỏ qua tệp
khoá ~$… của Excel và tệp ẩn).

kpi tự nhận ra hai cách trình bày:
  dọc     một đơn vị, một tháng: "Mã đơn vị: H01" và "Kỳ báo cáo: 03/2024"
          phía trên một bảng có cột chỉ tiêu (Mã chỉ tiêu / Chỉ tiêu) và các cột
          số "Thực hiện trong tháng" và/hoặc "Lũy kế".
  ngang   nhiều đơn vị, một tháng: một cột "Mã đơn vị" và mỗi chỉ tiêu một cột
          (tiêu đề có "lũy kế"/"YTD" là cột lũy kế); kỳ báo cáo lấy từ ô
          "Kỳ báo cáo", từ tên tệp hoặc từ --period.
Đơn vị và kỳ báo cáo lấy từ bảng tính, nếu không có thì từ tên tệp
(H01_2024-03.xlsx), nếu không có nữa thì từ --unit/--period; tùy chọn mâu
thuẫn với bảng tính là lỗi.

Mỗi tệp được nhập trọn vẹn hoặc không nhập gì. Tệp có nội dung đã nhập
trước đó được bỏ qua (--force để nhập lại). Báo cáo mới của một đơn vị cho
một tháng đã có báo cáo sẽ thay báo cáo cũ; báo cáo cũ vẫn còn trong
'kpi history' và 'kpi undo ID' lấy nó lại.

Tệp hỏng hoặc bất thường (rỗng, tệp CSV hay PDF đổi tên thành .xlsx, bị cắt
cụt, tệp .xls cũ, có mật khẩu, tệp nén độc hại, trang tính quá lớn) bị từ
chối kèm lời hướng dẫn cách xử lý; trang tính giải nén ra hơn --max-size MB,
hoặc bảng tính hơn 6 triệu ô, bị từ chối mà không đọc. Macro trong tệp .xlsm
không bao giờ được chạy: kpi chỉ đọc giá trị các ô.

Nếu không tới được cơ sở dữ liệu (máy chủ PostgreSQL ngừng, đường mạng đứt),
kpi dừng ở tệp đầu tiên bị lỗi vì lý do đó, nói rõ tên tệp và đã làm tới
đâu; khi máy chủ hoạt động lại, chạy lại đúng lệnh đó (tệp đã nhập sẽ được
bỏ qua).

Mã thoát 1 nếu có tệp lỗi (từng lỗi được liệt kê; các tệp tốt vẫn được
nhập), 130 nếu dừng bằng Ctrl-C (sau tệp đang nhập), 0 nếu mọi tệp đều tốt.`,
			Flags: map[string]string{
				"dry-run":    "kiểm tra từng tệp và cho xem điều sẽ xảy ra, không ghi gì",
				"force":      "nhập cả những tệp đã nhập trước đó",
				"unit":       "`MÃ` đơn vị, khi cả bảng tính lẫn tên tệp đều không ghi",
				"period":     "kỳ báo cáo `YYYY-MM`, khi cả bảng tính lẫn tên tệp đều không ghi",
				"prior-year": "các tệp là báo cáo năm trước (cùng kỳ): giữ để so sánh, không tính điểm",
				"max-size":   "từ chối bảng tính có trang tính giải nén ra hơn `SỐ` MB",
			},
		},
		en: Help{
			Use:   "[flags] PATH...",
			Short: "Import monthly report workbooks (nhập báo cáo tháng)",
			Long: `Import the districts' monthly report workbooks. Each PATH is an .xlsx file or
a folder (searched for .xlsx/.xlsm files; Excel lock files ~$… and hidden
files are skipped).

Two layouts are recognised by themselves:
  long   one district, one month: "Mã đơn vị: H01" and "Kỳ báo cáo: 03/2024"
         above a table with a KPI column (Mã chỉ tiêu / Chỉ tiêu) and value
         columns "Thực hiện trong tháng" and/or "Lũy kế".
  wide   many districts, one month: a "Mã đơn vị" column and one column per
         KPI (a KPI header with "lũy kế"/"YTD" is its year-to-date column);
         the period from a "Kỳ báo cáo" cell, the file name or --period.
Unit and period come from the workbook, else from the file name
(H01_2024-03.xlsx), else from --unit/--period; a flag that contradicts the
workbook is an error.

Each file is imported whole or not at all. A file whose bytes were already
imported is skipped (--force imports it again). A new report for a unit and
month that already has one replaces it; the old one stays in 'kpi history'
and 'kpi undo ID' brings it back.

Broken and hostile files (empty, CSV or PDF renamed .xlsx, truncated, legacy
.xls, password-protected, zip bombs, absurd sheets) are refused with a
message saying what to do; a sheet that unzips to more than --max-size MB,
or a workbook of more than 6 million cells, is refused without being read.
Macros in .xlsm files are never run: only cell values are read.

If the database cannot be reached (a PostgreSQL server going down, the
network breaking), the batch stops at the first file that failed so, names
it, and says how far it got; run the same command again when the server is
back (the files already imported are skipped).

Exit status is 1 if any file failed (each failure is listed; the good files
are still imported), 130 if stopped by Ctrl-C (after the current file), 0
otherwise.`,
			Flags: map[string]string{
				"dry-run":    "check every file and show what would happen, writing nothing",
				"force":      "import files even if the same file was imported before",
				"unit":       "unit `CODE`, when neither the workbook nor the file name gives it",
				"period":     "period `YYYY-MM`, when neither the workbook nor the file name gives it",
				"prior-year": "the files are last year's reports (cùng kỳ), kept for comparison and never scored",
				"max-size":   "refuse a workbook whose sheet unzips to more than this many `MB`",
			},
		},
	},

	"values": {
		example: "  kpi values --unit H03 --period 2024-03\n  kpi values --period 2024-03 --format csv > thang03.csv",
		vi: Help{
			Short: "Xem số liệu đã nhập, đúng như đọc được từ bảng tính",
			Long: `Xem các số liệu đang có hiệu lực, mỗi đơn vị, tháng và chỉ tiêu một dòng: số
trong tháng, số lũy kế, đơn vị tính mà bảng tính dùng khi kpi đã đổi đơn vị
(đồng → triệu đồng), các ô lấy số và lần nhập đã mang số vào — để kiểm tra
những gì kpi đã đọc mà không cần mở cơ sở dữ liệu.`,
			Flags: map[string]string{
				"unit":   "chỉ đơn vị có `MÃ` này",
				"period": "chỉ tháng `YYYY-MM` này (mặc định: cả năm thi đua)",
			},
		},
		en: Help{
			Short: "Show the stored figures (số liệu đã nhập), as read from the workbooks",
			Long: `Show the figures in force, one line per unit, month and KPI: the month's
value, the year-to-date value, the unit of measure the workbook used when
kpi converted it (đồng → triệu đồng), the cells they came from and the
import that brought them — to check what was read without opening the
workspace.`,
			Flags: map[string]string{
				"unit":   "only this unit (`CODE`)",
				"period": "only this month, `YYYY-MM` (default: the whole campaign year)",
			},
		},
	},

	"unit": {
		example: "  kpi unit H04\n  kpi unit H04 --format json",
		vi: Help{
			Use:   "MÃ",
			Short: "Cả năm của một đơn vị, từng tháng",
			Long: `Từng tháng của một đơn vị: số trong tháng và số lũy kế của mọi chỉ tiêu
như đơn vị đã báo cáo, kế hoạch lũy kế đến kỳ (KH kỳ) và tỷ lệ đạt so với
nó, lần nhập của từng báo cáo, và các lần sửa — báo cáo bị báo cáo sau thay
thế — dạng trước → sau. Số lấy từ một tháng trước được đánh dấu (T3).`,
		},
		en: Help{
			Use:   "CODE",
			Short: "One unit's year at a glance (một đơn vị, từng tháng)",
			Long: `Month by month for one unit: every KPI's month value and year-to-date
value as reported, the plan to date (KH kỳ) and the attainment against it,
the import each report came from, and the corrections — a report replaced
by a later one — as before → after. A figure carried from an earlier month
is marked (M3).`,
		},
	},

	"history": {
		example: "  kpi history\n  kpi history --format json",
		vi: Help{
			Short: "Lịch sử nhập: các lần nhập và lần nào thay lần nào",
			Long: `Liệt kê mọi lần nhập: số, thời điểm, tệp, phần đầu mã SHA-256, đơn vị, kỳ báo
cáo, số giá trị đọc được, cảnh báo, và các lần nhập sau đã thay báo cáo của
nó. Lần nhập đã được hoàn tác bằng kpi undo vẫn nằm trong danh sách, đánh
dấu đã hoàn tác (cột "Hoàn tác" ghi thời điểm, hiện khi có ít nhất một lần
như vậy; "undone_at" trong JSON, null nếu chưa hoàn tác).`,
		},
		en: Help{
			Short: "List the imports (lịch sử nhập), with what replaced what",
			Long: `List every import: id, time, file, SHA-256 prefix, units, period, values
read, warnings, and the later imports that replaced its reports. An import
taken back with kpi undo stays listed, marked undone (a column "Undone"
with when, shown once there is one; "undone_at" in JSON, null otherwise).`,
		},
	},
	"undo": {
		example: "  kpi undo 12\n  kpi undo 12 --reason \"H04 gửi nhầm tệp tháng 5\"",
		vi: Help{
			Use:   "ID",
			Short: "Hoàn tác một lần nhập và lấy lại các báo cáo nó đã thay",
			Long: `Hoàn tác lần nhập ID (xem 'kpi history'): số liệu của nó không còn được tính.
Nếu nó đã thay một báo cáo trước đó của cùng đơn vị và tháng, báo cáo đó có
hiệu lực trở lại. Lần nhập vẫn ở kpi history, đánh dấu đã hoàn tác, và việc
hoàn tác được ghi vào nhật ký (kpi log) cùng --reason nếu có; tệp của nó có
thể nhập lại.`,
			Flags: map[string]string{"reason": "`LÝ_DO` hoàn tác (ghi vào nhật ký kpi log)"},
		},
		en: Help{
			Use:   "ID",
			Short: "Take an import back and bring back the reports it replaced",
			Long: `Take import ID (see 'kpi history') back: its values no longer count. Where
it had replaced an earlier report for the same unit and month, that report
is in force again. The import stays in kpi history, marked undone, and the
undoing is kept in the audit log (kpi log) with --reason, if given; its
file may be imported again.`,
		},
	},

	"adjust": {
		example: `  kpi adjust add H04 --points 2 --reason "Bằng khen của Thủ tướng" --period 2024-09
  kpi adjust add H07 --points -1 --reason "nộp báo cáo tháng 5 chậm" --kpi thu
  kpi adjust list --unit H04
  kpi adjust remove 3 --reason "ghi nhầm đơn vị"`,
		vi: Help{
			Short: "Điểm cộng, điểm trừ Hội đồng thi đua cho một đơn vị",
			Long: `Hội đồng thi đua cộng điểm (điểm cộng: khen thưởng cấp trên, sáng kiến được
áp dụng) và trừ điểm (điểm trừ: khiếu nại đúng, báo cáo chậm). Mỗi lần cộng
hoặc trừ được tính từ kỳ của nó trở đi:
  điểm = Σ điểm các chỉ tiêu + điểm cộng − điểm trừ
trong đó điểm cộng (tổng các số dương) chỉ tính tối đa adjustments.max_bonus
của phong trào và điểm trừ tối đa adjustments.max_penalty (5 và 10 trong
phong trào mặc định); các bảng ghi rõ khi tổng đã chạm mức tối đa.

Mọi lần cộng, trừ và việc bỏ chúng đều được ghi vào nhật ký (kpi log) cùng
lý do; lần đã bỏ vẫn hiện khi có --all.`,
		},
		en: Help{
			Short: "Bonus and penalty points (điểm cộng / điểm trừ) the council gives a unit",
			Long: `The emulation council adds bonus points (điểm cộng: a national-level
commendation, an initiative adopted) and deducts penalty points (điểm trừ: a
complaint upheld, a late report). Each adjustment counts from its period on:
  score = Σ KPI points + bonus − penalty
where the bonus (the positive points summed) counts at most the campaign's
adjustments.max_bonus and the penalty at most adjustments.max_penalty (5 and
10 in the default campaign); the tables say when a total was capped.

Every adjustment and its removal is kept, with its reason, in the audit log
(kpi log); a removed adjustment stays listed with --all.`,
		},
	},
	"adjust add": {
		example: `  kpi adjust add H04 --points 2 --reason "Bằng khen của Thủ tướng" --period 2024-09
  kpi adjust add H07 --points -1 --reason "nộp báo cáo tháng 5 chậm" --kpi thu`,
		vi: Help{
			Use:   "MÃ --points ±N --reason LÝ_DO",
			Short: "Cộng (+N) hoặc trừ (-N) điểm cho một đơn vị, kèm lý do",
			Long: `Cộng điểm (--points 2) hoặc trừ điểm (--points -1,5) cho đơn vị MÃ, kèm lý
do. Điểm được tính từ kỳ --period trở đi (mặc định: tháng gần nhất đã có báo
cáo); --kpi ghi chỉ tiêu liên quan, nếu có (hiện bên cạnh; điểm vẫn cộng vào
tổng điểm của đơn vị).`,
			Flags: map[string]string{
				"points": "`±N` điểm: +N điểm cộng, -N điểm trừ",
				"reason": "`LÝ_DO` (ghi vào nhật ký kpi log)",
				"period": "tính từ tháng `YYYY-MM` trở đi (mặc định: tháng gần nhất đã có báo cáo)",
				"kpi":    "`MÃ` chỉ tiêu liên quan, nếu có",
			},
		},
		en: Help{
			Use:   "CODE --points ±N --reason TEXT",
			Short: "Give a unit bonus (+N) or penalty (-N) points, with the reason",
			Long: `Give unit CODE bonus points (--points 2) or penalty points (--points -1,5)
with the reason. It counts from --period on (default: the latest month with
reports); --kpi names the KPI it is about, if any (shown beside it; the
points count in the unit's total all the same).`,
			Flags: map[string]string{
				"points": "points `±N`: +N a bonus (điểm cộng), -N a penalty (điểm trừ)",
				"period": "counts from this month `YYYY-MM` on (default: the latest month with reports)",
				"kpi":    "the KPI (`CODE`) the adjustment is about, if any",
			},
		},
	},
	"adjust list": {
		example: "  kpi adjust list\n  kpi adjust list --unit H04 --all --format json",
		vi: Help{
			Short: "Danh sách điểm cộng, điểm trừ đang tính (--all: cả những lần đã bỏ)",
			Long: `Liệt kê các lần cộng, trừ điểm đang được tính: số, đơn vị, số điểm, kỳ bắt
đầu tính, chỉ tiêu liên quan, lý do, thời điểm ghi. --all thêm những lần đã
bỏ, kèm thời điểm và lý do bỏ. JSON: [{"id", "unit", "points", "reason",
"period", "kpi", "added", "removed": null hoặc {"at", "reason"}}].`,
			Flags: map[string]string{
				"unit": "chỉ của đơn vị có `MÃ` này",
				"all":  "cả những lần đã bỏ",
			},
		},
		en: Help{
			Short: "List the adjustments in force (--all: the removed ones too)",
			Long: `List the bonus and penalty points in force: number, unit, points, the
period they count from, the KPI they are about, the reason, when recorded.
--all adds the removed ones, with when and why. JSON: [{"id", "unit",
"points", "reason", "period", "kpi", "added", "removed": null or {"at",
"reason"}}].`,
			Flags: map[string]string{
				"unit": "only the unit with this `CODE`",
				"all":  "the removed adjustments too",
			},
		},
	},
	"adjust remove": {
		example: `  kpi adjust remove 3 --reason "ghi nhầm đơn vị"`,
		vi: Help{
			Use:   "ID --reason LÝ_DO",
			Short: "Bỏ một lần cộng/trừ điểm (vẫn giữ trong hồ sơ, đánh dấu đã bỏ)",
			Long: `Bỏ lần cộng/trừ điểm ID (xem kpi adjust list): nó không còn được tính. Không
có gì bị xoá: lần đó vẫn có trong kpi adjust list --all và trong nhật ký,
kèm thời điểm và lý do bỏ.`,
		},
		en: Help{
			Use:   "ID --reason TEXT",
			Short: "Withdraw an adjustment (it stays in the record, marked removed)",
			Long: `Withdraw adjustment ID (see kpi adjust list): it no longer counts. Nothing
is deleted: the adjustment stays in kpi adjust list --all and the audit log
with when and why it was removed.`,
		},
	},

	"exclude": {
		example: `  kpi exclude H09 --reason "có cán bộ bị kỷ luật (QĐ 12/QĐ-BHXH)" --period 2024-10
  kpi exclude list
  kpi exclude remove H09 --reason "quyết định kỷ luật đã được huỷ"`,
		vi: Help{
			Use:   "MÃ --reason LÝ_DO",
			Short: "Không xét khen thưởng một đơn vị, kèm lý do",
			Long: `Không xét mọi hình thức khen thưởng cho đơn vị MÃ — các danh hiệu, khen
thưởng từng lĩnh vực, và (với danh hiệu có điều kiện not_excluded) danh
hiệu cá nhân của người thuộc đơn vị — từ kỳ --period trở đi (mặc định:
tháng gần nhất đã có báo cáo): trường hợp có vi phạm, kỷ luật. Đơn vị vẫn
giữ điểm và thứ hạng trong mọi bảng, và được liệt kê trong danh sách chưa
đủ điều kiện khen thưởng kèm lý do.

kpi exclude remove MÃ --reason LÝ_DO để xét khen thưởng trở lại; kpi exclude
list cho xem đơn vị nào đang không được xét. Cả hai đều được ghi vào nhật ký
(kpi log).`,
			Flags: map[string]string{
				"reason": "`LÝ_DO` (ghi vào nhật ký và hiện bên cạnh đơn vị)",
				"period": "từ tháng `YYYY-MM` trở đi (mặc định: tháng gần nhất đã có báo cáo)",
			},
		},
		en: Help{
			Use:   "CODE --reason TEXT",
			Short: "Exclude a unit from every award (không xét khen thưởng), with the reason",
			Long: `Exclude unit CODE from every award (không xét khen thưởng) — the tiers, the
field awards, and (where the title says not_excluded) its people's
individual titles — from --period on (default: the latest month with
reports): a disciplinary case. The unit keeps its score and rank in every
table and is listed under the units not awarded with the reason.

kpi exclude remove CODE --reason TEXT lifts it; kpi exclude list shows who
is excluded. Both are kept in the audit log (kpi log).`,
			Flags: map[string]string{
				"reason": "why: `TEXT` kept in the audit log and shown beside the unit",
				"period": "from this month `YYYY-MM` on (default: the latest month with reports)",
			},
		},
	},
	"exclude remove": {
		example: `  kpi exclude remove H09 --reason "quyết định kỷ luật đã được huỷ"`,
		vi: Help{
			Use:   "MÃ --reason LÝ_DO",
			Short: "Xét khen thưởng trở lại cho một đơn vị (vẫn giữ trong hồ sơ)",
		},
		en: Help{
			Use:   "CODE --reason TEXT",
			Short: "Lift a unit's exclusion from awards (it stays in the record)",
		},
	},
	"exclude list": {
		example: "  kpi exclude list\n  kpi exclude list --all --format json",
		vi: Help{
			Short: "Danh sách đơn vị không xét khen thưởng (--all: cả những lần đã bỏ)",
			Long: `Liệt kê các đơn vị không được xét khen thưởng: đơn vị, từ kỳ nào, lý do, thời
điểm ghi; --all thêm những lần đã bỏ, kèm thời điểm và lý do bỏ. JSON:
[{"id", "unit", "reason", "period", "added", "removed": null hoặc {"at",
"reason"}}].`,
			Flags: map[string]string{"all": "cả những lần đã bỏ"},
		},
		en: Help{
			Short: "List the units excluded from awards (--all: the lifted exclusions too)",
			Long: `List the units excluded from awards: unit, from which period, the reason,
when recorded; --all adds the lifted ones with when and why. JSON: [{"id",
"unit", "reason", "period", "added", "removed": null or {"at", "reason"}}].`,
			Flags: map[string]string{"all": "the lifted exclusions too"},
		},
	},

	"nominate": {
		example: `  kpi nominate add H04 --name "NGUYỄN VĂN AN" --title "Chiến sĩ thi đua cơ sở" --reason "sáng kiến thu BHXH tự nguyện"
  kpi nominate list
  kpi nominate remove 2 --reason "đơn vị rút đề nghị"`,
		vi: Help{
			Short: "Cá nhân được các đơn vị đề nghị khen thưởng",
			Long: `Các đơn vị đề nghị cá nhân cho các danh hiệu cá nhân của phong trào (trong
phong trào mặc định: Chiến sĩ thi đua cơ sở, Lao động tiên tiến). Mỗi danh
hiệu có số suất mỗi đơn vị (max_per_unit) và điều kiện đối với đơn vị (unit:
all_attained, min_score, min_attainment, not_excluded) trong tệp phong trào
YAML; kpi awards liệt kê các đề nghị đủ và chưa đủ điều kiện, kèm lý do, và
kpi export awards ghi chúng vào một trang riêng.

Các đề nghị và việc rút đề nghị được ghi vào nhật ký (kpi log).`,
		},
		en: Help{
			Short: "Individuals (cá nhân) the units propose for a title",
			Long: `Units propose people for the campaign's individual titles (in the default
campaign: Chiến sĩ thi đua cơ sở, Lao động tiên tiến). Each title has a
limit per unit (max_per_unit) and conditions on the unit (unit: all_attained,
min_score, min_attainment, not_excluded) in the campaign YAML; kpi awards
lists the nominations that pass and those that do not, and why, and kpi
export awards writes them on their own sheet.

Nominations and their withdrawal are kept in the audit log (kpi log).`,
		},
	},
	"nominate add": {
		example: `  kpi nominate add H04 --name "NGUYỄN VĂN AN" --title "Chiến sĩ thi đua cơ sở" --reason "sáng kiến thu BHXH tự nguyện"
  kpi nominate add H04 --name "Trần Thị Bình" --title lao_dong_tien_tien --reason "hoàn thành xuất sắc nhiệm vụ"`,
		vi: Help{
			Use:   `MÃ --name "HỌ VÀ TÊN" --title DANH_HIỆU --reason LÝ_DO`,
			Short: "Ghi một người được đơn vị MÃ đề nghị danh hiệu cá nhân",
			Long: `Ghi việc đơn vị MÃ đề nghị người có tên --name cho danh hiệu cá nhân --title
(tên hoặc mã của danh hiệu trong phong trào, viết hoa hay thường, có dấu hay
không đều được), kèm lý do. Cùng một người cho cùng một danh hiệu hai lần sẽ
bị từ chối.`,
			Flags: map[string]string{
				"name":   "`HỌ_VÀ_TÊN` của người được đề nghị",
				"title":  "`DANH_HIỆU`: tên hoặc mã của danh hiệu trong phong trào",
				"reason": "`LÝ_DO` đơn vị đề nghị (ghi vào nhật ký kpi log)",
			},
		},
		en: Help{
			Use:   `CODE --name "HỌ VÀ TÊN" --title TITLE --reason TEXT`,
			Short: "Record a person unit CODE proposes for an individual title",
			Long: `Record that unit CODE proposes the person --name for the individual title
--title (its name or code in the campaign, any case or accents), with the
reason. The same person for the same title twice is refused.`,
			Flags: map[string]string{
				"name":   "the person's full `NAME`",
				"title":  "the `TITLE`: its name or code in the campaign",
				"reason": "why the unit proposes them: `TEXT` kept in the audit log",
			},
		},
	},
	"nominate list": {
		example: "  kpi nominate list\n  kpi nominate list --unit H04 --format json",
		vi: Help{
			Short: "Danh sách đề nghị cá nhân (--all: cả những đề nghị đã rút)",
			Long: `Liệt kê các đề nghị đã ghi: số, đơn vị, họ và tên, danh hiệu, lý do, thời
điểm ghi; --all thêm những đề nghị đã rút, kèm thời điểm và lý do rút. Đủ
điều kiện hay không là việc của kpi awards. JSON: [{"id", "unit", "name",
"title", "reason", "added", "removed": null hoặc {"at", "reason"}}].`,
			Flags: map[string]string{
				"unit": "chỉ của đơn vị có `MÃ` này",
				"all":  "cả những đề nghị đã rút",
			},
		},
		en: Help{
			Short: "List the nominations (--all: the withdrawn ones too)",
			Long: `List the nominations as recorded: number, unit, name, title, reason, when
recorded; --all adds the withdrawn ones with when and why. Whether each
passes is kpi awards' to say. JSON: [{"id", "unit", "name", "title",
"reason", "added", "removed": null or {"at", "reason"}}].`,
			Flags: map[string]string{
				"unit": "only the unit with this `CODE`",
				"all":  "the withdrawn nominations too",
			},
		},
	},
	"nominate remove": {
		example: `  kpi nominate remove 2 --reason "đơn vị rút đề nghị"`,
		vi: Help{
			Use:   "ID --reason LÝ_DO",
			Short: "Rút một đề nghị (vẫn giữ trong hồ sơ, đánh dấu đã rút)",
		},
		en: Help{
			Use:   "ID --reason TEXT",
			Short: "Withdraw a nomination (it stays in the record, marked withdrawn)",
		},
	},

	"log": {
		example: "  kpi log\n  kpi log --unit H04\n  kpi log --format csv > nhatky.csv",
		vi: Help{
			Short: "Nhật ký: mọi thay đổi về quy định, chỉ tiêu và quyết định của Hội đồng",
			Long: `Nhật ký: mọi thay đổi có ảnh hưởng tới khen thưởng, cũ nhất trước — phong
trào được nạp hoặc thay đổi (mỗi mục một dòng), đơn vị và chỉ tiêu giao được
thêm hoặc đổi khi nhập biểu giao chỉ tiêu (mỗi số một dòng), điểm cộng, điểm
trừ được ghi và được bỏ, việc không xét khen thưởng và xét lại, đề nghị cá
nhân và việc rút đề nghị, các lần nhập được hoàn tác — thời điểm, việc gì,
giá trị trước và sau, và lý do. Nhật ký không bao giờ bị sửa hay xoá.

JSON: [{"id", "at", "action", "subject", "field", "before", "after",
"reason"}], action là một trong campaign, targets, adjust_add, adjust_remove,
exclude, exclude_remove, nominate_add, nominate_remove, undo.`,
			Flags: map[string]string{"unit": "chỉ những thay đổi về đơn vị có `MÃ` này"},
		},
		en: Help{
			Short: "The audit log (nhật ký): every change to the rules, targets and council decisions",
			Long: `The audit log (nhật ký): every change that decides the awards, oldest
first — the campaign loaded or changed (one line per setting), units and
targets added or changed by a targets import (one line per value), bonus
and penalty points given and withdrawn, exclusions from awards and their
lifting, nominations and their withdrawal, and imports undone — when, what,
the value before and after, and the reason given. Nothing in it is ever
changed or removed.

JSON: [{"id", "at", "action", "subject", "field", "before", "after",
"reason"}], action one of campaign, targets, adjust_add, adjust_remove,
exclude, exclude_remove, nominate_add, nominate_remove, undo.`,
			Flags: map[string]string{"unit": "only the changes about the unit with this `CODE`"},
		},
	},

	"status": {
		example: "  kpi status\n  kpi status --format json",
		vi: Help{
			Short: "Tình hình nộp báo cáo: đơn vị nào đã báo cáo tháng nào",
			Long: `Bảng đơn vị × tháng của năm thi đua: ✓ có báo cáo đang có hiệu lực, ↻ báo cáo
đã thay một báo cáo trước, ô trống: chưa báo cáo. Sau đó nêu tên các đơn vị
chưa báo cáo tháng gần nhất mà đã có đơn vị báo cáo.`,
			Flags: map[string]string{"year": "`NĂM` thi đua (mặc định: năm của phong trào)"},
		},
		en: Help{
			Short: "Show who has reported which month (tình hình nộp báo cáo)",
			Long: `Show the units × months matrix of the campaign year: ✓ a report is in
force, ↻ it replaced an earlier one, blank: nothing reported. Then name the
units missing for the latest month that anyone reported.`,
			Flags: map[string]string{"year": "campaign `YEAR` (default: the campaign's)"},
		},
	},

	"progress": {
		example: `  kpi progress
  kpi progress --period 2024-06 --cluster "Cụm 2"
  kpi progress --kpi thu
  kpi progress --explain H04
  kpi progress --format json > tiendo.json`,
		vi: Help{
			Short: "Bảng tiến độ thi đua, xếp hạng",
			Long: `Xếp hạng mọi đơn vị tại một kỳ báo cáo và cho xem, với từng chỉ tiêu, tỷ lệ
đạt kèm dấu: ✓ đạt, ▼ dưới kế hoạch kỳ, — thiếu số liệu, ? chưa có chỉ tiêu.
Công thức (xem README, mục "Scoring"):
  tỷ lệ đạt a = TH/KH (càng cao càng tốt) hoặc KH/TH (càng thấp càng tốt)
  điểm chỉ tiêu = trọng số × min(a, trần)   (cách tính capped; cách tính
                  leader chia cho tỷ lệ của đơn vị dẫn đầu cụm hoặc tỉnh)
  điểm        = Σ điểm chỉ tiêu + điểm cộng − điểm trừ  (của Hội đồng, kpi
                adjust; 100 = vừa đúng mọi chỉ tiêu khi không có cộng trừ)
  hạng        = theo điểm (2 chữ số thập phân), rồi số chỉ tiêu đạt, rồi mã đơn vị
Cột Cộng/trừ hiện điểm của Hội đồng khi có, và đơn vị không xét khen thưởng
(kpi exclude) được ghi kèm lý do.
--kpi MÃ cho xem chi tiết một chỉ tiêu của mọi đơn vị: thực hiện, chỉ tiêu
giao, số năm trước, tỷ lệ đạt, mức tiến độ, dự báo cuối năm.

JSON (--format json) dành cho máy: khoá tiếng Anh, số không làm tròn, null
khi không có giá trị.`,
			Flags: map[string]string{
				"cluster": "chỉ cụm thi đua `TÊN` này; thứ hạng vẫn tính trong toàn tỉnh",
				"explain": "in toàn bộ cách tính của đơn vị `MÃ` và kết quả xét khen thưởng",
				"kpi":     "cho xem chi tiết chỉ tiêu có `MÃ` này",
			},
		},
		en: Help{
			Short: "The ranked progress table (bảng tiến độ, xếp hạng)",
			Long: `Rank every unit as of a period and show, per KPI, its attainment (tỷ lệ
đạt) with a mark: ✓ attained, ▼ below the plan to date, — no data,
? no target. Formulas (see README "Scoring"):
  attainment a = A/T (higher is better) or T/A (lower is better)
  points       = weight × min(a, cap)        (method capped; under method
                 leader divided by the cluster's or province's best)
  score        = Σ points + bonus − penalty  (the council's, kpi adjust;
                 100 = exactly on every target when there are none)
  rank         = by score (2 decimals), then KPIs attained, then unit code
The Bonus/penalty column shows the council's points once any count, and a
unit excluded from awards (kpi exclude) is marked with the reason.
--kpi CODE shows one KPI in detail for every unit: actual A, target T,
baseline B, attainment, the on-track line, the year-end projection.

JSON (--format json) is the machine interface: English keys, unrounded
numbers, null for absent values.`,
			Flags: map[string]string{
				"cluster": "show only this cluster (`NAME`); ranks stay province-wide",
				"explain": "print the whole computation and award verdicts of the unit with this `CODE`",
				"kpi":     "show the KPI with this `CODE` in detail",
			},
		},
	},
	"awards": {
		example: `  kpi awards
  kpi awards --period 2024-12 --format markdown
  kpi awards --explain H07
  kpi awards --projected`,
		vi: Help{
			Short: "Danh sách đề nghị khen thưởng (Cờ thi đua, Bằng khen, Giấy khen) và lý do",
			Long: `Áp dụng điều kiện khen thưởng của phong trào tại một kỳ báo cáo. Các danh
hiệu được xét theo thứ tự của phong trào, mỗi đơn vị nhiều nhất một danh
hiệu (mặc định, sửa được trong tệp phong trào YAML):
  Cờ thi đua  đứng đầu cụm, đạt mọi chỉ tiêu, điểm ≥ 105
  Bằng khen   đạt mọi chỉ tiêu, điểm ≥ 100, tối đa 30% số đơn vị
              (làm tròn xuống, ít nhất 1), theo thứ hạng
  Giấy khen   điểm ≥ 95 và không chỉ tiêu nào đạt dưới 90%
Xuất sắc trên từng lĩnh vực: với mỗi chỉ tiêu, đơn vị có tỷ lệ đạt cao nhất
trong các đơn vị đã đạt chỉ tiêu đó.
Đơn vị không xét khen thưởng (kpi exclude) không nhận danh hiệu nào, vẫn
giữ thứ hạng và được liệt kê kèm lý do. Các cá nhân được đề nghị (kpi
nominate) được liệt kê là đủ hay chưa đủ điều kiện của danh hiệu, và vì sao.
Mỗi đơn vị trong danh sách có lý do đi kèm; --explain MÃ cho xem toàn bộ cách
tính của một đơn vị — cả điểm cộng, trừ của Hội đồng và lý do — và vì sao
đơn vị được hay không được từng danh hiệu.
--projected cho danh sách dự kiến: nếu cả năm theo xu hướng hiện nay, điều
kiện khen thưởng áp dụng trên tỷ lệ đạt dự báo của từng chỉ tiêu.`,
			Flags: map[string]string{
				"cluster":   "chỉ cụm thi đua `TÊN` này; thứ hạng vẫn tính trong toàn tỉnh",
				"explain":   "in toàn bộ cách tính của đơn vị `MÃ` và kết quả xét khen thưởng",
				"projected": "danh sách dự kiến: nếu cả năm theo xu hướng hiện nay",
			},
		},
		en: Help{
			Short: "The award shortlist (Cờ thi đua, Bằng khen, Giấy khen) and who missed why",
			Long: `Apply the campaign's award rules as of a period. Tiers are applied in the
campaign's order and a unit gets at most one (defaults, editable in the
campaign YAML):
  Cờ thi đua  first in its cluster, every KPI attained, score ≥ 105
  Bằng khen   every KPI attained, score ≥ 100, at most 30% of units
              (rounded down, at least 1), in rank order
  Giấy khen   score ≥ 95 and no KPI attainment below 90%
Field awards (xuất sắc trên từng lĩnh vực): per KPI, the unit with the
highest attainment among those that attained it.
A unit excluded from awards (kpi exclude) gets none, keeps its rank and is
listed with the reason. The individuals the units nominated (kpi nominate)
are listed as passing their title's conditions or not, and why.
Each shortlisted unit carries its reason; --explain CODE shows one unit's
whole computation — with the council's points and their reasons — and why
it did or did not get each tier.
--projected gives the forecast (dự kiến): the shortlist if the year ended
on today's trend, the rules applied to each KPI's projected attainment.`,
			Flags: map[string]string{
				"cluster":   "show only this cluster (`NAME`); ranks stay province-wide",
				"explain":   "print the whole computation and award verdicts of the unit with this `CODE`",
				"projected": "the forecast (dự kiến): the shortlist if the year ended on today's trend",
			},
		},
	},

	"export": {
		example: `  kpi export progress -o tien-do-2024-12.xlsx
  kpi export awards -o khen-thuong-2024-12.xlsx
  kpi export html -o tien-do-2024-12.html`,
		vi: Help{
			Short: "Xuất bảng tiến độ hoặc danh sách khen thưởng ra Excel, báo cáo ra HTML",
			Long: `Ghi bảng tính Excel sẵn sàng để in (A4 ngang, vừa một trang chiều ngang,
lặp dòng tiêu đề, đánh số trang): bảng tổng hợp tiến độ, hoặc danh sách đề
nghị khen thưởng với phần ký của quyết định. Tên tệp có đuôi .csv thì ghi
cùng số liệu như 'kpi progress/awards --format csv'.

'kpi export html' ghi toàn cảnh phong trào thành một trang web trọn vẹn có
biểu đồ, để mở bằng trình duyệt, gửi email và in.`,
		},
		en: Help{
			Short: "Write the progress summary or the award shortlist to Excel, or the report to HTML (xuất báo cáo)",
			Long: `Write print-ready Excel workbooks (A4 landscape, one page wide, header rows
repeated, page numbers): the progress summary, or the award shortlist with
the signature block of the decision. A file name ending in .csv writes the
same data as 'kpi progress/awards --format csv' instead.

'kpi export html' writes the campaign at a glance as one self-contained web
page with charts, to open in a browser, send by email and print.`,
		},
	},
	"export progress": {
		example: "  kpi export progress -o tien-do-2024-12.xlsx --period 2024-12\n  kpi export progress -o tien-do.csv",
		vi: Help{
			Use:   "-o TỆP.xlsx",
			Short: "Bảng tính tiến độ: bảng xếp hạng, mỗi cụm một trang, chi tiết, biểu đồ",
			Long: `Các trang: bảng tổng hợp xếp hạng (hạng, đơn vị, cụm, điểm, số chỉ tiêu đạt,
tỷ lệ đạt từng chỉ tiêu tô màu đỏ-vàng-xanh), mỗi cụm thi đua một trang,
bảng chi tiết đơn vị × chỉ tiêu (thực hiện, chỉ tiêu giao, năm trước, tỷ lệ
đạt, đúng tiến độ, dự báo) và biểu đồ cột điểm thi đua.`,
			Flags: map[string]string{"output": "`TỆP` cần ghi: .xlsx hoặc .csv (bắt buộc)"},
		},
		en: Help{
			Use:   "-o FILE.xlsx",
			Short: "The progress workbook: ranked summary, one sheet per cluster, detail, chart",
			Long: `Sheets: the ranked summary (rank, unit, cluster, score, KPIs attained,
attainment per KPI with a red-yellow-green colour scale), one sheet per
cluster, the unit × KPI detail (actual, target, baseline, attainment, on
track, projection) and a bar chart of the scores.`,
			Flags: map[string]string{"output": "`FILE` to write: .xlsx, or .csv (required)"},
		},
	},
	"export awards": {
		example: "  kpi export awards -o khen-thuong-2024-12.xlsx --period 2024-12\n  kpi export awards -o khen-thuong.csv",
		vi: Help{
			Use:   "-o TỆP.xlsx",
			Short: "Bảng tính khen thưởng: mỗi danh hiệu một trang, từng lĩnh vực, đơn vị chưa đủ điều kiện",
			Long: `Các trang: mỗi danh hiệu (Cờ thi đua, Bằng khen, Giấy khen) một trang với
hạng, đơn vị, cụm, điểm và lý do, cuối trang là phần ký ("Người lập biểu",
"Giám đốc"); khen thưởng từng lĩnh vực; các đơn vị chưa đủ điều kiện và lý
do.`,
			Flags: map[string]string{"output": "`TỆP` cần ghi: .xlsx hoặc .csv (bắt buộc)"},
		},
		en: Help{
			Use:   "-o FILE.xlsx",
			Short: "The award workbook: one sheet per tier, field awards, units that missed",
			Long: `Sheets: one per tier (Cờ thi đua, Bằng khen, Giấy khen) with rank, unit,
cluster, score and reason, closed by the signature block ("Người lập biểu",
"Giám đốc"); the field awards; the units that missed and why.`,
			Flags: map[string]string{"output": "`FILE` to write: .xlsx, or .csv (required)"},
		},
	},
	"export html": {
		example: "  kpi export html -o tien-do-2024-03.html --period 2024-03\n  kpi export html -o progress.html --lang en",
		vi: Help{
			Use:   "-o TỆP.html",
			Short: "Toàn cảnh phong trào: một trang web có biểu đồ, để mở, gửi email và in",
			Long: `Một tệp HTML trọn vẹn — kiểu trình bày và biểu đồ nằm ngay trong tệp, không
tải gì từ đâu — mở được trên mọi trình duyệt khi không có mạng và in được
trên khổ A4 ngang: tỷ lệ đạt toàn tỉnh theo từng chỉ tiêu và đơn vị chưa báo
cáo; biểu đồ cột điểm thi đua theo cụm với vạch 100 điểm và vạch các danh
hiệu; bảng tỷ lệ đạt đơn vị × chỉ tiêu tô màu đỏ-vàng-xanh; điểm từng tháng
của mỗi đơn vị và tỷ lệ đạt toàn tỉnh từng tháng; danh sách đề nghị khen
thưởng kèm lý do; đơn vị nào đã báo cáo tháng nào. Mỗi biểu đồ có bảng số
liệu đi kèm.`,
			Flags: map[string]string{"output": "`TỆP` cần ghi: .html (bắt buộc)"},
		},
		en: Help{
			Use:   "-o FILE.html",
			Short: "The campaign at a glance: one web page with charts, to open, email and print",
			Long: `One self-contained HTML file — styles and charts inside it, nothing fetched
from anywhere — that opens offline in any browser and prints on A4
landscape: the province's attainment per KPI and who has not reported; a
bar chart of the scores by cluster with the 100-point line and the award
tiers; the units × KPIs attainment table shaded red-yellow-green; each
unit's score month by month and the province's attainment month by month;
the award shortlist with reasons; who reported which month. Every chart is
followed by a table of its figures.`,
			Flags: map[string]string{"output": "`FILE` to write: .html (required)"},
		},
	},

	"demo": {
		example: "  kpi demo\n  kpi demo --dir /tmp/thu",
		vi: Help{
			Short: "Chạy thử toàn bộ công việc với dữ liệu mẫu của một tỉnh",
			Long: `Ghi dữ liệu mẫu giống thật của một tỉnh — 12 đơn vị của BHXH tỉnh Hải Dương
trong 3 cụm thi đua — dưới dạng các bảng tính mà các đơn vị gửi, tạo cơ sở
dữ liệu trong --dir, nhập chúng và in ra những gì cán bộ thống kê sẽ thấy.

Mọi thứ được ghi trong --dir (mặc định ./kpi-demo) và không đụng tới gì
khác; chạy lại thì dữ liệu mẫu được làm lại từ đầu.`,
			Flags: map[string]string{
				"dir":  "`THƯ_MỤC` chứa bảng tính mẫu và cơ sở dữ liệu",
				"seed": "`SỐ` khởi tạo của dữ liệu mẫu",
			},
		},
		en: Help{
			Short: "Run the whole job on a sample province (chạy thử với dữ liệu mẫu)",
			Long: `Write a realistic sample province — 12 districts of BHXH tỉnh Hải Dương in
3 clusters — as the workbooks districts send, create a workspace in --dir,
import them and print what the officer would see.

Everything is written inside --dir (default ./kpi-demo) and nothing else is
touched; running it again starts the sample afresh.`,
			Flags: map[string]string{
				"dir":  "`FOLDER` for the sample workbooks and workspace",
				"seed": "`SEED` of the sample data",
			},
		},
	},
	"sample": {
		example: `  kpi sample --dir /tmp/quocgia --units 700 --months 12
  kpi sample --dir /tmp/lon --units 12 --months 1 --big-rows 200000`,
		vi: Help{
			Use:   "--dir THƯ_MỤC [--units N] [--months M] [--big-rows R]",
			Short: "Ghi dữ liệu mẫu lớn với số đơn vị tùy ý, để đo tốc độ",
			Long: `Ghi dữ liệu mẫu vào --dir: biểu giao chỉ tiêu của N đơn vị chia thành các cụm
(chitieu.xlsx), và N × M báo cáo tháng trong reports/YYYY-MM/, mỗi đơn vị và
tháng một bảng tính — phần lớn dạng dọc, cứ năm tệp có một tệp dạng ngang
một dòng, cứ bảy tệp có một tệp gõ kiểu lộn xộn (số viết bằng chữ kiểu Việt
Nam, ô phần trăm, tên chỉ tiêu có đánh số). Với --big-rows R, ghi thêm
big/chitieu.xlsx với R đơn vị và big/tonghop_2024-01.xlsx, một bảng tổng hợp
dạng ngang R dòng × 11 cột. Cùng --seed thì cùng dữ liệu. Lệnh chỉ ghi tệp;
nhập chúng bằng kpi init, kpi targets import và kpi import (xem bench/run.sh).`,
			Flags: map[string]string{
				"dir":      "`THƯ_MỤC` cần ghi vào (bắt buộc)",
				"units":    "`SỐ` đơn vị",
				"months":   "`SỐ` tháng, tính từ tháng 1",
				"seed":     "`SỐ` khởi tạo của dữ liệu",
				"big-rows": "ghi thêm một bảng tính dạng ngang có `SỐ` dòng này",
			},
		},
		en: Help{
			Use:   "--dir DIR [--units N] [--months M] [--big-rows R]",
			Short: "Write a synthetic campaign of any size, for benchmarks (dữ liệu mẫu lớn)",
			Long: `Write a synthetic campaign into --dir: the targets workbook of N units in
clusters (chitieu.xlsx), and N × M monthly reports in reports/YYYY-MM/, one
workbook per unit and month — mostly the long layout, every fifth a one-row
wide workbook, every seventh typed the messy way (numbers as Vietnamese
text, percent cells, numbered KPI names). With --big-rows R it also writes
big/chitieu.xlsx with R units and big/tonghop_2024-01.xlsx, one consolidated
wide sheet of R rows × 11 columns. Everything is deterministic from --seed.
It writes files only; import them with kpi init, kpi targets import and
kpi import (see bench/run.sh).`,
			Flags: map[string]string{
				"dir":      "`FOLDER` to write into (required)",
				"units":    "number of units (`N`)",
				"months":   "number of months (`M`), from January",
				"seed":     "`SEED` of the data",
				"big-rows": "also write one wide workbook of this many rows (`R`)",
			},
		},
	},

	"backup": {
		example: "  kpi backup saoluu-2024-12-31.db",
		vi: Help{
			Use:   "TỆP",
			Short: "Sao lưu cơ sở dữ liệu thành một bản sao nhất quán",
			Long: `Ghi một bản sao nhất quán của cơ sở dữ liệu vào TỆP (lệnh VACUUM INTO của
SQLite), trong khi các lệnh kpi khác vẫn có thể đọc. TỆP phải chưa tồn tại.
Để khôi phục, dùng bản sao làm --db (hoặc chép đè lên cơ sở dữ liệu khi
không có lệnh kpi nào đang chạy). Cơ sở dữ liệu bị hỏng mà SQLite không đọc
trọn được thì không được sao: lỗi nêu tên nó, và không để lại tệp nào ở TỆP.`,
		},
		en: Help{
			Use:   "FILE",
			Short: "Write a consistent copy of the workspace (sao lưu)",
			Long: `Write a consistent copy of the workspace to FILE (SQLite's VACUUM INTO),
while other kpi commands may go on reading. FILE must not exist yet. To
restore, use the copy as --db (or copy it over the workspace when no kpi
command is running). A damaged workspace that SQLite cannot read whole is
not copied: the error names it, and no file is left at FILE.`,
		},
	},
	"check": {
		example: "  kpi check",
		vi: Help{
			Short: "Kiểm tra cơ sở dữ liệu: toàn vẹn và các quy tắc của kpi",
			Long: `Chạy bước kiểm tra toàn vẹn của SQLite và các quy tắc riêng của kpi: mỗi lần
nhập có báo cáo và mỗi báo cáo có số liệu (không có gì nhập dở), mỗi đơn vị
mỗi tháng nhiều nhất một báo cáo có hiệu lực, mọi lần nhập thay thế đều có
thật, mọi báo cáo thuộc một đơn vị đã biết. Mã thoát 1 nếu có vấn đề.`,
		},
		en: Help{
			Short: "Check the workspace: integrity and kpi's own rules (kiểm tra)",
			Long: `Run SQLite's integrity check and kpi's own invariants: every import has its
reports and every report its values (nothing half-imported), at most one
report in force per unit and month, every replacing import exists, every
report belongs to a known unit. Exit status 1 if anything is wrong.`,
		},
	},
	"migrate": {
		example: `  kpi migrate --from kpi.db --to 'postgres://kpi@db.bhxh.local/thidua?sslmode=require'
  kpi migrate --from 'postgres://kpi@db/thidua' --to saoluu.db`,
		vi: Help{
			Use:   "--from NGUỒN --to ĐÍCH",
			Short: "Chép toàn bộ cơ sở dữ liệu sang nơi khác và kiểm tra bản chép",
			Long: `Chép một cơ sở dữ liệu — phong trào, đơn vị, chỉ tiêu giao, toàn bộ lịch sử
nhập với báo cáo và số liệu — từ NGUỒN sang ĐÍCH (mỗi bên là đường dẫn tệp
hoặc địa chỉ postgres://), giữ nguyên số thứ tự các lần nhập, rồi kiểm tra
bản chép: số dòng của từng bảng và tổng kiểm tra của mọi giá trị phải bằng
nhau. ĐÍCH phải chưa có dữ liệu; có lỗi thì không ghi gì vào đó.`,
			Flags: map[string]string{
				"from": "cơ sở dữ liệu cần chép: `NGUỒN` (tệp hoặc địa chỉ postgres://)",
				"to":   "cơ sở dữ liệu trống để chép vào: `ĐÍCH` (tệp hoặc địa chỉ postgres://)",
			},
		},
		en: Help{
			Use:   "--from SRC --to DST",
			Short: "Copy a whole workspace to another database and verify the copy",
			Long: `Copy a workspace — campaign, units, targets, the whole import history with
its reports and values — from SRC to DST (each a file path or a
postgres:// URL), keeping every import number, then verify the copy: the
row count of every table and a checksum of every value must be equal.
DST must hold no workspace yet; on any error nothing is written there.`,
			Flags: map[string]string{
				"from": "workspace to copy: `SRC`, a file or postgres:// URL",
				"to":   "empty workspace to copy into: `DST`, a file or postgres:// URL",
			},
		},
	},

	"settings": {
		example: `  kpi settings set organisation "BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG"
  kpi settings set place "Hải Dương"
  kpi settings set signer "Nguyễn Văn An" --title "GIÁM ĐỐC"
  kpi settings set preparer "Trần Thị Bình"
  kpi settings show`,
		vi: Help{
			Short: "Thông tin in trên văn bản: cơ quan, địa danh, người ký",
			Long: `Các bảng Excel và báo cáo HTML in theo thể thức văn bản của Nghị định
30/2020/NĐ-CP: góc trái tên cơ quan chủ quản (parent) trên tên cơ quan ban
hành (organisation) và "Số: …/BC-BHXH"; góc phải quốc hiệu, tiêu ngữ và dòng
"<place>, ngày … tháng … năm …" (ngày xuất); cuối văn bản người lập biểu
(preparer) bên trái, người ký (signer) bên phải.

Các thông tin này lưu trong cơ sở dữ liệu, dùng cho mọi lần xuất; tệp YAML
của phong trào chỉ giữ luật thi đua.`,
		},
		en: Help{
			Short: "What documents print: the offices, the place, who signs (settings)",
			Long: `The Excel workbooks and the HTML report follow the form of official
documents (Nghị định 30/2020/NĐ-CP): at the top left the parent body (parent)
over the issuing office (organisation) and "Số: …/BC-BHXH"; at the top right
the national name, the motto and the line "<place>, ngày … tháng … năm …"
(the date of export); at the end the preparer (preparer) on the left and the
signer (signer) on the right.

These are kept in the workspace and used by every export; the campaign YAML
holds the rules only.`,
		},
	},
	"settings show": {
		example: "  kpi settings show\n  kpi settings show --format json",
		vi: Help{
			Short: "Xem thông tin in trên văn bản, đã đặt hay mặc định",
			Long: `Mỗi mục với giá trị đang dùng, đã đặt (kpi settings set) hay mặc định:
organisation theo phong trào (nếu có) hoặc "BẢO HIỂM XÃ HỘI TỈNH", parent
"BẢO HIỂM XÃ HỘI VIỆT NAM", place theo tên cơ quan ban hành, chức vụ
"GIÁM ĐỐC" và "NGƯỜI LẬP BIỂU", họ tên để trống.
JSON: [{"key", "value", "set"}].`,
		},
		en: Help{
			Short: "Show what documents print, as set or by default",
			Long: `Each setting with the value in force, set (kpi settings set) or by default:
organisation from the campaign (if it names one) or "BẢO HIỂM XÃ HỘI TỈNH",
parent "BẢO HIỂM XÃ HỘI VIỆT NAM", place from the issuing office's name, the
titles "GIÁM ĐỐC" and "NGƯỜI LẬP BIỂU", the names empty.
JSON: [{"key", "value", "set"}].`,
		},
	},
	"settings set": {
		example: `  kpi settings set organisation "Bảo hiểm xã hội tỉnh Hải Dương"
  kpi settings set place "Hải Dương"
  kpi settings set signer "Nguyễn Văn An" --title "Giám đốc"
  kpi settings set preparer "Trần Thị Bình"
  kpi settings set signer ""`,
		vi: Help{
			Use:   "organisation|parent|place|signer|signer_title|preparer|preparer_title GIÁ_TRỊ",
			Short: "Đặt một thông tin in trên văn bản (GIÁ_TRỊ \"\" để về mặc định)",
			Long: `Đặt một mục, lưu trong cơ sở dữ liệu và ghi vào nhật ký (kpi log). Tên cơ
quan và chức vụ được viết hoa. Với signer và preparer, --title đặt luôn chức
vụ (ví dụ "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). GIÁ_TRỊ "" xoá mục, dùng lại mặc
định.`,
			Flags: map[string]string{"title": "với signer hoặc preparer: `CHỨC_VỤ` của người đó"},
		},
		en: Help{
			Use:   "organisation|parent|place|signer|signer_title|preparer|preparer_title VALUE",
			Short: "Set what documents print (VALUE \"\" for the default)",
			Long: `Set one setting, kept in the workspace and written to the audit log (kpi
log). Office names and titles are written in capitals. With signer and
preparer, --title sets their title too ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC").
VALUE "" clears the setting: the default applies again.`,
			Flags: map[string]string{"title": "with signer or preparer: their `TITLE` (chức vụ)"},
		},
	},

	"help": {
		example: "  kpi help import\n  kpi help export html",
		vi: Help{
			Use:   "[lệnh]",
			Short: "Xem hướng dẫn của một lệnh",
			Long:  `Cho xem hướng dẫn của một lệnh: kpi help import giống kpi import --help.`,
		},
		en: Help{
			Use:   "[command]",
			Short: "Help about any command",
			Long:  `Show the help of a command: kpi help import is kpi import --help.`,
		},
	},
	"completion": {
		example: "  kpi completion powershell | Out-String | Invoke-Expression\n  source <(kpi completion bash)",
		vi: Help{
			Short: "Tạo đoạn mã gợi ý lệnh (nhấn Tab) cho cửa sổ dòng lệnh",
			Long: `Tạo đoạn mã để cửa sổ dòng lệnh gợi ý khi nhấn Tab: tên lệnh, tùy chọn,
mã đơn vị, tên cụm và mã chỉ tiêu lấy từ cơ sở dữ liệu. Xem hướng dẫn của
từng loại cửa sổ dòng lệnh (powershell trên Windows).`,
		},
		en: Help{
			Short: "Write the shell completion script (Tab completes commands, flags, units)",
			Long: `Write the script that makes the shell complete on Tab: commands, flags,
and the unit codes, cluster names and KPI codes of the workspace. See each
shell's help for how to load it (powershell on Windows).`,
		},
	},
	"completion bash": {
		example: "  source <(kpi completion bash)\n  kpi completion bash > /etc/bash_completion.d/kpi",
		vi: Help{
			Short: "Đoạn mã gợi ý lệnh cho bash",
			Long: `Tạo đoạn mã gợi ý lệnh cho bash (cần gói bash-completion). Dùng ngay trong
phiên hiện tại: source <(kpi completion bash). Dùng mãi: ghi nó vào
/etc/bash_completion.d/kpi (Linux) rồi mở cửa sổ dòng lệnh mới.`,
		},
		en: Help{
			Short: "The completion script for bash",
			Long: `Write the completion script for bash (it needs the bash-completion package).
For this session: source <(kpi completion bash). For good: write it to
/etc/bash_completion.d/kpi (Linux) and open a new shell.`,
		},
	},
	"completion zsh": {
		example: "  source <(kpi completion zsh)",
		vi: Help{
			Short: "Đoạn mã gợi ý lệnh cho zsh",
			Long: `Tạo đoạn mã gợi ý lệnh cho zsh. Dùng ngay trong phiên hiện tại:
source <(kpi completion zsh). Dùng mãi: ghi nó vào một thư mục trong $fpath
với tên _kpi rồi mở cửa sổ dòng lệnh mới.`,
		},
		en: Help{
			Short: "The completion script for zsh",
			Long: `Write the completion script for zsh. For this session:
source <(kpi completion zsh). For good: write it as _kpi into a folder of
$fpath and open a new shell.`,
		},
	},
	"completion fish": {
		example: "  kpi completion fish | source",
		vi: Help{
			Short: "Đoạn mã gợi ý lệnh cho fish",
			Long: `Tạo đoạn mã gợi ý lệnh cho fish. Dùng ngay: kpi completion fish | source.
Dùng mãi: ghi nó vào ~/.config/fish/completions/kpi.fish.`,
		},
		en: Help{
			Short: "The completion script for fish",
			Long: `Write the completion script for fish. For this session:
kpi completion fish | source. For good: write it to
~/.config/fish/completions/kpi.fish.`,
		},
	},
	"completion powershell": {
		example: "  kpi completion powershell | Out-String | Invoke-Expression",
		vi: Help{
			Short: "Đoạn mã gợi ý lệnh cho PowerShell (Windows)",
			Long: `Tạo đoạn mã gợi ý lệnh cho PowerShell. Dùng ngay trong phiên hiện tại:
  kpi completion powershell | Out-String | Invoke-Expression
Dùng mãi: thêm đúng dòng trên vào hồ sơ PowerShell của bạn (mở bằng lệnh
notepad $PROFILE).`,
		},
		en: Help{
			Short: "The completion script for PowerShell (Windows)",
			Long: `Write the completion script for PowerShell. For this session:
  kpi completion powershell | Out-String | Invoke-Expression
For good: add that line to your PowerShell profile (notepad $PROFILE).`,
		},
	},
}
