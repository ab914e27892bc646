/// Text made safe for XML 1.0, byte by byte: `&`, `<`, `>` and `"` escaped, a carriage return
/// kept as `&#13;` (an XML reader would turn a bare one into a line feed), and the characters
/// XML 1.0 forbids — control characters other than tab, line feed and carriage return, U+FFFE,
/// U+FFFF — dropped, since no reader would open a file holding them.
///
/// ```swift
/// var out: [UInt8] = []
/// XMLText.append("“三所联动”<试点>&\u{1}", to: &out)
/// String(decoding: out, as: UTF8.self)   // "“三所联动”&lt;试点&gt;&amp;"
/// ```
enum XMLText {
    static func append(_ text: String, to out: inout [UInt8]) {
        ByteSearch.bytes(of: text) { input in
            var index = 0
            var runStart = 0
            func flush() {
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index])) }
            }
            while index < input.count {
                let byte = input[index]
                let replacement: String?
                var length = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case 0x0D: replacement = "&#13;"
                case 0x09, 0x0A: replacement = nil
                case 0..<0x20: replacement = ""
                case 0xEF where index + 2 < input.count && input[index + 1] == 0xBF && (input[index + 2] == 0xBE || input[index + 2] == 0xBF):
                    replacement = ""  // U+FFFE, U+FFFF
                    length = 3
                default: replacement = nil
                }
                if let replacement {
                    flush()
                    out.append(contentsOf: replacement.utf8)
                    index += length
                    runStart = index
                } else {
                    index += 1
                }
            }
            flush()
        }
    }

    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
