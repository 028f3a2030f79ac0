// swift-tools-version:6.0
import PackageDescription

// The pipeline, one target per stage; arrows point one way:
// CCmark <- APIDocMarkdown <- APIDocExtraction <- APIDocModel <- APIDocSwiftEmitter <- APIDocGeneratorCore <- APIDocCLI <- apidocgen
// Generated code (target GraphAPI, folder Generated/) links APIDocRuntime alone.
// APIDocMock (the docs' examples over HTTP) sits beside APIDocCLI on APIDocGeneratorCore; the
// apidocgen-mock executable serves it. apidocgen links neither, nor any networking library: the
// generator a build runs each time starts in a few milliseconds.
let package = Package(
    name: "APIDocGen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "apidocgen", targets: ["apidocgen"]),
        .executable(name: "apidocgen-mock", targets: ["apidocgen-mock"]),
        .library(name: "APIDocRuntime", targets: ["APIDocRuntime"]),
        .library(name: "GraphAPI", targets: ["GraphAPI"]),
        // `swift package --allow-writing-to-package-directory generate-api`, and generation at build time.
        .plugin(name: "GenerateAPI", targets: ["GenerateAPI"]),
        .plugin(name: "APIDocGenBuildPlugin", targets: ["APIDocGenBuildPlugin"]),
        // Optional: an HTTPTransport on AsyncHTTPClient; built only by packages that use this product.
        .library(name: "APIDocAsyncHTTPClient", targets: ["APIDocAsyncHTTPClient"]),
        // The mock server of `apidocgen-mock`, for tests that start it in-process; brings FlyingFox.
        .library(name: "APIDocMock", targets: ["APIDocMock"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
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
        .target(name: "APIDocSwiftEmitter", dependencies: ["APIDocModel", "APIDocMarkdown"]),
        .target(name: "APIDocLint", dependencies: ["APIDocModel", "APIDocLiterals"]),
        .target(name: "CFileSwap"),
        .target(name: "APIDocGeneratorCore", dependencies: ["APIDocModel", "APIDocSwiftEmitter", "APIDocLint", "CFileSwap"]),
        .target(
            name: "APIDocMock",
            dependencies: [
                "APIDocGeneratorCore", "APIDocExtraction", "APIDocModel", "APIDocJSON",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .target(
            name: "APIDocCLI",
            dependencies: ["APIDocGeneratorCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "apidocgen",
            dependencies: ["APIDocGeneratorCore", "APIDocCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "apidocgen-mock",
            dependencies: ["APIDocMock", "APIDocCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The text of OData's date, time, duration and GUID literals, read alike by the runtime and
        // the linter (no Foundation).
        .target(name: "APIDocLiterals"),
        .target(name: "APIDocRuntime", dependencies: ["APIDocLiterals"]),
        .target(
            name: "APIDocAsyncHTTPClient",
            dependencies: ["APIDocRuntime", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .target(name: "GraphAPI", dependencies: ["APIDocRuntime"], path: "Generated"),
        .plugin(
            name: "GenerateAPI",
            capability: .command(
                intent: .custom(verb: "generate-api", description: "Regenerate the API code from the docs with apidocgen.json"),
                permissions: [.writeToPackageDirectory(reason: "apidocgen writes the generated Swift into the package's output folder")]
            ),
            dependencies: ["apidocgen"]
        ),
        .plugin(name: "APIDocGenBuildPlugin", capability: .buildTool(), dependencies: ["apidocgen"]),

        // What several test targets share: the runtime's sources for swiftc.
        .target(name: "APIDocTestSupport", path: "Tests/APIDocTestSupport"),
        .testTarget(name: "APIDocMarkdownTests", dependencies: ["APIDocMarkdown"]),
        .testTarget(name: "APIDocJSONTests", dependencies: ["APIDocJSON"]),
        .testTarget(name: "APIDocExtractionTests", dependencies: ["APIDocExtraction"]),
        .testTarget(name: "APIDocModelTests", dependencies: ["APIDocModel"]),
        .testTarget(name: "APIDocLintTests", dependencies: ["APIDocTestSupport", "APIDocLint", "APIDocGeneratorCore", "APIDocRuntime"], exclude: ["Fixtures"]),
        .testTarget(name: "APIDocSwiftEmitterTests", dependencies: ["APIDocTestSupport", "APIDocSwiftEmitter"]),
        .testTarget(name: "APIDocGeneratorCoreTests", dependencies: ["APIDocTestSupport", "APIDocGeneratorCore"]),
        .testTarget(name: "APIDocCLITests", dependencies: ["APIDocCLI", "APIDocExtraction", "APIDocMarkdown"]),
        .testTarget(
            name: "APIDocRuntimeTests",
            dependencies: ["APIDocRuntime", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .testTarget(
            name: "APIDocAsyncHTTPClientTests",
            dependencies: ["APIDocAsyncHTTPClient", "APIDocRuntime", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .testTarget(name: "APIDocRobustnessTests", dependencies: ["APIDocTestSupport", "APIDocGeneratorCore", "APIDocLint"], exclude: ["Fixtures"]),
        .testTarget(
            name: "APIDocMockTests",
            dependencies: ["APIDocMock", "APIDocGeneratorCore", "APIDocExtraction", "APIDocJSON", "APIDocModel", "GraphAPI", "APIDocRuntime"]
        ),
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
