// swift-tools-version: 6.1
// libFuzzer targets for BreachScope's readers. A separate package so the main build and CI are
// untouched. Build and run with `scripts/fuzz` (see docs/status.md, "Fuzzing").
import Foundation
import PackageDescription

// A path dependency's identity is its directory's name (`main`, `wt-fuzz`, `BreachScope` …).
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let mainIdentity = mainPackage.lastPathComponent.lowercased()

let targets = [
    "FuzzCSV", "FuzzJSON", "FuzzText", "FuzzSQL", "FuzzXML", "FuzzXLSX", "FuzzDOCX", "FuzzODF",
    "FuzzMail", "FuzzTar", "FuzzZip", "FuzzEncoding", "FuzzHTML", "FuzzMarkup", "FuzzCuts",
]

let package = Package(
    name: "BreachScopeFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzDriverC"),
        .target(
            name: "FuzzSupport",
            dependencies: ["FuzzDriverC", .product(name: "BreachScope", package: mainIdentity)]
        ),
    ] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "BreachScope", package: mainIdentity)]
        )
    },
    swiftLanguageModes: [.v6]
)
