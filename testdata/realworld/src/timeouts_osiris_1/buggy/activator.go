// Package activator is reduced from deislabs/osiris's activator: a handler
// that waits for a scaled-to-zero deployment and proxies the request to it.
// (The activator's own http.Server, a separate matter, is left out.)
//
// https://github.com/deislabs/osiris/pull/2
//
// Bug: the proxied request went through http.DefaultClient, which has no
// timeout, so a hanging pod held the handler's goroutine forever; the fix
// keeps an http.Client with a one-minute Timeout in the activator and sends
// through it.
package activator

import (
	"fmt"
	"io/ioutil"
	"log"
	"net/http"
	"sync"
)

type app struct {
	namespace      string
	deploymentName string
	targetHost     string
}

type deploymentActivation struct {
	successCh chan struct{}
	timeoutCh chan struct{}
}

type Activator interface {
	Handler() http.Handler
}

type activator struct {
	appsByHost            map[string]*app
	indicesLock           sync.RWMutex
	deploymentActivations map[string]*deploymentActivation
	mux                   *http.ServeMux
}

func NewActivator() Activator {
	mux := http.NewServeMux()
	a := &activator{
		appsByHost:            map[string]*app{},
		deploymentActivations: map[string]*deploymentActivation{},
		mux:                   mux,
	}
	mux.HandleFunc("/", a.handleRequest)
	return a
}

func (a *activator) Handler() http.Handler { return a.mux }

func (a *activator) returnError(w http.ResponseWriter, statusCode int) {
	w.WriteHeader(statusCode)
}

func (a *activator) handleRequest(
	w http.ResponseWriter,
	r *http.Request,
) {
	defer r.Body.Close()

	a.indicesLock.RLock()
	app, ok := a.appsByHost[r.Host]
	deploymentActivation := a.deploymentActivations[app.namespace+":"+app.deploymentName]
	a.indicesLock.RUnlock()
	if !ok || deploymentActivation == nil {
		a.returnError(w, http.StatusNotFound)
		return
	}

	select {
	case <-deploymentActivation.successCh:
		targetURL := fmt.Sprintf("http://%s%s", app.targetHost, r.RequestURI)
		req, err := http.NewRequest(r.Method, targetURL, r.Body)
		if err != nil {
			log.Printf("Error creating request to reactivated application: %s", err)
			a.returnError(w, http.StatusServiceUnavailable)
			return
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			log.Printf("Error proxying request to reactivated application: %s", err)
			a.returnError(w, http.StatusServiceUnavailable)
			return
		}
		defer resp.Body.Close()
		w.WriteHeader(resp.StatusCode)
		respBody, _ := ioutil.ReadAll(resp.Body)
		if _, err := w.Write(respBody); err != nil {
			log.Printf("Error writing response body: %s", err)
			return
		}
	case <-deploymentActivation.timeoutCh:
		a.returnError(w, http.StatusServiceUnavailable)
	}
}
