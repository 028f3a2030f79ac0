// swift-tools-version:6.0
import PackageDescription

// The pipeline, one target per stage; arrows point one way:
// CCmark <- APIDocMarkdown <- APIDocExtraction <- APIDocModel <- APIDocSwiftEmitter <- APIDocGeneratorCore <- apidocgen
// Generated code (target GraphAPI, folder Generated/) links APIDocRuntime alone.
let package = Package(
    name: "APIDocGen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "apidocgen", targets: ["apidocgen"]),
        .library(name: "APIDocRuntime", targets: ["APIDocRuntime"]),
        .library(name: "GraphAPI", targets: ["GraphAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "APIDocMarkdown", dependencies: ["CCmark"]),
        .target(name: "APIDocJSON"),
        .target(name: "APIDocExtraction", dependencies: ["APIDocMarkdown", "APIDocJSON"]),
        .target(name: "APIDocModel", dependencies: ["APIDocExtraction"]),
        .target(name: "APIDocSwiftEmitter", dependencies: ["APIDocModel"]),
        .target(name: "APIDocLint", dependencies: ["APIDocModel"]),
        .target(name: "CFileSwap"),
        .target(name: "APIDocGeneratorCore", dependencies: ["APIDocModel", "APIDocSwiftEmitter", "APIDocLint", "CFileSwap"]),
        .executableTarget(
            name: "apidocgen",
            dependencies: [
                "APIDocGeneratorCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "APIDocRuntime"),
        .target(name: "GraphAPI", dependencies: ["APIDocRuntime"], path: "Generated"),

        .testTarget(name: "APIDocMarkdownTests", dependencies: ["APIDocMarkdown"]),
        .testTarget(name: "APIDocJSONTests", dependencies: ["APIDocJSON"]),
        .testTarget(name: "APIDocExtractionTests", dependencies: ["APIDocExtraction"]),
        .testTarget(name: "APIDocModelTests", dependencies: ["APIDocModel"]),
        .testTarget(name: "APIDocLintTests", dependencies: ["APIDocLint"]),
        .testTarget(name: "APIDocSwiftEmitterTests", dependencies: ["APIDocSwiftEmitter"]),
        .testTarget(name: "APIDocGeneratorCoreTests", dependencies: ["APIDocGeneratorCore"]),
        .testTarget(name: "APIDocRuntimeTests", dependencies: ["APIDocRuntime"]),
        .testTarget(
            name: "GraphAPITests",
            dependencies: [
                "GraphAPI", "APIDocRuntime", "APIDocExtraction",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
