"""Defaults shared by the CLI and the Python API."""

import os
from pathlib import Path

#: Where the embedded Oxigraph store lives unless --store or KG_STORE says otherwise.
DEFAULT_STORE = Path(os.environ.get("KG_STORE", ".kg/store"))

#: The folder of ontology files shipped with the project (kg.ttl, shapes.ttl, context.jsonld, style.grass).
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontologies"

#: The kg package folder (the extraction cache digests the extractor's files under it).
PACKAGE_DIR = Path(__file__).resolve().parent

#: Environment variable naming the extraction filter model to use instead of the shipped one, or "off"
#: for the cue rules alone (kg.extract.learned); the extraction cache keys on it too.
EXTRACTION_FILTER_SETTING = "KG_EXTRACTION_FILTER"
