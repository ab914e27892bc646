import BulletinKit

/// The built-in lexicons with a user's own files on top (`--lexicon FILE`, repeatable), as `run`
/// and `split` take them.
enum UserLexicons {
    /// A user lexicon with problems, each already printed with its line.
    struct Refused: Error, CustomStringConvertible {
        let file: String
        let problems: Int
        var description: String {
            "\(file): \(problems == 1 ? "1 problem" : "\(problems) problems") (above); the lexicon was not used — 'bulletin lexicon check \(file)' lists them"
        }
    }

    /// What `run` says once for a file with rows `lexicon suggest` wrote and nobody reviewed:
    /// `my.tsv: 12 rows are still marked unreviewed; …`.
    static func unreviewedNotice(file: String, rows: Int) -> String {
        let count = rows == 1 ? "1 row is" : "\(rows) rows are"
        return "\(file): \(count) still marked unreviewed; they are tagged (category unreviewed, kind principle) "
            + "but left out of query and report unless --kind all — give each a category ('bulletin lexicon check \(file)' lists them)"
    }

    /// Every problem of every file is printed with its line (`bulletin: mine.tsv:3: …`), and every
    /// warning (`… warning: id 'x' overrides the built-in entry …`); a file with problems is refused.
    /// Rows still marked `unreviewed` are loaded and said once per file (`unreviewedNotice`).
    /// - Throws: `InputError` when a file cannot be read, `LexiconError` when it is not UTF-8,
    ///   `Refused` when it has problems.
    static func load(_ paths: [String], console: Console) throws -> Lexicons {
        var lexicons = try Lexicons.builtin()
        for path in paths {
            let bytes = try InputFiles.read(path)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw LexiconError.unreadable(file: path, reason: "not UTF-8")
            }
            let diagnostics = lexicons.diagnose(userFile: path, contents: text)
            // Rows still marked unreviewed are said once for the file, not once a row.
            for diagnostic in diagnostics where !diagnostic.isUnreviewed { console.problem(diagnostic.description) }
            let problems = diagnostics.filter(\.isError).count
            guard problems == 0 else { throw Refused(file: path, problems: problems) }
            try lexicons.add(userFile: path, contents: text)
            let unreviewed = diagnostics.filter(\.isUnreviewed).count
            if unreviewed > 0 {
                console.problem(UserLexicons.unreviewedNotice(file: path, rows: unreviewed))
            }
        }
        return lexicons
    }
}
