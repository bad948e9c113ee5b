package lone

import "fmt"

func useNetTime() bool { return false }

func f() {
	fmt.Println(useNetTime()) // want "use net and time"
}
