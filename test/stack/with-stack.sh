#!/usr/bin/env bash
# Runs a command with the demo stack up: starts the stack (unless it is already running), runs the command, and
# always stops what it started (EXIT trap, also on failure or Ctrl-C). The command's exit code is kept.
#   bash test/stack/with-stack.sh npx jest -c test/integration/jest.config.js
set -euo pipefail
cd "$(dirname "$0")/../.."

if node test/stack/stack.mjs status >/dev/null 2>&1; then
  echo "[with-stack] the demo stack is already running: using it and leaving it running" >&2
else
  trap 'node test/stack/stack.mjs stop' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  node test/stack/stack.mjs start
fi
"$@"
