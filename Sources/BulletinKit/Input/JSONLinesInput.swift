import Foundation

/// Bulletins given as JSON Lines, one `{"id": …, "text": …}` object a line (optionally `source`
/// and `date`): the mapper mode (`bulletin run --input-format jsonl -`) that lets Spark's
/// `RDD.pipe`, Hadoop Streaming or any batch system fan bulletins out to `bulletin` processes.
///
/// Instead of `text`, a line may carry the file's own bytes, base64-encoded, in `bytes`: they are
/// decoded as a bulletin file is (UTF-8, UTF-16 with BOM, GB18030), so a cluster job hands over
/// the files as they are and the manifest lists each with its size, SHA-256 and encoding:
///
/// ```json
/// {"id": "2024-01-05_xinhai", "source": "hdfs:///archive/2024-01-05_xinhai.txt", "bytes": "5paw5rW36ZWH…"}
/// ```
public enum JSONLinesInput {
    /// A usable line: the bulletin, and what a run's manifest lists for it.
    public struct Entry: Sendable {
        public var bulletin: Bulletin
        public var record: BatchRunner.InputRecord
    }

    /// The bulletins of JSON Lines bytes, the files given as `bytes` that could not be decoded
    /// (listed in the manifest with their error), and every line that is not usable (reported
    /// by line or by file): one bad line is reported and skipped, the rest still runs.
    ///
    /// Lines are read as UTF-8; a stream most of whose non-ASCII lines are not UTF-8 but GB18030
    /// (a Windows export) is read as GB18030 line by line.
    public static func entries(
        in bytes: [UInt8], source: String
    ) -> (entries: [Entry], failed: [BatchRunner.InputRecord], problems: [InputError]) {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.first?.starts(with: [0xEF, 0xBB, 0xBF]) == true { lines[0] = lines[0].dropFirst(3) }
        let utf8 = lines.map { String(validating: $0, as: UTF8.self) }
        let nonASCII = lines.indices.filter { lines[$0].contains { $0 >= 0x80 } }
        let failing = nonASCII.filter { utf8[$0] == nil }.count
        let gb18030 = failing * 2 > nonASCII.count
        var entries: [Entry] = []
        var failed: [BatchRunner.InputRecord] = []
        var problems: [InputError] = []
        for (index, bytes) in lines.enumerated() {
            let number = index + 1
            let decoded = gb18030 && utf8[index] == nil ? String(data: Data(bytes), encoding: TextDecoding.gb18030) : utf8[index]
            guard let line = decoded else {
                let offset = TextDecoding.firstInvalidUTF8(bytes)
                problems.append(.unreadable(path: "\(source):\(number)", reason: "not UTF-8 (byte \(offset) of the line)"))
                continue
            }
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String, object["text"] is String || object["bytes"] is String
            else {
                problems.append(
                    .unreadable(path: "\(source):\(number)", reason: "not a JSON object with string fields \"id\" and \"text\" (or \"bytes\")"))
                continue
            }
            let date = (object["date"] as? String).flatMap { IssueDate(fileName: $0) } ?? IssueDate(fileName: id)
            let origin = object["source"] as? String ?? id
            if let body = object["text"] as? String {
                let text = TextDecoding.normalisingLineEnds(body)
                let utf8 = Array(text.utf8)
                entries.append(Entry(
                    bulletin: Bulletin(id: id, source: origin, date: date, text: text),
                    record: BatchRunner.InputRecord(
                        path: source + "#" + id, bytes: utf8.count, sha256: SHA256.hex(of: utf8),
                        encoding: "UTF-8 (JSON Lines)", articles: 0, error: nil)))
                continue
            }
            guard let raw = Data(base64Encoded: object["bytes"] as! String).map(Array.init) else {
                problems.append(.unreadable(path: "\(source):\(number)", reason: "\"bytes\" is not base64"))
                continue
            }
            var record = BatchRunner.InputRecord(
                path: origin, bytes: raw.count, sha256: SHA256.hex(of: raw), encoding: nil, articles: 0, error: nil)
            do {
                let file = try TextDecoding.decode(raw, path: origin)
                if let issue = record.noteDecoding(file, path: origin) { problems.append(issue) }
                entries.append(Entry(bulletin: Bulletin(id: id, source: origin, date: date, text: file.text), record: record))
            } catch {
                record.error = error.description
                failed.append(record)
                problems.append(error)
            }
        }
        return (entries, failed, problems)
    }
}
