#!/usr/bin/env bash
# The main job on a fresh machine: install, then extract the bundled sample
# corpus to out/sample.jsonl (failures to out/sample.errors.jsonl).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
.venv/bin/peacewire extract corpus/sample -o out/sample.jsonl --errors out/sample.errors.jsonl
