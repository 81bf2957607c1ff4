"""`python -m tracker` runs the command-line tool."""

from tracker.cli import main

main()
