"""``python -m followup.demo``: what ``make demo`` runs."""

from followup.demo.cli import main

main()
