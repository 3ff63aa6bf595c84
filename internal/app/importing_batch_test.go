package app

import (
	"context"
	"testing"

	"lantoa/internal/document"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// A batch whose transaction fails is written again file by file: only the
// document that cannot be stored fails, the others of its batch are kept.
func TestImportBatchFailureCostsOnlyTheBadFile(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		svc := New(s, nil)
		doc := func(name, number, date string) readDoc {
			data := []byte(name + " " + number)
			return readDoc{name: name, data: data, sha: store.BlobKey(data), text: string(data),
				meta: document.Metadata{NumberSymbol: number, Subject: "về " + name, Date: date}}
		}
		// The reader checks dates; a wrong one reaching the store fails its transaction.
		batch := []readDoc{doc("a.txt", "1-HD/X", "2022-06-01"), doc("b.txt", "2-HD/X", "2022-13-45"), doc("c.txt", "3-HD/X", "2022-06-03")}
		outs := svc.writeBatch(context.Background(), System(), 0, batch)
		got := map[string]ImportOutcome{}
		for _, o := range outs {
			got[o.File] = o
		}
		if got["a.txt"].Status != Imported || got["c.txt"].Status != Imported || got["b.txt"].Status != ImportFailed || got["b.txt"].Err == nil {
			t.Fatalf("outcomes %+v: want a and c imported, b failed with its reason", outs)
		}
		err := s.View(context.Background(), func(tx *store.Tx) error {
			known, err := tx.DocumentsByFile(context.Background(), []string{batch[0].sha, batch[1].sha, batch[2].sha})
			if len(known) != 2 || known[batch[1].sha] != 0 {
				t.Errorf("stored files %v: want a and c only", known)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
