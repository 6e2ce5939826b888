"""Folding text the way carepath.people.search.fold does, without importing Django.

Institutions run the encoder on their own machines, outside Carepath as well, so the linkage package
imports no models; a test keeps this fold equal to the people search's.
"""

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"[^\W_]+")  # runs of letters and digits, as the people search's words

# Letters that NFKD keeps whole: the same table as carepath.people.search.LETTERS.
LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ẞ": "SS", "ł": "l", "Ł": "L",
     "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i", "ħ": "h", "Ħ": "H"}
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents: "Søren Ågård" -> "soren agard"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
