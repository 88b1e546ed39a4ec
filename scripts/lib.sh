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

# The packages every build of the core needs (a C compiler for the bundled SQLite).
CORE_PACKAGES=(build-essential pkg-config)
# The packages the test suite uses to read back what the core writes.
TEST_PACKAGES=()
