"""`python -m toolkit ...` runs the command line interface."""
import gc
import sys

status = None
try:
    from toolkit.cli import main

    status = main()
    # The process ends here: interpreter shutdown runs one last full collection over every object left
    # (lexicons, patterns, memos; ~20 ms after a corpus run) that frees nothing the OS would not. Frozen
    # objects are left out of it.
    gc.freeze()
except KeyboardInterrupt:  # while the toolkit is imported or the arguments read: no traceback, the status of Ctrl-C
    if status is None:
        from toolkit.interrupt import INTERRUPTED_AT_START  # (a small module; the cli may not be imported yet)
        print(INTERRUPTED_AT_START, file=sys.stderr)
        status = 130
sys.exit(status)
