package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/ingest"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/vn"
)

// Reading is what the reader proposes for a file a clerk dropped in:
// nothing is stored until the clerk confirms it with RegisterIncoming.
type Reading struct {
	Metadata   document.Metadata // as read; Metadata.Warnings says what the reader missed
	Text       string            // the extracted text, NFC
	Format     ingest.Format
	Encoding   string              // for text files, the encoding found
	SHA256     string              // the file's key, as it will be stored
	Duplicates []document.Document // documents already stored that look like this one
}

// ReadDocument reads a file for registration: its text, the metadata the
// parser finds in it, and the stored documents it may duplicate (the same
// number, issuer and date, or the same file), so the clerk is warned before
// entering it twice. Confidential duplicates the actor is not granted are
// left out.
func (s *Service) ReadDocument(ctx context.Context, a Actor, name string, data []byte) (Reading, error) {
	if !a.System && !a.holdsAny(registerRoles) && !a.holdsAny(draftRoles) {
		return Reading{}, forbidden()
	}
	res, err := ingest.ExtractBytes(ctx, name, data, ingest.DefaultLimits())
	if err != nil {
		return Reading{}, err
	}
	r := Reading{Metadata: document.Parse(res.Text), Text: res.Text, Format: res.Format, Encoding: res.Encoding, SHA256: store.BlobKey(data)}
	err = s.store.View(ctx, func(tx *store.Tx) error {
		dups, err := tx.Duplicates(ctx, r.Metadata, r.SHA256)
		if err != nil {
			return err
		}
		for _, d := range dups {
			ok, err := mayOpen(ctx, tx, a, d)
			if err != nil {
				return err
			}
			if ok {
				r.Duplicates = append(r.Duplicates, d)
			}
		}
		return nil
	})
	return r, err
}

// holdsAny reports whether the actor holds one of roles in some unit.
func (a Actor) holdsAny(roles []org.Role) bool {
	for _, m := range a.Memberships {
		if a.holds(m.Unit, roles) {
			return true
		}
	}
	return false
}

// mayOpen reports whether a confidential document may be shown to the
// actor: granted, or the system. Other documents always may.
func mayOpen(ctx context.Context, tx *store.Tx, a Actor, d document.Document) (bool, error) {
	if !d.Confidential() || a.System {
		return true, nil
	}
	return tx.Granted(ctx, a.Account, d.ID)
}

// RegisterInput is a document a clerk enters in a register, as confirmed.
type RegisterInput struct {
	Metadata   document.Metadata
	IssuerUnit org.ID // the issuing unit, when it is in Lan Tỏa
	FileName   string
	File       []byte // the original file; may be empty for a paper document
	Text       string
	ArrivedOn  time.Time         // ngày đến; zero: today
	Register   document.Register // Incoming (the default) or Reference
}

// Registered is the result of entering a document in a register.
type Registered struct {
	Document document.Document
	Entry    store.RegisterEntry
	Existing bool // the document was already stored (another unit entered it): only the register line is new
}

