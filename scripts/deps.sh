# Sourced by the Quick start scripts: installs the Debian 12 packages HallDesk needs, and nothing that is
# already there. Runs as root (a fresh Debian has no sudo); otherwise uses sudo when it exists.

halldesk_build_packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libqt6sql6-psql
    libsqlite3-dev libsodium-dev libhpdf-dev libqrencode-dev libpq-dev
    fonts-noto-cjk fonts-urw-base35
    help2man
)

# What the test suites use besides the build: pdftotext/pdfinfo/pdftoppm and poppler-data (the Adobe-GB1 tables
# that let pdftotext read libharu's built-in Chinese fonts), zbarimg for QR codes, and a CUPS scheduler with the
# cups-pdf virtual printer for printing through a real queue (TestPrinting starts a cupsd of its own under a temporary folder and adds the queue), and
# PostgreSQL 15 for the central server's suites (tests/support/PgCluster starts a throwaway cluster; psql runs
# db/central/tests). The package test (scripts/package-test.sh) makes a bare Debian root with debootstrap and checks
# the .deb with lintian.
# clang-tidy (14 on Debian 12) runs the checks of .clang-tidy in CI (scripts/tidy.sh).
halldesk_test_packages=(
    poppler-utils poppler-data zbar-tools
    cups cups-client cups-bsd printer-driver-cups-pdf
    postgresql-15 postgresql-client-15
    debootstrap lintian
    clang-tidy
)

# halldesk_ensure_packages PACKAGE...
halldesk_ensure_packages() {
    local missing=() package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "HallDesk needs these Debian packages: ${missing[*]}. Run this script as root." >&2
            return 1
        fi
    fi
    echo "Installing: ${missing[*]}"
    if [ -z "${HALLDESK_APT_UPDATED:-}" ]; then
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
        HALLDESK_APT_UPDATED=1
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# halldesk_build BUILD_DIR [CMAKE OPTIONS...]: configures (once) and builds everything.
halldesk_build() {
    local dir=$1
    shift
    local generator=()
    [ -f "$dir/CMakeCache.txt" ] || generator=(-G Ninja)
    cmake -S . -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "$@"
    cmake --build "$dir" -j"$(nproc)"
}
