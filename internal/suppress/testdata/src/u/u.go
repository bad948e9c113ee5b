package u

func report() {}

func f() {
	//httpvet:ignore getbdy a misspelt name // want `httpvet:ignore directive names unknown analyzer "getbdy": use bodyclose, deadlineconn, getbody, nilbody, reqctx, retrybody, timeouts or all`
	report() // want "reported"

	//httpvet:ignore getbody,getbdy the right name still applies // want `unknown analyzer "getbdy"`
	report()

	//httpvet:ignore timeout reported by timeouts, the nearest analyzer, not here
	report() // want "reported"

	//httpvet:ignore all,getbody known names
	report()
}
