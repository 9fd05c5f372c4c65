"""The catalogue of named questions: one ``.rq`` and one ``.cypher`` file per question.

Each file opens with a header of comment lines (``#`` in SPARQL, ``//`` in Cypher) that one
parser reads::

    # description: Nobel laureates at the events of a zone.
    # param: zone string optional -- the zone's name or any alias
    # param: since date optional -- first day (inclusive)
    # columns: laureate, honour, event, date:date, zone

A parameter is ``NAME TYPE [required|optional] [default=VALUE] [-- help]``; TYPE is string,
name (a string naming an entity by name or alias: when a question finds nothing, a name that
matches no entity is reported with the closest names), date or int.  ``columns`` lists the result columns in order, each with an optional type
(string, date, int, float).  Both files of a question must declare the same parameters and
columns, so the two backends are interchangeable.

Parameters are always bound, never pasted: the SPARQL text refers to parameter NAME as the
variable ``?_NAME`` (pyoxigraph substitutes projected variables, so each query also SELECTs
them; the runner drops them again), the Cypher text as ``$NAME``.  An optional parameter that
was not given is bound to its default, or to the empty string, which the queries read as
"no filter" (Oxigraph folds ``BOUND()`` of a variable no pattern binds, so unbound cannot be
used as the marker).

One file can hold a query text per combination of given parameters, chosen by the runner: lines
between ``#if NAME`` (``//if NAME`` in Cypher), optional ``#elif NAME`` and ``#else``, and ``#end``
are kept when parameter NAME was given a non-empty value (the first branch that holds).  The
value itself is still bound, never pasted: only which lines are kept depends on whether it is
empty.  This lets a given name sit in a triple pattern, where Oxigraph looks it up in an index,
instead of a ``FILTER(?_NAME = "" || EXISTS {...})`` that is evaluated on every row (issue 11).

The runner casts, de-duplicates and sorts the rows itself (kg.query.rows), so the SPARQL
texts carry no ORDER BY: Oxigraph's sort reads every compared string back from the store, and on a
100,000-article store it cost more than the rest of a question (36,115 rows: 7.2 s with it, 5.1 s without);
and where a question's rows are distinct or nearly so, no DISTINCT either (it hashes every row again for
what the runner does anyway).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

QUESTIONS_DIR = Path(__file__).resolve().parent / "questions"
BACKEND_SUFFIXES = {"sparql": ".rq", "cypher": ".cypher"}
PARAM_TYPES = ("string", "name", "date", "int")
COLUMN_TYPES = ("string", "date", "int", "float")
SPARQL_PARAM_PREFIX = "_"

_PARAM_LINE = re.compile(
    r"(?P<name>[a-z][a-z0-9_]*)\s+(?P<type>\w+)(?:\s+(?P<need>required|optional))?"
    r"(?:\s+default=(?P<default>\S+))?\s*(?:--\s*(?P<help>.*))?$")
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class QuestionError(ValueError):
    """An unknown question or parameter, a bad parameter value, or a malformed question file."""


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    required: bool
    default: str | None
    help: str

    def describe(self) -> str:
        need = "required" if self.required else f"optional, default {self.default!r}" if self.default else "optional"
        return f"{self.name} ({self.type}, {need}){': ' + self.help if self.help else ''}"


@dataclass(frozen=True)
class Column:
    name: str
    type: str


@dataclass(frozen=True)
class Question:
    name: str
    description: str
    parameters: tuple[Parameter, ...]
    columns: tuple[Column, ...]
    texts: dict  # backend -> query text

    def text(self, backend: str, values: dict[str, object] | None = None) -> str:
        """The query text for ``backend``: for the given parameter values (bound ones, see ``bind``) the
        lines their ``#if`` blocks keep; without values the file as written."""
        try:
            text = self.texts[backend]
        except KeyError:
            raise QuestionError(f"question {self.name!r} has no {backend} version") from None
        if values is None:
            return text
        return _keep_lines(text, frozenset(name for name, value in values.items() if value not in (None, "")))

    def bind(self, values: dict[str, object]) -> dict[str, str | int]:
        """Every declared parameter with a checked value (defaults and "" filled in); unknown names refused."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise QuestionError(f"question {self.name!r} has no parameter {', '.join(map(repr, unknown))}; "
                                f"its parameters: {self.parameter_summary()}")
        bound: dict[str, str | int] = {}
        for p in self.parameters:
            value = values.get(p.name)
            if value is None or value == "":
                if p.required:
                    raise QuestionError(f"question {self.name!r} needs parameter {p.name!r}: {p.describe()}")
                value = p.default if p.default is not None else ""
            bound[p.name] = _coerce(self.name, p, value)
        return bound

    def parameter_summary(self) -> str:
        return "; ".join(p.describe() for p in self.parameters) or "(none)"


def _coerce(question: str, p: Parameter, value: object) -> str | int:
    if p.type == "int":
        if value == "":
            raise QuestionError(f"{question}: parameter {p.name!r} needs an integer")
        try:
            return int(value)
        except (TypeError, ValueError):
            raise QuestionError(f"{question}: parameter {p.name!r} must be an integer, got {value!r}") from None
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if p.type == "date" and text and not _valid_date(text):
        raise QuestionError(f"{question}: parameter {p.name!r} must be a date YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    return text


def _valid_date(text: str) -> bool:
    if not _PARTIAL_DATE.fullmatch(text):
        return False
    padded = text + "-01-01"[len(text) - 4:] if len(text) < 10 else text
    try:
        date.fromisoformat(padded)
    except ValueError:
        return False
    return True


_CONDITION = re.compile(r"\s*(?:#|//)(?P<keyword>if|elif|else|end)(?:\s+(?P<name>[a-z][a-z0-9_]*))?\s*$")


def _conditions(text: str) -> list[tuple[int, str, str | None]]:
    """The ``#if``/``#elif``/``#else``/``#end`` lines of a question text: (line index, keyword, parameter)."""
    return [(index, match["keyword"], match["name"]) for index, line in enumerate(text.splitlines())
            if (match := _CONDITION.fullmatch(line))]


