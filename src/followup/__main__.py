"""Allow ``python -m followup``."""

from followup.cli import main

if __name__ == "__main__":
    main()
