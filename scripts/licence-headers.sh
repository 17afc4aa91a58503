#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Puts the SPDX licence line at the top of every source file we own (after a shebang), or with
# --check lists the files without it and fails. CI runs --check.
set -euo pipefail
cd "$(dirname "$0")/.."
readonly spdx="SPDX-License-Identifier: GPL-3.0-or-later"
mapfile -t files < <(git ls-files -- 'app/*' 'ui/*' 'tests/*' 'bench/*' 'scripts/*' 'cmake/*' 'resources/*' \
    'packaging/*' '*CMakeLists.txt' '.ci/*' | grep -E '(\.(cpp|h|in|cmake|sh|py|js|mjs|svg|xml)|CMakeLists\.txt|/run)$' |
    grep -v -E '^tests/fixtures/')
missing=()
for f in "${files[@]}"; do
    head -n 3 "$f" | grep -q "$spdx" || missing+=("$f")
done
if [ "${1:-}" = "--check" ]; then
    if [ "${#missing[@]}" -gt 0 ]; then
        printf 'no SPDX line: %s\n' "${missing[@]}"
        exit 1
    fi
    echo "licence headers: ${#files[@]} files carry the SPDX line"
    exit 0
fi
for f in "${missing[@]}"; do
    case "$f" in
        *.cpp | *.h | *.h.in | *.js | *.mjs) line="// $spdx" ;;
        *.svg | *.xml | *.xml.in) line="<!-- $spdx -->" ;;
        *.desktop.in) line="# $spdx" ;;
        *) line="# $spdx" ;;
    esac
    first=$(head -n 1 "$f")
    if [[ "$first" == "#!"* ]]; then
        { echo "$first"; echo "$line"; tail -n +2 "$f"; } > "$f.spdx"
    elif [[ "$first" == "<?xml"* ]]; then
        { echo "$first"; echo "$line"; tail -n +2 "$f"; } > "$f.spdx"
    else
        { echo "$line"; cat "$f"; } > "$f.spdx"
    fi
    chmod --reference="$f" "$f.spdx"
    mv "$f.spdx" "$f"
done
echo "licence headers: added to ${#missing[@]} files"
