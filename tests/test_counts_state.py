"""Knowing the catalogue generation without a query per request (PostgreSQL LISTEN/NOTIFY)."""

import datetime
import time

import psycopg
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import counts
from articles.models import Article

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def listening(monkeypatch):
    """The default connection reopened as a persistent one, which listens."""
    if connection.vendor != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's; elsewhere the state is read every time")
    connection.close()
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    connection.ensure_connection()
    assert connection.catalogue_listening
    counts.bump()
    yield
    connection.close()


def _state_queries() -> tuple[tuple, int]:
    with CaptureQueriesContext(connection) as queries:
        state = counts.state._read_state("default")
    return state, len(queries)


def test_the_state_is_held_until_a_new_generation_is_announced(listening):
    first, _ = _state_queries()
    again, queries = _state_queries()
    assert again == first and queries == 0  # nothing announced: no query
    counts.bump()  # this process's own change
    raised, queries = _state_queries()
    assert raised[2] == first[2] + 1 and queries == 1


def test_another_process_s_change_is_seen(listening):
    first, _ = _state_queries()
    settings = connection.settings_dict
    dsn = {"dbname": settings["NAME"], "user": settings["USER"], "host": settings["HOST"],
           "port": settings["PORT"]}  # fmt: skip
    other = psycopg.connect(**{k: v for k, v in dsn.items() if v}, autocommit=True)
    with other, other.transaction():  # as bump() does it
        other.execute("UPDATE articles_cataloguestate SET generation = generation + 1")
        other.execute(f"NOTIFY {counts.state.CHANNEL}")
    # The notice travels on its own (PostgreSQL signals the idle listening backend): it is
    # there within moments, not necessarily at the instant the other commit returns.
    for _ in range(100):
        if _state_queries()[0][2] == first[2] + 1:
            break
        time.sleep(0.01)
    assert _state_queries()[0][2] == first[2] + 1


def test_a_scheduled_article_coming_due_is_seen_without_a_notice(listening, monkeypatch):
    due = timezone.now() + datetime.timedelta(minutes=5)
    ArticleFactory(status=Article.Status.SCHEDULED, published_at=due)
    counts.bump()
    before, _ = _state_queries()
    assert _state_queries() == (before, 0)
    monkeypatch.setattr(timezone, "now", lambda: due + datetime.timedelta(seconds=1))
    after, queries = _state_queries()
    assert queries == 1 and after[0] != before[0]  # the newest visible article moved


def test_inside_a_transaction_the_state_is_read(listening):
    from django.db import transaction

    _state_queries()
    with transaction.atomic():
        assert _state_queries()[1] == 1  # its own uncommitted bump would not be announced
