#!/usr/bin/env bash
# Compiles a folder of generated Swift as a package of its own against the runtime, and prints the
# build time and the number of errors and warnings in generated code.
#   scripts/compile-output.sh GENERATED_DIR [WORK_DIR] [EXAMPLES.json]
# With EXAMPLES.json (from `apidocgen lint --export-examples`), also builds scripts/ExampleCheck
# against the generated code and runs it: every example decoded and re-encoded.
# Exit 0 only when the build succeeds with no warning in generated code (and the examples that
# agree with their pages all decode).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
generated="$(cd "$1" && pwd)"
work="${2:-$(mktemp -d)}"
mkdir -p "$work/Sources"
examples="${3:-}"
rm -rf "$work/Sources/APIDocLiterals" "$work/Sources/APIDocRuntime" "$work/Sources/GraphAPI" "$work/Sources/ExampleCheck"
ln -s "$here/Sources/APIDocLiterals" "$work/Sources/APIDocLiterals"
ln -s "$here/Sources/APIDocRuntime" "$work/Sources/APIDocRuntime"
ln -s "$generated" "$work/Sources/GraphAPI"
ln -s "$here/scripts/ExampleCheck" "$work/Sources/ExampleCheck"
cat > "$work/Package.swift" <<'PKG'
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "GeneratedCheck",
    targets: [
        .target(name: "APIDocLiterals"),
        .target(name: "APIDocRuntime", dependencies: ["APIDocLiterals"]),
        .target(name: "GraphAPI", dependencies: ["APIDocRuntime"]),
        .executableTarget(name: "ExampleCheck", dependencies: ["GraphAPI", "APIDocRuntime"]),
    ],
    swiftLanguageModes: [.v6]
)
PKG
# The runtime first, untimed: the time printed is the generated code's alone.
(cd "$work" && swift build --target APIDocRuntime ${SWIFT_BUILD_FLAGS:-} > runtime-build.log 2>&1) || { cat "$work/runtime-build.log"; exit 1; }
start=$(date +%s%N)
set +e
(cd "$work" && swift build --target GraphAPI ${SWIFT_BUILD_FLAGS:-} > build.log 2>&1)
status=$?
set -e
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
files=$(ls "$generated" | grep -c '\.swift$' || true)
# Declarations: lines that declare a type, extension, property, initializer, function, type alias
# or enum case (switch labels, which end in ':', are not counted).
declarations=$(cat "$generated"/*.swift | grep -cE '^\s*((public|package|internal|private|fileprivate|static|indirect|final|mutating|override|nonisolated) )*(struct|enum|class|extension|var|let|init|func|typealias)\b|^\s*(indirect )?case [^:]*$' || true)
errors=$(grep -c ": error:" "$work/build.log" || true)
warnings=$(grep ": warning:" "$work/build.log" | grep -c -e "/GraphAPI/" -e "^$generated/" || true)
per=$(( declarations > 0 ? ms * 1000 / declarations : 0 ))
printf 'compile: %s files, %s declarations, %d.%03d s (%d.%03d s per 1,000 declarations), status %s, %s errors, %s warnings in generated code (log: %s/build.log)\n' \
    "$files" "$declarations" $((ms / 1000)) $((ms % 1000)) $((per / 1000)) $((per % 1000)) "$status" "$errors" "$warnings" "$work"
[ "$status" = 0 ] && [ "$warnings" = 0 ] || exit 1
if [ -n "$examples" ]; then
    (cd "$work" && swift build --product ExampleCheck > example-build.log 2>&1) || { cat "$work/example-build.log"; exit 1; }
    (cd "$work" && "$(swift build --show-bin-path)/ExampleCheck" "$examples")
fi
