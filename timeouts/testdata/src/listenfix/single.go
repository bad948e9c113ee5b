package listenfix

import h "net/http"

func single() error {
	return h.ListenAndServe(":80", h.NotFoundHandler()) // want `http.ListenAndServe starts a server`
}
