// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cchc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cchc", targets: ["cchc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.100.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.6.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
    ],
    targets: [
        // Pure domain rules: no Vapor, no Fluent.
        .target(name: "CCHCDomain"),
        // OOXML writer and reader (.xlsx, .docx) and CSV: no Vapor, no domain.
        .target(
            name: "CCHCOffice",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Persistence, HTTP, pages, API, commands.
        .target(
            name: "CCHCApp",
            dependencies: [
                "CCHCDomain",
                "CCHCOffice",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "cchc", dependencies: ["CCHCApp"]),
        .testTarget(name: "CCHCDomainTests", dependencies: ["CCHCDomain"]),
        .testTarget(
            name: "CCHCOfficeTests",
            dependencies: ["CCHCOffice", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CCHCAppTests",
            dependencies: [
                "CCHCApp",
                "CCHCOffice",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
