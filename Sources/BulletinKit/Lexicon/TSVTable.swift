/// A lexicon file in the project's TSV format, parsed: a header line naming the columns, then one
/// entry a line. Lines starting with `#` and blank lines are skipped, a BOM on the first line and
/// a trailing `\r` (Excel on Windows) are tolerated, columns are found by header name and extra
/// columns (a reviewer's `note`) are allowed. There is no quoting: a cell holding several values
/// separates them with `|`.
///
/// ```swift
/// let table = try TSVTable(parsing: "cue\trole\n扫码\tboilerplate\n", file: "layout-cues.tsv",
///                          required: ["cue", "role"])
/// table.rows[0].value("role")   // "boilerplate"
/// table.rows[0].line            // 2
/// ```
public struct TSVTable: Sendable {
    /// One entry, with the line it came from so later checks can name it.
    public struct Row: Sendable {
        public let line: Int
        fileprivate let cells: [String]
        fileprivate let columns: [String: Int]

        /// The cell under `column`, or the empty string when the row is shorter or has no such
        /// column.
        public func value(_ column: String) -> String {
            guard let index = columns[column], index < cells.count else { return "" }
            return cells[index]
        }
    }

    public let file: String
    public let columns: [String]
    public let rows: [Row]

    /// Parses `text`, naming `file` in any error.
    /// - Throws: `LexiconError` for a missing header, a missing required column, or a line with
    ///   fewer cells than the required columns need.
    public init(parsing text: String, file: String, required: [String]) throws(LexiconError) {
        self.file = file
        var header: [String]? = nil
        var columnIndex: [String: Int] = [:]
        var rows: [Row] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so split on both.
        for rawLine in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        {
            lineNumber += 1
            var line = Substring(rawLine)
            if lineNumber == 1, line.unicodeScalars.first == "\u{FEFF}" {
                line = Substring(line.unicodeScalars.dropFirst())
            }
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0).trimmingSpaces
            }
            guard let columnsSoFar = header else {
                header = cells
                for (index, name) in cells.enumerated() where columnIndex[name] == nil {
                    columnIndex[name] = index
                }
                for column in required where columnIndex[column] == nil {
                    throw .missingColumn(file: file, line: lineNumber, column: column)
                }
                continue
            }
            let needed = required.compactMap { columnIndex[$0] }.max().map { $0 + 1 } ?? 0
            if cells.count < needed {
                throw .malformedRow(
                    file: file, line: lineNumber,
                    message: "expected \(needed) tab-separated columns (\(columnsSoFar.prefix(needed).joined(separator: ", "))), found \(cells.count)"
                )
            }
            for column in required where cells[columnIndex[column]!].isEmpty {
                throw .malformedRow(file: file, line: lineNumber, message: "empty '\(column)' cell")
            }
            rows.append(Row(line: lineNumber, cells: cells, columns: columnIndex))
        }
        guard let header else { throw .missingHeader(file: file) }
        self.columns = header
        self.rows = rows
    }
}
