"""The query layer: named questions (SPARQL and Cypher files), raw queries, analytics, typed rows.

See kg/query/api.py for the Python API and kg/query/catalogue.py for the question file format.

The API and the query runners are imported on first use (PEP 562): listing the questions must not
pay for the Neo4j driver, rdflib's SPARQL parser and the store.  The catalogue is imported here
because it is light, and because its function ``catalogue`` shares the name of its module: bound
now, it is not replaced by the submodule when that is imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from kg.query.catalogue import Question, QuestionError, catalogue, question

_LAZY = {"Neo4jGraph": "kg.query.api", "StoreGraph": "kg.query.api", "open_graph": "kg.query.api",
         "question_names": "kg.query.api", "QuerySyntaxError": "kg.query.sparql", "ReadOnlyError": "kg.query.sparql"}

__all__ = ["QUERY_ERRORS", "Question", "QuestionError", "catalogue", "question", *_LAZY]

if TYPE_CHECKING:
    from kg.query.api import Neo4jGraph, StoreGraph, open_graph, question_names
    from kg.query.sparql import QuerySyntaxError, ReadOnlyError

    QUERY_ERRORS: tuple[type[Exception], ...]


def __getattr__(name: str):
    if name == "QUERY_ERRORS":
        from kg.query.sparql import QuerySyntaxError, ReadOnlyError
        from kg.store import StoreError

        #: What a caller should report to a user (rather than a traceback).
        value = (QuestionError, QuerySyntaxError, ReadOnlyError, StoreError)
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module 'kg.query' has no attribute {name!r}")
    globals()[name] = value
    return value
