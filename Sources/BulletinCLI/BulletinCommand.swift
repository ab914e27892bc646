import BulletinKit
import Foundation

/// The `bulletin` command: dispatches to a subcommand, answers `--help`, `help SUBCOMMAND` and
/// `--version`, and turns usage errors into exit status 2.
///
/// ```swift
/// let status = BulletinCommand.main(["run", "corpus", "-o", "out"], console: .standard())
/// ```
public enum BulletinCommand {
    /// The options `bulletin` itself takes, before any subcommand.
    static let options: [ArgumentScanner.OptionSpec] = [
        .init(long: "version", takesValue: false), .init(long: "help", short: "h", takesValue: false),
    ]

    static let help = CommandHelp(
        name: "",
        overview: """
            Split Chinese community-news bulletins into articles and tag places,
            governance mechanisms and figures.
            """,
        usage: "bulletin <subcommand> [<options>]",
        options: [
            .init(label: "--version", text: "Show the version."),
            .init(label: "-h, --help", text: "Show help information."),
        ],
        subcommands: [
            .init(label: "run", text: "Ingest, tag and export bulletins."),
            .init(label: "query", text: "Find articles by mechanism or town."),
            .init(label: "report", text: "Write an HTML report: heat map, evidence, diffusion charts."),
            .init(label: "summarize", text: "Merge partial runs into one town × mechanism summary."),
            .init(label: "export", text: "Write a finished run's tables as one .xlsx workbook."),
            .init(label: "split", text: "Show how one bulletin is cut into articles, line by line."),
            .init(label: "lexicon", text: "Check, count and grow the lexicons."),
            .init(label: "train", text: "Learn the layout model from annotated bulletins; cross-validate it."),
            .init(label: "completions", text: "Print a shell completion script for bash, zsh or fish."),
            .init(label: "help", text: "Show help for a subcommand, or the manual page (help --man)."),
        ],
        footer: "See 'bulletin help <subcommand>' for detailed help.\n\nEXIT STATUS:\n"
            + exitStatuses.map { status in
                let label = status.label.padding(toLength: 5, withPad: " ", startingAt: 0)
                return "  " + label + status.text.replacingOccurrences(of: "\n", with: "\n       ")
            }.joined(separator: "\n"))

    /// The exit statuses, for `bulletin --help` and the man page.
    static let exitStatuses: [CommandHelp.Entry] = [
        .init(label: "0", text: "success"),
        .init(label: "1", text: "some inputs had problems (each reported; the rest is written)"),
        .init(label: "2", text: "usage error (an unknown option, a bad --lexicon file)"),
        .init(
            label: "3",
            text: "the output could not be written (a full disk, a closed pipe, a\nfolder that cannot be created, and why); an output folder is left\nas it was"),
        .init(label: "130", text: "interrupted (Ctrl-C); with -o, --resume continues the run"),
    ]

    /// Runs the command line `arguments` (without the program name).
    /// Runs the command; when standard output lost data on the way (a full disk, a closed
    /// pipe), says so and fails with `outputFailed` whatever the command's own status.
    public static func main(_ arguments: [String], console: Console) -> ExitStatus {
        let status = dispatch(arguments, console: console)
        if let failure = console.outputFailure {
            // A run stopped by the failure has said so already.
            if status != .outputFailed { console.problem("standard output: \(failure): the output is incomplete") }
            return .outputFailed
        }
        return status
    }

