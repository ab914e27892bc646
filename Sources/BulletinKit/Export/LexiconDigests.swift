/// Each lexicon's SHA-256, computed once per run and used twice: the manifest lists them, and a
/// run's identity (what `--resume` must match) names the lexicons by one digest made from them.
/// Hashing the 2 MB of built-in lexicons is ~160 M instructions, more than a small input's processing,
/// so a run hashes each lexicon once.
///
/// ```swift
/// let digests = LexiconDigests(try Lexicons.builtin())
/// digests.files.first?.name   // "layout-cues.tsv"
/// digests.combined            // 64 hex digits, changes when any lexicon does
/// ```
public struct LexiconDigests: Sendable, Equatable {
    /// One lexicon file: its name and the SHA-256 of its exact text, in hex.
    public struct File: Sendable, Equatable {
        public let name: String
        public let sha256: String
    }

    /// The lexicons in load order.
    public let files: [File]

    /// Hashes each of the lexicons' sources once.
    public init(_ lexicons: Lexicons) {
        self.init(files: lexicons.sources.map { File(name: $0.name, sha256: SHA256.hex(of: Array($0.contents.utf8))) })
    }

    init(files: [File]) {
        self.files = files
    }

    /// One SHA-256 over every lexicon's name and digest, in load order: it changes when any
    /// lexicon's name, text or order does.
    public var combined: String {
        var bytes: [UInt8] = []
        for file in files {
            bytes += Array(file.name.utf8) + [0] + Array(file.sha256.utf8) + [0]
        }
        return SHA256.hex(of: bytes)
    }
}
