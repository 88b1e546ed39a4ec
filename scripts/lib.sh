# Shared by the set-up scripts: install what a fresh Debian/Ubuntu machine lacks.

# apt_need PACKAGE... installs the packages that are not installed yet.
apt_need() {
  local missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"
}

# The packages every build of the core needs (a C compiler for the bundled
# SQLite; the certificates cargo and npm check the registries with).
CORE_PACKAGES=(build-essential pkg-config ca-certificates)
# The packages the test suite uses to read back what the core writes: poppler
# for the PDFs, LibreOffice (soffice) to open the Word files and the CSVs
# (libreoffice-calc-nogui), and Carlito, the metric twin of the Calibri that
# the Word files name, so that LibreOffice lays them out as Word does.
TEST_PACKAGES=(poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui fonts-crosextra-carlito fontconfig)
# The packages the desktop app needs to build and run (WebKitGTK and friends).
APP_PACKAGES=(libwebkit2gtk-4.1-dev)
# The packages the end-to-end tests need: a virtual display, WebKit's
# WebDriver, a D-Bus session bus (where a second start of the app finds
# the first), ImageMagick's `import` for screenshots of the display, and
# Python 3 for two helpers: one closes the window as a window manager does
# (through libX11), one holds the store's write lock (its sqlite3 module).
E2E_PACKAGES=(xvfb xauth webkit2gtk-driver dbus imagemagick python3)
# The PDF benchmark's anchor: headless Chromium printing the same content
# (benches/pdf.rs), in Carlito like the PDF itself.
BENCH_PACKAGES=(chromium fonts-crosextra-carlito)

# The cargo target directory (CI may keep one outside the clone).
target_dir() {
  echo "${CARGO_TARGET_DIR:-$(pwd)/target}"
}

# ui_build installs the UI's locked dependencies (when they changed) and builds it.
ui_build() {
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    echo "==> UI dependencies"
    (cd ui && npm ci --no-audit --no-fund)
  fi
  echo "==> UI build"
  (cd ui && npm run build)
}
