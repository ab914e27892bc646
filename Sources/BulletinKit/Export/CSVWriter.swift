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
        /// An issue date, written in its ISO form (`2024-03-08`, `2023-12`); a workbook makes a
        /// day a real date.
        case date(IssueDate)
        case empty
    }

    /// The CSV so far, as UTF-8 bytes (built as bytes, like `JSONWriter`: the mention table is
    /// most of what a run writes).
    public private(set) var bytes: [UInt8]

    public init(bom: Bool = true) {
        bytes = bom ? [0xEF, 0xBB, 0xBF] : []
    }

    public var output: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func row(_ cells: [Cell]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            CSVWriter.append(cell, to: &bytes)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    public mutating func header(_ names: [String]) {
        row(names.map(Cell.text))
    }

    /// Takes what has been written so far (for streaming to a file) and starts afresh.
    public mutating func drain() -> String {
        String(decoding: drainBytes(), as: UTF8.self)
    }

    /// `drain()` as the UTF-8 bytes: a copy of exactly their size (rendered rows wait in memory
    /// until their file's turn to be written), the buffer kept for the next rows.
    public mutating func drainBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes.exactSizeCopy()
    }

    static func field(_ cell: Cell) -> String {
        var out: [UInt8] = []
        append(cell, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a field holds a comma, quote or line break, tested eight bytes at a time.
    static func needsQuotes(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 8 <= input.count {
            let word = ByteSearch.word(at: index, in: input)
            if ByteSearch.word(word, has: 0x2C) || ByteSearch.word(word, has: 0x22) || ByteSearch.word(word, has: 0x0A)
                || ByteSearch.word(word, has: 0x0D)
            {
                return true
            }
            index += 8
        }
        return input[index...].contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Appends one cell of a row being written field by field (`ArticleTables.writeMentionRows`):
    /// a comma before every cell but the row's first. `endRow()` ends the row.
    mutating func cell(_ cell: Cell, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        CSVWriter.append(cell, to: &bytes)
    }

    /// A text cell taken from UTF-8 bytes (a slice of an article's text), written as
    /// `.text` of the same characters would be, with no `String` made for it.
    mutating func textCell(_ utf8: ArraySlice<UInt8>) {
        bytes.append(UInt8(ascii: ","))
        utf8.withUnsafeBufferPointer { CSVWriter.appendText($0, to: &bytes) }
    }

    mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// An integer's decimal digits, as `String(value)` writes them, without making the string.
    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    static func append(_ cell: Cell, to out: inout [UInt8]) {
        switch cell {
        case .empty: return
        case .int(let value): appendInt(value, to: &out)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .date(let date): out.append(contentsOf: date.description.utf8)
        case .number(let value):
            out.append(contentsOf: (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)).utf8)
        case .text(let text):
            ByteSearch.bytes(of: text) { appendText($0, to: &out) }
        }
    }

    /// A text field's bytes: guarded against formulas, quoted when it must be.
    static func appendText(_ input: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        // `=`, `+`, `-`, `@`, tab, CR: a spreadsheet would run the cell as a formula.
        let guarded = input.first.map { $0 == 0x3D || $0 == 0x2B || $0 == 0x2D || $0 == 0x40 || $0 == 0x09 || $0 == 0x0D } ?? false
        let needsQuotes = CSVWriter.needsQuotes(input)
        if needsQuotes { out.append(0x22) }
        if guarded { out.append(UInt8(ascii: "'")) }
        if needsQuotes {
            for byte in input {
                out.append(byte)
                if byte == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
        } else {
            out.append(contentsOf: input)
        }
    }
}
