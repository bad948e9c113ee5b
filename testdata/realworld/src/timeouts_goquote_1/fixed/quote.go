// Package quote is reduced from markcheno/go-quote's tiingoDaily.
//
// https://github.com/markcheno/go-quote/issues/2
//
// Bug: each quote source built `client := &http.Client{Timeout: ClientTimeout}` with no Timeout,
// so a stalled API hung the caller forever; the fix gives every client
// Timeout: ClientTimeout (10 s).
package quote

import (
	"encoding/json"
	"fmt"
	"io/ioutil"
	"log"
	"net/http"
	"net/url"
	"os"
	"time"
)

var Log = log.New(os.Stderr, "quote: ", log.Ldate|log.Ltime|log.Lshortfile)

// ClientTimeout - connect/read timeout for client requests
const ClientTimeout = 10 * time.Second

type Quote struct {
	Symbol string
	Date   []time.Time
	Close  []float64
}

func NewQuote(symbol string, bars int) Quote {
	return Quote{Symbol: symbol, Date: make([]time.Time, bars), Close: make([]float64, bars)}
}

func tiingoDaily(symbol string, from, to time.Time, token string) (Quote, error) {

	type tquote struct {
		AdjClose float64 `json:"adjClose"`
		Date     string  `json:"date"`
	}

	var tiingo []tquote

	url := fmt.Sprintf(
		"https://api.tiingo.com/tiingo/daily/%s/prices?startDate=%s&endDate=%s",
		symbol,
		url.QueryEscape(from.Format("2006-1-2")),
		url.QueryEscape(to.Format("2006-1-2")))

	client := &http.Client{Timeout: ClientTimeout}
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Authorization", fmt.Sprintf("Token %s", token))
	resp, err := client.Do(req)

	if err != nil {
		Log.Printf("symbol '%s' not found\n", symbol)
		return NewQuote("", 0), err
	}
	defer resp.Body.Close()

	contents, _ := ioutil.ReadAll(resp.Body)

	err = json.Unmarshal(contents, &tiingo)
	if err != nil {
		Log.Printf("tiingo error: %v\n", err)
	}

	numrows := len(tiingo)
	quote := NewQuote(symbol, numrows)

	for bar := 0; bar < numrows; bar++ {
		quote.Date[bar], _ = time.Parse("2006-01-02", tiingo[bar].Date[0:10])
		quote.Close[bar] = tiingo[bar].AdjClose
	}

	return quote, nil
}

// NewQuoteFromTiingo - Tiingo daily historical prices for a symbol
func NewQuoteFromTiingo(symbol, startDate, endDate string, token string) (Quote, error) {
	from, _ := time.Parse("2006-01-02", startDate)
	to, _ := time.Parse("2006-01-02", endDate)
	return tiingoDaily(symbol, from, to, token)
}
