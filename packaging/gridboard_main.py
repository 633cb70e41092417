"""Entry point of the bundled `gridboard` executable (PyInstaller starts here)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The demo generator spawns a producer process; in a frozen build that child re-runs this
    # executable, and freeze_support() turns it into the child instead of a second app.
    multiprocessing.freeze_support()
    from gridboard.cli import main

    sys.exit(main())
