import Foundation

/// Issue dates a user supplies for an archive whose file names and mastheads carry none
/// (`bulletin run scans/ --dates dates.csv`): one row per bulletin, its path or file name and its
/// date, `YYYY-MM-DD` or `YYYY-MM`.
///
/// ```
/// file,date
/// scans/0001.txt,2023-12-08
/// 0002.txt,2023-12
/// ```
///
/// A header row is optional; commas or tabs separate the two columns; blank lines and lines
/// starting with `#` are skipped. A row names a file by the path the run is given
/// (`scans/0001.txt`) or by its file name (`0001.txt`, or `0001` without the extension); a path
/// wins over a file name. A date from this file is the bulletin's issue date, before the one its
/// file name or masthead carries.
public struct IssueDates: Sendable, Equatable {
    /// The file the dates were read from, as given.
    public let source: String
    /// SHA-256 of its bytes, for the manifest and for `--resume` to check.
    public let sha256: String
    /// Rows read.
    public private(set) var count = 0
    private var byPath: [String: IssueDate] = [:]
    private var byName: [String: IssueDate] = [:]

    /// Reads a dates file; every problem is an error naming the file and line.
    public init(contentsOf path: String) throws(DatesFileError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file")
        }
        let bytes = [UInt8](data)
        guard let text = String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
        else { throw .unreadable(file: path, reason: "not UTF-8 text") }
        try self.init(parsing: text, source: path, sha256: SHA256.hex(of: bytes))
    }

    init(parsing text: String, source: String, sha256: String) throws(DatesFileError) {
        self.source = source
        self.sha256 = sha256
        var seenPaths: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = String(line).trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = IssueDates.cells(of: trimmed)
            guard cells.count == 2, !cells[0].isEmpty else {
                throw .malformedRow(file: source, line: lineNumber, message: "expected two columns, a file and a date, found \(cells.count)")
            }
            guard let date = IssueDates.date(cells[1]) else {
                // A first row with no digit where the date goes names the columns (`file,date`).
                if count == 0, !cells[1].contains(where: \.isNumber) { continue }
                throw .malformedRow(file: source, line: lineNumber, message: "'\(cells[1])' is not a date (YYYY-MM-DD or YYYY-MM)")
            }
            let file = cells[0]
            if let first = seenPaths[file] {
                throw .malformedRow(file: source, line: lineNumber, message: "'\(file)' is given a date already, on line \(first)")
            }
            seenPaths[file] = lineNumber
            count += 1
            if file.contains("/") {
                byPath[IssueDates.normalized(file)] = date
            } else {
                byName[file] = date
            }
        }
    }

    /// The date given for the bulletin at `path`, by its path or else by its file name (with or
    /// without its extension).
    public func date(for path: String) -> IssueDate? {
        if let date = byPath[IssueDates.normalized(path)] { return date }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let date = byName[name] { return date }
        if let dot = name.lastIndex(of: "."), let date = byName[String(name[..<dot])] { return date }
        return nil
    }

    /// `./scans//0001.txt` and `scans/0001.txt` are one path.
    private static func normalized(_ path: String) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if parts.isEmpty { parts = [Substring(path)] }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// The two cells of a row: split at the first tab, else at the last comma (a file name may
    /// hold commas; a date never does), each trimmed and unquoted.
    private static func cells(of line: String) -> [String] {
        let parts: [Substring]
        if let tab = line.firstIndex(of: "\t") {
            parts = [line[..<tab], line[line.index(after: tab)...]]
        } else if let comma = line.lastIndex(of: ",") {
            parts = [line[..<comma], line[line.index(after: comma)...]]
        } else {
            parts = [Substring(line)]
        }
        return parts.map { part in
            var cell = String(part).trimmingSpaces
            if cell.count >= 2, cell.hasPrefix("\""), cell.hasSuffix("\"") {
                cell = String(cell.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            return cell
        }
    }

    /// `2024-03-08` or `2024-03`, a real day of a real month; nothing else.
    static func date(_ text: String) -> IssueDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        guard parts.count == 3 else { return IssueDate(year: year, month: month) }
        guard parts[2].count == 2, let day = Int(parts[2]), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return IssueDate(year: year, month: month, day: day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A `--dates` file that cannot be used: unreadable, or a row that is not a file and a date.
public enum DatesFileError: Error, CustomStringConvertible, Equatable, Sendable {
    case unreadable(file: String, reason: String)
    case malformedRow(file: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): cannot read the dates file: \(reason)"
        case .malformedRow(let file, let line, let message): return "\(file):\(line): \(message)"
        }
    }
}
