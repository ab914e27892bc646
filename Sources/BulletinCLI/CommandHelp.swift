/// A command's help as data, rendered in the familiar OVERVIEW / USAGE / ARGUMENTS / OPTIONS
/// layout. The option list is also what the argument scanner accepts, so the two cannot drift.
struct CommandHelp: Sendable {
    struct Entry: Sendable {
        let label: String
        let text: String
    }

    let name: String
    let overview: String
    let usage: String
    var arguments: [Entry] = []
    var options: [Entry] = []
    var subcommands: [Entry] = []
    var footer: String? = nil
    /// The fixed words the first argument takes (lexicon's actions, the shells of completions),
    /// offered by shell completion; empty when it is a path.
    var words: [String] = []

    func render() -> String {
        var out = "OVERVIEW: \(overview)\n\nUSAGE: \(usage)\n"
        for (heading, entries) in [
            ("ARGUMENTS", arguments), ("SUBCOMMANDS", subcommands), ("OPTIONS", options),
        ] where !entries.isEmpty {
            out += "\n\(heading):\n"
            for entry in entries { out += CommandHelp.format(entry) }
        }
        if let footer { out += "\n  \(footer)\n" }
        return out
    }

    /// `  label                   text`, wrapping the label onto its own line when long.
    private static func format(_ entry: Entry) -> String {
        let column = 26
        let label = "  " + entry.label
        let lines = entry.text.split(separator: "\n", omittingEmptySubsequences: false)
        var out = ""
        if label.count < column {
            out += label + String(repeating: " ", count: column - label.count) + lines[0] + "\n"
        } else {
            out += label + "\n" + String(repeating: " ", count: column) + lines[0] + "\n"
        }
        for line in lines.dropFirst() {
            out += String(repeating: " ", count: column) + line + "\n"
        }
        return out
    }

    /// The lines printed under a usage error.
    var usageReminder: String {
        "Usage: \(usage)\n  See 'bulletin help \(name)' for more information.\n"
    }
}
