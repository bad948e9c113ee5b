package ownership

// cleanupDeferred runs from two places: its lost reuse repeats.
func twice(url string) {
	cleanupDeferred(url)
	cleanupDeferred(url)
}