def _check_conditions(text: str, parameters: tuple[Parameter, ...], source: str) -> None:
    """Refuse unbalanced or nested blocks and conditions on undeclared parameters (a typo would quietly
    choose another branch)."""
    declared, inside, seen_else = {p.name for p in parameters}, False, False
    for index, keyword, name in _conditions(text):
        where = f"{source}:{index + 1}"
        if (keyword in ("if", "elif")) != (name is not None):
            raise QuestionError(f"{where}: #{keyword} {'needs a parameter name' if name is None else 'takes no name'}")
        if name is not None and name not in declared:
            raise QuestionError(f"{where}: #{keyword} {name}: no such parameter in the header")
        if keyword == "if":
            if inside:
                raise QuestionError(f"{where}: #if blocks do not nest")
            inside, seen_else = True, False
        elif not inside or (seen_else and keyword != "end"):
            raise QuestionError(f"{where}: #{keyword} without an open #if (or after #else)")
        elif keyword == "else":
            seen_else = True
        elif keyword == "end":
            inside = False
    if inside:
        raise QuestionError(f"{source}: an #if block has no #end")


@lru_cache(maxsize=256)
def _keep_lines(text: str, given: frozenset[str]) -> str:
    kept, keeping, taken = [], True, False
    lines = text.splitlines(keepends=True)
    directives = {index: (keyword, name) for index, keyword, name in _conditions(text)}
    for index, line in enumerate(lines):
        if index not in directives:
            if keeping:
                kept.append(line)
            continue
        keyword, name = directives[index]
        if keyword == "if":
            keeping = taken = name in given
        elif keyword == "elif":
            keeping = not taken and name in given
            taken = taken or keeping
        elif keyword == "else":
            keeping = not taken
        else:
            keeping = True
    return "".join(kept)


def parse_header(text: str, source: str) -> dict:
    """The header of one question file: description, parameters, columns."""
    description: list[str] = []
    parameters: list[Parameter] = []
    columns: list[Column] | None = None
    key = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        comment = re.match(r"(?:#|//)\s?(.*)$", stripped)
        if not comment:
            if stripped:
                break
            continue
        body = comment.group(1).rstrip()
        field = re.match(r"(description|param|columns):\s*(.*)$", body)
        if field:
            key, value = field.groups()
        elif key == "description" and body:
            value = body.strip()  # continuation line of the description
        else:
            key = None
            continue
        if key == "description":
            description.append(value)
        elif key == "param":
            parameters.append(_parse_param(value, f"{source}:{number}"))
        elif key == "columns":
            columns = [_parse_column(item.strip(), f"{source}:{number}") for item in value.split(",") if item.strip()]
    if not description or not columns:
        raise QuestionError(f"{source}: the header needs 'description:' and 'columns:' comment lines")
    return {"description": " ".join(description), "parameters": tuple(parameters), "columns": tuple(columns)}


def _parse_param(value: str, where: str) -> Parameter:
    match = _PARAM_LINE.match(value.strip())
    if not match or match["type"] not in PARAM_TYPES:
        raise QuestionError(f"{where}: bad parameter line {value!r} (NAME TYPE [required|optional] [default=V] [-- help];"
                            f" types {', '.join(PARAM_TYPES)})")
    return Parameter(match["name"], match["type"], match["need"] == "required", match["default"],
                     (match["help"] or "").strip())


def _parse_column(item: str, where: str) -> Column:
    name, _, kind = item.partition(":")
    kind = kind or "string"
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name) or kind not in COLUMN_TYPES:
        raise QuestionError(f"{where}: bad column {item!r} (name[:type], types {', '.join(COLUMN_TYPES)})")
    return Column(name, kind)


def load_question(name: str, directory: Path = QUESTIONS_DIR) -> Question:
    headers, texts = {}, {}
    for backend, suffix in BACKEND_SUFFIXES.items():
        path = directory / f"{name}{suffix}"
        if path.exists():
            texts[backend] = path.read_text(encoding="utf-8")
            headers[backend] = parse_header(texts[backend], str(path))
            _check_conditions(texts[backend], headers[backend]["parameters"], str(path))
    if not headers:
        raise QuestionError(f"no question {name!r} in {directory}")
    first, *others = headers.values()
    for other in others:
        if (other["parameters"], other["columns"]) != (first["parameters"], first["columns"]):
            raise QuestionError(f"{directory / name}: the .rq and .cypher headers declare different parameters or columns")
    return Question(name, first["description"], first["parameters"], first["columns"], texts)


@lru_cache(maxsize=4)
def _catalogue(directory: str) -> dict[str, Question]:
    names = sorted({path.stem for suffix in BACKEND_SUFFIXES.values() for path in Path(directory).glob(f"*{suffix}")})
    return {name: load_question(name, Path(directory)) for name in names}


def catalogue(directory: Path = QUESTIONS_DIR) -> dict[str, Question]:
    """Every question in the folder, by name."""
    return _catalogue(str(directory))


def question(name: str, directory: Path = QUESTIONS_DIR) -> Question:
    """One question by name; an unknown name gets an error listing the questions that exist."""
    questions = catalogue(directory)
    if name not in questions:
        raise QuestionError(f"no question named {name!r}; the questions are: {', '.join(questions)}")
    return questions[name]
