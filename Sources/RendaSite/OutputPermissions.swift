import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rebuild replaces the output folder with a new one, which the umask of whoever runs the build
/// would make: from cron or sudo with a strict umask (027), a web server reading as another user
/// (nginx's `nobody`) then gets 403 for every page, and a setgid folder shared by the office loses
/// its group. So the new folder takes the old one's mode and group, and what is written in it
/// the read (and group write) permission the old folder gave; with a common umask and folder
/// (022, 755) nothing is set by hand. A first build follows the umask.
enum OutputPermissions {
    struct Modes: Sendable {
        var file: mode_t
        var folder: mode_t
    }

    /// Gives `staging` the mode and group of `output`, when it exists; returns the modes its
    /// contents need, or nil when the umask gives them already.
    static func carry(from output: String, to staging: String) -> Modes? {
        var old = stat()
        guard stat(output, &old) == 0, old.st_mode & S_IFMT == S_IFDIR else { return nil }
        let kept = old.st_mode & 0o7777
        chmod(staging, kept)
        // The group only where the user may give it (a member of it); else the user's own.
        chown(staging, uid_t.max, old.st_gid)
        let shared = kept & (0o044 | 0o020)
        let wanted = Modes(file: 0o600 | shared, folder: 0o700 | (kept & (0o055 | 0o020 | 0o2000)))
        let mask = umaskNow()
        let given = Modes(file: 0o644 & ~mask, folder: 0o755 & ~mask)
        // Subfolders of a setgid folder are setgid by themselves.
        return given.file == wanted.file && given.folder == (wanted.folder & 0o777) ? nil : wanted
    }

    /// The process's umask, read from /proc (asking umask(2) would change it for every thread
    /// for a moment); 022 where /proc has no word of it.
    static func umaskNow() -> mode_t {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
              let value = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        else { return 0o022 }
        return value
    }
}
