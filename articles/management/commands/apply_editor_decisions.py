"""Apply an editor's recorded decisions to imported drafts, through the editor's services."""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles import services
from articles.ingest import parse_article
from articles.models import Article, Source
from articles.vocabulary import load_vocabulary


class Command(BaseCommand):
    help = (
        "Apply the decisions in a JSON file (seeds/editor_decisions.json) to the drafts imported "
        "from the files it names — fields, topics, dismissed flags, new outlets — as the named "
        "editor, then publish those that meet every rule (--publish)."
    )

    def add_arguments(self, parser):
        parser.add_argument("decisions", help="the JSON file of decisions")
        parser.add_argument("--publish", action="store_true", help="publish what can be")

    def handle(self, *args, decisions, publish, **options):
        path = Path(decisions)
        try:
            book = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"{path}: {error}") from error
        editor = self._editor(book.get("editor", "desk-editor"))
        vocabulary = load_vocabulary()
        for name, decision in book["articles"].items():
            article = self._article(path.parent / name, vocabulary)
            if article is None:
                self.stdout.write(self.style.WARNING(f"skipped    {name}: not imported yet"))
                continue
            with transaction.atomic():
                for source in decision.get("new_sources", []):
                    Source.objects.get_or_create(slug=source["slug"], defaults=source)
                changes = dict(decision.get("changes", {}))
                if "source" in changes:
                    changes["source"] = Source.objects.get(slug=changes["source"])
                article = services.edit_article(
                    article=article,
                    changes=changes,
                    topics=decision.get("topics"),
                    dismiss=decision.get("dismiss"),
                    by=editor,
                    note=decision.get("note", ""),
                )
            line = f"edited     {name}"
            if publish and article.status == Article.Status.PUBLISHED:
                line += "  (published)"
            elif publish and decision.get("publish", True):
                result = services.publish_articles(articles=[article], by=editor)
                if result.changed:
                    line += "  → published"
                else:
                    reasons = "; ".join(result.reasons_by_id.get(article.pk, []))
                    line += f"  (not published: {reasons})"
            self.stdout.write(line)
            if decision.get("waiting"):
                self.stdout.write(self.style.WARNING(f"{'':11}waiting: {decision['waiting']}"))

    def _editor(self, username: str):
        """The recorded editor: a chief editor who may publish (created for a fresh database)."""
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": True, "email": f"{username}@localhost"}
        )
        if created:
            from django.contrib.auth.models import Group

            user.set_unusable_password()
            user.save()
            user.groups.add(*Group.objects.filter(name="Chief editor"))
        return user

    def _article(self, file: Path, vocabulary) -> Article | None:
        """The draft imported from this file: the importer's natural key of its text."""
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error}") from error
        key = parse_article(data, vocabulary=vocabulary).natural_key
        return Article.objects.filter(import_ref=key).first()
