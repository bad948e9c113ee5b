package shadow

func useIO() any { return nil }

func f() {
	io := 1
	_ = io
	_ = useIO() // want "useIO: io is taken"
}
