// Package controller is reduced from coreos/etcd-operator's
// monitorEtcdCluster: a goroutine that watches the cluster resource in a
// loop (k8sutil.WatchETCDCluster, another package, is a local stand-in here).
//
// https://github.com/coreos/etcd-operator/pull/127
//
// Bug: on a non-200 watch response the goroutine reported the error and
// returned without closing resp.Body, leaking the connection; the fix
// closes it first.
package controller

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
)

type Event struct {
	Type   string
	Object struct {
		ObjectMeta struct {
			ResourceVersion string
		}
	}
}

// WatchETCDCluster stands in for k8sutil.WatchETCDCluster.
func WatchETCDCluster(host string, httpClient *http.Client, resourceVersion string) (*http.Response, error) {
	return httpClient.Get(fmt.Sprintf("%s/apis/coreos.com/v1/namespaces/default/etcdclusters?watch=true&resourceVersion=%s",
		host, resourceVersion))
}

func monitorEtcdCluster(host string, httpClient *http.Client, watchVersion string) (<-chan *Event, <-chan error) {
	events := make(chan *Event)
	errc := make(chan error, 1)
	go func() {
		for {
			resp, err := WatchETCDCluster(host, httpClient, watchVersion)
			if err != nil {
				errc <- err
				return
			}
			if resp.StatusCode != 200 {
				resp.Body.Close()
				errc <- errors.New("Invalid status code: " + resp.Status)
				return
			}
			log.Printf("watching at %v", watchVersion)
			for {
				decoder := json.NewDecoder(resp.Body)
				ev := new(Event)
				err = decoder.Decode(ev)
				if err != nil {
					if err == io.EOF {
						break
					}
					log.Printf("failed to get event from apiserver: %v", err)
					errc <- err
					break
				}
				if ev.Type == "ERROR" {
					break
				}
				watchVersion = ev.Object.ObjectMeta.ResourceVersion
				events <- ev
			}
			resp.Body.Close()
		}
	}()

	return events, errc
}

// Run starts the watch.
func Run(host string, httpClient *http.Client) (<-chan *Event, <-chan error) {
	return monitorEtcdCluster(host, httpClient, "0")
}
