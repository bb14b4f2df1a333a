#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu, with
# /autograder/source holding the zip made by `npm run grade -- --gradescope-autograder OUT.zip`).
# It installs bubblewrap (the grader's sandbox), Node.js >= 20.19 and the kit's packages (npm ci).
#
# Node.js, in this order: the image's own `node` if it is new enough; Ubuntu's `nodejs` package if
# that is; else the official build from nodejs.org of the version the zip was made with
# (source/node-version), or the tarball the instructor put next to this script as node.tar.xz
# (for images without network access to nodejs.org).
set -euo pipefail
source_dir=/autograder/source

node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number);
             process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
}

apt-get update
apt-get install -y --no-install-recommends bubblewrap ca-certificates curl xz-utils

if ! node_ok; then
  apt-get install -y --no-install-recommends nodejs npm || true
fi
if ! node_ok; then
  tarball="$source_dir/node.tar.xz"
  if [ ! -f "$tarball" ]; then
    version="$(cat "$source_dir/node-version")"
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64) arch=arm64 ;;
      *) echo "setup.sh: no Node.js build for $(uname -m); put one in the zip as node.tar.xz" >&2; exit 1 ;;
    esac
    tarball=/tmp/node.tar.xz
    curl -fsSL "https://nodejs.org/dist/${version}/node-${version}-linux-${arch}.tar.xz" -o "$tarball"
  fi
  tar -xJf "$tarball" -C /usr/local --strip-components=1
fi
node_ok || { echo "setup.sh: Node.js >= 20.19 could not be installed" >&2; exit 1; }

cd "$source_dir/kit"
npm ci --no-audit --no-fund
