This file has no module at all.
A == 1
