package testsoff
