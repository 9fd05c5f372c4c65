"""Dictionary matching in one pass: an Aho-Corasick automaton (pyahocorasick) over a word list.

The finders ask "which of these thousands of names occur in the text, and where";
scanning the text once with an automaton replaces one ``str.find`` per name or one
dictionary probe per character and length.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick


def build(words: Iterable[str]) -> ahocorasick.Automaton:
    """An automaton whose matches report (end index, word)."""
    automaton = ahocorasick.Automaton()
    for word in words:
        if word:
            automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def occurrences_by_start(automaton: ahocorasick.Automaton, text: str) -> dict[int, list[str]]:
    """Start offset -> the words starting there (every occurrence, overlapping ones too)."""
    found: dict[int, list[str]] = {}
    if len(automaton) == 0:
        return found
    for end, word in automaton.iter(text):
        found.setdefault(end - len(word) + 1, []).append(word)
    return found


def occurrences(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, str]]:
    """(start, word) of every word, each word's occurrences non-overlapping left to right
    (what repeated ``str.find(word, start + len(word))`` returns), in text order."""
    last_end: dict[str, int] = {}
    found = []
    if len(automaton) == 0:
        return found
    for end, word in automaton.iter(text):
        start = end - len(word) + 1
        if start >= last_end.get(word, 0):
            found.append((start, word))
            last_end[word] = end + 1
    return sorted(found)
