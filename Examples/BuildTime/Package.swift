// swift-tools-version:6.0
import PackageDescription

// Generated at build time: the APIDocGenBuildPlugin reads docs/ with apidocgen.json and compiles
// the result into the target; nothing generated is checked in.
let package = Package(
    name: "BuildTime",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "APIDocGen", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "BuildTime",
            dependencies: [.product(name: "APIDocRuntime", package: "APIDocGen")],
            plugins: [.plugin(name: "APIDocGenBuildPlugin", package: "APIDocGen")]
        ),
    ]
)
