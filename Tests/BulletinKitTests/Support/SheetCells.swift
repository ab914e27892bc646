import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The cells of a worksheet part as a spreadsheet reads them, written for the tests with
/// Foundation's XML parser: each row's cells as text the way the CSV writes them — inline strings
/// as their text, booleans `true`/`false`, numbers as numbers, a number in the date style (`s="1"`)
/// as its ISO date — and the sheet's frozen pane and filter.
final class SheetCells: NSObject, XMLParserDelegate {
    private(set) var rows: [[String]] = []
    private(set) var frozen: String?
    private(set) var filter: String?
    private var cellType: String?
    private var cellStyle: String?
    private var column = 0
    private var text = ""
    private var reading = false

    init(_ xml: [UInt8]) throws {
        super.init()
        let parser = XMLParser(data: Data(xml))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row": rows.append([])
        case "c":
            cellType = attributes["t"]
            cellStyle = attributes["s"]
            column = SheetCells.column(of: attributes["r"] ?? "")
            text = ""
        case "v", "t":
            reading = true
        case "pane": frozen = attributes["state"] == "frozen" ? attributes["topLeftCell"] : nil
        case "autoFilter": filter = attributes["ref"]
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if reading { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": reading = false
        case "c":
            var value = text
            if cellType == "b" {
                value = text == "1" ? "true" : "false"
            } else if cellType == nil, cellStyle == "1", let serial = Int(text) {
                let date = Date(timeIntervalSince1970: Double(serial - 25569) * 86400)
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withFullDate]
                value = formatter.string(from: date)
            }
            while rows[rows.count - 1].count < column { rows[rows.count - 1].append("") }
            rows[rows.count - 1].append(value)
        default: break
        }
    }

    /// `C7` → 2.
    static func column(of reference: String) -> Int {
        reference.unicodeScalars.prefix { $0.properties.isAlphabetic }.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }
}
