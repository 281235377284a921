#!/usr/bin/env bash
# Sets a repository up for PCE on GitHub Actions (see docs/github-actions.md):
#   setup.sh [REPOSITORY]   (default: the current directory)
# writes .github/workflows/ (the example workflows), .github/ce-config.yml and ./ce, a launcher that runs PCE
# from .pce/ (PCE as a git submodule or a copy) or from $PCE_HOME. Files you have are kept; run it again to add
# what is missing. Then: add the ANTHROPIC_API_KEY secret and require the gate checks (the docs say how).
set -euo pipefail

here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repository="${1:-.}"
if [ ! -d "$repository/.git" ]; then
  echo "setup.sh: $repository is not the top of a git repository; give the repository's directory." >&2
  exit 2
fi

install_file() { # copies $1 to $2 unless $2 exists; says which
  if [ -e "$2" ]; then
    echo "kept      ${2#"$repository"/}"
  else
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2"
    echo "wrote     ${2#"$repository"/}"
  fi
}

for workflow in parallel-compound-engineering ce-round ce-feature-dev ce-quality-review ce-ci-pipeline \
                ce-monitoring; do
  install_file "$here/$workflow.yml" "$repository/.github/workflows/$workflow.yml"
done
install_file "$here/../ce-config.yml" "$repository/.github/ce-config.yml"

launcher="$(mktemp)"
cat > "$launcher" <<'LAUNCHER'
#!/usr/bin/env bash
# PCE's launcher for this repository: runs PCE from .pce/ (a git submodule or a copy of PCE) or from $PCE_HOME.
set -euo pipefail
here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for pce in "$here/.pce" "${PCE_HOME:-}"; do
  if [ -n "$pce" ] && [ -x "$pce/ce" ]; then
    exec "$pce/ce" "$@"
  fi
done
echo "ce: PCE is neither in $here/.pce nor in \$PCE_HOME; add it there (see PCE's docs/github-actions.md)." >&2
exit 2
LAUNCHER
chmod +x "$launcher"
install_file "$launcher" "$repository/ce"
rm -f "$launcher"
