/// A small JSON serializer that writes keys in the order given, so records come out byte for byte
/// the same on every run and platform, with Chinese text unescaped (readable in any editor).
///
/// ```swift
/// var json = JSONWriter()
/// json.object { o in
///     o.key("title"); o.string("家门口")
///     o.key("truncated"); o.bool(false)
/// }
/// json.output   // {"title":"家门口","truncated":false}
/// ```
public struct JSONWriter: Sendable {
    public private(set) var output = ""
    private var needsComma: [Bool] = []

    public init() {}

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        output += "{"
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        output += "}"
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        output += "["
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        output += "]"
    }

    /// Writes `"name":`; the next value written is its value.
    public mutating func key(_ name: String) {
        separate()
        JSONWriter.appendQuoted(name, to: &output)
        output += ":"
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
    }

    public mutating func string(_ value: String) {
        separate()
        JSONWriter.appendQuoted(value, to: &output)
    }

    public mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func int(_ value: Int) {
        separate()
        output += String(value)
    }

    /// A number: integral values without a fraction (`314`, not `314.0`).
    public mutating func number(_ value: Double) {
        separate()
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            output += String(Int64(value))
        } else if value.isFinite {
            output += "\(value)"
        } else {
            output += "null"
        }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        output += value ? "true" : "false"
    }

    public mutating func null() {
        separate()
        output += "null"
    }

    public mutating func stringArray(_ values: [String]) {
        array { a in for value in values { a.string(value) } }
    }

    private mutating func separate() {
        guard !needsComma.isEmpty else { return }
        if needsComma[needsComma.count - 1] {
            output += ","
        } else {
            needsComma[needsComma.count - 1] = true
        }
    }

    /// Escapes `"`, `\`, control characters and the JavaScript-breaking U+2028/U+2029.
    static func appendQuoted(_ string: String, to output: inout String) {
        output += "\""
        var plainStart = string.unicodeScalars.startIndex
        let scalars = string.unicodeScalars
        var index = plainStart
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "\u{2028}": escape = "\\u2028"
            case "\u{2029}": escape = "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escape = nil
                }
            }
            if let escape {
                output.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                output += escape
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        output += "\""
    }
}
