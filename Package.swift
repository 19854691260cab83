// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Konvent",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "konvent", targets: ["konvent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .target(
            name: "KonventDomain",
            swiftSettings: strict
        ),
        .target(
            name: "KonventStorage",
            dependencies: [
                "KonventDomain",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Lexicon")],
            swiftSettings: strict
        ),
        .target(
            name: "KonventViews",
            dependencies: ["KonventDomain"],
            resources: [.copy("Catalog")],
            swiftSettings: strict
        ),
        .target(
            name: "KonventDocuments",
            dependencies: ["KonventDomain"],
            swiftSettings: strict
        ),
        .target(
            name: "KonventWeb",
            dependencies: [
                "KonventDomain",
                "KonventStorage",
                "KonventViews",
                "KonventDocuments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "konvent",
            dependencies: [
                "KonventWeb",
                "KonventDomain",
                "KonventStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Shared by the test targets: databases for both dialects, the SMTP sink.
        .target(
            name: "KonventTestSupport",
            dependencies: ["KonventStorage", .product(name: "Logging", package: "swift-log")],
            path: "Tests/KonventTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "KonventDomainTests", dependencies: ["KonventDomain"], swiftSettings: strict),
        .testTarget(name: "KonventStorageTests", dependencies: ["KonventStorage", "KonventTestSupport"], swiftSettings: strict),
        .testTarget(name: "KonventViewsTests", dependencies: ["KonventViews"], swiftSettings: strict),
        .testTarget(name: "KonventDocumentsTests", dependencies: ["KonventDocuments", "KonventTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "KonventWebTests",
            dependencies: [
                "KonventWeb",
                "KonventTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
