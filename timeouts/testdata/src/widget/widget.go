// Package widget is the package that widgettest serves.
package widget

type Widget struct{ Name string }
