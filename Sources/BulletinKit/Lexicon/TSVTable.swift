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
    /// Parses `text` row by row without keeping the rows: the gazetteer (40,000 rows) is read
    /// this way, so its table never exists whole beside the places built from it.
    /// - Returns: the header's column names.
    /// - Parameter rowProblem: when given, a row with too few cells or an empty required cell is
    ///   passed to it and skipped, and the rest is read (`lexicon check` lists every problem);
    ///   otherwise the first such row throws.
    @discardableResult
    public static func forEachRow(
        parsing text: String, file: String, required: [String], rowProblem: ((LexiconError) -> Void)? = nil,
        _ body: (Row) throws(LexiconError) -> Void
    ) throws(LexiconError) -> [String] {
        // Parsed on UTF-8 bytes: the gazetteer is 40,000 lines and is read at every start.
        let bytes = Array(text.utf8)
        var header: [String]? = nil
        var columnIndex: [String: Int] = [:]
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            var from = lineStart
            var to = lineEnd
            lineStart = lineEnd + 1
            if lineNumber == 1, to - from >= 3, bytes[from] == 0xEF, bytes[from + 1] == 0xBB, bytes[from + 2] == 0xBF {
                from += 3
            }
            if to > from, bytes[to - 1] == 0x0D { to -= 1 }
            if from == to || bytes[from] == UInt8(ascii: "#") { continue }
            if bytes[from..<to].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            var cells: [String] = []
            var cellStart = from
            for index in from...to where index == to || bytes[index] == 0x09 {
                cells.append(String(decoding: bytes[cellStart..<index], as: UTF8.self).trimmingSpaces)
                cellStart = index + 1
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
            var problem: LexiconError? = nil
            if cells.count < needed {
                problem = .malformedRow(
                    file: file, line: lineNumber,
                    message: "expected \(needed) tab-separated columns (\(columnsSoFar.prefix(needed).joined(separator: ", "))), found \(cells.count)"
                )
            } else if let empty = required.first(where: { cells[columnIndex[$0]!].isEmpty }) {
                problem = .malformedRow(file: file, line: lineNumber, message: "empty '\(empty)' cell")
            }
            if let problem {
                guard let rowProblem else { throw problem }
                rowProblem(problem)
                continue
            }
            try body(Row(line: lineNumber, cells: cells, columns: columnIndex))
        }
        guard let header else { throw .missingHeader(file: file) }
        return header
    }

    public init(parsing text: String, file: String, required: [String]) throws(LexiconError) {
        self.file = file
        var rows: [Row] = []
        columns = try TSVTable.forEachRow(parsing: text, file: file, required: required) { rows.append($0) }
        self.rows = rows
    }

    /// Parses `text`, keeping the rows that are whole and gathering every row problem (too few
    /// cells, an empty required cell) in `rowProblems` instead of stopping at the first.
    /// - Throws: `LexiconError` only for a missing header or required column.
    public init(parsing text: String, file: String, required: [String], rowProblems: inout [LexiconError]) throws(LexiconError) {
        self.file = file
        var rows: [Row] = []
        var problems: [LexiconError] = []
        columns = try TSVTable.forEachRow(parsing: text, file: file, required: required, rowProblem: { problems.append($0) }) {
            rows.append($0)
        }
        rowProblems += problems
        self.rows = rows
    }
}
