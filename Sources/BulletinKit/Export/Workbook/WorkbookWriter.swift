/// An Office Open XML workbook (`.xlsx`) written by our own code: a ZIP of
/// `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`,
/// `xl/styles.xml` and one `xl/worksheets/sheetN.xml` per sheet. Tables go in one after another,
/// row by row, as the typed cells `CSVWriter` writes (`WorksheetWriter` says how each becomes a
/// cell).
///
/// A table longer than `rowLimit` rows (header included; a spreadsheet holds 1,048,576) is
/// split into sheets of at most that many rows, each starting with the header, named so the
/// first says it: `mentions (1 of 3)`, `mentions (2 of 3)`, `mentions (3 of 3)`.
///
/// ```swift
/// let book = try WorkbookWriter(path: "out.xlsx")
/// try book.beginSheet("articles", header: ["id", "date", "title"])
/// try book.row([.text("2024-03-08_xietu#1"), .date(IssueDate(year: 2024, month: 3, day: 8)!), .text("老小区里议出新气象")])
/// try book.commit()   // out.xlsx appears now, whole
/// ```
///
/// The file is written atomically (`AtomicFile`): complete, or the old file (or none) is left.
/// Sheets stream into the archive deflated, a megabyte of XML at a time once their column widths
/// are settled (`WorksheetWriter.defaultWidthSampleRows`), so memory stays flat however long a table is.
public final class WorkbookWriter {
    public let path: String
    /// The most rows a sheet holds, its header included.
    public let rowLimit: Int
    private let file: AtomicFile
    private var archive: ZipWriter
    private var sheet: WorksheetWriter?
    private var header: [String] = []
    /// Each table: its name and, per sheet it was split into, the sheet's filter range.
    private var tables: [(name: String, parts: [String])] = []
    private var sheetNumber = 0

    public static let excelRowLimit = 1_048_576

    /// - Throws: `OutputError` when the file's folder cannot be written.
    public convenience init(path: String, rowLimit: Int = WorkbookWriter.excelRowLimit) throws(OutputError) {
        try self.init(path: path, rowLimit: rowLimit, pieceSize: 1 << 20, widthSampleRows: WorksheetWriter.defaultWidthSampleRows)
    }

    /// `pieceSize`: bytes of rows gathered before they go into the archive; `widthSampleRows`:
    /// rows measured for the column widths (tests stream after a few).
    init(path: String, rowLimit: Int, pieceSize: Int, widthSampleRows: Int) throws(OutputError) {
        precondition(rowLimit >= 2, "a sheet holds its header and at least one row")
        self.path = path
        self.rowLimit = rowLimit
        self.pieceSize = pieceSize
        self.widthSampleRows = widthSampleRows
        let file = try AtomicFile(path: path)
        self.file = file
        archive = ZipWriter(path: path) { (bytes: [UInt8]) throws(OutputError) in try file.write(bytes) }
    }

    /// Starts a table: its sheet, or its first sheet when it outgrows `rowLimit`.
    public func beginSheet(_ name: String, header: [String]) throws(OutputError) {
        try endSheet()
        self.header = header
        tables.append((WorkbookWriter.sheetName(name), []))
        try startPart()
    }

    public func row(_ cells: [CSVWriter.Cell]) throws(OutputError) {
        guard let rows = sheet?.rowCount else { preconditionFailure("WorkbookWriter: row before beginSheet") }
        if rows >= rowLimit {
            try endSheet()
            try startPart()
        }
        // In place: a copy taken out of the optional would copy the whole sheet on every row.
        sheet!.row(cells)
        if sheet!.pendingBytes >= pieceSize {
            let ready = sheet!.takeReady()
            if !ready.isEmpty { try guarded { (archive: inout ZipWriter) throws(OutputError) in try archive.writeEntry(ready) } }
        }
    }

    /// Rows go into the archive in pieces of about this many bytes of XML.
    private let pieceSize: Int
    private let widthSampleRows: Int

    /// Opens the next sheet part of the current table.
    private func startPart() throws(OutputError) {
        sheetNumber += 1
        let number = sheetNumber
        try guarded { (archive: inout ZipWriter) throws(OutputError) in try archive.beginEntry("xl/worksheets/sheet\(number).xml") }
        sheet = WorksheetWriter(header: header, widthSampleRows: widthSampleRows)
    }

    private func endSheet() throws(OutputError) {
        guard var current = sheet else { return }
        sheet = nil
        let rest = current.finish()
        try guarded { (archive: inout ZipWriter) throws(OutputError) in
            try archive.writeEntry(rest)
            try archive.endEntry()
        }
        tables[tables.count - 1].parts.append(current.absoluteFilterRange)
    }

    /// Runs a write on the archive; on failure the file is given up.
    private func guarded(_ body: (inout ZipWriter) throws(OutputError) -> Void) throws(OutputError) {
        do throws(OutputError) {
            try body(&archive)
        } catch {
            file.discard()
            throw error
        }
    }

    /// The names of the sheets so far, in order (split tables as `name (k of n)`).
    public var sheetNames: [String] {
        tables.flatMap { table in
            table.parts.count == 1 ? [table.name] : table.parts.indices.map { "\(table.name) (\($0 + 1) of \(table.parts.count))" }
        }
    }

    /// Writes the workbook's other parts and renames the file into place.
    public func commit() throws(OutputError) {
        do throws(OutputError) {
            try endSheet()
            let names = sheetNames
            let ranges = tables.flatMap(\.parts)
            try archive.add("xl/workbook.xml", Array(WorkbookWriter.workbook(names: names, ranges: ranges).utf8))
            try archive.add("xl/_rels/workbook.xml.rels", Array(WorkbookWriter.workbookRelationships(sheets: names.count).utf8))
            try archive.add("xl/styles.xml", Array(WorkbookWriter.styles.utf8))
            try archive.add("_rels/.rels", Array(WorkbookWriter.packageRelationships.utf8))
            try archive.add("[Content_Types].xml", Array(WorkbookWriter.contentTypes(sheets: names.count).utf8))
            try archive.finish()
        } catch {
            file.discard()
            throw error
        }
        try file.commit()
    }

    /// Gives up: the file is left as it was.
    public func discard() { file.discard() }

    /// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters with room for ` (k of n)`.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) }.map(Character.init))
        return String(cleaned.prefix(20))
    }

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let xmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func workbook(names: [String], ranges: [String]) -> String {
        var xml = xmlHead + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipsNamespace)\"><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(XMLText.escaped(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets><definedNames>"
        for (index, (name, range)) in Swift.zip(names, ranges).enumerated() {
            // The filter's range, as Excel itself records it.
            let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
            xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">\(XMLText.escaped(quoted))!\(range)</definedName>"
        }
        return xml + "</definedNames></workbook>"
    }

    static func workbookRelationships(sheets: Int) -> String {
        var xml = xmlHead + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for n in stride(from: 1, through: sheets, by: 1) {
            xml += "<Relationship Id=\"rId\(n)\" Type=\"\(relationshipsNamespace)/worksheet\" Target=\"worksheets/sheet\(n).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationshipsNamespace)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    static let packageRelationships = xmlHead
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipsNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func contentTypes(sheets: Int) -> String {
        var xml = xmlHead + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for n in stride(from: 1, through: sheets, by: 1) {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(n).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    /// Cell styles in `WorksheetWriter.Style` order: plain, a date (`yyyy-mm-dd`), the bold header.
    static let styles = xmlHead + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}
