#!/usr/bin/env bash
# bench-pdf.sh compares our PDF text extraction (`lantoa text FILE`) with
# poppler's `pdftotext FILE -` on the same multi-page PDFs: total time of
# one run per file for each tool, the speed ratio (goal: ours at least 0.5×
# pdftotext's speed), and the share of pdftotext's words that ours also
# produced.
#
#   scripts/bench-pdf.sh            generate Vietnamese documents (12+ pages
#                                   each) with LibreOffice, then compare
#   scripts/bench-pdf.sh DIR        compare on the *.pdf files of DIR
#
# Needs: go, pdftotext (poppler-utils), and soffice (LibreOffice) when no
# DIR is given. DOCS sets how many documents to generate (default 6).
set -euo pipefail

cd "$(dirname "$0")/.."
for tool in go pdftotext; do
	command -v "$tool" >/dev/null || { echo "bench-pdf: $tool is not installed" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/lantoa" ./cmd/lantoa

# gen_fodt N FILE writes document N: a two-column header table, numbered
# articles of running text, a table of units, and the signature block.
gen_fodt() {
	local n=$1 out=$2
	local sentences=(
		"Các cấp công đoàn tăng cường tuyên truyền, phổ biến chủ trương của Đảng, chính sách, pháp luật của Nhà nước đến đoàn viên, người lao động."
		"Ban Thường vụ đề nghị các đơn vị khẩn trương rà soát, tổng hợp kết quả thực hiện và báo cáo về Văn phòng trước ngày 15 hằng tháng."
		"Phối hợp với người sử dụng lao động kiểm tra việc thực hiện chế độ tiền lương, bảo hiểm xã hội, an toàn, vệ sinh lao động tại doanh nghiệp."
		"Tổ chức thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn, bị tai nạn lao động, bệnh nghề nghiệp; kịp thời hỗ trợ gia đình gặp thiên tai."
		"Đẩy mạnh phong trào thi đua lao động giỏi, lao động sáng tạo; biểu dương, khen thưởng những tập thể, cá nhân có thành tích xuất sắc."
		"Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm triển khai Quyết định này; trong quá trình thực hiện nếu có vướng mắc, phản ánh kịp thời về Sở Nội vụ."
		"Ủy ban nhân dân các huyện, thành phố hướng dẫn xã, phường, thị trấn lập kế hoạch chi tiết, bảo đảm tiến độ và chất lượng công việc."
		"Kinh phí thực hiện từ nguồn tài chính công đoàn được giao năm 2022 và các nguồn xã hội hóa hợp pháp khác theo quy định hiện hành."
	)
	local units=("Công đoàn Viên chức tỉnh" "Công đoàn ngành Giáo dục" "Công đoàn ngành Y tế" "Công đoàn các Khu công nghiệp" "Liên đoàn Lao động huyện Tam Đường" "Liên đoàn Lao động thành phố Lai Châu")
	{
		cat <<-'EOF'
		<?xml version="1.0" encoding="UTF-8"?>
		<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
		<office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm"/><style:text-properties style:font-name="Liberation Serif" fo:font-family="'Liberation Serif'" fo:font-size="13pt" fo:language="vi" fo:country="VN"/></style:default-style></office:styles>
		<office:automatic-styles>
		<style:page-layout style:name="pm"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/></style:page-layout>
		<style:style style:name="T" style:family="table"><style:table-properties style:width="16.5cm" table:align="left"/></style:style>
		<style:style style:name="A" style:family="table-column"><style:table-column-properties style:column-width="7cm"/></style:style>
		<style:style style:name="B" style:family="table-column"><style:table-column-properties style:column-width="9.5cm"/></style:style>
		<style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
		<style:style style:name="CB" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
		<style:style style:name="J" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm"/></style:style>
		<style:style style:name="H" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
		</office:automatic-styles>
		<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm"/></office:master-styles>
		<office:body><office:text>
		EOF
		echo "<table:table table:style-name=\"T\"><table:table-column table:style-name=\"A\"/><table:table-column table:style-name=\"B\"/>"
		echo "<table:table-row><table:table-cell><text:p text:style-name=\"C\">LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM</text:p><text:p text:style-name=\"CB\">LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU</text:p></table:table-cell>"
		echo "<table:table-cell><text:p text:style-name=\"CB\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:p><text:p text:style-name=\"CB\">Độc lập - Tự do - Hạnh phúc</text:p></table:table-cell></table:table-row>"
		echo "<table:table-row><table:table-cell><text:p text:style-name=\"C\">Số: $((900 + n))/KH-LĐLĐ</text:p></table:table-cell>"
		echo "<table:table-cell><text:p text:style-name=\"C\">Lai Châu, ngày $((n % 28 + 1)) tháng 7 năm 2022</text:p></table:table-cell></table:table-row></table:table>"
		echo "<text:p text:style-name=\"CB\">KẾ HOẠCH</text:p><text:p text:style-name=\"CB\">Tổ chức các hoạt động Tháng Công nhân năm 2022 (số $n)</text:p>"
		local i k
		for ((i = 1; i <= 40; i++)); do
			echo "<text:p text:style-name=\"H\">Điều $i. Nhiệm vụ thứ $i của kế hoạch</text:p>"
			for ((k = 0; k < 3; k++)); do
				echo "<text:p text:style-name=\"J\">${sentences[$(((i * 3 + k + n) % 8))]} ${sentences[$(((i + k * 5 + n) % 8))]}</text:p>"
			done
		done
		echo "<table:table table:style-name=\"T\"><table:table-column table:style-name=\"A\"/><table:table-column table:style-name=\"B\"/>"
		for ((i = 0; i < 24; i++)); do
			echo "<table:table-row><table:table-cell><text:p>${units[$((i % 6))]}</text:p></table:table-cell><table:table-cell><text:p>$((i * 37 % 500 + 20)) đoàn viên, $((i * 13 % 90 + 5)) suất quà</text:p></table:table-cell></table:table-row>"
		done
		echo "</table:table>"
		echo "<table:table table:style-name=\"T\"><table:table-column table:style-name=\"A\"/><table:table-column table:style-name=\"B\"/>"
		echo "<table:table-row><table:table-cell><text:p text:style-name=\"H\">Nơi nhận:</text:p><text:p>- Như trên;</text:p><text:p>- Lưu: VT.</text:p></table:table-cell>"
		echo "<table:table-cell><text:p text:style-name=\"CB\">TM. BAN THƯỜNG VỤ</text:p><text:p text:style-name=\"CB\">CHỦ TỊCH</text:p><text:p/><text:p/><text:p text:style-name=\"CB\">Nguyễn Văn An</text:p></table:table-cell></table:table-row></table:table>"
		echo "</office:text></office:body></office:document>"
	} >"$out"
}

if [[ $# -ge 1 ]]; then
	dir=$1
else
	command -v soffice >/dev/null || { echo "bench-pdf: soffice (LibreOffice) is needed to generate PDFs; or pass a folder of PDFs" >&2; exit 2; }
	dir=$tmp/pdf
	mkdir -p "$tmp/src" "$dir"
	for ((n = 1; n <= ${DOCS:-6}; n++)); do
		gen_fodt "$n" "$tmp/src/kehoach-$n.fodt"
	done
	echo "generating ${DOCS:-6} documents with LibreOffice…"
	soffice --headless -env:UserInstallation="file://$tmp/lo" --convert-to pdf --outdir "$dir" "$tmp"/src/*.fodt >/dev/null 2>&1
fi
shopt -s nullglob
files=("$dir"/*.pdf)
[[ ${#files[@]} -gt 0 ]] || { echo "bench-pdf: no PDF in $dir" >&2; exit 2; }

pages=0
for f in "${files[@]}"; do
	p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}') || p=0
	pages=$((pages + ${p:-0}))
done

# Each tool once per file; wall time, and CPU time (user + system), which a
# busy machine disturbs less.
TIMEFORMAT='%R %U %S'
mkdir -p "$tmp/ours" "$tmp/theirs"
t_ours=$({ time (for f in "${files[@]}"; do
	"$tmp/lantoa" text "$f" >"$tmp/ours/$(basename "$f").txt" 2>>"$tmp/errors" || echo "lantoa failed on $f" >>"$tmp/errors"
done); } 2>&1)
t_theirs=$({ time (for f in "${files[@]}"; do
	pdftotext -enc UTF-8 "$f" - >"$tmp/theirs/$(basename "$f").txt" 2>/dev/null || echo "pdftotext failed on $f" >>"$tmp/errors"
done); } 2>&1)
[[ -s $tmp/errors ]] && sed 's/^/bench-pdf: /' "$tmp/errors" >&2

# Words: the multiset of pdftotext's whitespace-separated words, and how
# many of them ours has too.
words=$(for f in "${files[@]}"; do
	b=$(basename "$f").txt
	awk '{ gsub(/[\f\r]/, " ") } # pdftotext ends pages with a form feed
		FNR == NR { for (i = 1; i <= NF; i++) have[$i]++; next }
		{ for (i = 1; i <= NF; i++) { total++; if (have[$i] > 0) { have[$i]--; found++ } } }
		END { printf "%d %d\n", found, total }' "$tmp/ours/$b" "$tmp/theirs/$b"
done | awk '{ f += $1; t += $2 } END { printf "%d %d", f, t }')
read -r found total <<<"$words"

read -r ours_wall ours_user ours_sys <<<"$t_ours"
read -r theirs_wall theirs_user theirs_sys <<<"$t_theirs"
awk -v n="${#files[@]}" -v pages="$pages" -v found="$found" -v total="$total" \
	-v ow="$ours_wall" -v oc="$(awk "BEGIN { print $ours_user + $ours_sys }")" \
	-v tw="$theirs_wall" -v tc="$(awk "BEGIN { print $theirs_user + $theirs_sys }")" 'BEGIN {
	printf "files: %d (%d pages)\n", n, pages
	printf "lantoa text:  wall %8.1f ms (%6.1f a file), CPU %8.1f ms\n", ow * 1000, ow * 1000 / n, oc * 1000
	printf "pdftotext:    wall %8.1f ms (%6.1f a file), CPU %8.1f ms\n", tw * 1000, tw * 1000 / n, tc * 1000
	printf "speed ratio:  %.2f× pdftotext by wall time, %.2f× by CPU time (goal ≥ 0.5)\n", tw / ow, (oc > 0 ? tc / oc : 0)
	printf "words:        %d of pdftotext\x27s %d (%.2f %%)\n", found, total, total ? 100 * found / total : 0
}'
