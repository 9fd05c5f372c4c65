"""The query layer: named questions (SPARQL and Cypher files), raw queries, analytics, typed rows.

See kg/query/api.py for the Python API and kg/query/catalogue.py for the question file format.
"""

from kg.query.api import Neo4jGraph, StoreGraph, open_graph, question_names
from kg.query.catalogue import Question, QuestionError, catalogue, question
from kg.query.sparql import QuerySyntaxError, ReadOnlyError
from kg.store import StoreError

#: What a caller should report to a user (rather than a traceback).
QUERY_ERRORS = (QuestionError, QuerySyntaxError, ReadOnlyError, StoreError)

__all__ = ["QUERY_ERRORS", "Neo4jGraph", "Question", "QuestionError", "QuerySyntaxError", "ReadOnlyError", "StoreGraph",
           "catalogue", "open_graph", "question", "question_names"]
