package demo

import (
	"context"
	"fmt"

	"lantoa/internal/app"
	"lantoa/internal/task"
)

// Units that never open their assignment in the demo, so the dashboard
// shows who to chase.
var neverAcknowledge = map[string]bool{"hu-muongte-btg": true, "chihoi-vhnt-tp": true, "cdcs-caosu": true}

// implementing documents issued in Lan Tỏa by units below, numbered by
// their family's rules.
var implementing = []struct {
	unit, parent, day, docType, subject string
	recipients                          []struct{ unit, task, due string }
	signer                              app.Signer
}{
	{unit: "ldld-tp", parent: "967/LĐLĐ", day: "2022-07-20", docType: "Công văn",
		subject: "V/v tuyên truyền Chỉ thị số 12-CT/TW trong cán bộ, đoàn viên, người lao động thành phố",
		recipients: []struct{ unit, task, due string }{{"cdcs-ubnd-tanphong",
			"Lồng ghép nội dung Chỉ thị trong sinh hoạt công đoàn; báo cáo kết quả về LĐLĐ thành phố.", "2022-11-25"}},
		signer: app.Signer{Name: "Hoàng Văn Long", Capacity: []string{"TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"}}},
	{unit: "pu-tanphong", parent: "28-HD/BTGThU", day: "2022-07-25", docType: "Kế hoạch",
		subject: "tuyên truyền Chỉ thị số 12-CT/TW và Nghị quyết số 15-NQ/TW trên địa bàn phường",
		recipients: []struct{ unit, task, due string }{{"cb-tdp1",
			"Sinh hoạt chuyên đề về đối ngoại nhân dân trong kỳ sinh hoạt chi bộ tháng 8; báo cáo kết quả về Đảng ủy phường.", "2022-11-20"}},
		signer: app.Signer{Name: "Nguyễn Văn Bình", Capacity: []string{"T/M ĐẢNG ỦY", "BÍ THƯ"}}},
	{unit: "hu-sinho-btg", parent: "71-HD/BTGTU", day: "2022-07-05", docType: "Kế hoạch",
		subject: "tuyên truyền Chỉ thị số 12-CT/TW trên địa bàn huyện Sìn Hồ",
		signer:  app.Signer{Name: "Vàng A Páo", Capacity: []string{"K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"}}},
	{unit: "ttvh-tp", parent: "28-HD/BTGThU", day: "2022-07-28", docType: "Kế hoạch",
		subject: "tuyên truyền trực quan và phát thanh về Chỉ thị số 12-CT/TW, Nghị quyết số 15-NQ/TW",
		signer:  app.Signer{Name: "Bùi Quang Huy", Capacity: []string{"GIÁM ĐỐC"}}},
}

// implementation: units read their assignments, and some issue their own
// implementing documents, which mark their assignment as implementing and
// carry the cascade one level further down.
func (l *loader) implementation(ctx context.Context) error {
	l.at("2022-07-18")
	if err := l.acknowledge(ctx, l.assignments, neverAcknowledge); err != nil {
		return err
	}
	for _, im := range implementing {
		l.at(im.day)
		in := app.DraftInput{Unit: l.units[im.unit].ID, Parent: l.docs[im.parent].ID, DocType: im.docType, Subject: im.subject,
			Body: "Nội dung kế hoạch (dữ liệu mẫu)."}
		for _, r := range im.recipients {
			in.Recipients = append(in.Recipients, app.RecipientTask{Unit: l.units[r.unit].ID, Role: task.Lead, Task: r.task,
				Due: task.Deadline{Date: day(r.due)}})
		}
		draft, err := l.svc.DraftImplementing(ctx, l.sys, in)
		if err != nil {
			return fmt.Errorf("demo: draft by %s: %w", im.unit, err)
		}
		issued, err := l.svc.Issue(ctx, l.sys, draft.ID, im.signer)
		if err != nil {
			return fmt.Errorf("demo: issue by %s: %w", im.unit, err)
		}
		l.sum.Documents++
		l.sum.Assignments += len(issued.Assignments)
		l.docs[issued.Document.NumberSymbol] = issued.Document
		l.assignments = append(l.assignments, issued.Assignments...)
	}
	return nil
}
