package store_test

import (
	"path/filepath"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/export"
	"lantoa/internal/store/storetest"
)

// BenchmarkExport measures exporting a directive's results report at the
// root of the province-size organisation of BenchmarkRollup (5,000 units,
// 20,000 assignments, 200,000 activities), each iteration gathering the
// report through the use case and writing the file, as a download would
// ("gather" alone is the part the three formats share):
//
//	go test ./internal/store -run '^$' -bench Export -benchtime 20x
func BenchmarkExport(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchExport(b, filepath.Join(b.TempDir(), "lantoa.db")) })
	b.Run("postgres", func(b *testing.B) { benchExport(b, storetest.PostgresDSN(b)) })
}

func benchExport(b *testing.B, dsn string) {
	s := storetest.Open(b, dsn)
	p := loadProvince(b, s)
	svc := app.New(s, nil)
	q := app.ResultsQuery{Directive: p.directive, Unit: p.root, On: day("2022-12-15")}
	b.Run("gather", func(b *testing.B) { // what every format shares: the roll-up, the cascade, the late list
		for b.Loop() {
			if _, err := svc.ResultsReport(b.Context(), app.System(), q); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, f := range []export.Format{export.FormatDOCX, export.FormatPDF, export.FormatXLSX} {
		b.Run(string(f), func(b *testing.B) {
			var size int
			for b.Loop() {
				r, err := svc.ResultsReport(b.Context(), app.System(), q)
				if err != nil {
					b.Fatal(err)
				}
				data, err := r.File(f)
				if err != nil {
					b.Fatal(err)
				}
				size = len(data)
			}
			b.ReportMetric(float64(size)/1024, "KiB/file")
		})
	}
}
