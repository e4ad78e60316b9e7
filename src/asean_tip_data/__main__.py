"""Run the command line: ``python -m asean_tip_data``."""

from .cli import run

if __name__ == "__main__":
    run()
