"""Separate the story from the site around it: headline, page metadata, share bars, counters,
related-story blocks, image placeholders, captions and trailing campaign slogans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .types import Removed

# A line that opens a block of other stories: everything from it to the end is not this story.
_RELATED_HEADINGS = re.compile(
    r"^(?:ข่าวที่เกี่ยวข้อง|ข่าวเกี่ยวข้อง|ดูข่าวเพิ่มเติม|ข่าวแนะนำ|ข่าวล่าสุด|อ่านมากสุด|อ่านข่าวเพิ่มเติม|"
    r"ข่าวยอดนิยม|เรื่องที่เกี่ยวข้อง|บทความที่เกี่ยวข้อง|top viewed.*|"
    r"most (?:read|viewed|popular)|related(?: news| stories| articles| posts)?|"
    r"recommended(?: for you| stories)?|read (?:more|next)|more stories|you may also like|"
    r"latest news|tin liên quan|tin cùng chuyên mục|đọc nhiều(?: nhất)?|"
    r"tin mới(?: nhất)?|tin khác|bài liên quan|có thể bạn quan tâm|xem nhiều(?: nhất)?)\s*:?$",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^(?:spread the love|share(?: this)?(?: on \w+)?|tweet|print|email|facebook|twitter|line|"
    r"แชร์|แบ่งปัน|พิมพ์|chia sẻ|bình luận|in bài(?: viết)?|"
    r"(?:facebook|twitter|line|x|email|print)(?:\s*[|·•]\s*(?:facebook|twitter|line|x|email|print))+)"
    r"\s*:?$",
    re.IGNORECASE,
)
_COUNTER = re.compile(
    r"^\|?\s*(?:(?:[\d,.]+\s*){1,3}|[\d,.]+\s*(?:views?|comments?|shares?|ครั้ง|ผู้ชม|"
    r"lượt xem|bình luận)|(?:views?|อ่าน|เข้าชม|ผู้เข้าชม|lượt xem)\s*:?\s*[\d,.]+(?:\s*ครั้ง)?)\s*\|?$",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(
    r"^(?:รูปภาพประกอบ|ภาพประกอบ|ภาพข่าว|คลิกดูภาพ.*|image|photo|picture|ảnh minh họa|"
    r"ảnh minh hoạ|ảnh|video)\s*:?$",
    re.IGNORECASE,
)
_SEE_MORE_LINK = re.compile(r"^(?:xem thêm|read more|อ่านต่อ|อ่านเพิ่มเติม|see also)\s*:\s*\S+$", re.I)
_CAPTION = re.compile(r"\s\|$|^\|$")
_HOTLINE = re.compile(r"สายด่วน|hotline|đường dây nóng|\bโทร\.?\s*\d{3,}", re.IGNORECASE)
_BREADCRUMB = re.compile(r"\s+(?:»|›|>>|>)\s+")
_SENTENCE_END = re.compile(r"[.!?;:。]$")
_SHORT_LINE = 120
HEADLINE_MAX = 300


@dataclass
class Layout:
    headline: str = ""
    breadcrumb: list[str] = field(default_factory=list)
    headline_line: int | None = None
    paragraphs: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    header_lines: list[tuple[int, str]] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


def _chrome_reason(line: str) -> str | None:
    if _SHARE.match(line):
        return "share buttons"
    if _COUNTER.match(line):
        return "view/comment counter"
    if _PLACEHOLDER.match(line):
        return "image placeholder"
    if _SEE_MORE_LINK.match(line):
        return "see-more link"
    if _CAPTION.search(line):
        return "photo caption"
    return None


def _looks_like_headline(line: str) -> bool:
    return (
        0 < len(line) <= HEADLINE_MAX
        and not _SENTENCE_END.search(line)
        and not _CAPTION.search(line)
        and _chrome_reason(line) is None
    )


def split_layout(text: str, *, is_metadata) -> Layout:
    """Split normalised text into headline, header lines, story paragraphs and removed chrome.

    `is_metadata(line)` tells page-metadata lines (dates, posted/updated lines) so that they are
    kept out of the body; the dates module decides that.
    """
    layout = Layout()
    lines = text.split("\n")

    # Other stories: a related/most-read heading after the story starts cuts the rest.
    end = len(lines)
    seen_paragraph = False
    for number, line in enumerate(lines):
        if _RELATED_HEADINGS.match(line) and seen_paragraph:
            end = number
            tail = "\n".join(x for x in lines[number:] if x)
            layout.removed.append(Removed("related stories", tail))
            break
        seen_paragraph = seen_paragraph or len(line) > _SHORT_LINE

    kept: list[tuple[int, str]] = []
    for number, line in enumerate(lines[:end]):
        if not line:
            continue
        reason = _chrome_reason(line)
        if reason:
            layout.removed.append(Removed(reason, line))
        else:
            kept.append((number, line))

    kept = _drop_trailing_slogans(kept, lines, layout)

    # Headline: the first real line, if it looks like one; breadcrumbs and a repeat dropped.
    if kept and _looks_like_headline(kept[0][1]):
        number, line = kept.pop(0)
        parts = _BREADCRUMB.split(line)
        layout.breadcrumb = [p.strip() for p in parts[:-1] if p.strip()]
        layout.headline = parts[-1].strip()
        layout.headline_line = number
        if kept:
            repeat = _BREADCRUMB.split(kept[0][1])[-1].strip()
            if repeat == layout.headline:
                layout.removed.append(Removed("repeated headline", kept.pop(0)[1]))
            elif repeat.startswith(layout.headline) and _looks_like_headline(repeat):
                # The first copy was cut short and the second is whole: keep the whole one.
                layout.removed.append(Removed("repeated headline", line))
                layout.headline = repeat
                kept.pop(0)

    # Header: short lines before the first paragraph (dates, bylines); metadata lines anywhere.
    in_header = True
    for number, line in kept:
        if is_metadata(line, in_header=in_header):
            layout.header_lines.append((number, line))
            layout.removed.append(Removed("page metadata", line))
            continue
        if len(line) > _SHORT_LINE or _SENTENCE_END.search(line):
            in_header = False
        layout.paragraphs.append((number, line))
    return layout


def _drop_trailing_slogans(
    kept: list[tuple[int, str]], lines: list[str], layout: Layout
) -> list[tuple[int, str]]:
    """Remove a closing block of short slogan/hotline lines that follows the story."""
    if len(kept) < 3:
        return kept
    # The last block: the run of lines at the end with no blank line between them.
    block_start = len(kept) - 1
    while block_start > 0 and kept[block_start][0] - kept[block_start - 1][0] == 1:
        block_start -= 1
    block = kept[block_start:]
    story = kept[:block_start]
    if not story or not any(len(text) > _SHORT_LINE for _, text in story):
        return kept
    short = all(len(text) <= _SHORT_LINE for _, text in block)
    if short and (len(block) >= 2 or any(_HOTLINE.search(text) for _, text in block)):
        layout.removed.append(Removed("campaign slogan", "\n".join(t for _, t in block)))
        return story
    return kept
