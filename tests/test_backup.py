import shutil

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from .factories import ReadyArticleFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed"),
]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("backup_check works on PostgreSQL; this run uses SQLite")


def test_a_fresh_backup_restores_with_every_count(capsys):
    ReadyArticleFactory(published=True)
    call_command("backup_check")
    out = capsys.readouterr().out
    assert "every table's count matches" in out and "tables compared" in out


def test_a_backup_that_no_longer_matches_is_reported(tmp_path):
    import subprocess

    params = connection.settings_dict
    dump = tmp_path / "old.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", "--file", str(dump), "--host", params["HOST"] or "127.0.0.1",
         "--username", params["USER"], params["NAME"]],
        check=True,
    )  # fmt: skip
    ReadyArticleFactory()  # written after the dump
    with pytest.raises(CommandError, match="differs"):
        call_command("backup_check", dump=str(dump))
