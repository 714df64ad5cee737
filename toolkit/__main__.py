"""`python -m toolkit ...` runs the command line interface."""
import gc
import sys

from toolkit.cli import main

status = main()
# The process ends here: interpreter shutdown runs one last full collection over every object left
# (lexicons, patterns, memos; ~20 ms after a corpus run) that frees nothing the OS would not. Frozen
# objects are left out of it.
gc.freeze()
sys.exit(status)
