"""Versions of the package and of the data it carries."""

__version__ = "1.22.2"

# The vintage of the data: the publication date of the article the tables come from (the TIP
# Reports and the pages that give the other rows are named in sources); like tzdata's IANA_VERSION
# beside its own version.
DATA_VINTAGE = "2024-12-01"