// RegisterIncoming enters a document that arrived at unit in its incoming
// register, with the next arrival number, or in its reference register.
// The file is stored once by content; a document already stored (same
// number, issuer and date) is not stored again: one document sits in the
// registers of every unit it reached. The clerk who first enters a
// confidential document is granted it; a clerk entering one already stored
// gets only its register line until someone who holds it grants it. Role:
// clerk or administrator of the unit.
func (s *Service) RegisterIncoming(ctx context.Context, a Actor, unit org.ID, in RegisterInput) (Registered, error) {
	var out Registered
	if err := s.mayActToday(ctx, a, unit, registerRoles); err != nil {
		return out, err
	}
	reg := in.Register
	if reg == "" {
		reg = document.Incoming
	}
	if reg != document.Incoming && reg != document.Reference {
		return out, problem.Errorf(problem.Invalid, "Ở đây chỉ vào sổ văn bản đến hoặc sổ tham khảo; văn bản đi được vào sổ khi ban hành")
	}
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		on := dayOf(tx.Now())
		if !in.ArrivedOn.IsZero() {
			on = dayOf(in.ArrivedOn)
		}
		var file document.File
		if len(in.File) > 0 {
			sha, err := tx.PutBlob(ctx, in.File)
			if err != nil {
				return err
			}
			file = document.File{SHA256: sha, Name: in.FileName, Size: int64(len(in.File))}
		}
		// Two clerks entering the same document at once must find one copy.
		if err := tx.Lock(ctx, "document:"+document.RefKey(in.Metadata.NumberSymbol)); err != nil {
			return err
		}
		id, found, err := tx.SameDocument(ctx, in.Metadata)
		if err != nil {
			return err
		}
		created := !found
		if found {
			out.Existing = true
			existing, err := tx.Document(ctx, id)
			if err != nil {
				return err
			}
			// Typing the number of a confidential document one was not
			// granted adds a register line, nothing more: no content back,
			// no grant, no file attached to it.
			if ok, err := mayOpen(ctx, tx, a, existing); err != nil || !ok {
				if err != nil {
					return err
				}
				if out.Entry, err = tx.Enter(ctx, id, unit, reg, on, 0); err != nil {
					return err
				}
				out.Document = identityOnly(out.Entry.Document)
				return audit(ctx, tx, a, "document.register", docObject(id), out.Document.NumberSymbol+", "+store.RegisterName(reg))
			}
			err = tx.AttachFile(ctx, id, file, in.Text)
		} else {
			var d document.Document
			d, err = tx.CreateDocument(ctx, document.Document{Metadata: in.Metadata, Status: document.Received,
				IssuerUnit: int64(in.IssuerUnit), File: file, Body: in.Text, CreatedBy: a.Account})
			id = d.ID
		}
		if err != nil {
			return err
		}
		if out.Entry, err = tx.Enter(ctx, id, unit, reg, on, 0); err != nil {
			return err
		}
		out.Document = out.Entry.Document
		if created && out.Document.Confidential() && a.Account != 0 {
			if err := tx.Grant(ctx, a.Account, id, a.Account); err != nil {
				return err
			}
		}
		detail := fmt.Sprintf("%s, %s ngày %s", out.Document.NumberSymbol, store.RegisterName(reg), vn.FormatDate(on))
		if reg == document.Incoming {
			detail = fmt.Sprintf("%s, %s số %d ngày %s", out.Document.NumberSymbol, store.RegisterName(reg), out.Entry.No, vn.FormatDate(on))
		}
		return audit(ctx, tx, a, "document.register", docObject(id), detail)
	})
	return out, err
}

func docObject(id document.ID) string { return fmt.Sprintf("document:%d", id) }

// Document opens a document for the actor, with its citations.
func (s *Service) Document(ctx context.Context, a Actor, id document.ID) (document.Document, error) {
	var d document.Document
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		if d, err = tx.Document(ctx, id); err != nil {
			return err
		}
		return maySeeDocument(ctx, tx, a, d, dayOf(tx.Now()))
	})
	return d, err
}

// DocumentFile is the original file a document was read from, for those
// who may see the document.
func (s *Service) DocumentFile(ctx context.Context, a Actor, id document.ID) (document.File, []byte, error) {
	var (
		f    document.File
		data []byte
	)
	err := s.store.View(ctx, func(tx *store.Tx) error {
		d, err := tx.Document(ctx, id)
		if err != nil {
			return err
		}
		if err := maySeeDocument(ctx, tx, a, d, dayOf(tx.Now())); err != nil {
			return err
		}
		if d.File.SHA256 == "" {
			return problem.Errorf(problem.NotFound, "Văn bản này không có tệp gốc")
		}
		f = d.File
		data, err = tx.Blob(ctx, d.File.SHA256)
		return err
	})
	return f, data, err
}

// Register lists a page of a unit's register. Confidential documents the
// actor is not granted show only what identifies them.
func (s *Service) Register(ctx context.Context, a Actor, f store.RegisterFilter) (store.RegisterPage, error) {
	var page store.RegisterPage
	err := s.store.View(ctx, func(tx *store.Tx) error {
		if err := maySeeUnit(ctx, tx, a, f.Unit, dayOf(tx.Now())); err != nil {
			return err
		}
		var err error
		if page, err = tx.RegisterEntries(ctx, f); err != nil {
			return err
		}
		for i, e := range page.Entries {
			ok, err := mayOpen(ctx, tx, a, e.Document)
			if err != nil {
				return err
			}
			if !ok {
				page.Entries[i].Document = identityOnly(e.Document)
			}
		}
		return nil
	})
	return page, err
}

