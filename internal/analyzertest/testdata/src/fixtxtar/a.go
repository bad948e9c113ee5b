package fixtxtar // want package:"marked fixtxtar"

func either() {}

func one() {}

func two() {}

func f() {
	either() // want "call to either"
	either() // want "call to either"
}
