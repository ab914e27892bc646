import Foundation
import Testing

@testable import BulletinCLI

@Suite("Argument niceties")
struct ArgumentNicetiesTests {
    @Test(
        "bulletin's own options misspelt get a did-you-mean and exit 2",
        arguments: [
            ("--verison", "bulletin: unknown option '--verison' (did you mean '--version'?)"),
            ("-v", "bulletin: unknown option '-v' (did you mean '--version'?)"),
            ("--hlep", "bulletin: unknown option '--hlep' (did you mean '--help'?)"),
            ("--versoin=1", "bulletin: unknown option '--versoin' (did you mean '--version'?)"),
            ("--version=1", "bulletin: option '--version' takes no value"),
            ("--quiet", "bulletin: unknown option '--quiet'"),
        ])
    func topLevelOptions(argument: String, firstLine: String) {
        let c = Captured()
        #expect(c.run([argument]) == .usage)
        #expect(c.err.hasPrefix(firstLine + "\nUsage: bulletin <subcommand> [<options>]\n"), "\(c.err)")
        #expect(c.out.isEmpty)
    }

    @Test("a subcommand's unknown option names its nearest, or the one option starting with that letter")
    func subcommandOptions() {
        let cases: [([String], String)] = [
            (["query", "--fromat", "tsv", "out"], "unknown option '--fromat' (did you mean '--format'?)"),
            (["query", "--mechansim", "三所联动", "out"], "unknown option '--mechansim' (did you mean '--mechanism'?)"),
            (["export", "out", "-s", "100"], "unknown option '-s' (did you mean '--sheet-rows'?)"),
            (["summarize", "part-1", "-n"], "unknown option '-n' (did you mean '--no-bom'?)"),
            // Two options start with r (--region, --resume): no guess.
            (["run", "corpus", "-r", "上海市"], "unknown option '-r'"),
            (["report", "out", "--colour"], "unknown option '--colour'"),
        ]
        for (arguments, message) in cases {
            let c = Captured()
            #expect(c.run(arguments) == .usage, "\(arguments)")
            #expect(c.err.hasPrefix("bulletin: \(message)\n"), "\(arguments): \(c.err)")
        }
    }

    @Test("every option taking a value takes it as --name=value, -n=value, -nvalue and -n value")
    func equalsForms() throws {
        for (name, _, options) in BulletinCommand.subcommands {
            let scanner = ArgumentScanner(options: options)
            for option in options where option.takesValue {
                let expected = ["桃浦镇"]
                let spaced = try scanner.scan(["--" + option.long, "桃浦镇"]).values[option.long]
                #expect(spaced == expected, "\(name) --\(option.long)")
                #expect(try scanner.scan(["--\(option.long)=桃浦镇"]).values[option.long] == expected, "\(name)")
                guard let short = option.short else { continue }
                for form in [["-\(short)=桃浦镇"], ["-\(short)桃浦镇"], ["-\(short)", "桃浦镇"]] {
                    #expect(try scanner.scan(form).values[option.long] == expected, "\(name) \(form)")
                }
            }
            for option in options where !option.takesValue {
                let form = option.short.map { "-\($0)=yes" } ?? "--\(option.long)=yes"
                #expect(throws: UsageError.self, "\(name) \(form)") { try scanner.scan([form]) }
            }
        }
        // A value that itself holds '=' keeps it.
        let query = ArgumentScanner(options: QueryCommand.options)
        #expect(try query.scan(["-t==新海镇"]).last("town") == "=新海镇")
    }

    @Test("query -m=… -f=tsv answers exactly as --mechanism … --format tsv")
    func equalsFormsEndToEnd() throws {
        let inputs = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: inputs) }
        try "桃浦镇推行“三所联动”调解\n\n今年以来，桃浦镇派出所、司法所和律师事务所开展“三所联动”联合调解，化解纠纷86件。\n"
            .write(toFile: inputs + "/2024-03-08_taopu.txt", atomically: false, encoding: .utf8)
        let spaced = Captured()
        #expect(spaced.run(["query", "--mechanism", "三所联动", "--format", "tsv", inputs]) == .success)
        let equals = Captured()
        #expect(equals.run(["query", "-m=三所联动", "-f=tsv", inputs]) == .success, "\(equals.err)")
        #expect(!spaced.out.isEmpty && spaced.out.contains("\t"))
        #expect(equals.out == spaced.out)
    }

    @Test("help help, help <each subcommand> and <subcommand> --help exit 0 with the help")
    func helpEverywhere() {
        let c = Captured()
        #expect(c.run(["help", "help"]) == .success)
        #expect(c.out.hasPrefix("OVERVIEW: Show help for a subcommand, or the manual page.\n\nUSAGE: bulletin help [<subcommand>]\n"))
        for (name, help, _) in BulletinCommand.subcommands {
            let viaHelp = Captured()
            #expect(viaHelp.run(["help", name]) == .success, "\(name)")
            #expect(viaHelp.out == help.render())
            // Every subcommand but help lists itself in bulletin's own help.
            #expect(BulletinCommand.help.render().contains("\n  \(name) "), "\(name)")
        }
        // help answers -h and --help as every subcommand does.
        for flag in ["-h", "--help"] {
            let own = Captured()
            #expect(own.run(["help", flag]) == .success, "help \(flag)")
            #expect(own.out == BulletinCommand.helpHelp.render())
        }
        let typo = Captured()
        #expect(typo.run(["help", "qeury"]) == .usage)
        #expect(typo.err.hasPrefix("bulletin: no subcommand 'qeury' (did you mean 'query'?)\n"))
    }

    @Test("every usage line lists every option its command takes")
    func usageListsEveryOption() {
        for (name, help, options) in BulletinCommand.subcommands {
            let usage = help.usage
            for option in options {
                let long = usage.contains("--\(option.long)")
                let short = option.short.map { s in
                    ["-\(s) ", "-\(s)]", "-\(s)\n"].contains { usage.contains($0) }
                } ?? false
                #expect(long || short, "bulletin \(name): usage lacks --\(option.long): \(usage)")
            }
            #expect(usage.hasPrefix("bulletin \(name)"))
        }
    }
}
