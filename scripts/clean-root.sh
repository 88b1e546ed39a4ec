#!/usr/bin/env bash
# Runs the README's test command on a clean Debian 12 root, to prove that a
# fresh machine with only Rust and Node passes: debootstrap makes a minimal
# system, the Rust toolchain and Node.js of this machine are made available
# inside (read-only), the repository is cloned into it, and
# `bash scripts/test.sh` runs there, installing what it needs itself.
#
# Usage (as root): bash scripts/clean-root.sh [ROOT]
#   ROOT defaults to /var/tmp/offerwright-clean-root; it is made once and
#   reused (delete it for a new one). Each run clones afresh and starts
#   with an empty cargo home, so nothing built before is reused.
# Needs: debootstrap and git (installed here if missing), network access to
# the Debian mirror, crates.io and the npm registry.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
root="${1:-/var/tmp/offerwright-clean-root}"
source "$repo/scripts/lib.sh"

if [ "$(id -u)" -ne 0 ]; then
  echo "run as root: debootstrap, mount and chroot need it" >&2
  exit 1
fi
apt_need debootstrap git

rustup_home="${RUSTUP_HOME:-$HOME/.rustup}"
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
node_bin="$(command -v node)"
npm_dir="$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)"

if [ ! -x "$root/bin/bash" ]; then
  echo "==> debootstrap bookworm into $root"
  mkdir -p "$root"
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi

mounted=()
bind() { # bind SRC DEST [ro]
  mkdir -p "$2"
  mount --bind "$1" "$2"
  mounted+=("$2")
  if [ "${3:-}" = ro ]; then mount -o remount,bind,ro "$2"; fi
}
overlay=""
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
  if [ -n "$overlay" ]; then rm -rf "$overlay"; fi
}
trap cleanup EXIT

mkdir -p "$root/proc" "$root/sys" "$root/dev"
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
bind /sys "$root/sys" ro
bind /dev "$root/dev"
bind /dev/pts "$root/dev/pts"
mkdir -p "$root/dev/shm" && mount -t tmpfs shm "$root/dev/shm" && mounted+=("$root/dev/shm")
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The machine's locally trusted certificates, which its network needs (a
# machine of this kind has them in /usr/local/share/ca-certificates).
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  if [ -x "$root/usr/sbin/update-ca-certificates" ]; then
    chroot "$root" /usr/sbin/update-ca-certificates >/dev/null
  fi
fi

# The Rust toolchain, where this machine has it (its toolchains link to
# each other by absolute paths), as an overlay: rustup may write its
# temporary files, nothing reaches this machine's own; an empty cargo home with rustup's
# proxies; Node.js and npm (read-only).
overlay="$(mktemp -d /var/tmp/offerwright-rustup-XXXXXX)"
mkdir -p "$overlay/upper" "$overlay/work" "$root/root/.rustup"
mount -t overlay overlay -o "lowerdir=$rustup_home,upperdir=$overlay/upper,workdir=$overlay/work" "$root/root/.rustup"
mounted+=("$root/root/.rustup")
rm -rf "$root/opt/cargo"
mkdir -p "$root/opt/cargo/bin"
for tool in cargo rustc rustup rustfmt cargo-fmt cargo-clippy clippy-driver rustdoc; do
  cp -P "$cargo_bin/$tool" "$root/opt/cargo/bin/" 2>/dev/null || cp "$cargo_bin/$tool" "$root/opt/cargo/bin/"
done
mkdir -p "$root/opt/node/bin"
cp "$node_bin" "$root/opt/node/bin/node"
bind "$npm_dir" "$root/opt/node/lib/node_modules/npm" ro
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/opt/node/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/opt/node/bin/npx"

echo "==> a fresh clone of $(git -C "$repo" rev-parse --abbrev-ref HEAD) at $(git -C "$repo" rev-parse --short HEAD)"
rm -rf "$root/work/offerwright"
mkdir -p "$root/work"
git clone --quiet --no-local "$repo" "$root/work/offerwright"

echo "==> bash scripts/test.sh in the clean root"
start=$(date +%s)
status=0
chroot "$root" /usr/bin/env -i \
  HOME=/root TERM=dumb LANG=C.UTF-8 \
  PATH=/opt/cargo/bin:/opt/node/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  RUSTUP_HOME=/root/.rustup CARGO_HOME=/opt/cargo \
  ${NODE_EXTRA_CA_CERTS:+NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt} \
  ${RUSTUP_AUTO_INSTALL:+RUSTUP_AUTO_INSTALL=$RUSTUP_AUTO_INSTALL} \
  /bin/bash -c 'cd /work/offerwright && bash scripts/test.sh' || status=$?
echo "==> scripts/test.sh in the clean root: exit $status after $(( $(date +%s) - start )) s"
exit "$status"
