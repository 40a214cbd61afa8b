import RendaContent
import RendaCore

/// `renda check` renders drafts too, against the same site the published items link into, so a
/// draft's broken links and missing images are seen while it is written rather than on the day it
/// is published. Nothing of a draft is published, so none of its problems may fail the check:
/// every one is a warning that says it is a draft's. `renda build` never runs this.
enum DraftChecks {
    /// Appended to each message, so a draft's problem is not read as one of the published site.
    static let note = "（草稿，发布前请改正）"

    /// The problems of every draft the model left out, as warnings.
    static func problems(content: SiteContent, model: SiteModel, context: LinkResolver.Context) -> [Diagnostic] {
        let drafts = content.items.filter(\.draft)
        guard !drafts.isEmpty else { return [] }
        let renderer = ItemRendering.renderer(for: model.config)
        return drafts.parallelMap { ItemRendering.render($0, with: renderer, config: model.config, context: context).1 }
            .flatMap { $0 }.map(asDraftProblem)
    }

    static func asDraftProblem(_ problem: Diagnostic) -> Diagnostic {
        var problem = problem
        if problem.severity == .error { problem.severity = .warning }
        problem.message += note
        return problem
    }
}
