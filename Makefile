# Thi đua CCHC — quick start: `make run` (demo on http://127.0.0.1:8000) and `make test`.
# Both set themselves up on a fresh Debian machine with Python 3.11+.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEV_ENV := DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test lint serve worker worker-documents beat system-packages migrate demo translations backup restore clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

# Debian packages the PDFs and the browser tests need; installed only when missing and run as root.
SYSTEM_PACKAGES := fonts-liberation2 poppler-utils chromium chromium-driver
system-packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Missing Debian packages:$$missing (install them as root: apt-get install$$missing)"; fi; \
	fi

setup: $(VENV)/.installed system-packages

migrate: setup
	$(DEV_ENV) $(PY) manage.py migrate --noinput -v0

demo: migrate
	$(DEV_ENV) $(PY) manage.py seed_demo

# The demo signs its documents with a self-signed test certificate (var/signing/, git-ignored; docs/SIGNING.md).
DEMO_SIGNING := DOCUMENT_SIGNING_P12=var/signing/demo.p12 DOCUMENT_SIGNING_PASSWORD=thu-nghiem

run: demo
	$(DEV_ENV) $(PY) manage.py signing_demo_cert
	@echo "Mở http://$(HOST):$(PORT)/ — đăng nhập bằng một tài khoản demo ở trên."
	$(DEV_ENV) $(DEMO_SIGNING) $(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	$(DEV_ENV) $(PY) -m pytest $(PYTEST_ARGS)

# After editing locale/*/LC_MESSAGES/*.po: rewrite the committed .mo files (pure Python, no GNU gettext).
translations: setup
	$(DEV_ENV) $(PY) manage.py compile_translations

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

# Production: configure with environment variables (see .env.example), PostgreSQL and Redis.
serve: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(VENV)/bin/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-3} --access-logfile -

worker: setup
	$(VENV)/bin/celery -A config worker --loglevel=INFO

# PDFs on their own queue: one task at a time, each process replaced after N renders (a safety net: bench/documents.py shows no growth).
worker-documents: setup
	$(VENV)/bin/celery -A config worker -Q documents --loglevel=INFO --prefetch-multiplier=1 \
	  --concurrency=$${DOCUMENTS_CONCURRENCY:-2} --max-tasks-per-child=$${DOCUMENTS_MAX_TASKS_PER_CHILD:-100} \
	  --hostname=documents@%h

beat: setup
	$(VENV)/bin/celery -A config beat --loglevel=INFO --schedule $${CELERY_BEAT_SCHEDULE_FILE:-/tmp/thidua-celerybeat-schedule}

# Backups (PostgreSQL only): one dated .tar of pg_dump + media/ + a manifest, in $BACKUP_DIR (default backups/).
backup: setup
	$(PY) manage.py backup $(if $(BACKUP_DIR),--dir "$(BACKUP_DIR)")

# Into the configured database, which must be empty unless FORCE=1; checked against the manifest.
restore: setup
	@test -n "$(FILE)" || { echo "Cách dùng: make restore FILE=backups/thidua-….tar [FORCE=1]"; exit 2; }
	$(PY) manage.py restore "$(FILE)" $(if $(filter 1,$(FORCE)),--force)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
