"""Search: one analyser, one query language, the same answers on PostgreSQL and SQLite.

Text is analysed here, in Python, not by the database (PostgreSQL's parser keeps a Thai phrase
as one token; SQLite's tokenizers know no Thai words). The analyser turns text into two
streams of tokens, in reading order:

- *words*: Thai segmented into words (nlpo3, PyThaiNLP's newmm in Rust, with PyThaiNLP's
  dictionary); every other script NFC-normalised and lower-cased (ma túy → ma, túy);
- *forms*: Thai words split into syllables (PyThaiNLP's syllable dictionary), so a word the
  segmenter keeps inside a compound is still found (คอมพิวเตอร์ in อาชญากรรมคอมพิวเตอร์);
  other words with their diacritics folded (túy → tuy, đường → duong).

A query passes through the same analyser. A Thai term matches its words or its syllables in a
row; a Latin term typed without diacritics matches the folded forms (ma tuy finds ma túy), one
typed with them matches exactly. Websearch syntax: "a phrase", -excluded, either OR other; every
other term must be present. Results rank articles whose headline matches above the rest, newest
first within each rank — the same order on both databases.

Storage (`SearchDocument`): the analysed tokens, space-separated, the same text for both
databases. PostgreSQL turns it into tsvectors on the way in (`to_tsvector('simple', …)`: its
parser splits at our spaces and, under a UTF-8 LC_CTYPE, keeps Thai marks inside tokens), with a
GIN index over `document`; SQLite keeps it behind an FTS5 table whose tokenizer splits only at
the spaces too. A sentinel token separates the streams and fields so that no phrase runs from
one into the next.

Modules, each with one job: `analysis` (text → tokens, the stored document texts), `query` (the
query language and its two database forms), `index` (writing documents, in bulk and after each
save), `reading` (matches newest first, capped counts, ranking), `snippets` (the highlighted
passage), `checks` (the database's locale). What the rest of the app uses is imported here.
"""

from . import reading
from .analysis import document_values, fold, to_tsvector_literal, tokens
from .checks import check_lc_ctype, ensure_usable_ctype
from .index import Indexing, index_articles, schedule
from .query import MAX_CLAUSES, Query, parse
from .reading import (
    FTS_TABLE,
    Ranked,
    capped_count,
    count_matches,
    count_newest_first,
    filter_articles,
    matching_ids,
    newest_ids,
    pieces,
    rank,
    recent_bound,
    search,
    search_plans,
    searchable,
)
from .snippets import Snippet, clip, snippet, snippet_for

__all__ = [
    "COUNT_CAP",  # read through to search.reading, where the search reads it
    "FTS_TABLE",
    "MAX_CLAUSES",
    "Indexing",
    "Query",
    "Ranked",
    "Snippet",
    "capped_count",
    "check_lc_ctype",
    "clip",
    "count_matches",
    "count_newest_first",
    "document_values",
    "ensure_usable_ctype",
    "filter_articles",
    "fold",
    "index_articles",
    "matching_ids",
    "newest_ids",
    "parse",
    "pieces",
    "rank",
    "recent_bound",
    "schedule",
    "search",
    "search_plans",
    "searchable",
    "snippet",
    "snippet_for",
    "to_tsvector_literal",
    "tokens",
]


def __getattr__(name: str):
    # One value, search.reading's: a test that lowers it there lowers it everywhere.
    if name == "COUNT_CAP":
        return reading.COUNT_CAP
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
