module cgofixture

go 1.25
