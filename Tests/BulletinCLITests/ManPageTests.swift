import Foundation
import Testing

@testable import BulletinCLI

@Suite("Man page")
struct ManPageTests {
    static let checkedIn = packageRoot + "/docs/bulletin.1"

    @Test("docs/bulletin.1 is what 'bulletin help --man' prints now")
    func checkedInIsCurrent() throws {
        let captured = Captured()
        #expect(captured.run(["help", "--man"]) == .success)
        let file = try String(contentsOfFile: Self.checkedIn, encoding: .utf8)
        #expect(
            file == captured.out,
            "docs/bulletin.1 is stale: run 'swift run bulletin help --man > docs/bulletin.1'")
    }

    @Test("every subcommand has a section and a synopsis line, every option its entry")
    func namesEverything() {
        let page = ManPage.render()
        for command in BulletinCommand.subcommands {
            #expect(page.contains(".SH \"BULLETIN \(command.name.uppercased())\"\n"), "no section for \(command.name)")
            #expect(page.contains("\nbulletin \(command.name)"), "no synopsis line for \(command.name)")
            let section = page.components(separatedBy: ".SH \"BULLETIN \(command.name.uppercased())\"")[1]
                .components(separatedBy: "\n.SH ")[0]
            for spec in command.options {
                #expect(section.contains("\\fB") && section.contains("\\-\\-\(ManPage.escape(spec.long))"),
                        "\(command.name) --\(spec.long) is not in its section")
                if let short = spec.short { #expect(section.contains("\\-\(short), \\-\\-\(ManPage.escape(spec.long))")) }
            }
        }
        for status in BulletinCommand.exitStatuses {
            #expect(page.contains(".TP\n.B \(status.label)\n"), "exit status \(status.label)")
        }
        for file in ["README.md", "docs/outputs.md", "docs/record.schema.json"] {
            #expect(page.contains(".I \(file)\n"))
        }
    }

    @Test("roff control characters and dashes are escaped")
    func escapes() {
        #expect(ManPage.escape(".lexicon") == "\\&.lexicon")
        #expect(ManPage.escape("--kind a\\b") == "\\-\\-kind a\\eb")
        #expect(ManPage.synopsis("bulletin run <input>\n                [-q]\nbulletin help --man") == ["bulletin run <input>", "    [-q]", "bulletin help --man"])
    }

    @Test("man renders the page", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/man"), "man is not installed here"))
    func manRenders() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["MANPAGER"] = "cat"
        environment["MANWIDTH"] = "100"
        let result = try runTool("/usr/bin/man", ["-l", Self.checkedIn], environment: environment)
        #expect(result.status == 0)
        for heading in ["NAME", "SYNOPSIS", "EXIT STATUS", "BULLETIN QUERY"] {
            #expect(result.out.contains(heading), "\(heading) missing from the rendered page")
        }
        #expect(result.out.contains("--attribution"))
    }
}
