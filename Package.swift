// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Renda",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "renda", targets: ["renda"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // cmark from Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Diagnostics, dates and text helpers shared by every stage.
        .target(name: "RendaCore"),
        // Stage 1-3: read content/, parse front matter, validate, build the item model.
        .target(
            name: "RendaContent",
            dependencies: [
                "RendaCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Markdown through cmark's AST: CJK line joining, heading ids, link rewriting, TOC, summaries.
        .target(name: "RendaMarkdown", dependencies: ["CCmark", "RendaCore"]),
        // Theme lookup (extends chain), UI strings, and the Mustache template compiler and renderer.
        .target(
            name: "RendaTemplates",
            dependencies: [
                "RendaCore",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Site search: Chinese bigram tokens, the sharded index files, and the lookup the browser does.
        .target(name: "RendaSearch", dependencies: ["RendaCore"]),
        // `renda check --external`: asks every off-site address a site links to, a few at a time.
        .target(name: "RendaLinkChecker", dependencies: ["RendaCore"]),
        // Stage 4-5: assemble every page of the site, render it, write it atomically.
        .target(
            name: "RendaSite",
            dependencies: [
                "RendaCore", "RendaContent", "RendaMarkdown", "RendaTemplates", "RendaSearch", "RendaLinkChecker",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // `renda new`: a new item's file from the theme's archetypes.
        .target(
            name: "RendaScaffold",
            dependencies: [
                "RendaCore", "RendaContent", "RendaTemplates",
            ]
        ),
        // `renda serve`: preview over HTTP, file watching, incremental rebuilds, live reload.
        .target(
            name: "RendaServer",
            dependencies: [
                "RendaCore", "RendaContent", "RendaSite",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "renda",
            dependencies: [
                "RendaCore", "RendaSite", "RendaScaffold", "RendaServer", "RendaLinkChecker",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc: a build makes and
            // frees millions of small objects on every core, and spends about a tenth less CPU so.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "RendaContentTests", dependencies: ["RendaContent"]),
        .testTarget(name: "RendaMarkdownTests", dependencies: ["RendaMarkdown", "RendaCore"]),
        .testTarget(name: "RendaTemplatesTests", dependencies: ["RendaTemplates"]),
        .testTarget(name: "RendaSiteTests", dependencies: ["RendaSite", "RendaContent", "RendaLinkChecker"]),
        .testTarget(name: "RendaLinkCheckerTests", dependencies: ["RendaLinkChecker"]),
        .testTarget(name: "RendaSearchTests", dependencies: ["RendaSearch", "RendaSite", "RendaContent"], exclude: ["Fixtures"]),
        .testTarget(name: "RendaServerTests", dependencies: ["RendaServer", "RendaSite", "RendaContent"]),
        // Runs the real `renda` binary against fixture sites; depending on it makes SwiftPM build it.
        .testTarget(name: "RendaCLITests", dependencies: ["renda"], exclude: ["Fixtures"]),
    ]
)
