// Package e2e drives Lan Tỏa's web pages in a real browser (headless
// Chromium through the DevTools protocol): the acceptance scenario of a
// provincial directive going down to two districts and coming back as
// reports, and full-page screenshots of the main pages at a desktop and a
// phone width. It holds tests only; they skip when Chromium is absent and
// under go test -short.
package e2e
