// Package notify writes reminder e-mails in Vietnamese and sends them
// through an SMTP server. It knows nothing of the database: it is given
// what to say and to whom.
package notify

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"strings"
	"time"

	"lantoa/internal/vn"
)

// Item is one line of a reminder: an assignment whose deadline is near or
// past.
type Item struct {
	Assignment int64     // which one, so a person in two units hears of it once
	Title      string    // the document, as the person may see it
	Unit       string    // the unit that must report
	Due        time.Time // the deadline
	DaysLeft   int       // days until the deadline; negative: days late
	Link       string    // the assignment's page, when the site's address is known
	Assigner   bool      // the person gave the assignment, not received it
}

// Digest is one person's reminders of one day: one e-mail.
type Digest struct {
	To    string // address
	Name  string
	Day   time.Time
	Items []Item
}

// Subject is the e-mail's subject line.
func (d Digest) Subject() string {
	late := 0
	for _, it := range d.Items {
		if it.DaysLeft < 0 {
			late++
		}
	}
	s := fmt.Sprintf("[Lan Tỏa] Nhắc hạn báo cáo ngày %s: %d nhiệm vụ", vn.FormatDate(d.Day), len(d.Items))
	if late > 0 {
		s += fmt.Sprintf(", %d quá hạn", late)
	}
	return s
}

// Body is the e-mail's text: a greeting, one paragraph per item, and
// where to act.
func (d Digest) Body() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Kính gửi %s,\n\n", d.Name)
	fmt.Fprintf(&b, "Lan Tỏa nhắc các nhiệm vụ cần báo cáo, tính đến ngày %s:\n\n", vn.FormatDate(d.Day))
	for i, it := range d.Items {
		fmt.Fprintf(&b, "%d. %s\n", i+1, it.Title)
		fmt.Fprintf(&b, "   Đơn vị báo cáo: %s\n", it.Unit)
		fmt.Fprintf(&b, "   Hạn báo cáo: %s — %s\n", vn.FormatDate(it.Due), When(it.DaysLeft))
		if it.Assigner {
			b.WriteString("   (Nhiệm vụ do đơn vị anh/chị giao)\n")
		}
		if it.Link != "" {
			fmt.Fprintf(&b, "   Xem: %s\n", it.Link)
		}
		b.WriteString("\n")
	}
	b.WriteString("Thư này do Lan Tỏa gửi tự động, mỗi ngày nhiều nhất một thư; xin đừng trả lời thư này.\n")
	return b.String()
}

// When says in words how far a deadline is: "còn 3 ngày", "hạn là hôm
// nay", "quá hạn 2 ngày".
func When(daysLeft int) string {
	switch {
	case daysLeft > 0:
		return fmt.Sprintf("còn %d ngày", daysLeft)
	case daysLeft == 0:
		return "hạn là hôm nay"
	}
	return fmt.Sprintf("quá hạn %d ngày", -daysLeft)
}

// Message is the digest as an e-mail from from: UTF-8 text, quoted-
// printable, the subject encoded for headers.
func (d Digest) Message(from string, sent time.Time) []byte {
	var b bytes.Buffer
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", (&mail.Address{Name: "Lan Tỏa", Address: from}).String())
	header("To", (&mail.Address{Name: d.Name, Address: d.To}).String())
	header("Subject", mime.QEncoding.Encode("utf-8", d.Subject()))
	header("Date", sent.Format(time.RFC1123Z))
	header("Message-ID", "<"+randomID()+"@"+domainOf(from)+">")
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	w := quotedprintable.NewWriter(&b)
	w.Write([]byte(strings.ReplaceAll(vn.NFC(d.Body()), "\n", "\r\n")))
	w.Close()
	return b.Bytes()
}

func randomID() string {
	var r [12]byte
	rand.Read(r[:])
	return hex.EncodeToString(r[:])
}

func domainOf(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return addr[i+1:]
	}
	return "lantoa.invalid"
}

// Sender sends one e-mail.
type Sender interface {
	Send(ctx context.Context, from, to string, msg []byte) error
}

// SMTP sends through a mail server: STARTTLS when it offers it, and
// PLAIN authentication when a user is set (which net/smtp allows only
// over TLS or to localhost).
type SMTP struct {
	Addr     string // host:port
	User     string
	Password string
	Timeout  time.Duration // for the whole exchange; 0: one minute
}

// Send delivers msg to one recipient.
func (s SMTP) Send(ctx context.Context, from, to string, msg []byte) error {
	timeout := s.Timeout
	if timeout == 0 {
		timeout = time.Minute
	}
	host, _, err := net.SplitHostPort(s.Addr)
	if err != nil {
		return fmt.Errorf("smtp address %q: %w", s.Addr, err)
	}
	conn, err := (&net.Dialer{Timeout: timeout}).DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return err
	}
	conn.SetDeadline(time.Now().Add(timeout))
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return err
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}); err != nil {
			return err
		}
	}
	if s.User != "" {
		if err := c.Auth(smtp.PlainAuth("", s.User, s.Password, host)); err != nil {
			return err
		}
	}
	if err := c.Mail(from); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}
