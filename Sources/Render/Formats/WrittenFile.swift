/// One file a format wrote into the publication folder, as the manifest lists it.
package struct WrittenFile: Sendable {
    /// Relative to the publication's folder.
    package var path: String
    package var bytes: Int
    package var sha256: String

    package init(path: String, bytes: Int, sha256: String) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// The names of the publication's files that are not one per table (docs/REPORT.md).
package enum PublicationFileName {
    package static let workbook = "state-of-care.xlsx"
    package static let html = "state-of-care.html"
    package static let manifest = "manifest.json"
}
