import ArgumentParser
import Foundation

/// `--root`, which every command that works on a site takes, with one help text and one reading.
struct SiteRootOption: ParsableArguments {
    @Option(name: .long, help: "The site folder, holding content/ and themes/.")
    var root: String = "."

    /// The folder as an absolute URL without `.` or `..`.
    var url: URL { URL(fileURLWithPath: root).standardizedFileURL }
}
