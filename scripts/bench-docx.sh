#!/usr/bin/env bash
# bench-docx.sh: compares the time `lantoa text` and `pandoc -t plain` take to
# read the same .docx files, one process per file for both (so both pay
# process start, as a clerk's upload does).
#
# The files are generated: Vietnamese documents written as Markdown (header
# table, articles, numbered points, data tables) and turned into .docx by
# pandoc, so the reader is not measured on its own writer's output.
#
# Usage: scripts/bench-docx.sh [FILES [PAGES]]   (defaults: 20 files, ~30 pages each)
set -euo pipefail

files=${1:-20}
pages=${2:-30}
cd "$(dirname "$0")/.."

if ! command -v pandoc >/dev/null 2>&1; then
	echo "bench-docx: không có pandoc, cần để tạo tệp mẫu và để so sánh (cài: apt-get install pandoc)" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/lantoa" ./cmd/lantoa
mkdir "$tmp/docs"

# markdown SEED PAGES writes one document of about PAGES A4 pages.
markdown() {
	awk -v seed="$1" -v pages="$2" '
	function pick(a, n) { return a[int(rand() * n) + 1] }
	BEGIN {
		srand(seed)
		ni = split("LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU|TỈNH ỦY ĐIỆN BIÊN|ỦY BAN NHÂN DÂN TỈNH SƠN LA|HỘI NÔNG DÂN TỈNH YÊN BÁI|TỈNH ĐOÀN HÀ GIANG", issuer, "|")
		split("LĐLĐ|TU|UBND|HND|TĐTN", sym, "|")
		split("Lai Châu|Điện Biên|Sơn La|Yên Bái|Hà Giang", place, "|")
		nk = split("KẾ HOẠCH|HƯỚNG DẪN|CHỈ THỊ|BÁO CÁO|QUYẾT ĐỊNH", kind, "|")
		nt = split("tổ chức các hoạt động hưởng ứng Tháng Công nhân|triển khai thực hiện Nghị quyết Đại hội|tăng cường công tác phòng, chống thiên tai|đẩy mạnh chuyển đổi số trong cơ quan, đơn vị|sơ kết 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm", topic, "|")
		ns = split("Các cấp công đoàn tổ chức quán triệt sâu rộng nội dung kế hoạch đến cán bộ, đoàn viên và người lao động.|" \
			"Ban Thường vụ giao Ban Tuyên giáo chủ trì, phối hợp với các ban, đơn vị liên quan theo dõi, đôn đốc việc thực hiện.|" \
			"Các đơn vị báo cáo kết quả thực hiện bằng văn bản về Thường trực trước ngày 15 hằng tháng để tổng hợp.|" \
			"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh kịp thời để được hướng dẫn, giải quyết.|" \
			"Kinh phí thực hiện được bố trí từ nguồn tài chính công đoàn theo phân cấp và các nguồn xã hội hóa hợp pháp khác.|" \
			"Thực hiện nghiêm Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.|" \
			"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư, các đơn vị rà soát, cập nhật sổ đăng ký văn bản.|" \
			"Phấn đấu 100% công đoàn cơ sở tổ chức đối thoại với người sử dụng lao động, ít nhất 90% người lao động được tuyên truyền pháp luật.|" \
			"Biểu dương, khen thưởng kịp thời các tập thể, cá nhân có thành tích xuất sắc; nhân rộng các mô hình hay, cách làm hiệu quả.|" \
			"Ủy ban kiểm tra các cấp tăng cường kiểm tra, giám sát việc chấp hành Điều lệ và sử dụng tài chính, tài sản công đoàn.", sentence, "|")
		nu = split("Công đoàn Viên chức tỉnh|Công đoàn ngành Giáo dục|Công đoàn ngành Y tế|Công đoàn các Khu công nghiệp|LĐLĐ huyện Tam Đường|LĐLĐ huyện Phong Thổ|LĐLĐ thành phố|Công đoàn ngành Xây dựng", unit, "|")
		split("I|II|III|IV|V|VI|VII|VIII|IX|X", roman, "|")

		i = int(rand() * ni) + 1
		printf "| %s | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|:--|:--|\n", issuer[i]
		printf "| Số: %d/%s | Độc lập - Tự do - Hạnh phúc |\n", int(rand() * 2000) + 1, sym[i]
		printf "|  | *%s, ngày %d tháng %d năm 20%02d* |\n\n", place[i], int(rand() * 28) + 1, int(rand() * 12) + 1, 18 + int(rand() * 8)
		printf "**%s**\n\n**V/v %s**\n\n", pick(kind, nk), pick(topic, nt)
		for (s = 1; s <= 3; s++) printf "%s\n\n", pick(sentence, ns)
		for (p = 1; p <= pages; p++) {
			printf "## %s. NỘI DUNG THỨ %d\n\n", roman[(p - 1) % 10 + 1], p
			for (q = 1; q <= 4; q++) {
				printf "%d. ", q
				for (s = 1; s <= 3; s++) printf "%s ", pick(sentence, ns)
				printf "\n\n"
			}
			for (q = 1; q <= 3; q++) printf "- %s\n", pick(sentence, ns)
			printf "\n| STT | Đơn vị | Số đoàn viên | Đã triển khai | Tỷ lệ (%%) |\n|--:|:--|--:|--:|--:|\n"
			for (r = 1; r <= 8; r++) {
				m = 50 + int(rand() * 900); d = int(m * (0.5 + rand() / 2))
				printf "| %d | %s | %d | %d | %.1f |\n", r, pick(unit, nu), m, d, 100 * d / m
			}
			printf "\n%s %s\n\n", pick(sentence, ns), pick(sentence, ns)
		}
		printf "**Nơi nhận:**\\\n- Như trên;\\\n- Lưu VT.\n\n**TM. BAN THƯỜNG VỤ**\\\n**CHỦ TỊCH**\n"
	}'
}

