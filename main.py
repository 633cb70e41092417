"""Start gridboard: `python main.py [FILE]`."""

import sys

from gridboard.cli import main

if __name__ == "__main__":
    sys.exit(main())
