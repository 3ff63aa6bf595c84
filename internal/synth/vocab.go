package synth

// The word lists the generator draws from. They are our own: plausible
// words of Vietnamese administrative writing, not text taken from real
// documents. Place names are real provinces; every district, person and
// topic combination is made up.

// provinces are the provinces an archive spreads over, with the short name
// printed in the place-and-date line.
var provinces = []string{
	"Lai Châu", "Điện Biên", "Sơn La", "Lào Cai", "Tuyên Quang", "Cao Bằng", "Lạng Sơn", "Thái Nguyên",
	"Phú Thọ", "Nghệ An", "Quảng Trị", "Gia Lai", "Đắk Lắk", "Lâm Đồng", "Cà Mau", "An Giang",
}

// districts are made-up district names; each province takes two of them.
var districts = []string{
	"Tân Uyên", "Hòa Bình", "Yên Sơn", "Thanh Sơn", "Bình Minh", "Đông Hưng", "Tân Lập", "Phú Lộc",
	"Mường Khoa", "Nậm Tăm", "Sơn Hà", "Kim Sơn", "Vĩnh Phúc", "Quang Trung", "Hưng Đạo", "Lê Lợi",
	"Thuận Châu", "Mai Sơn", "Bảo Yên", "Hàm Yên", "Na Rì", "Bắc Sơn", "Đại Từ", "Thanh Ba",
	"Diễn Châu", "Hải Lăng", "Chư Sê", "Ea Kar", "Đức Trọng", "Năm Căn", "Tri Tôn", "Phong Điền",
}

var surnames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lò", "Giàng", "Đinh", "Lường"}
var middles = []string{"Văn", "Thị", "Đức", "Minh", "Thanh", "Quang", "Hữu", "Ngọc", "Thị Thu", "Văn Hải", "Xuân", "Kim"}
var givens = []string{"Hùng", "Lan", "Hương", "Dũng", "Tuấn", "Nga", "Thắng", "Sơn", "Hà", "Bình", "Giang", "Phúc", "Tâm", "Khoa", "Yến", "Long", "Hạnh", "Cường"}

// topics are what documents are about; each reads after "về".
var topics = []string{
	"đối ngoại nhân dân trong tình hình mới",
	"công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
	"chuyển đổi số trong các cơ quan của hệ thống chính trị",
	"bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái",
	"xây dựng nông thôn mới gắn với giảm nghèo bền vững",
	"phòng, chống tác hại của thuốc lá trong cán bộ, công chức",
	"bảo đảm trật tự, an toàn giao thông dịp cuối năm",
	"phát triển văn hóa đọc trong cộng đồng",
	"học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
	"phòng, chống tham nhũng, lãng phí",
	"chăm lo Tết cho đoàn viên, người lao động có hoàn cảnh khó khăn",
	"bảo vệ môi trường và ứng phó với biến đổi khí hậu",
	"công tác dân vận của chính quyền các cấp",
	"giữ gìn bản sắc văn hóa các dân tộc thiểu số",
	"phòng, chống dịch bệnh trên đàn gia súc, gia cầm",
	"bảo đảm an toàn thực phẩm trong dịp lễ hội",
	"kỷ niệm ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam",
	"phát triển kinh tế tập thể, hợp tác xã",
	"xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh",
	"nâng cao chất lượng sinh hoạt chi bộ",
	"bảo hiểm xã hội, bảo hiểm y tế toàn dân",
	"phòng, chống ma túy trong thanh thiếu niên",
	"cải cách hành chính và nâng cao chỉ số hài lòng của người dân",
	"bảo vệ chủ quyền biển, đảo và biên giới quốc gia",
	"phát triển du lịch cộng đồng gắn với bảo tồn di sản",
	"khuyến học, khuyến tài, xây dựng xã hội học tập",
	"bình đẳng giới và vì sự tiến bộ của phụ nữ",
	"thực hành tiết kiệm trong chi tiêu công",
}

// leads open the subject of a document that is not a công văn.
var subjectLeads = map[string][]string{
	"CT": {"về tăng cường sự lãnh đạo của Đảng đối với", "về đẩy mạnh", "về nâng cao hiệu quả"},
	"NQ": {"về", "về tiếp tục đẩy mạnh", "về nâng cao chất lượng"},
	"KL": {"về tiếp tục thực hiện", "của Ban Thường vụ về", "về kết quả thực hiện"},
	"HD": {"tuyên truyền về", "triển khai công tác", "tổ chức các hoạt động về"},
	"KH": {"triển khai thực hiện", "tổ chức tuyên truyền về", "kiểm tra, giám sát"},
	"BC": {"kết quả thực hiện", "sơ kết công tác", "tổng kết công tác"},
	"TB": {"kết luận của Thường trực về", "ý kiến chỉ đạo về", "kết quả hội nghị về"},
	"QĐ": {"về việc thành lập Tổ công tác về", "về việc ban hành Quy chế phối hợp thực hiện", "về việc kiện toàn Ban Chỉ đạo về"},
	"CV": {"triển khai", "tuyên truyền", "báo cáo kết quả"},
}

