package xlsxin

import "regexp"

// The words of the officers' workbooks, folded (see fold.Key): every word
// list the recognisers use stands here, so that a new form's wording is
// added in one place. A list used with MatchesAny matches a whole cell; one
// used with hasAnyWord matches a phrase inside it, on word boundaries.
var (
	// Column headers of the long layout's KPI columns (whole cell).
	kpiCodeHeaders = []string{"ma chi tieu", "ma ct", "code", "kpi", "ma kpi"}
	kpiNameHeaders = []string{"chi tieu", "ten chi tieu", "noi dung", "noi dung chi tieu", "chi tieu thi dua",
		"ten chi tieu thi dua", "cac chi tieu", "danh muc chi tieu"}
	// The row-number column of official forms (STT) and its line-code
	// column (Mã số: a row's code on the form, never a KPI code).
	orderHeaders    = []string{"stt", "so tt", "so thu tu", "tt"}
	lineCodeHeaders = []string{"ma so", "ma dong"}
	// The unit-of-measure column (ĐVT).
	measureHeaders = []string{"dvt", "don vi tinh", "dv tinh", "don vi do"}

	// A value column's header contains one of these phrases …
	monthHeaders = []string{"thuc hien trong thang", "thuc hien thang", "trong thang", "thang nay", "month",
		"th trong thang", "th thang", "ky nay", "trong ky", "thuc hien ky nay", "thuc hien trong ky", "so phat sinh trong thang"}
	ytdHeaders = []string{"luy ke", "ytd", "cumulative", "tu dau nam"}
	// … or is exactly one of these.
	monthHeadersExact = []string{"thuc hien", "th", "thang", "so thuc hien", "ket qua thuc hien", "so lieu", "so lieu thuc hien"}
	// A header containing one of these is never a value column: it compares
	// with the plan or with last year, estimates, or is part of a movement
	// (the previous balance, the increases and decreases of the month).
	notValueWords = []string{"cung ky", "nam truoc", "so voi", "so kh", "ke hoach", "kh", "ty le dat", "so sanh",
		"chenh lech", "uoc", "uoc thuc hien", "uoc th", "du kien", "du bao", "phat sinh", "tang", "giam",
		"chuyen sang", "thang truoc", "ky truoc", "den thang truoc", "den ky truoc", "dau ky", "dau thang",
		"chi tieu giao", "giao", "ghi chu", "bq", "binh quan"}
	// movementWords mark a movement layout (B06-TS style: balance brought
	// forward, increases, decreases, balance at month end); there the
	// "lũy kế đến hết tháng" column is the month-end balance.
	movementWords = []string{"phat sinh", "chuyen sang", "thang truoc chuyen sang", "tang trong thang", "giam trong thang", "dau ky"}

	// Labels above the table (whole text before the colon).
	unitLabels = []string{"ma don vi", "ma dv", "unit code", "don vi", "unit", "don vi bao cao", "ten don vi",
		"co quan bao cao", "ten co quan", "don vi gui bao cao"}
	// unitCodeLabels name the unit by its code; a label of these wins over a
	// "Đơn vị: <name>" label on the same sheet.
	unitCodeLabels = []string{"ma don vi", "ma dv", "unit code"}
	periodLabels   = []string{"ky bao cao", "thang", "period", "ky", "thang bao cao", "ky bao cao thang", "bao cao thang"}
	measureLabels  = []string{"don vi tinh", "dvt", "dv tinh"}

	// A row with one of these starts the signature block: the table ends.
	signatureWords = []string{"nguoi lap bieu", "nguoi lap", "giam doc", "thu truong don vi", "ke toan truong",
		"pho giam doc", "nguoi kiem soat", "kt giam doc", "tm giam doc"}
)

// Header aliases of the units' columns, folded. Matching is exact on the
// folded text, so "Mã ĐV", "MÃ ĐƠN VỊ" and "ma don vi" are all the unit code.
var (
	UnitCodeHeaders = []string{"ma don vi", "ma dv", "unit code", "code", "ma"}
	UnitNameHeaders = []string{"ten don vi", "don vi", "unit", "name", "ten", "ten don vi bao cao", "don vi bao cao",
		"huyen thi xa thanh pho", "ten huyen", "co quan bhxh"}
	ClusterHeaders = []string{"cum thi dua", "cum", "khoi thi dua", "khoi", "cluster"}
)

