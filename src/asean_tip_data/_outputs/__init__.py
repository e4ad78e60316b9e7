"""The data written out: CSV, JSON, SQLite, Parquet and data frames, replacing nothing halfway."""
