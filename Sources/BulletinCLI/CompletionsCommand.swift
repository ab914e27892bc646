/// `bulletin completions bash|zsh|fish`: prints a completion script for that shell, built from
/// the same tables `--help` is printed from, so a new option completes without more work.
struct CompletionsCommand {
    /// The shells a script is written for.
    enum Shell: String, CaseIterable, Sendable {
        case bash, zsh, fish

        func script(_ table: CompletionTable) -> String {
            switch self {
            case .bash: BashCompletion.script(table)
            case .zsh: ZshCompletion.script(table)
            case .fish: FishCompletion.script(table)
            }
        }
    }

    static let options: [ArgumentScanner.OptionSpec] = []

    static let help = CommandHelp(
        name: "completions",
        overview: "Print a shell completion script for bash, zsh or fish.",
        usage: "bulletin completions bash|zsh|fish",
        arguments: [
            .init(
                label: "<shell>",
                text: "The shell. Install the script where it looks for completions:\nbash > ~/.local/share/bash-completion/completions/bulletin\nzsh  > ~/.zfunc/_bulletin (a folder on $fpath, before compinit)\nfish > ~/.config/fish/completions/bulletin.fish")
        ],
        options: [.init(label: "-h, --help", text: "Show help information.")],
        words: Shell.allCases.map(\.rawValue))

    let shell: Shell

    init(arguments: [String]) throws(UsageError) {
        let parsed = try ArgumentScanner(options: CompletionsCommand.options).scan(arguments)
        let known = Shell.allCases.map(\.rawValue).joined(separator: ", ")
        guard parsed.positionals.count == 1 else {
            throw UsageError(
                parsed.positionals.isEmpty ? "missing <shell>: \(known)" : "completions takes one <shell>: \(known)")
        }
        guard let shell = Shell(rawValue: parsed.positionals[0]) else {
            throw UsageError("unknown shell '\(parsed.positionals[0])' (\(known))")
        }
        self.shell = shell
    }

    func run(console: Console) -> ExitStatus {
        console.out(shell.script(.bulletin))
        return .success
    }
}
