package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"lantoa/internal/app"
	"lantoa/internal/org"
	"lantoa/internal/store"
)

func runSearch(ctx context.Context, args []string, stdio Stdio, getenv func(string) string) int {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	db := dbFlag(fs, getenv)
	asJSON := fs.Bool("json", false, "in mỗi văn bản một dòng JSON, khớp nhất trước")
	unitCode := fs.String("unit", "", "chỉ tìm văn bản của đơn vị có mã này (trong sổ, do đơn vị ban hành hoặc giao việc cho đơn vị)")
	docType := fs.String("type", "", "chỉ tìm loại văn bản này, ví dụ \"Hướng dẫn\"")
	from := fs.String("from", "", "văn bản ban hành từ ngày dd/mm/yyyy")
	to := fs.String("to", "", "văn bản ban hành đến ngày dd/mm/yyyy")
	limit := fs.Int("limit", 20, "số văn bản in ra nhiều nhất")
	fs.Usage = func() {
		fmt.Fprintln(stdio.Err, `Cách dùng: lantoa search [--db DSN] [--json] [--unit MÃ] [--type LOẠI] [--from dd/mm/yyyy] [--to dd/mm/yyyy] [--limit N] TỪ KHÓA…
Tìm văn bản theo số, ký hiệu, trích yếu, cơ quan ban hành, người ký hoặc nội dung;
gõ có dấu hay không dấu, hoa hay thường đều được ("chi thi 12 doi ngoai", "967/LĐLĐ").
Lệnh chạy với quyền hệ thống (không cần tài khoản): nó tìm và in cả văn bản mật.
Đây là công cụ quản trị trên máy chủ; chỉ người được giữ cơ sở dữ liệu mới dùng.`)
		fs.PrintDefaults()
	}
	// Flags may come before or after the words: "lantoa search chi thi --json".
	var words []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		words, rest = append(words, fs.Arg(0)), fs.Args()[1:]
	}
	query := strings.TrimSpace(strings.Join(words, " "))
	if query == "" {
		fs.Usage()
		return 2
	}
	f := store.SearchFilter{Query: query, DocType: *docType, Limit: max(*limit, 1)}
	var ok bool
	if f.From, ok = optionalDay(*from, stdio); !ok {
		return 2
	}
	if f.To, ok = optionalDay(*to, stdio); !ok {
		return 2
	}
	s, err := openStore(ctx, *db, stdio)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", err)
		return 1
	}
	defer s.Close()
	svc := app.New(s, nil)
	if *unitCode != "" {
		u, err := svc.UnitByCode(ctx, *unitCode)
		if err != nil {
			fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
			return 1
		}
		f.Units = []org.ID{u.ID}
	}
	page, err := svc.Search(ctx, app.System(), f)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
		return 1
	}
	if *asJSON {
		return printSearchJSON(stdio.Out, page)
	}
	printSearchTable(stdio.Out, query, page)
	return 0
}

// searchLine is one document of `lantoa search --json`.
type searchLine struct {
	ID           int64   `json:"id"`
	NumberSymbol string  `json:"number_symbol"`
	DocType      string  `json:"doc_type"`
	Issuer       string  `json:"issuer"`
	Date         *string `json:"date"` // yyyy-mm-dd; null when the text shows none
	Subject      string  `json:"subject"`
	Snippet      string  `json:"snippet"` // HTML: the matched words in <mark>, the rest escaped
}

func printSearchJSON(w io.Writer, page store.SearchPage) int {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, h := range page.Hits {
		d := h.Document
		line := searchLine{ID: int64(d.ID), NumberSymbol: d.NumberSymbol, DocType: d.DocType, Issuer: d.Issuer, Subject: d.Subject,
			Snippet: h.Snippet.HTML()}
		if d.Date != "" {
			line.Date = &d.Date
		}
		if err := enc.Encode(line); err != nil {
			return 1
		}
	}
	return 0
}

func printSearchTable(w io.Writer, query string, page store.SearchPage) {
	if page.Total == 0 {
		fmt.Fprintf(w, "Không tìm thấy văn bản nào có %q.\n", query)
		return
	}
	fmt.Fprintf(w, "%d văn bản có %q", page.Total, query)
	if len(page.Hits) < page.Total {
		fmt.Fprintf(w, ", in %d văn bản khớp nhất", len(page.Hits))
	}
	fmt.Fprintln(w, ":")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STT\tSố, ký hiệu\tLoại\tNgày\tCơ quan ban hành\tĐoạn khớp")
	for i, h := range page.Hits {
		d := h.Document
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", i+1, orDash(d.NumberSymbol), orDash(d.DocType), orDash(dmy(d.Date)),
			clip(orDash(d.Issuer), 32), clip(h.Snippet.Plain("«", "»"), 90))
	}
	tw.Flush()
}

// optionalDay reads a dd/mm/yyyy flag; empty is the zero day.
func optionalDay(text string, stdio Stdio) (time.Time, bool) {
	if text == "" {
		return time.Time{}, true
	}
	t, ok := parseDay(text)
	if !ok {
		fmt.Fprintf(stdio.Err, "lantoa: ngày %q không đúng dạng dd/mm/yyyy\n", text)
	}
	return t, ok
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// clip shortens s to n characters, ending with "…" when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
