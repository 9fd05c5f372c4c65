"""Extraction: Article -> kg.model.Extraction (cue patterns, gazetteers, statistical tagger)."""
