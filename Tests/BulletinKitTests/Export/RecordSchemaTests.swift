import Foundation
import Testing

@testable import BulletinKit

/// `docs/record.schema.json` against what the record writer really writes: every key a record
/// carries must be named by the schema (at its place in the record), every key the schema
/// requires must be there, and the bulletins read here must use every key the schema names, so
/// a key added to the writer without the schema fails this suite.
@Suite("Record schema")
struct RecordSchemaTests {
    /// Two corpus bulletins that between them exercise every branch of the writer: ambiguous
    /// places with candidates, communities with their town, ranges with `max`, figures with an
    /// `object`, mechanisms credited to towns.
    static let bulletins = ["2024-05-10_jianbao-jiangpu", "2024-06_web-huaxin"]

    @Test("every key the writer writes is in the schema, every required key is written")
    func schemaNamesEveryWrittenKey() throws {
        let schema = try RecordSchema(path: Corpus.packageRoot + "/docs/record.schema.json")
        let records = try Self.records()
        #expect(records.count > 10, "only \(records.count) records from \(Self.bulletins)")
        var written = Set<String>()
        for record in records {
            let problems = schema.problems(in: record, written: &written)
            #expect(problems.isEmpty, "\(record["id"] ?? "?"): \(problems)")
        }
        let unused = schema.keyPaths.subtracting(written).sorted()
        #expect(unused.isEmpty, "the schema names keys these bulletins never write: \(unused)")
    }

    @Test("every object the schema describes is closed: a key it does not name is invalid")
    func everyObjectIsClosed() throws {
        let schema = try RecordSchema(path: Corpus.packageRoot + "/docs/record.schema.json")
        #expect(schema.objects.count >= 7)
        let open = schema.objects.filter { !$0.value.closed }.map(\.key).sorted()
        #expect(open.isEmpty, "objects without additionalProperties false: \(open)")
    }

    @Test("a key the schema lacks and a missing required key are both caught")
    func checkerCatchesDrift() throws {
        let schema = try RecordSchema(path: Corpus.packageRoot + "/docs/record.schema.json")
        var record = try #require(try Self.records().first { !($0["locations"] as? [Any] ?? []).isEmpty })
        record["editor"] = "王芳"
        var locations = try #require(record["locations"] as? [[String: Any]])
        locations[0]["population"] = 5200
        locations[0].removeValue(forKey: "role")
        record["locations"] = locations
        record.removeValue(forKey: "date_precision")
        var written = Set<String>()
        let problems = schema.problems(in: record, written: &written)
        #expect(problems.contains(".editor: not in the schema"))
        #expect(problems.contains(".locations[].population: not in the schema"))
        #expect(problems.contains(".locations[]: required key 'role' missing"))
        #expect(problems.contains(": required key 'date_precision' missing"))
    }

    /// The records `bulletin run` writes for the test bulletins, through the same batch runner
    /// and record renderer, decoded.
    static func records() throws -> [[String: Any]] {
        let runner = BatchRunner(
            ingester: Corpus.ingester, tagger: Corpus.tagger, render: RenderedArticle.record)
        let sink = CollectingSink<RenderedArticle>()
        _ = runner.run(files: bulletins.map { Corpus.folder + "/" + $0 + ".txt" }, into: sink)
        #expect(sink.problems.isEmpty)
        return try sink.articles.map(\.record).map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        }
    }
}

/// The shape a JSON Schema gives the record: for each object, by its place (`.locations[]`,
/// `.mechanisms[].towns[]`; the record itself is ``), the keys it names, requires and whether it
/// admits others. Follows `$ref` into `$defs`; `properties`, `items`, `required` and
/// `additionalProperties` are all a record writer's schema needs.
struct RecordSchema {
    struct Object {
        var keys: Set<String>
        var required: Set<String>
        var closed: Bool
    }

    private(set) var objects: [String: Object] = [:]
    private let definitions: [String: Any]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        definitions = root["$defs"] as? [String: Any] ?? [:]
        collect(root, at: "")
    }

    /// Every key path the schema names, `.id`, `.locations[].mentions[].surface` ….
    var keyPaths: Set<String> {
        Set(objects.flatMap { path, object in object.keys.map { path + "." + $0 } })
    }

    /// What is wrong with a decoded record, each as `path: problem`; adds every key path the
    /// record carries to `written`.
    func problems(in record: [String: Any], written: inout Set<String>) -> [String] {
        var problems: [String] = []
        walk(record, at: "", written: &written, problems: &problems)
        var seen = Set<String>()
        return problems.filter { seen.insert($0).inserted }
    }

    private func walk(_ value: Any, at path: String, written: inout Set<String>, problems: inout [String]) {
        if let array = value as? [Any] {
            for element in array { walk(element, at: path + "[]", written: &written, problems: &problems) }
        } else if let object = value as? [String: Any] {
            guard let shape = objects[path] else {
                problems.append("\(path): an object where the schema has none")
                return
            }
            for key in shape.required.subtracting(object.keys).sorted() {
                problems.append("\(path): required key '\(key)' missing")
            }
            for (key, child) in object {
                let keyPath = path + "." + key
                written.insert(keyPath)
                if !shape.keys.contains(key) { problems.append("\(keyPath): not in the schema") }
                walk(child, at: keyPath, written: &written, problems: &problems)
            }
        }
    }

    private mutating func collect(_ node: Any, at path: String) {
        guard let node = resolve(node) else { return }
        if let properties = node["properties"] as? [String: Any] {
            objects[path] = Object(
                keys: Set(properties.keys), required: Set(node["required"] as? [String] ?? []),
                closed: (node["additionalProperties"] as? Bool) == false)
            for (key, child) in properties { collect(child, at: path + "." + key) }
        }
        if let items = node["items"] { collect(items, at: path + "[]") }
    }

    /// A schema node, or the `$defs` entry its `$ref` points to.
    private func resolve(_ node: Any) -> [String: Any]? {
        guard let node = node as? [String: Any] else { return nil }
        guard let reference = node["$ref"] as? String else { return node }
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix) else { return nil }
        return resolve(definitions[String(reference.dropFirst(prefix.count))] as Any)
    }
}
