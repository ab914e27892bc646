/// One worksheet part (`xl/worksheets/sheetN.xml`) built row by row from the same typed cells
/// the CSV files are written from: text as inline strings (no formula guard: a typed text cell
/// is never run), numbers as numbers, booleans as booleans, a day-precise issue date as a real
/// date (its serial number in the `yyyy-mm-dd` style), anything else as text; an empty cell is
/// left out. The header row is bold, frozen and filtered; each column is as wide as its widest
/// cell among the first `defaultWidthSampleRows` rows, counting 汉字 as 2 (capped, so a sentence column does
/// not run off the screen). Rows stream out through `takeReady` once the widths are settled.
///
/// ```swift
/// var sheet = WorksheetWriter(header: ["town", "articles"])
/// sheet.row([.text("斜土路街道"), .int(3)])
/// sheet.xml()   // … <row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">斜土路街道</t></is></c><c r="B2"><v>3</v></c></row> …
/// ```
struct WorksheetWriter {
    /// Style indices of `styles.xml` (`WorkbookWriter.styles`).
    enum Style: Int {
        case plain = 0, date = 1, header = 2
    }

    static let maximumWidth = 60
    static let minimumWidth = 6

    private(set) var rowCount = 0
    private var sheetData: [UInt8] = []
    private var widths: [Int]
    private let columnCount: Int
    private let letters: [[UInt8]]

    /// Rows measured for the column widths (`defaultWidthSampleRows`; tests stream sooner).
    let widthSampleRows: Int

    init(header: [String], widthSampleRows: Int = WorksheetWriter.defaultWidthSampleRows) {
        self.widthSampleRows = widthSampleRows
        columnCount = header.count
        widths = [Int](repeating: 0, count: header.count)
        letters = (0..<max(header.count, 1)).map { Array(WorksheetWriter.columnName($0).utf8) }
        appendRow(header.map(CSVWriter.Cell.text), style: .header)
    }

    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
    static func columnName(_ column: Int) -> String {
        var n = column + 1
        var name: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            name.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(name)
    }

    mutating func row(_ cells: [CSVWriter.Cell]) {
        appendRow(cells, style: .plain)
    }

    private mutating func appendRow(_ cells: [CSVWriter.Cell], style: Style) {
        rowCount += 1
        let number = Array(String(rowCount).utf8)
        sheetData += Array("<row r=\"".utf8) + number + Array("\">".utf8)
        for (column, cell) in cells.enumerated() {
            append(cell, column: column, row: number, style: style)
        }
        sheetData += Array("</row>".utf8)
    }

    private mutating func append(_ cell: CSVWriter.Cell, column: Int, row: [UInt8], style: Style) {
        let letter = letters[min(column, letters.count - 1)]
        let open = { (type: String?, style: Style) -> [UInt8] in
            var bytes = Array("<c r=\"".utf8) + letter + row + [UInt8(ascii: "\"")]
            if style != .plain { bytes += Array(" s=\"\(style.rawValue)\"".utf8) }
            if let type { bytes += Array(" t=\"\(type)\"".utf8) }
            bytes.append(UInt8(ascii: ">"))
            return bytes
        }
        var width = 0
        switch cell {
        case .empty:
            return
        case .text(let text):
            guard !text.isEmpty else { return }
            appendText(text, open: open("inlineStr", style))
            // The widest line, 汉字 counting 2 (`DisplayWidth`, as the terminal tables measure).
            width = text.split(separator: "\n").reduce(0) { max($0, DisplayWidth.of(String($1))) }
        case .int(let value):
            let digits = String(value)
            sheetData += open(nil, style) + Array("<v>\(digits)</v></c>".utf8)
            width = digits.utf8.count
        case .number(let value):
            guard value.isFinite else {
                appendText(CSVWriter.field(cell), open: open("inlineStr", style))
                return
            }
            let digits = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
            sheetData += open(nil, style) + Array("<v>\(digits)</v></c>".utf8)
            width = digits.utf8.count
        case .bool(let value):
            sheetData += open("b", style) + Array("<v>\(value ? 1 : 0)</v></c>".utf8)
            width = 5
        case .date(let date):
            if let day = date.day {
                let serial = SpreadsheetDate.serial(year: date.year, month: date.month, day: day)
                sheetData += open(nil, .date) + Array("<v>\(serial)</v></c>".utf8)
            } else {
                appendText(date.description, open: open("inlineStr", style))
            }
            width = 10
        }
        if !headWritten, column < widths.count { widths[column] = max(widths[column], width) }
    }

