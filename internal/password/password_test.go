package password

import (
	"strings"
	"testing"
)

func TestHashVerifies(t *testing.T) {
	h := Hash("Lai Châu 2022")
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash form: %s", h)
	}
	if !Verify(h, "Lai Châu 2022") {
		t.Fatal("right password refused")
	}
	for _, wrong := range []string{"", "Lai Chau 2022", "Lai Châu 2022 "} {
		if Verify(h, wrong) {
			t.Fatalf("wrong password %q accepted", wrong)
		}
	}
	if Hash("x") == Hash("x") {
		t.Fatal("two hashes of one password are equal: no salt")
	}
	for _, bad := range []string{"", "plain", "$argon2id$v=19$m=0,t=1,p=1$AAAA$AAAA", "$bcrypt$x$y$z$w"} {
		if Verify(bad, "x") {
			t.Fatalf("malformed hash %q matched", bad)
		}
	}
}
