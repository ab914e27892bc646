import BulletinKit
import Foundation

/// Where `query` and `report` read article records from: an output folder of `bulletin run -o`,
/// an `articles.jsonl`, or a folder of raw bulletins (the pipeline runs first).
enum RecordSource {
    static func load(_ source: String, lexicons: Lexicons, console: Console) -> [ArticleQuery.Record]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
            console.problem("\(source): no such file or directory")
            return nil
        }
        guard finishInterruptedCommit(in: source, console: console) else { return nil }
        let jsonl = isDirectory.boolValue ? source + "/articles.jsonl" : source
        if jsonl.hasSuffix(".jsonl"), FileManager.default.fileExists(atPath: jsonl) {
            guard let text = try? String(contentsOfFile: jsonl, encoding: .utf8) else {
                console.problem("\(jsonl): cannot read")
                return nil
            }
            return ArticleQuery.records(fromJSONLines: text)
        }
        let runner = BatchRunner(ingester: Ingester(lexicons: lexicons), tagger: Tagger(lexicons: lexicons))
        let sink = CollectingSink<Article> { input in
            for problem in input.problems { console.problem(problem.description) }
        }
        _ = runner.run(files: [source], into: sink)
        return ArticleQuery.records(from: sink.articles)
    }

    /// When `path` is a folder, first finishes the commit of a run killed while moving its files
    /// into place (`OutputFolder.recover`), so no reader (`query`, `report`, `summarize`,
    /// `export`) reads a mix. Says why and returns false when that fails; true otherwise, and
    /// for a file.
    static func finishInterruptedCommit(in path: String, console: Console) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return true }
        do {
            try OutputFolder.recover(path: path)
            return true
        } catch {
            console.problem(error.description)
            return false
        }
    }
}
