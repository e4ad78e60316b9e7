"""The records' base and provenance models: public through asean_tip_data.models."""
