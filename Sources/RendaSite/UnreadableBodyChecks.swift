import RendaContent
import RendaCore

/// A file whose fields could not be read is left out of the site, but its body is rendered all the
/// same and its problems (broken links, missing images, Word paste, wording) listed beside the
/// fields' errors: otherwise staff would mend the fields, check again, and only then be told of the
/// body. Nothing of the rendering is kept. Costs nothing when every file reads.
enum UnreadableBodyChecks {
    static func problems(content: SiteContent, config: SiteConfig, context: LinkResolver.Context,
                         checkingWording: Bool) -> [Diagnostic] {
        guard !content.unreadableBodies.isEmpty else { return [] }
        let renderer = ItemRendering.renderer(for: config, checkingWording: checkingWording)
        return content.unreadableBodies.flatMap { item in
            let problems = ItemRendering.render(item, with: renderer, config: config, context: context).1
            return item.draft ? problems.map { WaitingNote.waiting($0, note: WaitingNote.draft) } : problems
        }
    }
}
