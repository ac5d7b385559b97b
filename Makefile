# CP Portal. `make demo` runs the portal with demo data; `make test` runs the tests.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
APPS := core accounts providers applications cases toolbox pages reports recognition letters reminders
TEST_ENV := DJANGO_SETTINGS_MODULE=cpportal.settings.test \
	DATABASE_URL=$${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/cpportal} \
	REDIS_URL=$${TEST_REDIS_URL:-redis://127.0.0.1:6379/1}

.PHONY: demo test setup install install-dev static messages compile-messages migrate \
	services lint worker beat serve clean faults-letters bench-letters faults bench

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.runtime node_modules/.installed compile-messages
install-dev: $(VENV)/.dev node_modules/.installed compile-messages

compile-messages: $(VENV)/.runtime
	$(PY) manage.py compilemessages -v 0 --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'var/*'

# Regenerate the .po catalogues: each app keeps its own, templates/ and cpportal/ use locale/.
messages: $(VENV)/.runtime
	@for app in $(APPS); do \
		mkdir -p $$app/locale; \
		(cd $$app && $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages -l zh_Hant -l zh_Hans --no-obsolete -v 0); \
	done
	$(PY) manage.py makemessages -l zh_Hant -l zh_Hans --no-obsolete -v 0 \
		$(foreach app,$(APPS),--ignore '$(app)/*') --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'var/*'

demo: export DEBUG ?= 1
demo:
	scripts/system-deps.sh runtime
	$(MAKE) install
	mkdir -p var
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py seed_demo
	@echo ""
	@echo "CP Portal is starting on http://127.0.0.1:8000/"
	@echo "  Applicant:    applicant@example.com   / cpportal-demo   -> http://127.0.0.1:8000/en/apply/"
	@echo "  Secretariat:  secretariat@example.com / cpportal-demo   -> http://127.0.0.1:8000/admin/"
	@echo "  EPD viewer:   epd@example.com         / cpportal-demo   -> http://127.0.0.1:8000/en/reports/"
	@echo "  Secretariat and EPD also enter a two-factor code: run '$(PY) manage.py demo_totp'"
	@echo "  in another terminal, or add the secret CPPORTALDEMOTOTPKEYFORSTAFF23456 to an authenticator app."
	@echo "  E-mails are printed here, in this console. Stop with Ctrl-C."
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:8000

services:
	scripts/services.sh

test:
	scripts/system-deps.sh test
	$(MAKE) install-dev
	scripts/services.sh
	$(VENV)/bin/ruff check .
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run -v 0
	$(TEST_ENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The production way, on this machine: set DATABASE_URL, REDIS_URL and SECRET_KEY first.
serve: install
	$(PY) manage.py collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=cpportal.settings.production $(VENV)/bin/gunicorn cpportal.wsgi:application -w 2 -b 127.0.0.1:8000
worker: install
	DJANGO_SETTINGS_MODULE=cpportal.settings.production $(VENV)/bin/celery -A cpportal worker -l info --concurrency 2 --max-memory-per-child 1200000
beat: install
	DJANGO_SETTINGS_MODULE=cpportal.settings.production $(VENV)/bin/celery -A cpportal beat -l info

# --- Letters (issue 5): fault drills with real processes, and the rendering benchmark.
faults-letters: install-dev
	scripts/services.sh
	$(PY) bench/faults_letters.py
bench-letters: install-dev
	scripts/services.sh
	$(PY) bench/letters.py

# --- Fault drills and load benchmarks (issue 9; see README "Performance and faults") ---
# `make faults` RESTARTS the local PostgreSQL server (pg_ctlcluster) once: every database
# on it sees its connections dropped. Then the letters' drills, when that target exists.
faults:
	scripts/system-deps.sh test
	$(MAKE) install-dev
	scripts/services.sh
	FAULTS_RESTART_POSTGRES=1 FAULTS_PORT=$${FAULTS_PORT:-8106} $(TEST_ENV) $(VENV)/bin/pytest -s -v \
		tests/faults tests/applications/test_double_submit.py $(PYTEST_ARGS)
	@if grep -q '^faults-letters:' $(firstword $(MAKEFILE_LIST)); then $(MAKE) faults-letters; \
	else echo "(no faults-letters target: letter drills not merged yet)"; fi

# `make bench`: seed 1,000 and 100,000 applications into <BENCH_DATABASE_URL>_<size> and drive
# gunicorn (production settings) with wrk on loopback. Not part of `make test`.
BENCH_ENV := BENCH_DATABASE_URL=$${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/cpportal_bench} \
	BENCH_REDIS_URL=$${BENCH_REDIS_URL:-redis://127.0.0.1:6379/6}
bench:
	scripts/system-deps.sh bench
	$(MAKE) install-dev
	scripts/services.sh
	$(BENCH_ENV) $(PY) bench/run.py $(BENCH_ARGS)
	$(MAKE) bench-letters

clean:
	rm -rf var/static var/test-private .pytest_cache
