package demo

import (
	"context"
	"fmt"
	"hash/fnv"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/report"
	"lantoa/internal/task"
)

// What each kind of unit does for a directive, with typical figures for
// a district-level unit (practice.md §5.5); each unit's figures are scaled
// by a factor of its own so the dashboard is not uniform. All of it is
// demo data.
type activityTemplate struct {
	form, title, place string
	values             []report.Value
}

var activityTemplates = map[string][]activityTemplate{
	"board": {
		{"HNQT", "Hội nghị học tập, quán triệt Chỉ thị 12-CT/TW", "Hội trường cơ quan", []report.Value{{Code: "HNQT.hoi_nghi", Num: 1}, {Code: "HNQT.dai_bieu", Num: 120}, {Code: "HNQT.dang_vien", Num: 112, Den: 118}}},
		{"TTM", "Báo cáo viên nói chuyện chuyên đề đối ngoại nhân dân", "Các khu dân cư", []report.Value{{Code: "TTM.buoi", Num: 6}, {Code: "TTM.luot_nghe", Num: 450}, {Code: "TTM.bao_cao_vien", Num: 4}}},
		{"MXH", "Đăng tin, bài trên trang Zalo và Fanpage", "Mạng xã hội", []report.Value{{Code: "MXH.bai_dang", Num: 8}, {Code: "MXH.luot_xem", Num: 6200}}},
		{"DLXH", "Tổng hợp dư luận xã hội về Chỉ thị", "", []report.Value{{Code: "DLXH.bao_cao", Num: 2}, {Code: "DLXH.tin_phan_anh", Num: 14}}},
	},
	"party": {
		{"SHCB", "Sinh hoạt chi bộ chuyên đề về đối ngoại nhân dân", "Nhà văn hóa", []report.Value{{Code: "SHCB.chi_bo", Num: 7, Den: 7}, {Code: "SHCB.dang_vien", Num: 168, Den: 180}}},
		{"TQ", "Treo băng rôn, khẩu hiệu tại trung tâm phường, xã", "Các tuyến phố chính", []report.Value{{Code: "TQ.khau_hieu", Num: 8}, {Code: "TQ.pa_no", Num: 1}, {Code: "TQ.to_roi", Num: 100}}},
	},
	"cell": {
		{"SHCB", "Sinh hoạt chi bộ tháng 8 lồng ghép Chỉ thị 12-CT/TW", "Nhà văn hóa tổ dân phố", []report.Value{{Code: "SHCB.chi_bo", Num: 1, Den: 1}, {Code: "SHCB.dang_vien", Num: 38, Den: 42}}},
	},
	"union": {
		{"SHCD", "Sinh hoạt công đoàn lồng ghép nội dung Chỉ thị", "Các công đoàn cơ sở", []report.Value{{Code: "SHCD.don_vi", Num: 1}, {Code: "SHCD.luot", Num: 240}}},
		{"TQ", "Pa nô, tờ rơi tại nơi làm việc", "Trụ sở cơ quan, doanh nghiệp", []report.Value{{Code: "TQ.pa_no", Num: 2}, {Code: "TQ.to_roi", Num: 300}}},
		{"MXH", "Tin, bài trên Fanpage công đoàn", "Mạng xã hội", []report.Value{{Code: "MXH.bai_dang", Num: 4}, {Code: "MXH.luot_xem", Num: 2100}}},
	},
	"front": {
		{"TTM", "Tuyên truyền trong đoàn viên, hội viên", "Các chi hội", []report.Value{{Code: "TTM.buoi", Num: 5}, {Code: "TTM.luot_nghe", Num: 380}}},
		{"DLXH", "Nắm bắt dư luận trong Nhân dân", "", []report.Value{{Code: "DLXH.bao_cao", Num: 1}, {Code: "DLXH.tin_phan_anh", Num: 6}, {Code: "DLXH.van_de", Text: "Quan tâm tới thông tin biên giới, thương mại qua cửa khẩu"}}},
	},
	"media": {
		{"PT", "Phát thanh tin, bài trên hệ thống loa truyền thanh", "Đài truyền thanh", []report.Value{{Code: "PT.tin_bai", Num: 12}, {Code: "PT.luot_phat", Num: 36}, {Code: "PT.thoi_luong", Num: 9}}},
		{"TQ", "Pa nô, băng rôn cổ động trực quan", "Các tuyến phố chính", []report.Value{{Code: "TQ.khau_hieu", Num: 25}, {Code: "TQ.khau_hieu_m", Num: 150}, {Code: "TQ.pa_no", Num: 4}, {Code: "TQ.to_roi", Num: 300}}},
		{"VHTT", "Chương trình văn nghệ chào mừng, lồng ghép tuyên truyền", "Quảng trường", []report.Value{{Code: "VHTT.chuong_trinh", Num: 2}, {Code: "VHTT.luot", Num: 1500}}},
	},
	"press": {
		{"BC", "Chuyên mục đối ngoại nhân dân trên báo in và báo điện tử", "", []report.Value{{Code: "BC.tin_bai", Num: 24}, {Code: "BC.luot_xem", Num: 35599}}},
		{"TH", "Phóng sự truyền hình về giao lưu hữu nghị biên giới", "", []report.Value{{Code: "TH.phong_su", Num: 3}, {Code: "TH.thoi_luong", Num: 45}}},
	},
}