// Plan words: a targets workbook's column headers carry them ("KH 2024
// thu", "Chỉ tiêu giao bhyt").
var kpiHeaderPrefixes = []string{"chi tieu giao", "ke hoach giao", "ke hoach", "chi tieu", "kh", "target", "thuc hien", "th", "baseline", "actual"}
var planWords = []string{"kh", "ke hoach", "chi tieu giao", "ke hoach giao", "chi tieu", "target", "giao"}

// Official headings. The parent body and the national name are never the
// reporting unit; an office line names it.
var (
	// officeRE finds a BHXH office below the province in a heading line
	// ("BHXH HUYỆN CẨM GIÀNG", "BẢO HIỂM XÃ HỘI THỊ XÃ KINH MÔN", "BHXH H.
	// GIA LỘC", "BHXH TP Hải Dương"); group 2 is the office's own name.
	officeRE = regexp.MustCompile(`^(?:bhxh|bao hiem xa hoi)\s+((?:huyen|thi xa|thanh pho|tp|quan|h|tx|q|thi tran|co so|lien huyen|khu vuc)\s+)(.+)$`)
	// looseOfficeRE is an office line without the kind of office ("BHXH
	// CẨM GIÀNG"): one to five words, none of them a fund or agency word.
	looseOfficeRE  = regexp.MustCompile(`^(?:bhxh|bao hiem xa hoi) ((?:[a-z]+ ?){1,5})$`)
	notOfficeWords = []string{"bhyt", "bhtn", "bao hiem", "y te", "that nghiep", "tinh", "viet nam", "tu nguyen", "bat buoc", "thu", "chi", "so", "bao cao"}
	// notOfficeKeys start heading lines that are not the reporting unit.
	notOfficeKeys = []string{"bhxh tinh", "bao hiem xa hoi tinh", "bao hiem xa hoi viet nam", "bhxh viet nam",
		"cong hoa xa hoi", "doc lap tu do", "mau so", "ban hanh kem theo"}
	// officePrefixes are dropped from a unit's name before comparing it
	// with the workspace's units ("BHXH huyện Cẩm Giàng" is "Cẩm Giàng").
	officePrefixes = []string{"bao hiem xa hoi", "bhxh", "huyen", "thi xa", "thanh pho", "tp", "quan", "thi tran",
		"tx", "h", "q", "co so", "lien huyen"}
)

// Amounts and their units of measure: the factor to triệu đồng, keyed by
// the folded text without spaces ("1.000đ" and "1 000 đồng" are "1000d" and
// "1000dong").
var moneyUnits = map[string]float64{
	"dong": 1e-6, "d": 1e-6, "vnd": 1e-6, "dongvietnam": 1e-6, "dongvietnamvnd": 1e-6, "dongvnd": 1e-6,
	"nghindong": 1e-3, "ngandong": 1e-3, "1000dong": 1e-3, "1000d": 1e-3, "nghind": 1e-3, "ngand": 1e-3, "1000vnd": 1e-3,
	"nghinvnd": 1e-3, "trieudong": 1, "trdong": 1, "trd": 1, "trieu": 1, "trieud": 1, "trieuvnd": 1,
	"tydong": 1e3, "ty": 1e3, "tyd": 1e3, "tyvnd": 1e3,
}

// countUnits are the units of measure of head-counts.
var countUnits = []string{"nguoi", "lao dong", "nguoi lao dong", "so nguoi", "ng"}

// fundNameWords spell a fund's name out ("Bảo hiểm xã hội bắt buộc").
var fundNameWords = map[string]bool{"bat": true, "buoc": true, "tu": true, "nguyen": true, "bao": true, "hiem": true,
	"xa": true, "hoi": true, "y": true, "te": true, "that": true, "nghiep": true, "bb": true, "tn": true}

// neutralPhrases may follow a KPI's name without narrowing it: where and
// when it is counted ("Số người tham gia BHXH bắt buộc trên địa bàn").
var neutralPhrases = []string{"tren dia ban", "toan huyen", "toan thi xa", "toan thanh pho", "cua don vi", "den cuoi thang",
	"cuoi thang", "den cuoi ky", "cuoi ky", "hien co", "trong thang", "trong ky", "thuc hien", "dang tham gia"}

// Funds and connectors that may follow a KPI's name without narrowing it
// ("Tổng số thu BHXH, BHYT, BHTN, BHTNLĐ-BNN" is still the revenue).
var fundWords = map[string]bool{"bhxh": true, "bhyt": true, "bhtn": true, "bhtnld": true, "bnn": true, "tnld": true,
	"ld": true, "va": true, "bh": true}
