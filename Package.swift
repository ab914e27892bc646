// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bulletin",
    products: [
        .executable(name: "bulletin", targets: ["bulletin"]),
        .library(name: "BulletinKit", targets: ["BulletinKit"]),
    ],
    targets: [
        // The pipeline: decoding, ingestion, (later) tagging and export. No process-level policy.
        .target(name: "BulletinKit", plugins: ["EmbedLexicons"]),
        // Argument parsing, help text, commands and exit statuses.
        .target(name: "BulletinCLI", dependencies: ["BulletinKit"]),
        .executableTarget(name: "bulletin", dependencies: ["BulletinCLI"]),
        // Start-up and throughput of each stage: `swift run -c release bulletin-bench [MB]`.
        .executableTarget(
            name: "bulletin-bench", dependencies: ["BulletinKit"], path: "bench",
            exclude: ["README.md", "run.sh"]),
        // Turns lexicons/*.tsv into a Swift source file so the lexicons travel inside the binary.
        .executableTarget(name: "embed-lexicons"),
        .plugin(
            name: "EmbedLexicons", capability: .buildTool(),
            dependencies: ["embed-lexicons"], path: "Sources/EmbedLexiconsPlugin"),
        .testTarget(name: "BulletinKitTests", dependencies: ["BulletinKit"], exclude: ["Fixtures"]),
        .testTarget(name: "BulletinCLITests", dependencies: ["BulletinCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
