# Territorial Links — every task a developer or CI runs. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PY          := .venv/bin/python
VERSION     := $(shell sed -n 's/^version=//p' metadata.txt)
STAGE       := build/plugins
export QGIS_PROCESS := /usr/bin/qgis_process.bin
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1
# QGIS test lanes (tools/lanes/): all (default), some of 3.40 3.44 (LANES=3.40), or none
LANES       ?= all

.PHONY: handbook help deps i18n ts stage demo test lint unit qgis-tests cli-tests e2e bench package install qgis clean sample lanes pg-tests

help:
	@echo "make demo     run the main job headless on the sample municipality, results in out/"
	@echo "make test     install what is needed, then lint, unit, QGIS, qgis_process and desktop tests, then the lanes"
	@echo "make lanes    the QGIS suites again on QGIS 3.40 and 3.44 (Debian chroots); LANES=3.44 for one"
	@echo "make bench    benchmarks (prints a table, never fails)"
	@echo "make package  dist/territorial_plugin-$(VERSION).zip"
	@echo "make install  install into your QGIS profile and enable it"
	@echo "make qgis     open QGIS with the plugin and the sample project"
	@echo "make ts       refresh i18n/territorial_plugin_sv.ts from the code"

deps:  # idempotent and quick when everything is there
	@tools/install-deps.sh

i18n: deps
	@for ts in i18n/*.ts; do lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

ts: deps
	$(PY) tools/update_ts.py

stage: i18n
	$(PY) tools/package.py stage $(STAGE)

sample: deps
	$(PY) tools/generate_sample.py

demo: stage
	tools/demo.sh

lint: deps
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m flake8 territorial_plugin tests tools bench resources
	$(PY) tools/check_i18n.py
	$(PY) tools/check_qt6.py

unit: stage
	TL_BROWSER_REQUIRED=1 $(PY) -m pytest -q -p no:cacheprovider tests/unit tests/store_contract tests/qgis

# The shared PostgreSQL store against a throwaway cluster (tools/pg-test-server.sh):
# started here, stopped afterwards even when a test fails; TL_PG_REQUIRED turns a
# missing server into failures, never skips.
pg-tests: stage
	@tools/pg-test-server.sh start >/dev/null
	@eval "$$(tools/pg-test-server.sh env)"; export TL_PG_REQUIRED=1; rc=0; \
	  $(PY) -m pytest -q -p no:cacheprovider tests/postgres || rc=$$?; \
	  $(PY) -m pytest -q -p no:cacheprovider tests/store_contract tests/unit/test_catalogue_import_engines.py -k postgres || rc=$$?; \
	  tools/pg-test-server.sh stop; exit $$rc

cli-tests: stage
	$(PY) -m pytest -q -p no:cacheprovider tests/cli

e2e: stage
	tests/e2e/run.sh

# the handbook's pictures from the desktop tests' screenshots (docs/handbok.md)
handbook: e2e
	$(PY) tools/handbook_images.py

# host suites first (a quick failure shows early), then the slower QGIS lanes
test: lint unit pg-tests cli-tests e2e lanes
	@echo "make test: all suites passed"

lanes:
	@tools/lanes/run-lane.sh $(if $(filter all,$(LANES)),,$(LANES))

bench: stage
	-$(PY) bench/run.py

package: i18n
	$(PY) tools/vendor_web.py --check
	$(PY) tools/package.py zip dist

install: package
	$(PY) tools/package.py install dist/territorial_plugin-$(VERSION).zip

qgis: stage
	tools/run_qgis_desktop.sh resources/sample/exempelkommun.qgs

clean:
	rm -rf build dist out .make i18n/*.qm .pytest_cache
