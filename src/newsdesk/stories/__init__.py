"""Stories: duplicates, rewrites and one event's coverage across outlets, grouped as articles stream in.

``engine.Engine`` is the online clusterer (also behind ``newsdesk cluster``), ``dupes`` finds
copies with their evidence, ``service`` files every stored article, ``text`` makes features.
"""

from .dupes import Duplicate, DuplicateFinder
from .engine import Assignment, Engine, Params

__all__ = ["Assignment", "Duplicate", "DuplicateFinder", "Engine", "Params"]