// identityOnly is what may be shown of a confidential document to someone
// not granted it: what a register line needs to identify it, no content.
func identityOnly(d document.Document) document.Document {
	return document.Document{ID: d.ID, Status: d.Status, IssuerUnit: d.IssuerUnit, Metadata: document.Metadata{
		Family: d.Family, DocType: d.DocType, Number: d.Number, Symbol: d.Symbol, NumberSymbol: d.NumberSymbol,
		Issuer: d.Issuer, Date: d.Date, Urgency: d.Urgency, Confidentiality: d.Confidentiality}}
}

// GrantDocument lets an account read a confidential document. Whoever
// grants must be granted it and be a clerk, leader or administrator of a
// unit the document concerns: the people who send a document decide who
// reads it.
func (s *Service) GrantDocument(ctx context.Context, a Actor, id document.ID, account int64) error {
	return s.store.InTx(ctx, func(tx *store.Tx) error {
		d, err := tx.Document(ctx, id)
		if err != nil {
			return err
		}
		if !d.Confidential() {
			return problem.Errorf(problem.Invalid, "Văn bản %s không phải văn bản mật: ai có quyền xem đơn vị đều xem được", d.NumberSymbol)
		}
		if err := maySeeDocument(ctx, tx, a, d, dayOf(tx.Now())); err != nil {
			return err
		}
		if !a.System {
			units, err := tx.DocumentUnits(ctx, id)
			if err != nil {
				return err
			}
			refusal := forbidden()
			for _, u := range units {
				if !a.holds(u, issueRoles) {
					continue
				}
				if refusal = mayActFor(ctx, tx, a, u, issueRoles, dayOf(tx.Now())); refusal == nil {
					break
				}
			}
			if refusal != nil {
				return refusal
			}
		}
		grantee, err := tx.Account(ctx, account)
		if err != nil {
			return err
		}
		if err := tx.Grant(ctx, account, id, a.Account); err != nil {
			return err
		}
		return audit(ctx, tx, a, "document.grant", docObject(id), "Cho "+grantee.DisplayName+" xem "+strings.TrimSpace(d.DocType+" "+d.NumberSymbol))
	})
}

// DocumentsByNumber finds the documents with a number and notation
// ("12-CT/TW") the actor may open.
func (s *Service) DocumentsByNumber(ctx context.Context, a Actor, numberSymbol string) ([]document.Document, error) {
	var out []document.Document
	err := s.store.View(ctx, func(tx *store.Tx) error {
		ds, err := tx.DocumentsByNumber(ctx, numberSymbol)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if maySeeDocument(ctx, tx, a, d, s.Today()) == nil {
				out = append(out, d)
			}
		}
		return nil
	})
	if err == nil && len(out) == 0 {
		err = problem.Errorf(problem.NotFound, "Không có văn bản số %s", numberSymbol)
	}
	return out, err
}

// Cascade is the tree of documents implementing a directive, as far as the
// actor may see it, each shown as listedDocument shows it. A document left
// out takes its branch with it only as far as the branch is hidden too: a
// document the actor sees hangs under its nearest ancestor they see.
func (s *Service) Cascade(ctx context.Context, a Actor, root document.ID) ([]store.CascadeNode, error) {
	var nodes []store.CascadeNode
	err := s.store.View(ctx, func(tx *store.Tx) error {
		d, err := tx.Document(ctx, root)
		if err != nil {
			return err
		}
		on := dayOf(tx.Now())
		if err := maySeeDocument(ctx, tx, a, d, on); err != nil {
			return err
		}
		all, err := tx.Cascade(ctx, root)
		if err != nil {
			return err
		}
		nodes = nodes[:0]
		shownAs := map[document.ID]document.ID{} // a node to itself when shown, else to its nearest shown ancestor
		depth := map[document.ID]int{}
		for _, n := range all { // parents come before their children
			if n.Parent != 0 {
				n.Parent = shownAs[n.Parent]
			}
			doc, ok, err := listedDocument(ctx, tx, a, n.Doc, on)
			if err != nil {
				return err
			}
			if !ok {
				shownAs[n.Doc.ID] = n.Parent
				continue
			}
			n.Doc, shownAs[n.Doc.ID] = doc, n.Doc.ID
			if n.Parent != 0 {
				n.Depth = depth[n.Parent] + 1
			}
			depth[n.Doc.ID] = n.Depth
			nodes = append(nodes, n)
		}
		return nil
	})
	return nodes, err
}
