/// The names an article's file may have: `.md` or `.markdown`, in any case, as Hugo and Jekyll
/// read them. A bundle's text is `index.md` alone: the name `renda new --bundle` writes and links
/// to a bundle find.
public enum MarkdownFileName {
    private static let extensions: [[UInt8]] = [Array(".md".utf8), Array(".markdown".utf8)]

    /// Whether the name (or path) ends in `.md` or `.markdown`, in any case.
    public static func matches(_ name: some StringProtocol) -> Bool {
        extensionLength(name) != nil
    }

    /// The name without `.md` or `.markdown` (`2023-06-30-huiyi` for `2023-06-30-huiyi.markdown`);
    /// any other name as it is.
    public static func stem<Name: StringProtocol>(_ name: Name) -> Name.SubSequence {
        name.dropLast(extensionLength(name) ?? 0)
    }

    /// Read from the name's last bytes, without a lowercased copy of every name: `.` as it is,
    /// letters in either case.
    private static func extensionLength(_ name: some StringProtocol) -> Int? {
        let utf8 = name.utf8
        for candidate in extensions where utf8.count >= candidate.count {
            let tail = utf8.suffix(candidate.count)
            if tail.first == UInt8(ascii: "."), zip(tail.dropFirst(), candidate.dropFirst()).allSatisfy({ $0 | 0x20 == $1 }) {
                return candidate.count
            }
        }
        return nil
    }
}
