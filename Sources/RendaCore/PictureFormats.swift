/// Picture file extensions, lower case, in the three sets the checks ask about: one list, so the
/// Markdown slips, the link resolver and the size check never disagree on what a picture is.
public enum PictureFormats {
    /// Formats every current browser shows.
    public static let shownByBrowsers: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "svg", "avif", "bmp", "ico"]
    /// Those whose size `ImageHeader` reads: a file of them it cannot read is not what its name says.
    public static let sizeRead: Set<String> = ["jpg", "jpeg", "png", "gif", "webp"]
    /// Every picture a writer may name: those browsers show, and the phone's, scanner's and
    /// camera's that they do not.
    public static let all: Set<String> = shownByBrowsers.union(["heic", "heif", "tif", "tiff"])
}
