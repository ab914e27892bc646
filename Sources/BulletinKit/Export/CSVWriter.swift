/// Writes RFC 4180 CSV for spreadsheets: fields with a comma, quote or line break are quoted
/// (quotes doubled), rows end in CRLF, and the file starts with a UTF-8 BOM by default so Excel
/// and WPS show the Chinese ungarbled.
///
/// Text cells that a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, a tab
/// or a carriage return — get a leading `'` (OWASP's advice against CSV injection); number cells
/// are written as numbers and never changed.
///
/// ```swift
/// var csv = CSVWriter(bom: false)
/// csv.row([.text("标题"), .text("=1+1"), .number(314)])
/// csv.output   // "标题,'=1+1,314\r\n"
/// ```
public struct CSVWriter: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case int(Int)
        case bool(Bool)
        case empty
    }

    public private(set) var output: String

    public init(bom: Bool = true) {
        output = bom ? "\u{FEFF}" : ""
    }

    public mutating func row(_ cells: [Cell]) {
        output += cells.map(CSVWriter.field).joined(separator: ",") + "\r\n"
    }

    public mutating func header(_ names: [String]) {
        row(names.map(Cell.text))
    }

    /// Takes what has been written so far (for streaming to a file) and starts afresh.
    public mutating func drain() -> String {
        defer { output = "" }
        return output
    }

    static func field(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .text(var text):
            if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
                text = "'" + text
            }
            let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            guard needsQuotes else { return text }
            var quoted = String.UnicodeScalarView()
            quoted.append("\"")
            for scalar in text.unicodeScalars {
                quoted.append(scalar)
                if scalar == "\"" { quoted.append("\"") }
            }
            quoted.append("\"")
            return String(quoted)
        }
    }
}

