// swift-tools-version:6.0
import PackageDescription

// Generated code checked in: `swift package --allow-writing-to-package-directory generate-api`
// regenerates Sources/WidgetAPI from docs/ with apidocgen.json.
let package = Package(
    name: "CheckedIn",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "APIDocGen", path: "../.."),
    ],
    targets: [
        .target(name: "WidgetAPI", dependencies: [.product(name: "APIDocRuntime", package: "APIDocGen")]),
        .executableTarget(name: "CheckedIn", dependencies: ["WidgetAPI", .product(name: "APIDocRuntime", package: "APIDocGen")]),
    ]
)
