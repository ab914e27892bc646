/// One thing wrong with a row of a lexicon file (an error: the file is refused), or worth saying
/// about it (a warning: a user entry that replaces a built-in one).
///
/// ```swift
/// diagnostic.description   // "mine.tsv:3: unknown category 'visting' (known: dispute-resolution, …)"
///                          // "mine.tsv:4: warning: id 'sansuo-liandong' overrides the built-in entry 三所联动 (mechanisms.tsv:36)"
/// ```
public struct LexiconDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: Sendable, Equatable { case error, warning }

    public let file: String
    public let line: Int
    public let message: String
    public let severity: Severity

    public init(file: String, line: Int, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    /// A parsing error as a diagnostic.
    init(_ error: LexiconError) {
        switch error {
        case .unreadable(let file, let reason): self.init(file: file, line: 0, message: "cannot read lexicon: \(reason)")
        case .missingHeader(let file): self.init(file: file, line: 0, message: "no header line naming the columns")
        case .missingColumn(let file, let line, let column): self.init(file: file, line: line, message: "header has no column '\(column)'")
        case .malformedRow(let file, let line, let message): self.init(file: file, line: line, message: message)
        }
    }

    public var isError: Bool { severity == .error }

    /// How the warning about a row `lexicon suggest` wrote and nobody reviewed yet begins.
    public static let unreviewedPrefix = "row still marked unreviewed"

    /// Whether this is the warning about a row still marked `unreviewed`.
    public var isUnreviewed: Bool { severity == .warning && message.hasPrefix(LexiconDiagnostic.unreviewedPrefix) }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return severity == .warning ? "\(place): warning: \(message)" : "\(place): \(message)"
    }
}
