"""Prove a backup restores: pg_restore it into a scratch database and compare row counts."""

import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg
from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = (
        "Restore a pg_dump (custom format) into a scratch database, compare every table's row "
        "count with this database, then drop the scratch copy. Without --dump, take a fresh dump "
        "first. Exits non-zero if anything differs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dump", help="a file written by pg_dump --format=custom")
        parser.add_argument("--keep", action="store_true", help="keep the scratch database")

    def handle(self, *args, dump, keep, **options):
        self.verbosity = options["verbosity"]
        if connection.vendor != "postgresql":
            raise CommandError(
                "backup_check needs PostgreSQL. For SQLite, copy the file with "
                "`sqlite3 db.sqlite3 '.backup backup.sqlite3'` and open the copy."
            )
        params = connection.settings_dict
        server = {
            "host": params["HOST"] or "127.0.0.1",
            "port": str(params["PORT"] or 5432),
            "user": params["USER"] or "postgres",
        }
        if params.get("PASSWORD"):
            server["password"] = params["PASSWORD"]
        with tempfile.TemporaryDirectory() as work:
            if dump is None:
                dump = str(Path(work) / "newsroom.dump")
                self._run(["pg_dump", "--format=custom", "--file", dump, *self._flags(server),
                           params["NAME"]], server)  # fmt: skip
                self.stdout.write(f"Dumped {params['NAME']} to {dump}.")
            scratch = f"newsroom_restore_check_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
                admin.execute(f'CREATE DATABASE "{scratch}"')
            try:
                self._run(["pg_restore", "--no-owner", "--dbname", scratch,
                           *self._flags(server), dump], server)  # fmt: skip
                mismatches = self._compare(server, scratch)
            finally:
                if not keep:
                    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
                        admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
        if mismatches:
            raise CommandError(f"The restored copy differs in {mismatches} table(s).")
        done = "The backup restores, and every table's count matches."
        self.stdout.write(self.style.SUCCESS(done))

    def _flags(self, server):
        return ["--host", server["host"], "--port", server["port"], "--username", server["user"]]

    def _run(self, command, server):
        env = {"PGPASSWORD": server.get("password", "")} if server.get("password") else None
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            raise CommandError(f"{command[0]} failed: {result.stderr.strip()[-1000:]}")

    def _compare(self, server, scratch) -> int:
        tables = sorted(
            {m._meta.db_table for m in apps.get_models(include_auto_created=True)}
            & set(connection.introspection.table_names())
        )
        mismatches = 0
        with psycopg.connect(dbname=scratch, **server) as restored, connection.cursor() as live:
            for table in tables:
                quoted = connection.ops.quote_name(table)
                live.execute(f"SELECT COUNT(*) FROM {quoted}")
                expected = live.fetchone()[0]
                found = restored.execute(f"SELECT COUNT(*) FROM {quoted}").fetchone()[0]
                status = "ok" if found == expected else "DIFFERENT"
                mismatches += found != expected
                if found != expected or self.verbosity > 1:
                    self.stdout.write(f"{status:<9} {table}: {expected} live, {found} restored")
        self.stdout.write(f"{len(tables)} tables compared.")
        return mismatches