// tasks are what a document asks a unit to do; each is a full clause that
// begins with a verb.
var tasks = []string{
	"Chủ trì, phối hợp với các cơ quan liên quan xây dựng kế hoạch tuyên truyền cụ thể, phù hợp với địa phương",
	"Tổ chức hội nghị học tập, quán triệt đến cán bộ, đảng viên và Nhân dân",
	"Mở chuyên trang, chuyên mục và đăng tải tin, bài trên báo in, báo điện tử",
	"Lồng ghép nội dung tuyên truyền trong sinh hoạt chi bộ định kỳ",
	"Treo băng rôn, khẩu hiệu, pa nô tại trung tâm các xã, phường",
	"Phát thanh trên hệ thống loa truyền thanh cơ sở ít nhất hai lần mỗi tuần",
	"Đăng tải thông tin trên trang Zalo, Fanpage của cơ quan, đơn vị",
	"Nắm bắt tình hình tư tưởng, dư luận xã hội và kịp thời báo cáo",
	"Hướng dẫn các chi bộ, đảng bộ cơ sở tổ chức thực hiện nghiêm túc",
	"Tổ chức cuộc thi tìm hiểu trong đoàn viên, hội viên",
	"Xây dựng phóng sự, tin bài phát trên sóng phát thanh, truyền hình",
	"Kiểm tra, giám sát việc thực hiện tại cơ sở và đề xuất biểu dương điển hình",
	"Bố trí kinh phí và nhân lực bảo đảm cho các hoạt động",
	"Tuyên truyền miệng qua đội ngũ báo cáo viên, tuyên truyền viên",
}

// subordinates are units a province-level document gives tasks to, by family.
var subordinates = map[string][]string{
	"party": {
		"Ban Tuyên giáo các huyện ủy, thành ủy", "Các huyện ủy, thành ủy, đảng ủy trực thuộc",
		"Ban Dân vận Tỉnh ủy", "Đảng đoàn Mặt trận Tổ quốc và các đoàn thể tỉnh", "Báo %s",
	},
	"state": {
		"Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Ủy ban nhân dân các huyện, thành phố",
		"Đài Phát thanh và Truyền hình tỉnh", "Sở Giáo dục và Đào tạo",
	},
	"union": {
		"Liên đoàn Lao động các huyện, thành phố", "Các Công đoàn ngành, Công đoàn Viên chức tỉnh",
		"Các Công đoàn cơ sở trực thuộc", "Ban Tuyên giáo - Nữ công",
	},
	"front": {
		"Ủy ban Mặt trận Tổ quốc các huyện, thành phố", "Các tổ chức thành viên của Mặt trận",
		"Ban Công tác Mặt trận các khu dân cư", "Ban Tuyên giáo - Dân tộc - Tôn giáo",
	},
}

// purposes are the sentences of "Mục đích, yêu cầu".
var purposes = []string{
	"Giúp cán bộ, đảng viên và Nhân dân hiểu rõ ý nghĩa, nội dung cơ bản của văn bản; tạo sự thống nhất trong nhận thức và hành động.",
	"Việc tổ chức phải thiết thực, hiệu quả, đúng định hướng, phù hợp với tình hình thực tế của từng địa phương, đơn vị.",
	"Gắn việc triển khai với thực hiện nhiệm vụ chính trị của địa phương; tránh hình thức, lãng phí.",
	"Phát huy vai trò của người đứng đầu cấp ủy, chính quyền trong lãnh đạo, chỉ đạo thực hiện.",
	"Kịp thời phát hiện, biểu dương những cách làm hay, mô hình hiệu quả để nhân rộng.",
}

// results are the sentences of a report's results part, each with the
// usual size of its two figures.
var results = []struct {
	text string
	a, b int
}{
	{"Các cấp ủy, chính quyền đã tổ chức %d hội nghị quán triệt với %d lượt người tham dự.", 40, 5000},
	{"Đã treo %d băng rôn, khẩu hiệu và %d pa nô tại các tuyến đường chính.", 300, 40},
	{"Hệ thống truyền thanh cơ sở phát %d lượt tin, bài; báo và đài tỉnh đăng %d tin, bài.", 800, 60},
	{"Đã tổ chức %d buổi tuyên truyền miệng với %d lượt người nghe.", 120, 8000},
	{"Trang thông tin điện tử và mạng xã hội của các cơ quan đăng tải %d tin, bài, thu hút %d lượt xem.", 200, 30000},
}

// shortcomings are the sentences of a report's limits part.
var shortcomings = []string{
	"Một số cơ sở triển khai còn chậm, chưa sát với tình hình thực tế.",
	"Việc báo cáo kết quả ở một số đơn vị chưa kịp thời, số liệu chưa đầy đủ.",
	"Kinh phí dành cho công tác tuyên truyền ở cơ sở còn hạn chế.",
}
