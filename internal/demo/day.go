package demo

import "time"

// Day is the demo's "today" when it is served: 20/12/2022, 08:00 in
// Vietnam, after the last report of the 2022 campaign and before the 2025
// reorganisation closed the district bodies. On that day the demo's units
// still exist, their people can act, and deadlines read as they did then.
var Day = time.Date(2022, 12, 20, 1, 0, 0, 0, time.UTC)

// Clock runs from Day at the pace of now: sessions, throttling windows and
// the order of writes behave as on a real clock.
func Clock(now func() time.Time) func() time.Time {
	start := now()
	return func() time.Time { return Day.Add(now().Sub(start)) }
}
