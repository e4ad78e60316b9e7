"""The bilingual site: its pages, charts and map, built from the descriptor."""
