import Foundation
import PipelineCore

/// The workbook as a ``FormatWriter``: sheets written as the tables arrive, then the file hashed for the
/// manifest by streaming it back (never loaded whole).
struct WorkbookFileWriter: FormatWriter {
    let writer: XLSXWorkbookRenderer.Writer
    let folder: String

    init(_ renderer: XLSXWorkbookRenderer, headings: [TableHeading], folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Publisher.notWritable(folder, error)
        }
        self.folder = folder
        writer = try XLSXWorkbookRenderer.Writer(
            renderer, headings: headings, path: (folder as NSString).appendingPathComponent(ReportExporter.workbookName))
    }

    func begin(_ heading: TableHeading) throws { try writer.begin(heading) }
    func write(_ page: PublishedPage) throws { try writer.write(page.rows) }
    func end() throws { try writer.end() }

    func finish() throws -> [ReportExporter.WrittenFile] {
        try writer.close()
        let path = (folder as NSString).appendingPathComponent(ReportExporter.workbookName)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let sha256 = try FileDigest.sha256(path: path, display: ReportExporter.workbookName)
        return [ReportExporter.WrittenFile(path: ReportExporter.workbookName, bytes: (attributes[.size] as? Int) ?? 0, sha256: sha256)]
    }
}