    /// The most characters (UTF-16 units) a cell holds; Excel calls a file with more corrupt.
    static let cellTextLimit = 32_767

    private mutating func appendText(_ text: String, open: [UInt8]) {
        sheetData += open
        sheetData += Array("<is><t xml:space=\"preserve\">".utf8)
        // Only a text of more bytes than the limit can pass it; cut on a character boundary.
        if text.utf8.count > WorksheetWriter.cellTextLimit, text.utf16.count > WorksheetWriter.cellTextLimit {
            var units = 0
            let kept = text.unicodeScalars.prefix { scalar in
                units += scalar.utf16.count
                return units <= WorksheetWriter.cellTextLimit
            }
            XMLText.append(String(String.UnicodeScalarView(kept)), to: &sheetData)
        } else {
            XMLText.append(text, to: &sheetData)
        }
        sheetData += Array("</t></is></c>".utf8)
    }

    /// Rows measured for the column widths: `<cols>` comes before the rows in the part, so it
    /// is written once this many rows are in (or the sheet ends), and the rows after stream out.
    static let defaultWidthSampleRows = 10_000

    /// Whether the part's head (with the column widths) has been handed out.
    private var headWritten = false

    /// Bytes of rows waiting to be handed out.
    var pendingBytes: Int { sheetData.count }

    /// The part so far, once the widths are settled (the head first, then rows); else nothing.
    mutating func takeReady() -> [UInt8] {
        guard headWritten || rowCount >= widthSampleRows else { return [] }
        var out = headWritten ? [] : head()
        headWritten = true
        out += sheetData
        sheetData.removeAll(keepingCapacity: true)
        return out
    }

    /// The rest of the part: what `takeReady` has not handed out, and its end with the filter.
    mutating func finish() -> [UInt8] {
        var out = headWritten ? [] : head()
        headWritten = true
        out += sheetData
        sheetData = []
        out += Array("</sheetData><autoFilter ref=\"\(filterRange)\"/></worksheet>".utf8)
        return out
    }

    /// The whole part at once (small sheets, tests).
    func xml() -> [UInt8] {
        var copy = self
        return copy.finish()
    }

    /// Sheet view with the frozen header, column widths, the start of the rows.
    private func head() -> [UInt8] {
        var out = Array(
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheetViews><sheetView workbookViewId="0">\
            <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/>
            """.utf8)
        if !widths.isEmpty { out += Array("<cols>".utf8) }
        for (column, width) in widths.enumerated() {
            let fitted = min(WorksheetWriter.maximumWidth, max(WorksheetWriter.minimumWidth, width + 2))
            out += Array("<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(fitted)\" customWidth=\"1\"/>".utf8)
        }
        if !widths.isEmpty { out += Array("</cols>".utf8) }
        out += Array("<sheetData>".utf8)
        return out
    }

    /// `A1:M120`: the header and every row below it.
    var filterRange: String {
        "A1:\(lastColumn)\(rowCount)"
    }

    /// `$A$1:$M$120`, the same range as a defined name gives it.
    var absoluteFilterRange: String {
        "$A$1:$\(lastColumn)$\(rowCount)"
    }

    private var lastColumn: String { WorksheetWriter.columnName(max(columnCount, 1) - 1) }
}
