#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a new output in the old one's place in a single step where the system can: Linux's
/// `renameat2(RENAME_EXCHANGE)` swaps two names at once, so a web server reading the folder
/// never finds it missing (two renames leave a moment without it, and a visitor a bare 404).
/// glibc has the call, but Swift's Glibc module does not declare it: it is looked up by name.
enum FolderSwap {
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: Renameat2? = {
        #if os(Linux)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
        #else
        return nil
        #endif
    }()

    /// Exchanges the two folders' names; false when this system or file system cannot (the
    /// caller then renames twice).
    static func exchange(_ first: String, _ second: String) -> Bool {
        guard let renameat2 else { return false }
        let renameExchange: UInt32 = 2  // RENAME_EXCHANGE, linux/fs.h
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }
}
