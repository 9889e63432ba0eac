#!/usr/bin/env bash
# Quick start 1: install what is missing, build, create the demo store on first run, start HallDesk on it.
#   bash scripts/demo.sh                 200,000 accounts in ~/.local/share/HallDesk/demo.sqlite
#   HALLDESK_DEMO_ACCOUNTS=1000000 HALLDESK_DEMO_DB=/tmp/big.sqlite bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=${LC_ALL:-C.UTF-8}
source scripts/deps.sh

halldesk_ensure_packages "${halldesk_build_packages[@]}"
headless=
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    headless=1
    halldesk_ensure_packages xvfb xauth
fi
halldesk_build build -DHALLDESK_BUILD_TESTS=OFF -DHALLDESK_TEST_CLOCK=OFF

db=${HALLDESK_DEMO_DB:-$HOME/.local/share/HallDesk/demo.sqlite}
if [ ! -f "$db" ]; then
    # the store holds customers' personal data: its folder is the user's alone (docs/security.md)
    (umask 077 && mkdir -p "$(dirname "$db")")
    echo "Creating the demo store $db (${HALLDESK_DEMO_ACCOUNTS:-200000} accounts)..."
    build/halldeskctl demo --db "$db" --accounts "${HALLDESK_DEMO_ACCOUNTS:-200000}" --seed 1
fi

cat <<MSG

HallDesk demo store: $db
Demo sign-ins (demo only), password demo1234:
  clerk01, clerk02  counter clerks      super01  supervisor
  coll01            collector           admin01  administrator
MSG

if [ -n "$headless" ]; then
    shot=${HALLDESK_SCREENSHOT:-$PWD/halldesk-demo.png}
    echo "No display here: HallDesk starts on a virtual X display, signs in as clerk01 and saves a picture of"
    echo "its window to $shot. On a desktop the window opens for you."
    HALLDESK_PASSWORD=demo1234 HALLDESK_SCREENSHOT="$shot" \
        xvfb-run -a -s "-screen 0 1440x900x24" build/halldesk --db "$db" --operator clerk01 --screen lookup
    echo "Saved $shot"
else
    exec build/halldesk --db "$db"
fi
