"""Bytes to clean text: detect the encoding (never silently), normalise Unicode and whitespace."""

from __future__ import annotations

import codecs
import re
import unicodedata

from .types import Decoded


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why, for the person who sent them."""


_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive or an Office document"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Invisible characters web captures carry; zero-width joiners are kept (some scripts need them).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\ufeff\u2060\u00ad"))
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def detect(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DecodeError with a reason."""
    if not data.strip():
        raise DecodeError("the file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"the file is {what}, not text")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data:
        raise DecodeError("the file contains NUL bytes: it is binary, or UTF-16 without a BOM")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        # Legacy Thai (TIS-620 / Windows-874) is accepted only when it decodes cleanly and its
        # non-ASCII characters are overwhelmingly Thai; anything else is refused, not guessed.
        try:
            text = data.decode("cp874")
        except UnicodeDecodeError:
            text = ""
        if _reads_as_thai(text):
            return text, "tis-620"
        raise DecodeError(
            f"byte {utf8_error.start} is not valid UTF-8, and the file is not UTF-16 with a BOM "
            "nor Thai TIS-620/Windows-874; save it as UTF-8"
        ) from None


def _reads_as_thai(text: str) -> bool:
    """Whether bytes decoded as Windows-874 are Thai text rather than another 8-bit encoding."""
    non_ascii = [c for c in text if ord(c) > 127]
    thai = sum(1 for c in non_ascii if _THAI.match(c))
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return thai >= 10 and thai / len(non_ascii) >= 0.95 and thai >= latin


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"byte {error.start} is not valid {encoding.upper()}") from None


# A no-break space read as Latin-1 and the page stored so: "… pungkasnya.Â" (after punctuation
# only: Â is a Vietnamese letter).
_MOJIBAKE_SPACE = re.compile(r"(?<=[.,;:!?”\"'’)])Â+$")


def normalise(text: str) -> str:
    """NFC, one kind of line ending, one kind of space, no trailing blanks or invisible marks."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_MOJIBAKE_SPACE.sub("", _SPACES.sub(" ", line).strip()) for line in text.split("\n")]
    return _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


def decode(data: bytes) -> Decoded:
    """Decode and normalise raw bytes, refusing binary and unreadable input."""
    text, encoding = detect(data)
    controls = len(_CONTROL.findall(text))
    if controls > max(3, len(text) // 200):
        raise DecodeError("the file is mostly control characters: it is binary, not text")
    return Decoded(text=normalise(_CONTROL.sub("", text)), encoding=encoding)
