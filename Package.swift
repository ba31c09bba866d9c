// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "BreachScope",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "BreachScope", targets: ["BreachScope"]),
        .executable(name: "breachscope", targets: ["breachscope"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "BreachScope",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
                "CSHA256Blocks",
                "CAESGCM",
                "CUTF8",
            ],
            resources: [.copy("Rules")]
        ),
        // BoringSSL's SHA-256 block function (linked by swift-crypto) for the keyed hashes.
        .target(name: "CSHA256Blocks"),
        // BoringSSL's AES-256-GCM context (linked by swift-crypto), made once per sealer.
        .target(name: "CAESGCM"),
        // UTF-8 validation 16 bytes at a time (SSSE3 byte lookups), for the read path.
        .target(name: "CUTF8"),
        .executableTarget(
            name: "breachscope",
            dependencies: [
                "BreachScope",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "BreachScopeTesting", dependencies: ["BreachScope", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "BreachScopeTests", dependencies: ["BreachScope", "BreachScopeTesting", "CUTF8"]),
        .testTarget(name: "breachscopeTests", dependencies: ["BreachScope", "BreachScopeTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
