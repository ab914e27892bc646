/// One input as a run read it, for the manifest and the progress log: a file, or a bulletin of
/// the mapper's JSON Lines (`stdin#2024-01-05_xinhai`).
public struct InputRecord: Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public var sha256: String
    public var encoding: String?
    /// For a GB18030 or Big5 reading, the share of common characters (`EncodingJudge`).
    public var encodingConfidence: Double?
    public var articles: Int
    public var error: String?
    /// The issue date a `--dates` file gave this input (`2023-12-08`).
    public var suppliedDate: String?

    /// Notes how the file was read: its encoding and, for a GB18030 or Big5 reading, the
    /// share of common characters. Returns the warning a doubtful reading gets.
    public mutating func noteDecoding(_ decoded: TextDecoding.Decoded, path: String) -> InputError? {
        encoding = decoded.encoding.rawValue
        if decoded.encoding == .gb18030 || decoded.encoding == .big5 {
            encodingConfidence = (decoded.confidence * 1000).rounded() / 1000
        }
        guard decoded.isDoubtful else { return nil }
        let issue = InputError.doubtfulEncoding(path: path, encoding: decoded.encoding.rawValue, commonShare: decoded.confidence)
        error = issue.description
        return issue
    }

    public init(path: String, bytes: Int, sha256: String, encoding: String?, articles: Int, error: String?) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.encoding = encoding
        self.articles = articles
        self.error = error
    }
}
