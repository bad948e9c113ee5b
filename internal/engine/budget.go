package engine

// searchBudget is the number of steps the path searches of one analyzer
// may take in one function, all searches together (see "Budgets" in the
// package doc). A variable, for tests of what happens past it.
var searchBudget = 1 << 20

// A Budget counts the steps of the path searches of one analyzer in one
// function. Each analyzer keeps its own, so that what one analyzer finds
// never depends on another, nor on the order the analyzers run in. It is
// not safe for concurrent use.
type Budget struct{ left int }

// NewBudget returns a budget of the package's search budget: 2^20 steps.
func NewBudget() *Budget { return &Budget{left: searchBudget} }

// Spend takes one step of a search (a graph node visited, with what the
// search does there) and reports whether the budget allowed it. Once it
// returns false, it always does: the search must give up and conclude
// nothing, so that the analyzer stays silent about what it could not
// finish.
func (b *Budget) Spend() bool {
	if b.left <= 0 {
		return false
	}
	b.left--
	return true
}

// Spent reports whether the budget is spent: a search gave up.
func (b *Budget) Spent() bool { return b.left <= 0 }

// SetSearchBudgetForTest sets the budget of the budgets made from now on
// to steps, and returns a function that restores it. For tests only.
func SetSearchBudgetForTest(steps int) (restore func()) {
	old := searchBudget
	searchBudget = steps
	return func() { searchBudget = old }
}
