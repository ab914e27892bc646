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
///
/// Lines are read one by one (`JSONLinesStream`) and each is judged alone, so a bad line is
/// reported with its number and skipped while the rest runs.
public enum JSONLinesInput {
    /// A usable line: the bulletin, and what a run's manifest lists for it.
    public struct Entry: Sendable {
        public var bulletin: Bulletin
        public var record: InputRecord
    }

    /// One line of the input, as read: its bytes without the `\n`, and how to read bytes that
    /// are not UTF-8.
    public struct Line: Sendable {
        /// What the manifest's paths start with: `stdin`, or the JSON Lines file's path.
        public var source: String
        /// Where problems are said to be: `standard input, line 17` or `part-0001.jsonl, line 17`.
        public var place: String
        public var number: Int
        public var bytes: [UInt8]
        /// The stream so far is mostly GB18030 (a Windows export): a line that is not UTF-8 is
        /// read as GB18030.
        public var gb18030: Bool
        /// The stream could not be read on from here (`Input/output error`).
        public var readError: InputError?
    }

    /// What one line holds.
    public enum Outcome: Sendable {
        case entry(Entry, problems: [InputError])
        /// A file given as `bytes` that could not be decoded: listed in the manifest with its error.
        case failed(InputRecord, InputError)
        /// Not a bulletin (not JSON, not UTF-8, no `id`): reported by line and skipped.
        case problem(InputError)
        /// An empty line.
        case blank
    }

    /// Judges one line.
    public static func outcome(of line: Line) -> Outcome {
        if let error = line.readError { return .problem(error) }
        var bytes = line.bytes[...]
        if line.number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let decoded = String(validating: bytes, as: UTF8.self)
            ?? (line.gb18030 ? String(data: Data(bytes), encoding: TextDecoding.gb18030) : nil)
        guard let text = decoded else {
            let offset = TextDecoding.firstInvalidUTF8(bytes)
            return .problem(.unreadable(path: line.place, reason: "not UTF-8 (byte \(offset) of the line)"))
        }
        if text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { return .blank }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let id = object["id"] as? String, object["text"] is String || object["bytes"] is String
        else {
            return .problem(.unreadable(path: line.place, reason: "not a JSON object with string fields \"id\" and \"text\" (or \"bytes\")"))
        }
        let date = (object["date"] as? String).flatMap { IssueDate(fileName: $0) } ?? IssueDate(fileName: id)
        let origin = object["source"] as? String ?? id
        if let body = object["text"] as? String {
            let text = TextDecoding.normalisingLineEnds(body)
            let utf8 = Array(text.utf8)
            return .entry(
                Entry(
                    bulletin: Bulletin(id: id, source: origin, date: date, text: text),
                    record: InputRecord(
                        path: line.source + "#" + id, bytes: utf8.count, sha256: SHA256.hex(of: utf8),
                        encoding: "UTF-8 (JSON Lines)", articles: 0, error: nil)),
                problems: [])
        }
        guard let raw = Data(base64Encoded: object["bytes"] as! String).map(Array.init) else {
            return .problem(.unreadable(path: line.place, reason: "\"bytes\" is not base64"))
        }
        var record = InputRecord(path: origin, bytes: raw.count, sha256: SHA256.hex(of: raw), encoding: nil, articles: 0, error: nil)
        do {
            let file = try TextDecoding.decode(raw, path: origin)
            let issues = record.noteDecoding(file, path: origin).map { [$0] } ?? []
            return .entry(Entry(bulletin: Bulletin(id: id, source: origin, date: date, text: file.text), record: record), problems: issues)
        } catch {
            record.error = error.description
            return .failed(record, error)
        }
    }
}
