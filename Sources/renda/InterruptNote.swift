#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl+C during `renda build` ends it at once, as before, but says what that means for the
/// site: nothing was replaced (the new one is written beside it and swapped in last), and what
/// was written beside it goes at the next build. Exit status 130, as a shell gives an
/// interrupted command.
enum InterruptNote {
    /// Made before the signal can come: a handler may only write bytes and exit.
    private static let message = Array("\n生成已中断：原有的网站没有改动，写了一半的临时文件会在下次生成时清理。\n".utf8)

    static func install() {
        _ = message.count
        // A parent that blocked the signal (a test runner, some CI tools) passes the mask on:
        // Ctrl+C would wait until the build ended.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
        signal(SIGINT) { _ in
            InterruptNote.message.withUnsafeBytes { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
            _exit(130)
        }
    }
}
