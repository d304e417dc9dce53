#!/usr/bin/env bash
# `npm run screenshots`: docs/screenshots/ only (each example workflow, each node opened after Execute step), taken by
# the browser check of `npm run test:ui` without walking every operation.
set -euo pipefail
cd "$(dirname "$0")/.."
LEADBRIDGE_UI_SCREENSHOTS_ONLY=1 exec bash scripts/test-ui.sh
