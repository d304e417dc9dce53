#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, lints, type-checks and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh
npm run build
npm run lint
npm run typecheck
npx jest --ci
if [ -f scripts/e2e.sh ] && [ "${SKIP_E2E:-}" != "1" ]; then
	bash scripts/e2e.sh
fi
