import RendaContent
import RendaCore

/// `renda check` renders drafts and items dated later too, against the same site the published
/// items link into, so their broken links and missing images are seen while they are written
/// rather than on the day they are published. Nothing of a draft is published, so none of its problems may fail the check:
/// every one is a warning that says it is a draft's. `renda build` never runs this.
enum DraftChecks {
    /// The problems of every item the model left out (drafts, and items dated later), as warnings.
    static func problems(content: SiteContent, model: SiteModel, context: LinkResolver.Context) -> [Diagnostic] {
        let waiting = content.items.filter { context.unpublishedSources.contains($0.sourcePath) }
        guard !waiting.isEmpty else { return [] }
        let renderer = ItemRendering.renderer(for: model.config, checkingWording: true)
        return waiting.parallelMap { item in
            ItemRendering.render(item, with: renderer, config: model.config, context: context).1
                .map { WaitingNote.waiting($0, note: item.draft ? WaitingNote.draft : WaitingNote.scheduled) }
        }.flatMap { $0 }
    }
}
