module fixleft

go 1.25
