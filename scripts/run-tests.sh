#!/usr/bin/env bash
# Runs the workerd test project and the Node test project. The second runs
# even when the first fails, and the exit status is non-zero if either did.
set -u
cd "$(dirname "$0")/.."

npx vitest run "$@"
workers=$?
npx vitest run -c vitest.node.config.ts "$@"
node=$?

exit $((workers != 0 || node != 0))