// templateOf picks what a unit does by its kind.
func templateOf(kind string, code string) string {
	switch {
	case kind == "party_board":
		return "board"
	case kind == "party_cell":
		return "cell"
	case kind == "party_committee":
		return "party"
	case kind == "union_federation" || kind == "grassroots_union":
		return "union"
	case kind == "front_committee" || kind == "mass_org" || kind == "association":
		return "front"
	case kind == "media_centre" || kind == "state_office":
		return "media"
	case kind == "press":
		return "press"
	}
	return "front"
}

// scale is a unit's own factor, between 0.5 and 1.5, the same every run.
func scale(code string) float64 {
	h := fnv.New32a()
	h.Write([]byte(code))
	return 0.5 + float64(h.Sum32()%101)/100
}

// Units that do nothing and never report, and a report that is returned.
var (
	idle       = map[string]bool{"hu-muongte-btg": true, "chihoi-vhnt-tp": true, "cdcs-caosu": true}
	lateReport = map[string]bool{"hu-namnhun-btg": true, "phong-vhtt": true, "ldld-muongte": true}
	returned   = "mttq-tp"
)

// results: units record their activities through the autumn, then report
// from the bottom up, each level accepting the reports below it before
// writing its own.
func (l *loader) results(ctx context.Context) error {
	for i, a := range l.assignments {
		code := l.codeOf(a.Assignee)
		if idle[code] || a.Role == task.Inform {
			continue
		}
		unit := l.units[code]
		for j, t := range activityTemplates[templateOf(string(unit.Kind), code)] {
			l.at(time.Date(2022, time.Month(8+(i+j)%4), 3+(i*7+j*5)%24, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
			in := app.ActivityInput{Unit: unit.ID, Form: t.form, Started: l.now, Title: t.title, Place: t.place,
				Targets: []report.Target{{Document: a.Document, Assignment: a.ID}}, Demo: true}
			f := scale(code)
			for _, v := range t.values {
				v.Num = float64(int(v.Num*f + 0.5))
				if v.Den > 0 {
					v.Den = float64(int(v.Den*f + 0.5))
					v.Num = min(v.Num, v.Den)
				}
				in.Values = append(in.Values, v)
			}
			if _, err := l.svc.RecordActivity(ctx, l.sys, in); err != nil {
				return fmt.Errorf("demo: activity of %s: %w", code, err)
			}
			l.sum.Activities++
		}
	}
	return l.reportUpwards(ctx)
}

// reportUpwards has the units report level by level, the deepest first,
// so each level's figures include the accepted reports below it.
func (l *loader) reportUpwards(ctx context.Context) error {
	// Levels by the depth of the assigning document in the cascade.
	order := []string{"01-KH/ĐU", "01/LĐLĐ", "28-HD/BTGThU", "967/LĐLĐ", "71-HD/BTGTU"}
	reportDay := map[string]string{"01-KH/ĐU": "2022-11-15", "01/LĐLĐ": "2022-11-21", "28-HD/BTGThU": "2022-11-26",
		"967/LĐLĐ": "2022-12-12", "71-HD/BTGTU": "2022-12-08"}
	for _, ns := range order {
		doc := l.docs[ns]
		for _, a := range l.assignments {
			code := l.codeOf(a.Assignee)
			if a.Document != doc.ID || idle[code] || lateReport[code] || a.Role == task.Inform {
				continue
			}
			l.at(reportDay[ns])
			r, err := l.svc.CreateReport(ctx, l.sys, app.ReportInput{Unit: a.Assignee, Assignment: a.ID,
				From: day("2022-07-01"), To: l.now, Narrative: report.Narrative{
					Results:     "Đơn vị đã triển khai đầy đủ các hình thức tuyên truyền theo hướng dẫn (dữ liệu mẫu).",
					Opinion:     "Cán bộ, đảng viên và Nhân dân đồng tình, quan tâm tới quan hệ hữu nghị với các địa phương giáp biên.",
					Limitations: "Một số khu dân cư vùng cao còn hạn chế về phương tiện tuyên truyền.",
					Proposals:   "Đề nghị cấp trên cung cấp thêm tài liệu song ngữ tiếng dân tộc."}})
			if err != nil {
				return fmt.Errorf("demo: report of %s: %w", code, err)
			}
			if _, err := l.svc.SubmitReport(ctx, l.sys, r.ID); err != nil {
				return fmt.Errorf("demo: submitting the report of %s: %w", code, err)
			}
			l.sum.Reports++
			l.at(day(reportDay[ns]).AddDate(0, 0, 2).Format("2006-01-02"))
			if code == returned {
				if _, err := l.svc.ReturnReport(ctx, l.sys, r.ID, "Đề nghị bổ sung số lượt người nghe theo từng chi hội."); err != nil {
					return err
				}
				continue
			}
			if _, err := l.svc.AcceptReport(ctx, l.sys, r.ID); err != nil {
				return fmt.Errorf("demo: accepting the report of %s: %w", code, err)
			}
		}
	}
	return nil
}
