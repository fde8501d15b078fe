"""Rebuild the search index: every article, or only those without a search document."""

from django.core.management.base import BaseCommand

from articles import search
from articles.management.progress import progress_bar
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Write the search document of every article (or, with --missing, of those that have "
        "none, e.g. after an interrupted import). Safe to run while the site serves: each "
        "batch replaces its documents in one statement."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing", action="store_true", help="only articles without a search document"
        )
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, missing, batch_size, **options):
        articles = Article.objects.all()
        if missing:
            articles = articles.filter(search__isnull=True)
        ids = list(articles.order_by("pk").values_list("pk", flat=True))
        with progress_bar("search index", unit="article", total=len(ids)) as progress:
            written = search.index_articles(ids, batch_size=batch_size, progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Indexed {written} articles."))
