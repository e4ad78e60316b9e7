"""What catalogues read: citations, DCAT-AP, JSON-LD, the dataset card, datasette's metadata."""
