#!/usr/bin/env bash
# What the build tool plugin sees of pages that come and go (Examples/BuildTime, already built):
# a page added is generated on the next build; removed again, it is gone on the next build; a
# page the build plan lists, once removed, is gone after `touch Package.swift` plans anew.
# The example's docs and manifest are left as they were.
set -euo pipefail
cd "$(dirname "$0")/../Examples/BuildTime"
page=docs/resources/gizmo.md
# Without the page, and with a plan made anew, whatever step failed: a plan that lists the page
# would stop the next build with "missing inputs".
cleanup() { rm -f "$page"; touch Package.swift; }
trap cleanup EXIT

add_page() { sed 's/widget/gizmo/g; s/Widget/Gizmo/g' docs/resources/widget.md > "$page"; }
generated() { find .build/plugins/outputs -name 'BuildTime+APIDocGen.swift' | head -1; }
build() {
    local log
    if ! log=$(swift build 2>&1); then echo "$log"; echo "plugin-pages-check: the build failed after: $1"; exit 1; fi
}
expect() {  # expect <count> <what happened>
    local count
    count=$(grep -c 'struct Gizmo' "$(generated)" || true)
    if [ "$count" != "$1" ]; then echo "plugin-pages-check: after $2, 'struct Gizmo' appears $count times, not $1"; exit 1; fi
}

# A plan made now, without the page.
touch Package.swift
build "planning without the page"; expect 0 "planning without the page"
add_page
build "adding a page"; expect 1 "adding a page"
rm "$page"
build "removing a page added since the plan"; expect 0 "removing a page added since the plan"

add_page
touch Package.swift
build "planning with the page"; expect 1 "planning with the page"
rm "$page"
touch Package.swift
build "removing a page the plan listed, then touching Package.swift"; expect 0 "removing a listed page and planning anew"
echo "Examples/BuildTime: pages added and removed are seen by the build tool plugin"
