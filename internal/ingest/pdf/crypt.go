package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
)

// Many official PDFs are encrypted with an empty user password only to
// forbid copying or printing ("owner password"); any reader may open them,
// so we do. A file that needs a password to open is refused.

type cipherKind int

const (
	cNone cipherKind = iota
	cRC4
	cAESV2
	cAESV3
)

type crypt struct {
	key      []byte
	stm, str cipherKind
	r        int
}

var padding = []byte("\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A")

// newCrypt implements the standard security handler (revisions 2 to 6)
// for the empty user password.
func newCrypt(d *doc, enc any) (*crypt, error) {
	ed, ok := d.resolve(enc).(dict)
	if !ok {
		return nil, errCorrupt
	}
	if ed["Filter"] != name("Standard") {
		return nil, errEncrypted // public-key or custom handlers
	}
	v, _ := ed["V"].(int64)
	r, _ := ed["R"].(int64)
	o, _ := ed["O"].(pdfString)
	u, _ := ed["U"].(pdfString)
	p, _ := ed["P"].(int64)
	c := &crypt{r: int(r)}
	keyLen := 5
	if n, ok := ed["Length"].(int64); ok && n >= 40 && n <= 128 && n%8 == 0 {
		keyLen = int(n / 8)
	}
	switch v {
	case 1, 2:
		c.stm, c.str = cRC4, cRC4
		if v == 1 {
			keyLen = 5
		}
	case 4, 5:
		cf, _ := d.resolve(ed["CF"]).(dict)
		kind := func(filter any) cipherKind {
			n, _ := filter.(name)
			if n == "" || n == "Identity" {
				return cNone
			}
			f, _ := d.resolve(cf[n]).(dict)
			switch f["CFM"] {
			case name("V2"):
				return cRC4
			case name("AESV2"):
				return cAESV2
			case name("AESV3"):
				return cAESV3
			case name("None"), nil:
				return cNone
			}
			return -1
		}
		c.stm, c.str = kind(ed["StmF"]), kind(ed["StrF"])
		if c.stm < 0 || c.str < 0 {
			return nil, errEncrypted
		}
		if v == 4 {
			keyLen = 16
		}
	default:
		return nil, errEncrypted
	}
	switch {
	case r >= 2 && r <= 4:
		if len(o) < 32 || len(u) < 32 {
			return nil, errCorrupt
		}
		var id []byte
		if ids, ok := d.resolve(d.trailer["ID"]).(array); ok && len(ids) > 0 {
			s, _ := d.resolve(ids[0]).(pdfString)
			id = []byte(s)
		}
		meta := true
		if b, ok := ed["EncryptMetadata"].(bool); ok {
			meta = b
		}
		c.key = legacyKey(int(r), keyLen, []byte(o[:32]), uint32(p), id, meta)
		if !bytes.HasPrefix([]byte(u), legacyU(int(r), c.key, id)) {
			return nil, errEncrypted // a user password is needed
		}
	case r == 5 || r == 6:
		ue, _ := ed["UE"].(pdfString)
		if len(u) < 48 || len(ue) < 32 {
			return nil, errCorrupt
		}
		if !bytes.Equal(hash2B(int(r), []byte(u[32:40]), nil), []byte(u[:32])) {
			return nil, errEncrypted
		}
		block, _ := aes.NewCipher(hash2B(int(r), []byte(u[40:48]), nil))
		key := []byte(ue[:32])
		cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, key)
		c.key = key
	default:
		return nil, errEncrypted
	}
	return c, nil
}

// legacyKey is algorithm 2 of ISO 32000 for the empty password.
func legacyKey(r, n int, o []byte, p uint32, id []byte, meta bool) []byte {
	h := md5.New()
	h.Write(padding)
	h.Write(o)
	h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
	h.Write(id)
	if r >= 4 && !meta {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if r >= 3 {
		for i := 0; i < 50; i++ {
			s := md5.Sum(key[:n])
			key = s[:]
		}
	} else {
		n = 5
	}
	return key[:n]
}

// legacyU is algorithms 4 and 5: the U value the key must reproduce.
func legacyU(r int, key, id []byte) []byte {
	if r == 2 {
		out := make([]byte, 32)
		c, _ := rc4.NewCipher(key)
		c.XORKeyStream(out, padding)
		return out
	}
	h := md5.New()
	h.Write(padding)
	h.Write(id)
	out := h.Sum(nil)
	k := make([]byte, len(key))
	for i := 0; i < 20; i++ {
		for j := range key {
			k[j] = key[j] ^ byte(i)
		}
		c, _ := rc4.NewCipher(k)
		c.XORKeyStream(out, out)
	}
	return out[:16]
}

// hash2B is the password hash of revision 6 (algorithm 2.B), and plain
// SHA-256 for revision 5, for the empty password.
func hash2B(r int, salt, udata []byte) []byte {
	k0 := sha256.Sum256(append(append([]byte{}, salt...), udata...))
	k := k0[:]
	if r == 5 {
		return k
	}
	var e []byte
	for i := 0; i < 64 || int(e[len(e)-1]) > i-32; i++ {
		seq := append(append([]byte{}, k...), udata...)
		k1 := bytes.Repeat(seq, 64)
		block, _ := aes.NewCipher(k[:16])
		e = make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		var h hash.Hash
		switch sum % 3 {
		case 0:
			h = sha256.New()
		case 1:
			h = sha512.New384()
		default:
			h = sha512.New()
		}
		h.Write(e)
		k = h.Sum(nil)
	}
	return k[:32]
}

func (c *crypt) objKey(own ref, kind cipherKind) []byte {
	if c.r >= 5 {
		return c.key
	}
	h := md5.New()
	h.Write(c.key)
	h.Write([]byte{byte(own.num), byte(own.num >> 8), byte(own.num >> 16), byte(own.gen), byte(own.gen >> 8)})
	if kind == cAESV2 {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(c.key)+5, 16)]
}

func (c *crypt) decrypt(data []byte, own ref, kind cipherKind) []byte {
	switch kind {
	case cRC4:
		out := make([]byte, len(data))
		rc, _ := rc4.NewCipher(c.objKey(own, kind))
		rc.XORKeyStream(out, data)
		return out
	case cAESV2, cAESV3:
		if len(data) < 32 {
			return nil
		}
		block, err := aes.NewCipher(c.objKey(own, kind))
		if err != nil {
			return nil
		}
		body := data[16 : 16+(len(data)-16)/16*16]
		out := make([]byte, len(body))
		cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, body)
		if n := int(out[len(out)-1]); n >= 1 && n <= 16 && n <= len(out) {
			out = out[:len(out)-n]
		}
		return out
	}
	return data
}

// strings decrypts the strings inside an object read from the file.
func (c *crypt) strings(o any, own ref) any {
	if c.str == cNone {
		return o
	}
	switch v := o.(type) {
	case pdfString:
		return pdfString(c.decrypt([]byte(v), own, c.str))
	case array:
		for i := range v {
			v[i] = c.strings(v[i], own)
		}
	case dict:
		for k, x := range v {
			v[k] = c.strings(x, own)
		}
	}
	return o
}
