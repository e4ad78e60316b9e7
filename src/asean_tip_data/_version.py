"""Versions of the package and of the data it carries."""

__version__ = "1.13.0"

# The vintage of the data: the publication date of the article every table comes from
# (like tzdata's IANA_VERSION beside its own version).
DATA_VINTAGE = "2024-12-01"
