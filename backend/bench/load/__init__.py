"""The load scenario of `make bench`: many users making ads at once (see `run`)."""
