package fix

// The GET helpers run again and again: their lost reuse repeats.
func pollAll(urls []string) {
	for _, u := range urls {
		poll(u)
		status(u)
		oneBranch(u)
	}
}
