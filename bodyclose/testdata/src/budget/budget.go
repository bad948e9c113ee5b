// Package budget is a function whose last response leaks, after eight
// that are closed by defer: the search from each of those follows every
// path to the end of the function. With the whole search budget the leak
// is found; with a budget the first searches spend (TestBudget), the
// search from the last source gives up and reports nothing.
package budget

import "net/http"

func long(c *http.Client, url string) (int, error) {
	n := 0
	r1, err := c.Get(url)
	if err != nil {
		return n, err
	}
	defer r1.Body.Close()
	n += r1.StatusCode
	r2, err := c.Get(url)
	if err != nil {
		return n, err
	}
	defer r2.Body.Close()
	n += r2.StatusCode
	r3, err := c.Get(url)
	if err != nil {
		return n, err
	}
	defer r3.Body.Close()
	n += r3.StatusCode
	r4, err := c.Get(url)
	if err != nil {
		return n, err
	}
	defer r4.Body.Close()
	n += r4.StatusCode
	r5, err := c.Get(url)
	if err != nil {
		return n, err
	}
	defer r5.Body.Close()
	n += r5.StatusCode
	r6, err := c.Get(url)
	if err != nil {
		return n, err
	}
	defer r6.Body.Close()
	n += r6.StatusCode
	r7, err := c.Get(url)
	if err != nil {
		return n, err
	}
	defer r7.Body.Close()
	n += r7.StatusCode
	r8, err := c.Get(url)
	if err != nil {
		return n, err
	}
	defer r8.Body.Close()
	n += r8.StatusCode
	r9, err := c.Get(url) // want `response body of c.Get is not closed on every path`
	if err != nil {
		return n, err
	}
	return n + r9.StatusCode, nil
}
