import Foundation
import PackagePlugin

/// Compiles the package's `lexicons/*.tsv` into the BulletinKit module, so that the `bulletin`
/// binary carries its lexicons and runs from any folder without a flag. The build re-runs the
/// embedding whenever one of the TSV files changes.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lexiconFolder = context.package.directoryURL.appending(path: "lexicons")
        let names = try FileManager.default.contentsOfDirectory(atPath: lexiconFolder.path)
            .filter { $0.hasSuffix(".tsv") }
            .sorted()
        let inputs = names.map { lexiconFolder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) lexicon files",
                executable: try context.tool(named: "embed-lexicons").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
