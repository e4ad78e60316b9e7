"""The command line's parts: its arguments, the summary and show."""
