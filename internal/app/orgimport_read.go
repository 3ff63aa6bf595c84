package app

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"lantoa/internal/problem"
	"lantoa/internal/vn"
)

// MaxUnitSheetBytes bounds an organisation sheet: a province's whole
// organisation is a few thousand lines, well under a megabyte.
const MaxUnitSheetBytes = 10 << 20

// ReadUnitSheet reads the lines of an organisation sheet: an .xlsx file
// (its first sheet) or a CSV file in UTF-8, with or without BOM, its
// fields separated by commas or semicolons (as Excel writes CSV in
// Vietnamese settings). The columns are, in order: unit code, name, kind,
// family, parent codes (several separated by ; or ,), valid from, valid to
// (dd/mm/yyyy). A first line that names no kind and has no figure in the
// start date column is a heading and is skipped; empty lines are skipped.
func ReadUnitSheet(name string, data []byte) ([]UnitRow, error) {
	if len(data) > MaxUnitSheetBytes {
		return nil, problem.Errorf(problem.TooLarge, "tệp danh sách đơn vị quá lớn: giới hạn %d MB", MaxUnitSheetBytes>>20)
	}
	var cells [][]string
	var lines []int
	var err error
	switch ext := strings.ToLower(path.Ext(name)); {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		cells, lines, err = xlsxCells(data)
	case ext == ".xls" || bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		err = problem.Errorf(problem.Unsupported, "tệp .xls (Excel 97-2003) không đọc được: hãy lưu lại thành .xlsx hoặc CSV UTF-8")
	default:
		cells, lines, err = csvCells(data)
	}
	if err != nil {
		return nil, err
	}
	var rows []UnitRow
	for i, c := range cells {
		if blank(c) {
			continue
		}
		col := func(k int) string {
			if k < len(c) {
				return strings.TrimSpace(vn.NFC(c[k]))
			}
			return ""
		}
		if i == firstFilled(cells) {
			// A heading names no kind and has no figure where the start date goes.
			if _, isKind := kindOf(col(2)); !isKind && !strings.ContainsAny(col(5), "0123456789") {
				continue
			}
		}
		rows = append(rows, UnitRow{Line: lines[i], Code: col(0), Name: col(1), Kind: col(2), Family: col(3),
			Parents: splitCodes(col(4)), ValidFrom: col(5), ValidTo: col(6)})
	}
	return rows, nil
}

func blank(c []string) bool {
	for _, s := range c {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

func firstFilled(cells [][]string) int {
	for i, c := range cells {
		if !blank(c) {
			return i
		}
	}
	return -1
}

func splitCodes(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// csvCells reads a CSV file in UTF-8, the separator guessed from the
// first line.
func csvCells(data []byte) ([][]string, []int, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return nil, nil, problem.Errorf(problem.Unsupported, "tệp CSV ở bảng mã UTF-16 (Unicode của Excel): hãy lưu lại bằng \"CSV UTF-8\"")
	case !utf8.Valid(data):
		return nil, nil, problem.Errorf(problem.Unsupported, "tệp CSV không ở bảng mã UTF-8 (có thể là TCVN3, VNI hoặc Windows-1258): hãy lưu lại bằng \"CSV UTF-8\"")
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var cells [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, problem.Errorf(problem.Invalid, "tệp CSV hỏng ở dòng %d: %s", pe.StartLine, pe.Err)
			}
			return nil, nil, problem.Wrap(problem.Invalid, err, "không đọc được tệp CSV")
		}
		line, _ := r.FieldPos(0)
		cells, lines = append(cells, rec), append(lines, line)
	}
	return cells, lines, nil
}

// xlsxCells reads the first sheet of an .xlsx file. Dates typed as dates
// are numbers inside the file; they come back as dd/mm/yyyy.
func xlsxCells(data []byte) ([][]string, []int, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true,
		UnzipSizeLimit: 100 << 20, UnzipXMLSizeLimit: 50 << 20})
	if err != nil {
		return nil, nil, problem.Wrap(problem.Invalid, err, "tệp .xlsx bị hỏng hoặc không phải tệp Excel")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, nil, problem.Errorf(problem.Invalid, "tệp .xlsx không có trang tính nào")
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, nil, problem.Wrap(problem.Invalid, err, "không đọc được trang tính đầu của tệp .xlsx")
	}
	lines := make([]int, len(rows))
	for i, row := range rows {
		lines[i] = i + 1
		for _, k := range []int{5, 6} {
			if k < len(row) {
				row[k] = excelDay(row[k])
			}
		}
	}
	return rows, lines, nil
}

// excelDay writes a date cell (a serial number of days) as dd/mm/yyyy;
// text is left as typed.
func excelDay(s string) string {
	n, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || n < 1 || n > 2958465 {
		return s
	}
	t, err := excelize.ExcelDateToTime(n, false)
	if err != nil {
		return s
	}
	return vn.FormatDate(t)
}
