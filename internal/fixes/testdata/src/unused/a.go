package unused

func drop(...any) any { return nil }

func f() {
	x := 1
	_ = drop(x) // want "drop: would leave a variable unused"
	var y int
	y = 2
	_ = drop(y) // want "drop: would leave a variable unused"
	z := 3
	_ = drop(z) // want "drop"
	_ = z
}
