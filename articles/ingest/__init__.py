"""Raw news text in, structured draft out. Pure Python: no ORM, no settings, tested on strings."""

from .pipeline import parse_article
from .types import Flag, ParsedArticle, SourceEntry, Vocabulary

__all__ = ["Flag", "ParsedArticle", "SourceEntry", "Vocabulary", "parse_article"]
