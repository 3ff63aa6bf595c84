package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"lantoa/internal/app"
)

const unitsHelp = `Cách dùng: lantoa units import [--db DSN] [--dry-run] TỆP
Nạp danh sách đơn vị từ tệp .xlsx (trang tính đầu) hoặc .csv (UTF-8, phân cách bằng dấu phẩy
hoặc chấm phẩy). Các cột, theo thứ tự: mã đơn vị, tên, loại, khối, mã các đơn vị cấp trên
(cách nhau bằng ; hoặc ,), từ ngày, đến ngày (ngày/tháng/năm; để trống nếu còn hiệu lực).
Loại: party_committee, party_board, party_cell, union_federation, grassroots_union,
front_committee, mass_org, state_office, media_centre, press, association (hoặc tên tiếng Việt).
Khối: party, state, union, front, youth (hoặc Đảng, Nhà nước, Công đoàn, Mặt trận, Đoàn).
Dòng đầu là tiêu đề nếu không có loại đơn vị và không có số ở cột từ ngày. Cấp trên có thể
là đơn vị trong tệp hoặc đơn vị đã có. Cả tệp được kiểm tra trước (mã trùng, cấp trên không
có, ngày sai, loại hay khối lạ, vòng cấp trên); có lỗi thì in mọi lỗi kèm số dòng và không
ghi gì, không lỗi thì ghi tất cả trong một giao dịch.
Trạng thái thoát: 0 khi đã ghi (hoặc chạy thử không lỗi), 1 khi tệp có lỗi.`

func runUnits(ctx context.Context, args []string, stdio Stdio, getenv func(string) string) int {
	if len(args) == 0 || args[0] != "import" {
		fmt.Fprintln(stdio.Err, unitsHelp)
		return 2
	}
	fs := flag.NewFlagSet("units import", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	db := dbFlag(fs, getenv)
	dryRun := fs.Bool("dry-run", false, "chỉ kiểm tra tệp, không ghi gì vào cơ sở dữ liệu")
	fs.Usage = func() {
		fmt.Fprintln(stdio.Err, unitsHelp)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	name := fs.Arg(0)
	f, err := os.Open(name)
	if err != nil {
		fmt.Fprintf(stdio.Err, "lantoa: %s: %s\n", name, describeOpenError(err))
		return 1
	}
	data, err := app.ReadAtMost(f, app.MaxUnitSheetBytes)
	f.Close()
	if err != nil {
		fmt.Fprintf(stdio.Err, "lantoa: %s: %s\n", name, oneLine(err.Error()))
		return 1
	}
	rows, err := app.ReadUnitSheet(name, data)
	if err != nil {
		fmt.Fprintf(stdio.Err, "lantoa: %s: %s\n", name, oneLine(err.Error()))
		return 1
	}
	s, err := openStore(ctx, *db, stdio)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", err)
		return 1
	}
	defer s.Close()
	res, err := app.New(s, nil).ImportUnits(ctx, app.System(), rows, *dryRun)
	var sheet app.SheetErrors
	if errors.As(err, &sheet) {
		fmt.Fprintf(stdio.Out, "%s có %d lỗi, chưa ghi gì:\n", name, len(sheet))
		for _, e := range sheet {
			fmt.Fprintf(stdio.Out, "  %s\n", e)
		}
		return 1
	}
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
		return 1
	}
	if res.DryRun {
		fmt.Fprintf(stdio.Out, "Chạy thử, không ghi gì: tệp hợp lệ, sẽ tạo %s đơn vị và %s liên kết chỉ đạo.\n", groupDigits(res.Units), groupDigits(res.Links))
		return 0
	}
	fmt.Fprintf(stdio.Out, "Đã tạo %s đơn vị và %s liên kết chỉ đạo.\n", groupDigits(res.Units), groupDigits(res.Links))
	return 0
}
