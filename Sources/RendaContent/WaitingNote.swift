import RendaCore

/// What is not published yet fails nothing: a draft's problems, and an item's dated later, are
/// warnings that say so, to be mended before it is published. Shared by the loader (a draft whose
/// fields cannot be read) and the site's checks of drafts (`DraftChecks`).
public enum WaitingNote {
    /// Appended to a draft's problems, so one is not read as the published site's.
    public static let draft = "（草稿，发布前请改正）"
    /// The same for an item dated later, which the build publishes on its date.
    public static let scheduled = "（尚未到发布日期，发布前请改正）"

    /// `problem` as a warning with `note`.
    public static func waiting(_ problem: Diagnostic, note: String) -> Diagnostic {
        var problem = problem
        if problem.severity == .error { problem.severity = .warning }
        problem.message += note
        return problem
    }
}
