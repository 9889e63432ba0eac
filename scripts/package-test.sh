#!/usr/bin/env bash
# The package test (CTest: TestPackage): installs the .deb with apt into a fresh Debian 12 root made by
# `debootstrap --variant=minbase bookworm`, runs halldeskctl demo and lookup there, draws the window offscreen in
# zh_CN and checks that its Chinese text has glyphs (not boxes), then purges the package and checks that nothing is
# left but the user's data.
#
#   scripts/package-test.sh BUILD_DIR|DEB GLYPHCHECK OUT_DIR
#
# BUILD_DIR: a build folder, packed here with cpack (and its version.txt is the version the package must carry), or
# a .deb made before; GLYPHCHECK: tests/package/GlyphCheck.cpp of the same build, which runs in the root on the
# package's own Qt; OUT_DIR receives the window's picture (package-zh_CN.png), lintian's report and the logs.
#
# Needs root (debootstrap, chroot, mount) and Debian's mirrors. The base root and the downloaded .debs are cached
# outside the clone, in HALLDESK_PACKAGE_CACHE (/var/cache/halldesk), and the base is made again after 14 days;
# every run works on a fresh copy of it. Exits 77 (CTest: skipped) when not root or without debootstrap.
set -euo pipefail

# All in one function, read whole before it runs: editing or checking out this file during a run cannot change it.
main() {
input=$(realpath "$1")
glyphcheck=$(realpath "$2")
out=$(realpath -m "$3")
cache=${HALLDESK_PACKAGE_CACHE:-/var/cache/halldesk}
mirror=${HALLDESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${HALLDESK_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
export LC_ALL=C.UTF-8

if [ "$(id -u)" -ne 0 ] || ! command -v debootstrap >/dev/null 2>&1; then
    echo "SKIPPED: the package test needs root and debootstrap (scripts/deps.sh installs it; CI runs as root)."
    exit 77
fi

started=$SECONDS
step() { printf '[%4ds] %s\n' $((SECONDS - started)) "$*"; }
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

mkdir -p "$out" "$cache/apt-archives/partial"
expected_version=
if [ -d "$input" ]; then
    step "cpack -G DEB"
    rm -rf "$out/deb"
    cpack --config "$input/CPackConfig.cmake" -B "$out/deb" >"$out/cpack.log" 2>&1 || {
        cat "$out/cpack.log" >&2
        fail "cpack failed"
    }
    deb=$(ls "$out"/deb/halldesk_*.deb)
    expected_version=$(cat "$input/generated/version.txt")
else
    deb=$input
fi
echo "$deb"
if command -v lintian >/dev/null 2>&1; then
    step "lintian"
    lintian --fail-on error --info "$deb" >"$out/lintian.txt" 2>&1 || {
        cat "$out/lintian.txt" >&2
        fail "lintian finds errors in the package"
    }
    cat "$out/lintian.txt"
fi
base=$cache/bookworm-minbase
root=
mounts=()

# Every mount below a root we made, deepest first, so that nothing of the host is ever removed with it.
unmount_below() {
    local dir=$1 target
    while read -r target; do
        umount "$target" 2>/dev/null || umount -l "$target" || true
    done < <(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/self/mounts | sort -r)
}

remove_root() {
    local dir=$1
    unmount_below "$dir"
    if awk -v d="$dir/" 'index($2, d) == 1 { found = 1 } END { exit !found }' /proc/self/mounts; then
        echo "warning: $dir still has mounts; left in place" >&2
        return 0
    fi
    rm -rf --one-file-system "$dir"
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM HUP
    if [ -n "$root" ]; then
        remove_root "$root"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# A run killed with SIGKILL could not clean up after itself: the next run does.
for stale in "$cache"/run.*; do
    [ -d "$stale" ] && remove_root "$stale"
done

# The base root: made once, shared by the runs, refreshed after 14 days. A lock keeps two runs from making it at
# the same time.
exec 9>"$cache/lock"
flock 9
if [ -f "$base/.halldesk-base" ] && [ -z "$(find "$base/.halldesk-base" -mtime +14)" ]; then
    step "base root $base (cached)"
else
    step "making the base root with debootstrap --variant=minbase bookworm (cached for the next runs)"
    rm -rf --one-file-system "$base.new"
    debootstrap --variant=minbase --cache-dir="$cache/apt-archives" bookworm "$base.new" "$mirror" \
        >"$out/debootstrap.log" 2>&1 || {
        tail -20 "$out/debootstrap.log" >&2
        fail "debootstrap failed (log: $out/debootstrap.log)"
    }
    cat >"$base.new/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security_mirror bookworm-security main
EOF
    rm -rf --one-file-system "$base"
    mv "$base.new" "$base"
    touch "$base/.halldesk-base"
fi
flock -u 9

root=$(mktemp -d "$cache/run.XXXXXX")
step "fresh root $root"
cp -a "$base/." "$root/"
for fs in proc sys dev; do
    mkdir -p "$root/$fs"
done
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --bind /dev "$root/dev"
mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
# Package scripts start no services in here: a daemon started in a chroot shares the host's network.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
cp "$deb" "$root/tmp/halldesk.deb"
cp "$glyphcheck" "$root/tmp/glyphcheck"

in_root() {
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
        "$@"
}
# As the clerk, with a home of their own (where HallDesk keeps the user's data).
as_clerk() {
    chroot --userspec=clerk:clerk "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/clerk LC_ALL=C.UTF-8 \
        XDG_RUNTIME_DIR=/tmp/clerk-runtime "$@"
}
# Every path of the root except what changes by itself (apt and dpkg's own records, caches, logs, the mounts).
list_root() {
    (cd "$root" && find . -xdev \
        \( -path ./proc -o -path ./sys -o -path ./dev -o -path ./tmp -o -path ./run -o -path ./var/cache \
        -o -path ./var/lib/apt -o -path ./var/lib/dpkg -o -path ./var/log \) -prune -o -print | sort)
}

step "apt-get update"
in_root apt-get update -q >"$out/apt.log" 2>&1 || {
    tail -20 "$out/apt.log" >&2
    fail "apt-get update failed"
}
in_root useradd --create-home --user-group clerk
in_root install -d -o clerk -g clerk -m 700 /tmp/clerk-runtime

step "apt-get install --no-install-recommends ./halldesk.deb"
flock 9 # the downloaded .debs are shared with other runs: one apt at a time writes there
in_root apt-get install -y -q --no-install-recommends /tmp/halldesk.deb >>"$out/apt.log" 2>&1 || {
    tail -30 "$out/apt.log" >&2
    fail "installing the package failed (log: $out/apt.log)"
}
flock -u 9
# What the root looks like with the package's dependencies but without the package: purge it, keep them.
in_root apt-get purge -y -q halldesk >>"$out/apt.log" 2>&1
list_root >"$out/files-without.txt"
step "dpkg -i halldesk.deb again, over its dependencies"
in_root dpkg -i /tmp/halldesk.deb >>"$out/apt.log" 2>&1 || fail "dpkg -i failed after a purge"
list_root >"$out/files-with.txt"

step "what the package installs"
in_root dpkg -L halldesk >"$out/dpkg-L.txt"
# The package's files live under /usr; it creates no folder for data anywhere else (the user's store is in their
# own home, made by the program).
added=$(comm -13 "$out/files-without.txt" "$out/files-with.txt" | sed 's|^\.||')
outside=$(grep -v -e '^/usr/' <<<"$added" || true)
[ -z "$outside" ] || fail "the package added files outside /usr: $outside"
unowned=$(comm -23 <(sort <<<"$added") <(sort "$out/dpkg-L.txt") || true)
[ -z "$unowned" ] || fail "installing added files the package does not list (made by a script?): $unowned"
writable=$(cd "$root" && find usr -xdev -perm -o+w ! -type l 2>/dev/null | grep -i halldesk || true)
[ -z "$writable" ] || fail "world-writable: $writable"
for page in halldeskctl halldesk; do
    [ -s "$root/usr/share/man/man1/$page.1.gz" ] || fail "no manual page $page.1.gz"
done
zcat "$root/usr/share/man/man1/halldeskctl.1.gz" | grep -q 'lookup' || fail "halldeskctl.1 does not describe lookup"
grep -q '^Name\[zh_CN\]=' "$root/usr/share/applications/halldesk.desktop" || fail "no Chinese name in the desktop entry"
[ -s "$root/usr/share/doc/halldesk/copyright" ] || fail "no copyright file"
[ -s "$root/usr/share/doc/halldesk/changelog.Debian.gz" ] || fail "no changelog.Debian.gz"

step "halldeskctl --version, demo, lookup"
version=$(as_clerk halldeskctl --version)
echo "$version"
package_version=$(in_root dpkg-query -W -f='${Version}' halldesk)
# The package's version is the program's, with the package revision after the last dash.
[ "$version" = "halldeskctl ${package_version%-*}" ] || fail "halldeskctl says \"$version\", the package is $package_version"
if [ -n "$expected_version" ] && [ "${package_version%-*}" != "$expected_version" ]; then
    fail "the package is $package_version, the build is $expected_version"
fi
store=/home/clerk/.local/share/HallDesk/demo.sqlite # the default store of `halldesk` without --db
as_clerk mkdir -p /home/clerk/.local/share/HallDesk
as_clerk halldeskctl demo --db "$store" --accounts 2000 --seed 1 >"$out/demo.json"
cat "$out/demo.json"
as_clerk halldeskctl lookup --db "$store" 王 >"$out/lookup.jsonl"
[ -s "$out/lookup.jsonl" ] || fail "halldeskctl lookup found nothing"
head -2 "$out/lookup.jsonl"
grep -q '^{"account_no":"33' "$out/lookup.jsonl" || fail "lookup printed no accounts"

step "the window, offscreen, in zh_CN"
rm -f "$out/package-zh_CN.png"
as_clerk env QT_QPA_PLATFORM=offscreen HALLDESK_PASSWORD=demo1234 HALLDESK_SCREENSHOT=/home/clerk/zh_CN.png \
    halldesk --operator clerk01 --lang zh_CN --screen counter --account 3310000314 >"$out/gui.log" 2>&1 || {
    cat "$out/gui.log" >&2
    fail "halldesk did not start"
}
cp "$root/home/clerk/zh_CN.png" "$out/package-zh_CN.png"
# The Chinese labels the window shows, drawn with the installed Qt and fonts in the window's own font: every
# character must have a glyph (glyph 0 is the empty box) of a Simplified Chinese face, the build machine's, with the
# build machine's pixels.
labels=(营业厅收费台 今日收费 收费 查询 账户 凭证号 现金)
QT_QPA_PLATFORM=offscreen "$glyphcheck" --save "$out/label-host.png" "${labels[@]}" >"$out/glyphs-host.txt" 2>&1 || {
    cat "$out/glyphs-host.txt" >&2
    fail "the build machine itself draws boxes (install fonts-noto-cjk: scripts/deps.sh)"
}
cp "$out/label-host.png" "$root/tmp/label-host.png"
as_clerk env QT_QPA_PLATFORM=offscreen /tmp/glyphcheck --save /tmp/clerk-runtime/label.png \
    --compare /tmp/label-host.png "${labels[@]}" >"$out/glyphs-root.txt" 2>&1 || {
    cat "$out/glyphs-root.txt" >&2
    fail "Chinese text is drawn as boxes, or differently from the build machine, in the installed package"
}
cp "$root/tmp/clerk-runtime/label.png" "$out/label-root.png"
cat "$out/glyphs-root.txt"
root_family=$(sed -n 's/^family: //p' "$out/glyphs-root.txt" | sort -u)
host_family=$(sed -n 's/^family: //p' "$out/glyphs-host.txt" | sort -u)
[ "$root_family" = "$host_family" ] || fail "the root draws Chinese with \"$root_family\", the build machine with \"$host_family\""
# Han characters in a Japanese, Korean or traditional face have shapes a reader in mainland China does not expect.
if grep -qE 'CJK (JP|KR|TC|HK)' <<<"$root_family"; then
    fail "Chinese is drawn with $root_family, not a Simplified Chinese face"
fi

step "apt-get purge halldesk"
in_root apt-get purge -y -q halldesk >>"$out/apt.log" 2>&1
if in_root dpkg-query -W -f='${Status}' halldesk 2>/dev/null | grep -q installed; then
    fail "halldesk is still installed"
fi
list_root >"$out/files-after.txt"
left=$(comm -13 "$out/files-without.txt" "$out/files-after.txt" | sed 's|^\.||' | grep -v '^/home/clerk/' || true)
[ -z "$left" ] || fail "left behind after the purge: $left"
gone=$(comm -23 "$out/files-without.txt" "$out/files-after.txt" | sed 's|^\.||' || true)
[ -z "$gone" ] || fail "the purge removed files that are not the package's: $gone"
[ -s "$root$store" ] || fail "the purge removed the user's store"
step "passed: $(wc -l <"$out/dpkg-L.txt") paths installed, all removed; the user's store $store stays"
}

main "$@"
