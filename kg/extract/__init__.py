"""Extraction: Article -> kg.model.Extraction (cue patterns, gazetteers, statistical tagger).

    from kg.extract import extract_article, extract_articles

Finders add mentions to a Document (places, suffix names, events, persons,
lists, roles, industries, gated tagger spans); kg.extract.grouping joins them
into local entities; kg.extract.relations reads the relations; this module
turns the result into the stage record with provenance on everything.
"""

from __future__ import annotations

from kg.extract.pipeline import extract_article, extract_articles

__all__ = ["extract_article", "extract_articles"]
