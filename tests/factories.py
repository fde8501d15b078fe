"""Factories for the catalogue; vocabularies come from the data migration and are reused."""

import csv
import datetime
import io

import factory
from django.contrib.auth import get_user_model

from articles.models import Article, Source


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"editor{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True
    password = factory.django.Password("pw")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Test Outlet {n}")
    slug = factory.Sequence(lambda n: f"test-outlet-{n}")
    domains = factory.Sequence(lambda n: [f"outlet{n}.example"])


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    headline = factory.Sequence(lambda n: f"ตำรวจไทยร่วมประชุม {n}")
    headline_en = factory.Sequence(lambda n: f"Thai police attend meeting {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    language = Article.Language.THAI
    body = "เนื้อหาข่าว"
    published_on = datetime.date(2023, 5, 29)

    class Params:
        published = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(
                lambda: datetime.datetime(2023, 5, 29, tzinfo=datetime.UTC)
            ),
        )


class ReadyArticleFactory(ArticleFactory):
    """An article that passes every check before publishing: source, topic, English headline."""

    class Meta:
        skip_postgeneration_save = True

    source = factory.SubFactory(SourceFactory)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create:
            from articles.models import Topic

            self.topics.add(*(extracted or Topic.objects.filter(slug="meeting")))


CATALOGUE_COLUMNS = (
    "slug,headline,headline_en,language,status,source,url,published_on,updated_on,"
    "event_start,event_end,countries,topics,agencies,summary,summary_en,body"
)


def import_published(path, *, count: int, source: str, topic: str, prefix: str = "imported"):
    """Import `count` published Thai articles from a spreadsheet (CSV) written at `path`."""
    from articles.spreadsheets import import_articles

    path.write_text(
        CATALOGUE_COLUMNS
        + "\n"
        + "".join(
            f"{prefix}-{n},ข่าว {n},News {n},th,published,{source},,2020-02-{n + 1:02d},,,,"
            f"TH|LA,{topic},,,,body\n"
            for n in range(count)
        ),
        encoding="utf-8",
    )
    with path.open("rb") as handle:
        return import_articles(handle, name=path.name)


def catalogue_csv(rows: list[dict]) -> bytes:
    """A catalogue CSV of these rows (a dict per row, missing columns empty)."""
    from articles.spreadsheets import COLUMNS

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows({column: row.get(column, "") for column in COLUMNS} for row in rows)
    return out.getvalue().encode("utf-8")
