"""The admin dashboard: what needs attention, counts per status, publication per month and topic."""

from __future__ import annotations

import datetime

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .models import Article

PALETTE = ("#0b5cad", "#d9822b", "#2a9d8f", "#b5446e", "#6a4c93", "#8a929c")
TOP_TOPICS = 5


def _months(end: datetime.date, count: int) -> list[datetime.date]:
    months, year, month = [], end.year, end.month
    for _step in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def monthly_topics(months: int = 24) -> dict:
    """Published articles per month of their publication date (published_on) per topic over
    the last `months` months. Articles without a publication date (dated by their event
    only) are not in the chart; `undated` says how many public ones there are."""
    axis = _months(timezone.localdate(), months)
    through = Article.topics.through.objects.filter(
        article__in=Article.objects.published()
        .filter(published_on__gte=axis[0], published_on__lt=_next_month(axis[-1]))
        .values("pk")
    )
    rows = (
        through.annotate(month=TruncMonth("article__published_on"))
        .values("month", "topic__slug", "topic__name_en")
        .annotate(n=Count("article_id"))
    )
    totals: dict[str, int] = {}
    names: dict[str, str] = {}
    cells: dict[tuple[datetime.date, str], int] = {}
    for row in rows:
        month = row["month"]
        month = month.date() if isinstance(month, datetime.datetime) else month
        slug = row["topic__slug"]
        names[slug] = row["topic__name_en"]
        totals[slug] = totals.get(slug, 0) + row["n"]
        cells[(month, slug)] = cells.get((month, slug), 0) + row["n"]
    top = sorted(totals, key=lambda s: -totals[s])[:TOP_TOPICS]
    series = [(names[s], [cells.get((m, s), 0) for m in axis]) for s in top]
    others = [
        sum(n for (m, s), n in cells.items() if m == month and s not in top) for month in axis
    ]
    if any(others):
        series.append((_("Other topics"), others))
    undated = Article.objects.published().filter(published_on__isnull=True).count()
    return {"months": axis, "series": series, "undated": undated}


def _next_month(month: datetime.date) -> datetime.date:
    return (month + datetime.timedelta(days=32)).replace(day=1)


def chart_svg(data: dict, *, width: int = 720, height: int = 220) -> SafeString:
    """A stacked bar chart as inline SVG (no script, no external files)."""
    months, series = data["months"], data["series"]
    stacks = [sum(values[i] for _, values in series) for i in range(len(months))]
    peak = max(stacks, default=0) or 1
    left, bottom, top = 34, 24, 8
    plot_h = height - bottom - top
    bar_w = (width - left) / max(len(months), 1)
    bars = []
    for i, month in enumerate(months):
        y = height - bottom
        for index, (name, values) in enumerate(series):
            n = values[i]
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            x, w = left + i * bar_w + 2, round(bar_w - 4, 1)
            colour = PALETTE[index % len(PALETTE)]
            bars.append((x, round(y, 1), w, round(h, 1), colour, f"{month:%b %Y} · {name}: {n}"))
    labels = [
        (left + i * bar_w + bar_w / 2, height - 8, f"{m:%b %y}")
        for i, m in enumerate(months)
        if i % 3 == 0
    ]
    return format_html(
        '<svg class="dashboard-chart" viewBox="0 0 {w} {h}" role="img" '
        'aria-labelledby="chart-title">'
        '<title id="chart-title">{title}</title>'
        '<line x1="{l}" y1="{base}" x2="{w}" y2="{base}" stroke="#8a929c"/>'
        '<text x="{tx}" y="{ty}" font-size="10" text-anchor="end" fill="#545b66">{peak}</text>'
        "{bars}{labels}</svg>",
        title=_("Published articles per month of publication (published on) and topic"),
        w=width, h=height, l=left, base=height - bottom, tx=left - 4, ty=top + 8, peak=peak,
        bars=format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>',
            bars,
        ),
        labels=format_html_join(
            "",
            '<text x="{}" y="{}" font-size="10" text-anchor="middle" fill="#545b66">{}</text>',
            labels,
        ),
    )  # fmt: skip


def dashboard_context() -> dict:
    """Everything the dashboard shows, in a constant number of queries."""
    counts = dict(Article.objects.values_list("status").annotate(n=Count("pk")))
    data = monthly_topics()
    return {
        "status_counts": [
            (label, counts.get(value, 0), value) for value, label in Article.Status.choices
        ],
        "flagged_count": Article.objects.flagged().exclude(status=Article.Status.ARCHIVED).count(),
        "flagged": Article.objects.flagged()
        .exclude(status=Article.Status.ARCHIVED)
        .order_by("-created_at")[:8],
        "in_review": Article.objects.filter(status=Article.Status.IN_REVIEW).order_by("updated_at")[
            :8
        ],
        "scheduled": Article.objects.filter(status=Article.Status.SCHEDULED).order_by(
            "published_at"
        )[:8],
        "chart": chart_svg(data),
        "undated": data["undated"],
        "legend": [
            (PALETTE[i % len(PALETTE)], name) for i, (name, _values) in enumerate(data["series"])
        ],
    }
