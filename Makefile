# Two commands a newcomer needs: `make run` and `make test`. Everything else is for the team.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed-stamp

WORKERS ?= 3

.PHONY: install run serve migrate seed test test-fast lint format bench ci clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

# The seeds as the importer reads them (drafts), then the desk editor's recorded decisions applied
# through the same services the admin uses, and published where every rule is met.
seed: migrate
	$(PY) manage.py import_seeds seeds
	$(PY) manage.py apply_editor_decisions seeds/editor_decisions.json --publish

run: seed
	$(PY) manage.py createlocaladmin
	@echo "Admin: http://127.0.0.1:$(PORT)/admin/   Public site: http://127.0.0.1:$(PORT)/"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production-style serving: prod settings (SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL required),
# hashed static files through WhiteNoise, gunicorn workers. TLS ends at the proxy in front.
serve: install
	DJANGO_SETTINGS_MODULE=newsroom.settings.prod $(PY) manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=newsroom.settings.prod $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=newsroom.settings.prod $(VENV)/bin/gunicorn newsroom.wsgi \
		--bind 127.0.0.1:$(PORT) --workers $(WORKERS) --access-logfile - --timeout 60

# The suite runs on every core (pytest-xdist); `make test-fast` leaves out the browser, LibreOffice,
# killed-process and scale tests for a quick lane while working.
TEST_WORKERS ?= auto

test: install
	$(PY) -m pytest -n $(TEST_WORKERS)

test-fast: install
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not browser and not slow"

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

bench: install
	$(PY) benchmarks/run_all.py

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache
