package cli

import (
	"context"
	"fmt"
	"io"

	"lantoa/internal/app"
	"lantoa/internal/document"
)

// proposalLine is one piece of work a newly imported document gives, with
// the units its text names that Lan Tỏa found.
type proposalLine struct {
	Assignee string   `json:"assignee"` // as written in the document
	Task     string   `json:"task"`
	Role     string   `json:"role"`
	Units    []string `json:"units"`    // unit codes found
	Complete bool     `json:"complete"` // every name found, each once
}

// proposals gathers what --propose found, to print after the run.
type proposals struct {
	docs  []proposedDoc
	items int
}

type proposedDoc struct {
	file, number string
	id           document.ID
	lines        []proposalLine
}

// add reads the proposal for an imported document. A document whose issuer
// is not a unit of this database proposes nothing, which is no error.
func (p *proposals) add(ctx context.Context, svc *app.Service, o app.ImportOutcome) []proposalLine {
	prop, err := svc.ProposeAssignments(ctx, app.System(), o.Document)
	if err != nil || len(prop.Items) == 0 {
		return nil
	}
	d := proposedDoc{file: o.File, number: prop.Document.NumberSymbol, id: o.Document}
	for _, it := range prop.Items {
		l := proposalLine{Assignee: it.Assignee, Task: it.Task, Role: string(it.Role), Complete: it.Complete, Units: []string{}}
		for _, u := range it.Units {
			l.Units = append(l.Units, u.Code)
		}
		d.lines = append(d.lines, l)
	}
	p.docs = append(p.docs, d)
	p.items += len(d.lines)
	return d.lines
}

// maxListedProposals keeps the output readable; --report has them all.
const maxListedProposals = 20

func (p *proposals) print(w io.Writer, dryRun bool) {
	if dryRun {
		fmt.Fprintln(w, "Chạy thử: không có văn bản nào được lưu nên chưa đề xuất giao nhiệm vụ.")
		return
	}
	if len(p.docs) == 0 {
		fmt.Fprintln(w, "Không văn bản mới nào có phần giao nhiệm vụ cho đơn vị trong cơ sở dữ liệu.")
		return
	}
	fmt.Fprintf(w, "Đề xuất giao nhiệm vụ: %s văn bản, %s mục (chưa giao; xác nhận trên trang \"Giao nhiệm vụ\" của từng văn bản):\n",
		groupDigits(len(p.docs)), groupDigits(p.items))
	for i, d := range p.docs {
		if i == maxListedProposals {
			fmt.Fprintf(w, "  … và %s văn bản khác (xem --report).\n", groupDigits(len(p.docs)-i))
			break
		}
		name := d.number
		if name == "" {
			name = d.file
		}
		fmt.Fprintf(w, "  %s (văn bản %d):\n", name, d.id)
		for _, l := range d.lines {
			found := "chưa tìm thấy đơn vị"
			if len(l.Units) > 0 {
				found = fmt.Sprintf("%d đơn vị", len(l.Units))
			}
			fmt.Fprintf(w, "    – %s: %s\n", l.Assignee, found)
		}
	}
}
