#!/usr/bin/env bash
# Check that the library's declared `rust-version` is honest.
#
#   bash scripts/msrv/check.sh
#
# 1. Every dependency the library builds with (normal and build
#    dependencies, as locked in Cargo.lock) declares a `rust-version` no
#    newer than the library's own.
# 2. The library and its tests use no standard-library API newer than it:
#    clippy's `incompatible_msrv` lint reads `rust-version` from Cargo.toml.
# 3. When a toolchain of exactly that version is installed, the library is
#    built and its unit tests run with it. This machine carries a single
#    toolchain, so this step says when it is skipped: steps 1 and 2 do not
#    catch a *language* feature newer than the declared version.
set -euo pipefail
cd "$(dirname "$0")/../.."

msrv=$(cargo metadata --format-version 1 --no-deps --locked |
    python3 -c 'import json,sys; print(next(p["rust_version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "newsfacts"))')
echo "declared rust-version: $msrv"

cargo metadata --format-version 1 --locked --filter-platform "$(rustc -vV | sed -n 's/^host: //p')" |
    python3 scripts/msrv/deps.py "$msrv"

echo "clippy: no std API newer than $msrv (incompatible_msrv)"
cargo clippy --locked -p newsfacts --lib --tests -- -D clippy::incompatible_msrv

if rustup toolchain list 2>/dev/null | grep -q "^$msrv"; then
    echo "toolchain $msrv: build and unit tests"
    cargo "+$msrv" test --locked -p newsfacts --lib
else
    echo "toolchain $msrv is not installed: building with it skipped (language features are not checked)"
fi
