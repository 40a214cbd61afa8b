import ArgumentParser
import Foundation

/// `--root`, which every command that works on a site takes, with one help text and one reading.
struct SiteRootOption: ParsableArguments {
    @Option(name: .long, help: "站点目录，其中有 content/ 和 themes/（默认是当前目录）。")
    var root: String = "."

    /// The folder as an absolute URL without `.` or `..`.
    var url: URL { URL(fileURLWithPath: root).standardizedFileURL }
}
