import Foundation
import RendaCore

/// Image sizes read once per build and shared by the threads rendering articles: a site's few
/// standard images in `content/static/` are used by thousands of articles, and reading each
/// header again for every use cost a 10,000-page build a twentieth of its Markdown stage.
final class ImageSizes: @unchecked Sendable {
    private let lock = NSLock()
    private var sizes: [String: PixelSize?] = [:]

    func size(ofFileAt path: String) -> PixelSize? {
        if let known = lock.withLock({ sizes[path] }) { return known }
        let size = ImageHeader.size(ofFileAt: path)
        lock.withLock { sizes[path] = size }
        return size
    }
}
