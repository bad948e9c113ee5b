package engine_test

import (
	"testing"

	"github.com/httpvet/httpvet/internal/engine"
)

// A budget allows exactly its steps, then refuses every step after them.
func TestBudget(t *testing.T) {
	defer engine.SetSearchBudgetForTest(3)()
	b := engine.NewBudget()
	for i := range 3 {
		if b.Spent() || !b.Spend() {
			t.Fatalf("step %d of 3 refused", i+1)
		}
	}
	for range 2 {
		if b.Spend() || !b.Spent() {
			t.Fatal("a step past the budget allowed")
		}
	}
}

// The default budget is the one the package doc promises.
func TestBudgetDefault(t *testing.T) {
	b := engine.NewBudget()
	n := 0
	for b.Spend() {
		n++
	}
	if n != 1<<20 {
		t.Errorf("budget of %d steps, want 2^20", n)
	}
}
