# pgdojo: `make serve` builds and serves the app, `make test` runs every check. Both install what is
# missing first (tools/install.sh; versions in tools/versions.env).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: serve build test tools tools-e2e fmt-check clippy unit e2e bench size clean-dist

## Build the app and serve it at http://127.0.0.1:$(PORT)/pgdojo/ (as GitHub Pages would).
serve: build
	node tests/e2e/server.mjs --dir dist --port $(PORT)

## Release build of the web app into dist/ (offline: the tools come from tools/install.sh).
build: tools
	trunk build --release --offline

## Every check CI runs: formatting, lints (native and wasm32), native tests, the wasm build, e2e.
test: tools-e2e fmt-check clippy unit build e2e

tools:
	@tools/install.sh build

tools-e2e:
	@tools/install.sh e2e

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo test --all-targets

e2e:
	node tests/e2e/run.mjs --dir dist

## Criterion benchmarks.
bench:
	cargo bench

## Raw and gzipped size of every file in dist/, and the total.
size:
	@tools/size.sh dist
