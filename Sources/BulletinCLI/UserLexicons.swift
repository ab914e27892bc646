import BulletinKit

/// The built-in lexicons with a user's own files on top (`--lexicon FILE`, repeatable), as `run`
/// and `split` take them.
enum UserLexicons {
    /// - Throws: `InputError` when a file cannot be read, `LexiconError` naming the file (and
    ///   line) when it is not UTF-8 or a row is malformed.
    static func load(_ paths: [String]) throws -> Lexicons {
        var lexicons = try Lexicons.builtin()
        for path in paths {
            let bytes = try InputFiles.read(path)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw LexiconError.unreadable(file: path, reason: "not UTF-8")
            }
            try lexicons.add(userFile: path, contents: text)
        }
        return lexicons
    }
}