echo "Tạo $files tệp .docx (mỗi tệp khoảng $((pages / 2))–$((pages * 3 / 2)) trang)…"
for i in $(seq 1 "$files"); do
	markdown "$i" $((pages / 2 + (i - 1) % 3 * pages / 2)) >"$tmp/$i.md"
	pandoc -f markdown -t docx -o "$tmp/docs/vb-$i.docx" "$tmp/$i.md"
done
bytes=$(cat "$tmp"/docs/*.docx | wc -c)

# Warm up both (page cache, shared libraries) before timing.
first=$(ls "$tmp"/docs/*.docx | head -1)
"$tmp/lantoa" text "$first" >/dev/null
pandoc -t plain "$first" >/dev/null

# Interleaved, file by file, so that a busy machine slows both alike.
# $EPOCHREALTIME (bash 5) reads the clock in microseconds without starting a process.
ta=0 tb=0
for f in "$tmp"/docs/*.docx; do
	t0=${EPOCHREALTIME/[.,]/}
	"$tmp/lantoa" text "$f" >"$f.lantoa.txt"
	t1=${EPOCHREALTIME/[.,]/}
	pandoc -t plain "$f" >"$f.pandoc.txt"
	t2=${EPOCHREALTIME/[.,]/}
	ta=$((ta + 10#$t1 - 10#$t0)) tb=$((tb + 10#$t2 - 10#$t1))
done

ours=$(cat "$tmp"/docs/*.lantoa.txt | wc -w)
theirs=$(cat "$tmp"/docs/*.pandoc.txt | wc -w)
awk -v n="$files" -v bytes="$bytes" -v a="$ta" -v b="$tb" -v wa="$ours" -v wb="$theirs" 'BEGIN {
	printf "tệp:             %d (%.1f MB .docx)\n", n, bytes / 1e6
	printf "lantoa text:     %.3f s  (%.1f ms/tệp, %d từ)\n", a / 1e6, a / 1e3 / n, wa
	printf "pandoc -t plain: %.3f s  (%.1f ms/tệp, %d từ)\n", b / 1e6, b / 1e3 / n, wb
	printf "nhanh hơn:       %.1f×\n", b / a
}'
