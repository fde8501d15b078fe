"""The search index's write path before issue 20 (model instances with prefetched tags, one
process, bulk_create upserts every document), frozen so that index_bench.py can run it side by
side with today's `articles.search.index_articles`. The analysis it calls is today's."""

from articles.models import Article, SearchDocument
from articles.search import document_values


def _names_of(tag) -> str:
    parts = (getattr(tag, "acronym", ""), tag.name_en, tag.name_th, tag.name_vi)
    return " ".join(p for p in parts if p)


def _build_document(article, vendor):
    tags = [*article.topics.all(), *article.countries.all(), *article.agencies.all()]
    body = [article.summary, article.summary_en,
            article.source.name if article.source_id else "",
            *(_names_of(tag) for tag in tags), article.body]  # fmt: skip
    head, document = document_values([article.headline, article.headline_en], body, vendor)
    return SearchDocument(article_id=article.pk, head=head, document=document,
                          visible_from=Article.visible_from(article.status, article.published_at),
                          date=article.date)  # fmt: skip


def index_articles(ids, *, batch_size=500, using="default"):
    from django.db import connections

    vendor = connections[using].vendor
    queryset = Article.objects.using(using).order_by("pk")
    ids = sorted(set(ids))
    written = 0
    for i in range(0, len(ids), batch_size):
        articles = (
            queryset.filter(pk__any_of=ids[i : i + batch_size])
            .select_related("source")
            .prefetch_related("topics", "countries", "agencies")
        )
        documents = [_build_document(article, vendor) for article in articles]
        SearchDocument.objects.using(using).bulk_create(
            documents, update_conflicts=True, unique_fields=["article"],
            update_fields=["head", "document", "visible_from", "date"],
        )  # fmt: skip
        written += len(documents)
    return written
