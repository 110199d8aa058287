"""``python -m gmail_emulator``."""

from __future__ import annotations

import sys

from gmail_emulator.cli import main

if __name__ == "__main__":
    sys.exit(main())
