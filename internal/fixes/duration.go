package fixes

import (
	"fmt"
	"strconv"
	"time"
)

// Duration renders d as Go source using the time package named tm: the
// largest unit that divides it (30 * time.Second, 2 * time.Minute,
// 1500 * time.Millisecond, time.Hour), down to time.Nanosecond, never
// time.Duration(30000000000).
func Duration(tm string, d time.Duration) string {
	if d == 0 {
		return "0"
	}
	for _, u := range []struct {
		d    time.Duration
		name string
	}{{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"},
		{time.Millisecond, "Millisecond"}, {time.Microsecond, "Microsecond"}, {time.Nanosecond, "Nanosecond"}} {
		if d%u.d == 0 {
			switch n := d / u.d; n {
			case 1:
				return tm + "." + u.name
			case -1:
				return "-" + tm + "." + u.name
			default:
				return strconv.FormatInt(int64(n), 10) + " * " + tm + "." + u.name
			}
		}
	}
	return strconv.FormatInt(int64(d), 10) // unreachable: every d is a multiple of 1ns
}

// PositiveDuration is a flag.Value holding a duration that a fix writes
// into code: Set rejects zero and negative durations (a zero timeout is
// no timeout, so a fix writing it would fix nothing).
type PositiveDuration struct{ D *time.Duration }

func (p PositiveDuration) String() string {
	if p.D == nil {
		return "0s"
	}
	return p.D.String()
}

func (p PositiveDuration) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("not a duration: %q (want e.g. 30s, 2m, 1500ms)", s)
	}
	if d <= 0 {
		return fmt.Errorf("%s is not a timeout: a fix must write a positive duration (to silence the check, turn its kind off)", s)
	}
	*p.D = d
	return nil
}
