#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, lints, type-checks and runs every test,
# then the end-to-end tests in real n8n (skipped with SKIP_E2E=1).
set -euo pipefail
cd "$(dirname "$0")/.."

# A first run says what it will cost (progress lines follow every 15 s while the installs run).
. scripts/estimates.sh
if [ ! -f node_modules/.leadbridge-installed ]; then echo "First run on this machine: $LEADBRIDGE_TEST_ESTIMATE in all (the dev dependencies, with Node 24 and the real n8n versions installing in the background)."; fi

e2e=0
if [ -f scripts/e2e.sh ] && [ "${SKIP_E2E:-}" != "1" ]; then e2e=1; fi
if [ $e2e = 1 ]; then
	# Node 24 and the real n8n versions take minutes to install on a clean machine: fetch them meanwhile.
	bash scripts/n8n-install.sh &
	n8n_install=$!
fi
bash scripts/ensure-deps.sh
npm run build
npm run lint
npm run typecheck
npx jest --ci
if [ $e2e = 1 ]; then
	wait "$n8n_install"
	LEADBRIDGE_SKIP_BUILD=1 bash scripts/e2e.sh
fi
