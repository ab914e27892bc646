/// What shell completion and the man page know about the command line, read from the one command
/// table (`BulletinCommand.subcommands`): each subcommand with its options (the scanner's specs,
/// described by the first line of their help text) and the fixed words its first argument takes.
///
/// ```
/// query  -f --format  table json tsv   “table (default, fits 100 columns), json or tsv.”
/// ```
struct CompletionTable: Sendable {
    struct Option: Sendable {
        let long: String
        let short: Character?
        let takesValue: Bool
        /// The fixed values (`passage`, `article`); empty for a free value or a path.
        let values: [String]
        /// The value is a file or folder: its help label says `<dir>`, `<file>` or `<file.html>`;
        /// a free value (`<name>`, `<n>`) completes nothing.
        let takesPath: Bool
        /// The option's help text to its first sentence, on one line.
        let summary: String
    }

    struct Command: Sendable {
        let name: String
        let summary: String
        let options: [Option]
        /// The fixed words of the first argument (lexicon's actions); otherwise it is a path.
        let words: [String]
    }

    /// `bulletin`'s own options (`--version`, `--help`).
    let topOptions: [Option]
    let commands: [Command]

    /// The table of `bulletin` as it is built.
    static let bulletin: CompletionTable = {
        let top = BulletinCommand.help
        let commands = BulletinCommand.subcommands.map { entry in
            // Every subcommand answers -h/--help (the dispatcher does, before the scanner).
            let specs = entry.options + [.init(long: "help", short: "h", takesValue: false)]
            return Command(
                name: entry.name,
                summary: top.subcommands.first { $0.label == entry.name }?.text ?? entry.help.overview,
                options: specs.map { option($0, in: entry.help) },
                words: entry.name == "help" ? BulletinCommand.subcommands.map(\.name) : entry.help.words)
        }
        return CompletionTable(topOptions: BulletinCommand.options.map { option($0, in: top) }, commands: commands)
    }()

    /// The spec with the help entry whose label names it (`-o, --output <dir>` names `output`).
    private static func option(_ spec: ArgumentScanner.OptionSpec, in help: CommandHelp) -> Option {
        let entry = help.options.first { entry in
            entry.label.split(whereSeparator: { $0 == " " || $0 == "," }).contains { $0 == "--" + spec.long }
        }
        let summary = entry.map { firstSentence($0.text) } ?? ""
        let placeholder = entry?.label.split(separator: " ").last { $0.hasPrefix("<") } ?? ""
        let takesPath = spec.takesValue && spec.values.isEmpty
            && (placeholder.contains("dir") || placeholder.contains("file"))
        return Option(
            long: spec.long, short: spec.short, takesValue: spec.takesValue, values: spec.values,
            takesPath: takesPath, summary: summary)
    }

    /// `Write into <dir> (created if needed) instead of JSON Lines on standard output`: the text
    /// on one line up to its first `. `, `: ` or `; ` outside parentheses, at most 72 characters.
    static func firstSentence(_ text: String) -> String {
        let line = Array(text.split(separator: "\n").joined(separator: " "))
        var depth = 0
        var end = line.count
        for (index, character) in line.enumerated() {
            if character == "(" || character == "（" {
                depth += 1
            } else if character == ")" || character == "）" {
                depth = max(0, depth - 1)
            } else if depth == 0, ".:;".contains(character), index + 1 < line.count, line[index + 1] == " " {
                end = index
                break
            }
        }
        var sentence = String(line[..<end])
        if sentence.hasSuffix(".") { sentence.removeLast() }
        return sentence.count > 72 ? String(sentence.prefix(71)) + "…" : sentence
    }
}
