import BulletinKit
import Foundation
import Testing

@testable import BulletinCLI

/// Runs `program` with `arguments`, standard input closed; returns its exit status and standard
/// output.
func runTool(_ program: String, _ arguments: [String], environment: [String: String]? = nil) throws
    -> (status: Int32, out: String)
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The path of a shell on this machine, if it has one.
func installedShell(_ name: String) -> String? {
    ["/bin/", "/usr/bin/", "/usr/local/bin/"].map { $0 + name }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

@Suite("Shell completion")
struct CompletionTests {
    /// The script `bulletin completions <shell>` prints, through the command itself.
    static func script(_ shell: String) -> String {
        let captured = Captured()
        #expect(captured.run(["completions", shell]) == .success)
        return captured.out
    }

    /// Every option the scanner of `command` accepts, and -h/--help, as `(long, short)`.
    static func options(of command: String) -> [(long: String, short: Character?)] {
        let specs = BulletinCommand.subcommands.first { $0.name == command }!.options
        return specs.map { ($0.long, $0.short) } + [("help", "h")]
    }

    /// The lines of `script` from `start` to the first line that is `end` (one subcommand's part).
    static func section(_ script: String, from start: String, to end: String) -> String {
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { $0 == start }) else { return "" }
        let last = lines[first...].firstIndex { $0.trimmingCharacters(in: .whitespaces) == end } ?? lines.endIndex
        return lines[first..<last].joined(separator: "\n")
    }

    /// The words of the first `name="…"` assignment (or `compgen -W "…"`) in `text`.
    static func quotedWords(after marker: String, in text: String) -> [String] {
        guard let start = text.range(of: marker) else { return [] }
        let rest = text[start.upperBound...]
        return rest.prefix { $0 != "\"" }.split(separator: " ").map(String.init)
    }

    @Test("bash: each subcommand's part offers its every option and fixed value")
    func bashNamesEverything() {
        let script = Self.script("bash")
        let top = Self.quotedWords(after: "compgen -W \"", in: script)
        #expect(top.contains("--version") && top.contains("--help"))
        for command in BulletinCommand.subcommands {
            #expect(top.contains(command.name), "subcommand \(command.name) is not offered")
            let part = Self.section(script, from: "        \(command.name))", to: ";;")
            #expect(!part.isEmpty, "no part for \(command.name)")
            let offered = Self.quotedWords(after: "opts=\"", in: part)
            for option in Self.options(of: command.name) {
                #expect(offered.contains("--\(option.long)"), "\(command.name) --\(option.long) missing")
                if let short = option.short { #expect(offered.contains("-\(short)"), "\(command.name) -\(short) missing") }
            }
            for spec in command.options where !spec.values.isEmpty {
                #expect(part.contains("compgen -W \"\(spec.values.joined(separator: " "))\""), "\(command.name) --\(spec.long) values")
            }
        }
    }

    @Test("zsh: each subcommand's part offers its every option and fixed value")
    func zshNamesEverything() {
        let script = Self.script("zsh")
        #expect(script.hasPrefix("#compdef bulletin\n"))
        for command in BulletinCommand.subcommands {
            #expect(script.contains("'\(command.name):"), "subcommand \(command.name) is not described")
            let part = Self.section(script, from: "                \(command.name))", to: ";;")
            #expect(!part.isEmpty, "no part for \(command.name)")
            for option in Self.options(of: command.name) {
                #expect(part.contains("--\(option.long)"), "\(command.name) --\(option.long) missing")
                if let short = option.short { #expect(part.contains("{-\(short),--\(option.long)}")) }
            }
            for spec in command.options where !spec.values.isEmpty {
                #expect(part.contains(":value:(\(spec.values.joined(separator: " ")))"), "\(command.name) --\(spec.long) values")
            }
        }
    }

    @Test("fish: a complete line for every subcommand, option and fixed value")
    func fishNamesEverything() {
        let lines = Self.script("fish").split(separator: "\n")
        for command in BulletinCommand.subcommands {
            #expect(lines.contains { $0.contains(" -a \(command.name) -d ") }, "subcommand \(command.name)")
            let within = lines.filter { $0.contains("-n '__fish_seen_subcommand_from \(command.name)'") }
            for option in Self.options(of: command.name) {
                let flag = (option.short.map { "-s \($0) " } ?? "") + "-l \(option.long)"
                #expect(within.contains { $0.contains(" \(flag)") }, "\(command.name) \(flag) missing")
            }
            for spec in command.options where !spec.values.isEmpty {
                #expect(within.contains { $0.contains("-l \(spec.long) -x -a '\(spec.values.joined(separator: " "))'") })
            }
        }
    }

    @Test("an unknown shell is a usage error naming the shells")
    func unknownShell() {
        let captured = Captured()
        #expect(captured.run(["completions", "tcsh"]) == .usage)
        #expect(captured.out.isEmpty)
        #expect(captured.err.contains("unknown shell 'tcsh' (bash, zsh, fish)"))
        let missing = Captured()
        #expect(missing.run(["completions"]) == .usage)
        #expect(missing.err.contains("missing <shell>: bash, zsh, fish"))
        let help = Captured()
        #expect(help.run(["help", "completions"]) == .success)
        #expect(help.out.contains("USAGE: bulletin completions bash|zsh|fish"))
    }

    @Test("bash -n parses the bash script")
    func bashParses() throws {
        try Self.checkSyntax("bash", shell: installedShell("bash")!)
    }

    @Test("zsh -n parses the zsh script", .enabled(if: installedShell("zsh") != nil, "zsh is not installed here"))
    func zshParses() throws {
        try Self.checkSyntax("zsh", shell: installedShell("zsh")!)
    }

    @Test("fish -n parses the fish script", .enabled(if: installedShell("fish") != nil, "fish is not installed here"))
    func fishParses() throws {
        try Self.checkSyntax("fish", shell: installedShell("fish")!)
    }

    static func checkSyntax(_ name: String, shell: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bulletin.\(name)"
        try Self.script(name).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try runTool(shell, ["-n", path]).status == 0)
    }

    /// What the bash completion function offers for the command line `line` (the word being
    /// completed is its last, empty after a trailing space), run in `folder`.
    static func complete(_ line: String, in folder: String) throws -> [String] {
        let path = folder + "/bulletin.bash"
        try Self.script("bash").write(toFile: path, atomically: true, encoding: .utf8)
        let probe = """
            cd "$1" && source "$2" || exit 9
            read -ra COMP_WORDS <<< "$3"
            [[ "$3" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="$3"; COMP_POINT=${#3}
            _bulletin
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try runTool(installedShell("bash")!, ["-c", probe, "probe", folder, path, line])
        #expect(result.status == 0, "bash could not source the script")
        return result.out.split(separator: "\n").map(String.init)
    }

    @Test("bash completes subcommands, options, their values and paths")
    func bashCompletes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try brief.write(toFile: folder + "/2024-01-05_桃浦镇.txt", atomically: true, encoding: .utf8)
        try brief.write(toFile: folder + "/2024-02-02_临汾路.txt", atomically: true, encoding: .utf8)

        #expect(try Self.complete("bulletin ru", in: folder) == ["run"])
        #expect(try Self.complete("bulletin query --for", in: folder) == ["--format"])
        #expect(try Self.complete("bulletin run --in", in: folder) == ["--input-format"])
        #expect(try Self.complete("bulletin query --kind ", in: folder) == MechanismKind.allCases.map(\.rawValue) + ["all"])
        #expect(try Self.complete("bulletin run --attribution ", in: folder) == ["passage", "article"])
        #expect(try Self.complete("bulletin lexicon ", in: folder) == LexiconCommand.actions)
        #expect(try Self.complete("bulletin completions ", in: folder) == ["bash", "zsh", "fish"])
        // A path after an option's value; nothing for a free value (a region's name).
        #expect(try Self.complete("bulletin run -o out 2024-01", in: folder) == ["2024-01-05_桃浦镇.txt"])
        #expect(try Self.complete("bulletin run --region ", in: folder) == [])
        #expect(try Self.complete("bulletin lexicon check 2024-02", in: folder) == ["2024-02-02_临汾路.txt"])
        // --format=j: bash's own line splitting makes it three words, --format, = and j.
        #expect(try Self.complete("bulletin query --format = j", in: folder) == ["json"])
        #expect(try Self.complete("bulletin query --kind = ", in: folder).count == MechanismKind.allCases.count + 1)
        #expect(try Self.complete("bulletin lexicon --kind = campaign ", in: folder) == LexiconCommand.actions)
    }

    @Test("fish completes subcommands, options, their values and lexicon's actions", .enabled(if: installedShell("fish") != nil, "fish is not installed here"))
    func fishCompletes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bulletin.fish"
        try Self.script("fish").write(toFile: path, atomically: true, encoding: .utf8)
        try brief.write(toFile: folder + "/2024-01-05_桃浦镇.txt", atomically: true, encoding: .utf8)
        /// The candidates fish offers for `line`, without their descriptions, sorted as fish sorts.
        func complete(_ line: String) throws -> [String] {
            let result = try runTool(installedShell("fish")!, ["-c", "cd $argv[1]; and source $argv[2]; and complete -C $argv[3]", folder, path, line])
            #expect(result.status == 0)
            return result.out.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
        }
        #expect(try complete("bulletin ru") == ["run"])
        #expect(try complete("bulletin query --for") == ["--format"])
        #expect(try complete("bulletin query --kind ") == (MechanismKind.allCases.map(\.rawValue) + ["all"]).sorted())
        #expect(try complete("bulletin lexicon ") == LexiconCommand.actions.sorted())
        #expect(try complete("bulletin lexicon check 2024") == ["2024-01-05_桃浦镇.txt"])
        #expect(try complete("bulletin run --region ") == [])
    }
}
