import Foundation

/// Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM, and
/// GB18030/GBK — or Big5, when that reads far better — when the bytes are not valid UTF-8. Line
/// ends are normalised to `\n`.
///
/// A double-byte reading is judged (`EncodingJudge`): the share of its characters that are
/// common ones is its `confidence`; a file whose best reading is mostly rare characters (Latin-1,
/// Shift-JIS, a wrong guess) is refused rather than passed on as garbage.
///
/// Binary files (NUL bytes, control characters) and bytes no encoding accepts are refused with an
/// `InputError` naming the file, so a batch can report them and go on.
///
/// ```swift
/// try TextDecoding.decode(Array("通州区\r\n".utf8), path: "a.txt").text   // "通州区\n"
/// ```
public enum TextDecoding {
    /// The encodings a bulletin file may come in.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case gb18030 = "GB18030"
        case big5 = "Big5"
    }

    public struct Decoded: Sendable {
        public let text: String
        public let encoding: Encoding
        /// For a double-byte reading, the share of its characters that are common ones (1 for
        /// UTF-8 and UTF-16, which need no guess). Below `EncodingJudge.trusted` it is doubtful.
        public var confidence: Double = 1

        /// Whether the reading is a guess worth a warning.
        public var isDoubtful: Bool { confidence < EncodingJudge.trusted }
    }

    /// GB18030 (a superset of GBK and GB2312) as Foundation names it on Linux.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
    /// Big5 as Foundation names it on Linux.
    static let big5 = String.Encoding(rawValue: 0x8000_0A03)

    /// - Throws: `InputError.empty`, `.binary` or `.undecodable`.
    public static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> Decoded {
        if bytes.isEmpty { throw .empty(path: path) }
        let decoded: Decoded
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes[3...], as: UTF8.self) else {
                throw .undecodable(path: path, byteOffset: 3 + firstInvalidUTF8(bytes[3...]))
            }
            decoded = Decoded(text: text, encoding: .utf8)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            decoded = try decodeUTF16(bytes, littleEndian: bytes[0] == 0xFF, path: path)
        } else if let text = String(validating: bytes, as: UTF8.self) {
            decoded = Decoded(text: text, encoding: .utf8)
        } else {
            if looksBinary(bytes) { throw .binary(path: path) }
            decoded = try decodeDoubleByte(bytes, path: path)
        }
        if containsControlCharacters(decoded.text) { throw .binary(path: path) }
        let text = normalisingLineEnds(decoded.text)
        if text.unicodeScalars.allSatisfy({ ScalarClass.isSpace($0) || $0 == "\n" }) {
            throw .empty(path: path)
        }
        return Decoded(text: text, encoding: decoded.encoding, confidence: decoded.confidence)
    }

    /// GB18030 when it reads as common Chinese; else Big5 when that does; else GB18030 with a
    /// doubtful confidence, or a refusal when even that would be mostly rare characters.
    private static func decodeDoubleByte(_ bytes: [UInt8], path: String) throws(InputError) -> Decoded {
        let asGB = EncodingJudge.gb18030(bytes)
        let gbText = String(data: Data(bytes), encoding: gb18030)
        if let gbText, asGB.isTooShortToJudge || asGB.commonShare >= EncodingJudge.trusted {
            return Decoded(text: gbText, encoding: .gb18030, confidence: asGB.commonShare)
        }
        let asBig5 = EncodingJudge.big5(bytes)
        if asBig5.commonShare >= EncodingJudge.trusted, asBig5.commonShare > asGB.commonShare,
            let text = String(data: Data(bytes), encoding: big5)
        {
            return Decoded(text: text, encoding: .big5, confidence: asBig5.commonShare)
        }
        guard let gbText else { throw .undecodable(path: path, byteOffset: firstInvalidUTF8(bytes[...])) }
        if asGB.commonShare < EncodingJudge.refused {
            throw .unlikelyEncoding(path: path, commonShare: max(asGB.commonShare, asBig5.commonShare))
        }
        return Decoded(text: gbText, encoding: .gb18030, confidence: asGB.commonShare)
    }

    private static func decodeUTF16(
        _ bytes: [UInt8], littleEndian: Bool, path: String
    ) throws(InputError) -> Decoded {
        let body = bytes.dropFirst(2)
        guard body.count % 2 == 0 else {
            throw .undecodable(path: path, byteOffset: bytes.count - 1)
        }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index < body.endIndex {
            let a = UInt16(body[index])
            let b = UInt16(body[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        var text = String.UnicodeScalarView()
        var offset = 2
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                text.append(scalar)
                offset += scalar.value > 0xFFFF ? 4 : 2
            case .emptyInput:
                break loop
            case .error:
                throw .undecodable(path: path, byteOffset: offset)
            }
        }
        return Decoded(
            text: String(text), encoding: littleEndian ? .utf16LE : .utf16BE)
    }

    /// NUL bytes, or more than 1 in 100 bytes being C0 controls other than tab, line ends and
    /// form feed: an image, an archive, a PDF — not text.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        var controls = 0
        for byte in bytes.prefix(1 << 16) {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
                controls += 1
            }
        }
        return controls * 100 > min(bytes.count, 1 << 16)
    }

    /// A NUL, or control characters (other than tab, line ends and form feed) in more than one
    /// of a hundred of the first 65,536 characters. Read on the UTF-8 bytes: a control
    /// character is one byte and never part of a longer sequence.
    private static func containsControlCharacters(_ text: String) -> Bool {
        ByteSearch.bytes(of: text) { bytes in
            var controls = 0
            var total = 0
            for byte in bytes {
                if byte & 0xC0 != 0x80 {
                    if total == 1 << 16 { break }
                    total += 1
                }
                if byte < 0x20 {
                    if byte == 0 { return true }
                    if byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { controls += 1 }
                }
            }
            return controls * 100 > total
        }
    }

    /// Offset of the first byte that breaks UTF-8, for the error message.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// `\r\n` and lone `\r` become `\n`; form feeds (page breaks) become blank lines.
    static func normalisingLineEnds(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0D || $0 == 0x0C }) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                result.append("\n")
                previousWasCR = true
                continue
            case "\n" where previousWasCR:
                break
            case "\u{0C}":
                result.append("\n")
                result.append("\n")
            default:
                result.append(scalar)
            }
            previousWasCR = false
        }
        return String(result)
    }
}
