# The README's two commands (`make run`, `make test`) and their helpers.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

WEB    := web/dist/.built
BENCH  := $(VENV)/.bench-installed
PEER   := bench/peer/node_modules/.installed

.PHONY: run test check test-unit test-web test-browser lint typecheck pytest pytest-slow system neo4j neo4j-stop schema web browser bench bench-quick reliability soak clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "error: Python 3.11+ is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# The explorer and GraphiQL, bundled from npm packages (package-lock.json) for offline serving.
$(WEB): web/package.json web/package-lock.json web/build.mjs $(shell find web/src web/public -type f) graph_service/data/arxiv-categories.tsv
	@scripts/system-packages
	cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build
	touch $@

web: $(WEB)

# Java, Maven, Node.js/npm: installed where we may, else named (scripts/system-packages).
system:
	@scripts/system-packages

# The same, Chromium (the browser tests drive Debian's, no browser download) and HAProxy (the
# replicas test runs deploy/haproxy.cfg).
browser:
	@scripts/system-packages --browser --proxy

## run: install everything, start the local Neo4j, load the demo set into an empty graph, serve
run: system $(STAMP) $(WEB)
	$(BIN)/graph-service load demo --if-empty
	$(BIN)/graph-service serve

## test: install everything, then ruff, mypy --strict, the web pages' unit tests and pytest
## (unit, the API and ingest against a real Neo4j): about five minutes
test: system $(STAMP) $(WEB) lint typecheck test-web pytest

## check: everything CI runs: `make test`, then the pages in Chromium, the tiers that start
## servers of their own (lifecycle, bulk, clone, recovery, replicas, routing, workers), the
## scale tier, the real records of ../shared/data and the quick reliability suite
check: test browser pytest-slow

## test-browser: the pages in Chromium over a served demo graph (what `make check` adds for them)
test-browser: browser $(STAMP) $(WEB)
	$(BIN)/pytest -m "browser and not scale"

## test-unit: the tests that need no Neo4j and no browser (no Java either), in seconds
test-unit: $(STAMP)
	$(BIN)/pytest -m "unit and not scale" -q

## test-web: the web pages' pure modules (address codec, labels, layout, formatting), node --test
test-web: $(WEB)
	cd web && npm test --silent

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# The tiers `make test` runs: unit, the API and ingest against the project's own data. The
# pages in Chromium, the real records of ../shared/data (an extra tier), the same checks at a
# larger size (scale) and the tiers that start servers of their own run in `make check`.
FAST_TIERS := not browser and not servers and not reliability and not scale and not (neo4j and shared_data)

pytest: $(STAMP)
	$(BIN)/pytest -m "$(FAST_TIERS)"

pytest-slow: $(STAMP) $(WEB)
	$(BIN)/pytest -m "not ($(FAST_TIERS))"

## schema: write schema.graphql from the code (a test fails when they differ)
schema: $(STAMP)
	$(BIN)/graph-service schema -o schema.graphql

# The benchmark suite's own tools: a load generator, process sampling, the plot; the peer.
$(BENCH): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $@

$(PEER): bench/peer/package.json bench/peer/package-lock.json
	@scripts/system-packages
	cd bench/peer && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## bench: the full suite (10k, 100k, 1M papers); writes docs/benchmarks.md, .json and .png
bench: $(BENCH) $(PEER)
	$(BIN)/python -m bench.suite --doc

## bench-quick: 10k papers, short phases (under 3 minutes); its last line is the headline
bench-quick: $(BENCH) $(PEER)
	$(BIN)/python -m bench.suite --quick

## reliability: fuzz, hostile requests, faults under load, writes, import and CLI errors;
## writes docs/reliability.md (about 20 minutes; `python -m bench.reliability --quick`: about 7)
reliability: system $(STAMP)
	$(BIN)/python -m bench.reliability

## soak: 30 minutes of mixed reads at concurrency 32 (RSS and latency per minute)
soak: system $(STAMP)
	$(BIN)/python -m bench.reliability --soak 1800 --out docs/soak.md

neo4j: $(STAMP)
	$(BIN)/graph-service neo4j start

neo4j-stop: $(STAMP)
	$(BIN)/graph-service neo4j stop

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache web/node_modules web/dist bench/peer/node_modules
