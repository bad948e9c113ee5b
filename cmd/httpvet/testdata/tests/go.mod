module tests

go 1.25
