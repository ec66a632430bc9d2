#!/usr/bin/env bash
# Times the reference pydantic models (orq-ai-sdk==3.11.7) on the runtime bench's payloads:
# model_validate_json and model_dump_json, best of 7, in microseconds. The Python comes from
# the conformance harness (it creates the virtualenv where absent).
#   benches/pydantic.sh            # shared inputs in ../shared, or $MDMODEL_SHARED
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${MDMODEL_SHARED:-$repo/../shared}"
python="$("$repo/tests/conformance/run" venv --package orq-ai-sdk==3.11.7 | tail -n 1)"
exec "$python" "$repo/benches/pydantic_bench.py" "$shared" "$repo/benches/data/chat"
