package web

// The English of the dashboard's status breakdown and activity over time.
func init() {
	addEnglish(map[string]string{
		"Các đơn vị được giao theo bước đã đến": "Assigned units by the step they have reached",
		"Chưa nhận":                     "Not received",
		"Đã nhận, chưa xem":             "Received, not read",
		"Đã xem, chưa triển khai":       "Read, not implementing",
		"Đang triển khai, chưa báo cáo": "Implementing, not reported",
		"Đã báo cáo, chờ duyệt":         "Reported, awaiting decision",
		"Đã duyệt":                      "Accepted",
		"Hoạt động theo tháng":          "Activities by month",
		"Số hoạt động tuyên truyền mỗi tháng, 12 tháng gần nhất":        "Propaganda activities per month, last 12 months",
		"%d hoạt động trong 12 tháng đến ngày %s, theo tháng kết thúc.": "%d activities in the 12 months to %s, by the month they ended.",
		"Chưa có hoạt động nào trong 12 tháng đến ngày này.":            "No activity in the 12 months to this day.",
	})
}
