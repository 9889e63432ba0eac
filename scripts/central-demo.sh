#!/usr/bin/env bash
# A local central server for the demo and for development: a PostgreSQL cluster in DIR, migrated, the demo's
# accounts loaded, and two terminals of hall H01 (T01 and T02), each with its own store filled by a first sync.
#
#   bash scripts/central-demo.sh DIR [ACCOUNTS]      (ACCOUNTS: 20000 by default; run it again to start it again)
#   bash scripts/central-cluster.sh stop DIR
#
# Installs what is missing (PostgreSQL 15 included) and builds first, as the Quick start does. The terminals'
# URLs (with their passwords) are kept in DIR/T01.url and DIR/T02.url, readable by root only.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=${LC_ALL:-C.UTF-8}
source scripts/deps.sh

dir=${1:?usage: scripts/central-demo.sh DIR [ACCOUNTS]}
accounts=${2:-20000}
halldesk_ensure_packages "${halldesk_build_packages[@]}" postgresql-15 postgresql-client-15
halldesk_build build -DHALLDESK_BUILD_TESTS=OFF -DHALLDESK_TEST_CLOCK=OFF
ctl=build/halldeskctl
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

url=$(sh scripts/central-cluster.sh start "$dir" | tail -1)
"$ctl" central migrate --url "$url" >/dev/null
if [ ! -f "$dir/demo.json" ]; then
    "$ctl" central demo --url "$url" --accounts "$accounts" --seed 1 > "$dir/demo.json"
fi
for terminal in T01 T02; do
    if [ ! -f "$dir/$terminal.url" ]; then
        (umask 077 && "$ctl" central terminal add --url "$url" --hall H01 --terminal "$terminal" \
            | sed -n 's/.*"url": *"\([^"]*\)".*/\1/p' > "$dir/$terminal.url")
    fi
    store="$dir/h01-$terminal.halldesk"
    if [ ! -f "$store" ]; then
        HALLDESK_PASSWORD=demo1234 "$ctl" init --db "$store" --hall H01 --hall-name 上城供电营业厅 \
            --terminal "$terminal" --admin boss01 >/dev/null
    fi
    "$ctl" sync --db "$store" --url "$(cat "$dir/$terminal.url")" >/dev/null
done

cat <<TEXT
The centre: $url
Two terminals of hall H01, filled from it (the centre's demo sign-ins work there too: clerk01, super01, … / demo1234):
  HALLDESK_PASSWORD=demo1234 build/halldesk --db $dir/h01-T01.halldesk --operator clerk01 --server "\$(cat $dir/T01.url)"
  HALLDESK_PASSWORD=demo1234 build/halldesk --db $dir/h01-T02.halldesk --operator clerk02 --server "\$(cat $dir/T02.url)"
A payment from another channel, which both counters then show:
  build/halldeskctl central pay --url "$url" --account ACCOUNT_NO --amount 100.00 --channel wechat
Stop it with: bash scripts/central-cluster.sh stop $dir
TEXT
