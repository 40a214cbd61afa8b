# The two commands of the README, and the set-up they need on a fresh Debian machine.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test browser-test deps bench bench-search bench-serve clean

## Build renda (release) and build the sample site into site/.
site: deps
	$(SWIFT) build -c release --product renda
	.build/release/renda build

## Run the whole test suite: Swift tests, then the default theme in a real browser
## (Tests/Browser/run installs chromium, chromium-driver, nginx and its PyPI packages when missing).
test: deps
	$(SWIFT) test
	SWIFT="$(SWIFT)" Tests/Browser/run

## Only the browser tests (arguments for pytest in BROWSER_ARGS, e.g. BROWSER_ARGS="-k reading").
browser-test: deps
	SWIFT="$(SWIFT)" Tests/Browser/run $(BROWSER_ARGS)

## Benchmark: renda against Hugo on the shared generated corpora (see README, Performance).
## BENCH_SHARED is the folder holding bench/gen_corpus.py and bench/hugo/; BENCH_ARGS goes to the script.
BENCH_SHARED ?= $(CURDIR)/../shared
bench: deps
	@command -v hugo >/dev/null 2>&1 || { echo "Installing hugo with apt-get"; $(SUDO) apt-get install -y -qq hugo; }
	$(SWIFT) build -c release --product renda
	python3 scripts/bench/build.py --renda .build/release/renda --shared $(BENCH_SHARED) $(BENCH_ARGS)

## Search benchmark: renda's search index against Pagefind on the 10,000-page corpus (see README,
## Search). BENCH_CORPUS (content/ and themes/) is generated with the shared generator if missing.
BENCH_CORPUS ?= /dev/shm/c10k
bench-search: deps
	@command -v chromium >/dev/null 2>&1 || { echo "Installing chromium with apt-get"; $(SUDO) apt-get install -y -qq chromium; }
	$(SWIFT) build -c release --product renda
	@[ -f $(BENCH_CORPUS)/content/site.yml ] || python3 $(BENCH_SHARED)/bench/gen_corpus.py --pages 10000 --out $(BENCH_CORPUS)
	@[ -e $(BENCH_CORPUS)/themes ] || ln -s $(CURDIR)/themes $(BENCH_CORPUS)/themes
	RENDA=.build/release/renda scripts/bench/search.sh $(BENCH_CORPUS)

## Preview benchmark: save → served latency of `renda serve` for a news item and a template on the
## 10,000-page corpus (see README, Previewing). BENCH_CORPUS is generated if missing.
bench-serve: deps
	$(SWIFT) build -c release --product renda
	@[ -f $(BENCH_CORPUS)/content/site.yml ] || python3 $(BENCH_SHARED)/bench/gen_corpus.py --pages 10000 --out $(BENCH_CORPUS)
	RENDA=.build/release/renda scripts/bench/serve.sh $(BENCH_CORPUS)

## Install cmark's and jemalloc's headers and libraries (Debian's libcmark-dev, libjemalloc-dev)
## when pkg-config cannot find them.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark jemalloc; then \
		echo "Installing pkg-config, libcmark-dev and libjemalloc-dev with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq pkg-config libcmark-dev libjemalloc-dev; \
	fi

clean:
	rm -rf .build .build-browser site
