import Foundation
import PipelineCore
package import Publication

/// The workbook as a ``FormatWriter``: sheets written as the tables arrive, then the file hashed for the
/// manifest by streaming it back (never loaded whole).
package struct WorkbookFileWriter: FormatWriter {
    package let writer: XLSXWorkbookRenderer.Writer
    package let folder: String

    package init(_ renderer: XLSXWorkbookRenderer, headings: [TableHeading], folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PipelineError.outputNotWritable(folder, error)
        }
        self.folder = folder
        writer = try XLSXWorkbookRenderer.Writer(
            renderer, headings: headings, path: (folder as NSString).appendingPathComponent(PublicationFileName.workbook))
    }

    package func begin(_ heading: TableHeading) throws { try writer.begin(heading) }
    package func write(_ page: PublishedPage) throws { try writer.write(page.rows, statuses: page.statuses) }
    package func end() throws { try writer.end() }

    package func finish() throws -> [WrittenFile] {
        try writer.close()
        let path = (folder as NSString).appendingPathComponent(PublicationFileName.workbook)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let sha256 = try FileDigest.sha256(path: path, display: PublicationFileName.workbook)
        return [WrittenFile(path: PublicationFileName.workbook, bytes: (attributes[.size] as? Int) ?? 0, sha256: sha256)]
    }
}
