#!/usr/bin/env bash
# The whole test suite: typecheck, lint, build, unit (vitest), browser e2e (Playwright), then one
# summary line. keytar's tests need a Secret Service: when dbus-run-session and gnome-keyring are
# installed, the unit tests run inside a private D-Bus session with a throwaway, unlocked keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results

npm run typecheck
npm run lint
npm run build
node scripts/electronegativity-gate.mjs

unit=(npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json)
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  keyring_home=$(mktemp -d)
  # shellcheck disable=SC2016
  HOME="$keyring_home" dbus-run-session -- bash -c 'echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' _ "${unit[@]}"
  rm -rf "$keyring_home"
else
  echo "note: no dbus-run-session/gnome-keyring here: the real-keychain tests will skip and say so"
  "${unit[@]}"
fi

PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json

# The installers IT receives, built around a stand-in Electron and inspected (tests/packaging;
# about a minute). Off Linux, or without Debian's nsis/p7zip/squashfs tools, they skip and say so.
npx vitest run --config tests/packaging/vitest.config.ts --reporter=default --reporter=json \
  --outputFile.json="$PWD/test-results/packaging.json"
node scripts/test-summary.mjs
