#!/usr/bin/env bash
# Every benchmark of BENCHMARKS.md, in one command, with the machine and its load:
#   benches/all.sh            # engine + runtime (Criterion), pydantic, build time (1 rep)
#   BUILD_REPS=0 benches/all.sh   # without the build-time run (it takes ~10 minutes)
# Inputs in ../shared (or $MDMODEL_SHARED); what is absent is skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(rustc --version)"
echo "load before: $(uptime)"
cargo bench -p mdmodel-benches -- --warm-up-time 1 --measurement-time 3
echo "load after Criterion: $(uptime)"
benches/pydantic.sh
if [ "${BUILD_REPS:-1}" != 0 ]; then
  benches/build-time.sh "${BUILD_REPS:-1}"
fi
echo "load after: $(uptime)"
