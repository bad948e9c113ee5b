package s

func report() {}

func f() {
	report() // want "reported"

	//httpvet:ignore fake a reason
	report()

	report() //httpvet:ignore fake a reason on the same line

	//httpvet:ignore other,fake several analyzers
	report()

	//httpvet:ignore all every analyzer
	report()

	//httpvet:ignore other not this analyzer
	report() // want "reported"

	//httpvet:ignore fake only the next line
	report()
	report() // want "reported"

	//httpvet:ignore fake // want "directive needs a reason"
	report() // want "reported"

	//httpvet:ignore // want "directive names no analyzer"
	report() // want "reported"

	//httpvet:ignorefake not a directive
	report() // want "reported"

	// httpvet:ignore fake a space makes it prose, not a directive
	report() // want "reported"
}