    private static func dispatch(_ arguments: [String], console: Console) -> ExitStatus {
        guard let first = arguments.first else {
            console.out(help.render())
            return .success
        }
        switch first {
        case "-h", "--help":
            console.out(help.render())
            return .success
        case "--version":
            console.out("bulletin \(BulletinVersion.current)\n")
            return .success
        case "help":
            guard arguments.count > 1 else {
                console.out(help.render())
                return .success
            }
            if arguments[1] == "-h" || arguments[1] == "--help" {
                console.out(helpHelp.render())
                return .success
            }
            if arguments[1] == "--man" {
                console.out(ManPage.render())
                return .success
            }
            guard let subcommand = subcommandHelp(arguments[1]) else {
                return usageError(
                    UsageError("no subcommand '\(arguments[1])'\(suggestion(for: arguments[1]))"), help: help,
                    console)
            }
            console.out(subcommand.render())
            return .success
        case let option where option.hasPrefix("-"):
            // --verison, -v: an option of bulletin itself, misspelt.
            let name = String(option.prefix { $0 != "=" })
            if name == "--version" || name == "--help" {
                return usageError(UsageError("option '\(name)' takes no value"), help: help, console)
            }
            return usageError(UsageError(unknownOption: name, among: options), help: help, console)
        default:
            break
        }
        let rest = Array(arguments.dropFirst())
        guard let subcommand = subcommandHelp(first) else {
            return usageError(
                UsageError("unknown subcommand '\(first)'\(suggestion(for: first))"), help: help, console)
        }
        if rest.contains("-h") || rest.contains("--help") {
            console.out(subcommand.render())
            return .success
        }
        do {
            switch first {
            case "run": return try RunCommand(arguments: rest).run(console: console)
            case "lexicon": return try LexiconCommand(arguments: rest).run(console: console)
            case "query": return try QueryCommand(arguments: rest).run(console: console)
            case "report": return try ReportCommand(arguments: rest).run(console: console)
            case "summarize": return try SummarizeCommand(arguments: rest).run(console: console)
            case "export": return try ExportCommand(arguments: rest).run(console: console)
            case "train": return try TrainCommand(arguments: rest).run(console: console)
            case "completions": return try CompletionsCommand(arguments: rest).run(console: console)
            default: return try SplitCommand(arguments: rest).run(console: console)
            }
        } catch {
            return usageError(error, help: subcommand, console)
        }
    }

    /// ` (did you mean 'run'?)` for a subcommand name within two edits, else nothing.
    private static func suggestion(for name: String) -> String {
        let names = subcommands.map(\.name)
        let nearest = names.min { editDistance(name, $0) < editDistance(name, $1) }!
        return editDistance(name, nearest) <= 2 ? " (did you mean '\(nearest)'?)" : ""
    }

    /// Every subcommand with its help and the options its parser accepts: `--help` prints from it,
    /// shell completion and the man page are built from it.
    static let subcommands: [(name: String, help: CommandHelp, options: [ArgumentScanner.OptionSpec])] = [
        ("run", RunCommand.help, RunCommand.options),
        ("query", QueryCommand.help, QueryCommand.options),
        ("report", ReportCommand.help, ReportCommand.options),
        ("summarize", SummarizeCommand.help, SummarizeCommand.options),
        ("export", ExportCommand.help, ExportCommand.options),
        ("split", SplitCommand.help, SplitCommand.options),
        ("lexicon", LexiconCommand.help, LexiconCommand.options),
        ("train", TrainCommand.help, TrainCommand.options),
        ("completions", CompletionsCommand.help, CompletionsCommand.options),
        ("help", helpHelp, [.init(long: "man", takesValue: false)]),
    ]

    /// `bulletin help help`.
    static let helpHelp = CommandHelp(
        name: "help",
        overview: "Show help for a subcommand, or the manual page.",
        usage: "bulletin help [<subcommand>]\n       bulletin help --man",
        arguments: [
            .init(label: "<subcommand>", text: "The subcommand to describe; without one, bulletin's own help.")
        ],
        options: [
            .init(label: "--man", text: "Print the manual page (roff), made from the same help as\nthis: bulletin help --man > docs/bulletin.1; man -l docs/bulletin.1"),
            .init(label: "-h, --help", text: "Show help information."),
        ])

    static func subcommandHelp(_ name: String) -> CommandHelp? {
        subcommands.first { $0.name == name }?.help
    }

    private static func usageError(_ error: UsageError, help: CommandHelp, _ console: Console)
        -> ExitStatus
    {
        console.problem(error.message)
        if help.name.isEmpty {
            console.error("Usage: \(help.usage)\n  See 'bulletin --help' for more information.\n")
        } else {
            console.error(help.usageReminder)
        }
        return .usage
    }
}
