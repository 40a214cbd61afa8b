import Foundation
import RendaContent
import RendaCore
import RendaSite

/// What the command prints: diagnostics to standard error, the summary to standard output.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Errors and warnings; notes (drafts) are for `renda check` only.
    static func print(_ diagnostics: Diagnostics) {
        for diagnostic in diagnostics.sorted where diagnostic.severity != .info { error(diagnostic.description) }
    }

    static func summary(_ report: BuildReport, output: String, timings: Bool) {
        var lines = ["已生成站点：\(output)"]
        for (kind, count) in report.sections {
            lines.append("  \(kind.title)：\(count) \(kind == .pages ? "个" : "篇")")
        }
        lines.append("  共写入 \(report.files) 个文件（其中 HTML 页面 \(report.htmlPages) 个，\(formatBytes(report.bytes))），用时 \(String(format: "%.2f", report.seconds)) 秒")
        if report.searchIndex.files > 0 {
            lines.append("  其中搜索索引 \(report.searchIndex.files) 个文件，\(formatBytes(report.searchIndex.bytes))")
        }
        let warnings = report.diagnostics.warnings.count
        if warnings > 0 { lines.append("  有 \(warnings) 条警告，见上方。") }
        if timings {
            lines.append("各阶段用时：")
            for stage in report.timings {
                lines.append("  \(stage.stage.padding(toLength: 14, withPad: " ", startingAt: 0))\(String(format: "%8.3f", stage.seconds)) s"
                             + "  处理器 \(String(format: "%.3f", stage.processorSeconds)) s")
            }
        }
        Swift.print(lines.joined(separator: "\n"))
    }

    /// A line that replaces itself on a terminal (`nil` clears it), for work that takes minutes.
    static func progress(_ line: String?) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + (line ?? "")).utf8))
    }

    /// Runs async work from a synchronous command and waits for it; the main thread is not one
    /// of the pool's, so the wait does not hold up the work.
    static func waiting<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = WaitBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    static func formatBytes(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return String(format: "%.1f KB", Double(bytes) / Double(1 << 10)) }
        return "\(bytes) B"
    }
}

/// Carries a result from the task to the waiting thread; the semaphore orders the two.
private final class WaitBox<T>: @unchecked Sendable {
    var value: T?
}
