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
    /// The JSON so far, as UTF-8 bytes (built as bytes: appending scalars to a String is several
    /// times slower, and records are the bulk of the output).
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    public init() {}

    /// A writer whose buffer holds `capacity` bytes before it first grows.
    public init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    public var output: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes `"name":`; the next value written is its value. Keys are literals that need no
    /// escape (no `"`, `\\` or control character), so their bytes are copied as they are:
    /// a record has some sixty keys, and each went through the escaping scan.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { utf8 in
            assert(!utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }, "a JSON key that needs escaping")
            bytes.append(contentsOf: utf8)
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
    }

    public mutating func string(_ value: String) {
        separate()
        JSONWriter.appendQuoted(value, to: &bytes)
    }

    public mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// An integer, digit by digit (the digits `String(value)` has, without making the string).
    public mutating func int(_ value: Int) {
        separate()
        CSVWriter.appendInt(value, to: &bytes)
    }

    /// A number: integral values without a fraction (`314`, not `314.0`).
    public mutating func number(_ value: Double) {
        separate()
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            CSVWriter.appendInt(Int(value), to: &bytes)
        } else if value.isFinite {
            bytes.append(contentsOf: "\(value)".utf8)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    public mutating func stringArray(_ values: [String]) {
        array { a in for value in values { a.string(value) } }
    }

    private mutating func separate() {
        guard !needsComma.isEmpty else { return }
        if needsComma[needsComma.count - 1] {
            bytes.append(UInt8(ascii: ","))
        } else {
            needsComma[needsComma.count - 1] = true
        }
    }

    /// Escapes `"`, `\\`, control characters and the JavaScript-breaking U+2028/U+2029, byte by byte.
    static func appendQuoted(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        ByteSearch.bytes(of: string) { input in
            var index = 0
            // Runs of bytes that need no escape (nearly all of Chinese text) are copied at once.
            var runStart = 0
            func flush() {
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index])) }
            }
            while index < input.count {
                // Eight bytes at a time while there are eight left: past them all when none may
                // need an escape, else straight to the first that may.
                if index + 8 <= input.count {
                    let word = ByteSearch.word(at: index, in: input)
                    let special = ByteSearch.mask(word, lessThan: 0x20) | ByteSearch.mask(word, equalTo: UInt8(ascii: "\""))
                        | ByteSearch.mask(word, equalTo: UInt8(ascii: "\\")) | ByteSearch.mask(word, equalTo: 0xE2)
                    if special == 0 {
                        index += 8
                        continue
                    }
                    index += special.trailingZeroBitCount >> 3
                }
                let byte = input[index]
                if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0xE2 {
                    index += 1
                    continue
                }
                flush()
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                case 0xE2 where index + 2 < input.count && input[index + 1] == 0x80
                    && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9):
                    out.append(contentsOf: "\\u202".utf8)
                    out.append(input[index + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                    index += 2
                default:
                    out.append(byte)
                }
                index += 1
                runStart = index
            }
            flush()
        }
        out.append(UInt8(ascii: "\""))
    }
}
