/// A problem with one input file. Its `description` is what follows `bulletin: ` on stderr, so it
/// always starts with the file.
///
/// ```swift
/// InputError.undecodable(path: "corpus/012.txt", byteOffset: 4112).description
/// // "corpus/012.txt: not UTF-8, UTF-16 or GB18030 (first bad byte at 4112)"
/// ```
public enum InputError: Error, CustomStringConvertible, Equatable, Sendable {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case binary(path: String)
    case undecodable(path: String, byteOffset: Int)
    /// Not UTF-8, and read as GB18030 or Big5 mostly rare characters: some other encoding.
    case unlikelyEncoding(path: String, commonShare: Double)
    /// Read as `encoding`, but with fewer common characters than real text has: a warning.
    case doubtfulEncoding(path: String, encoding: String, commonShare: Double)
    case longLine(path: String, line: Int, bytes: Int)
    case notFound(path: String)
    /// A symbolic link that leads nowhere: its target is gone, or it leads back to itself
    /// (`loop`) — `d/a.txt: broken symbolic link`, `d/b.txt: too many levels of symbolic links`.
    case brokenLink(path: String, loop: Bool)

    public var path: String {
        switch self {
        case .unreadable(let path, _), .empty(let path), .binary(let path),
            .undecodable(let path, _), .longLine(let path, _, _), .notFound(let path),
            .unlikelyEncoding(let path, _), .doubtfulEncoding(let path, _, _), .brokenLink(let path, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .empty(let path):
            return "\(path): empty file, no text to split"
        case .binary(let path):
            return "\(path): binary file, not a bulletin text (skipped)"
        case .undecodable(let path, let offset):
            return "\(path): not UTF-8, UTF-16 or GB18030 (first bad byte at \(offset))"
        case .unlikelyEncoding(let path, let share):
            return "\(path): not UTF-8, and read as GB18030 or Big5 only \(Int((share * 100).rounded()))% of its"
                + " Chinese characters are common ones: another encoding (Latin-1? Shift-JIS?);"
                + " convert it to UTF-8 (skipped)"
        case .doubtfulEncoding(let path, let encoding, let share):
            return "\(path): read as \(encoding), but only \(Int((share * 100).rounded()))% of its Chinese characters"
                + " are common ones (real text has over 95%): check the encoding and convert it to UTF-8"
        case .longLine(let path, let line, let bytes):
            return "\(path):\(line): line is \(bytes) bytes long, more than any bulletin paragraph;"
                + " kept as one paragraph, check the text extraction"
        case .notFound(let path):
            return "\(path): no such file or directory"
        case .brokenLink(let path, let loop):
            return "\(path): " + (loop ? "too many levels of symbolic links" : "broken symbolic link")
        }
    }
}

/// A malformed lexicon file or line. Names the file and the line so the user can fix it.
///
/// ```swift
/// LexiconError.malformedRow(file: "my.tsv", line: 17, message: "expected 2 columns, found 1")
///     .description   // "my.tsv:17: expected 2 columns, found 1"
/// ```
public enum LexiconError: Error, CustomStringConvertible, Equatable, Sendable {
    case unreadable(file: String, reason: String)
    case missingHeader(file: String)
    case missingColumn(file: String, line: Int, column: String)
    case malformedRow(file: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): cannot read lexicon: \(reason)"
        case .missingHeader(let file): return "\(file): no header line naming the columns"
        case .missingColumn(let file, let line, let column):
            return "\(file):\(line): header has no column '\(column)'"
        case .malformedRow(let file, let line, let message): return "\(file):\(line): \(message)"
        }
    }
}
