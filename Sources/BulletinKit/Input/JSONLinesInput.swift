import Foundation

/// Bulletins given as JSON Lines, one `{"id": …, "text": …}` object a line (optionally `source`
/// and `date`): the mapper mode (`bulletin run --input-format jsonl -`) that lets Spark's
/// `RDD.pipe`, Hadoop Streaming or any batch system fan bulletins out to `bulletin` processes.
public enum JSONLinesInput {
    /// The bulletins of JSON Lines bytes, and the lines that are not usable (line number,
    /// reason): one bad line is reported and skipped, the rest still runs.
    ///
    /// Lines are read as UTF-8; a stream most of whose non-ASCII lines are not UTF-8 but GB18030
    /// (a Windows export) is read as GB18030 line by line.
    public static func bulletins(in bytes: [UInt8], source: String) -> (bulletins: [Bulletin], problems: [InputError]) {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.first?.starts(with: [0xEF, 0xBB, 0xBF]) == true { lines[0] = lines[0].dropFirst(3) }
        let utf8 = lines.map { String(validating: $0, as: UTF8.self) }
        let nonASCII = lines.indices.filter { lines[$0].contains { $0 >= 0x80 } }
        let failing = nonASCII.filter { utf8[$0] == nil }.count
        let gb18030 = failing * 2 > nonASCII.count
        var bulletins: [Bulletin] = []
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
                let id = object["id"] as? String, let body = object["text"] as? String
            else {
                problems.append(.unreadable(path: "\(source):\(number)", reason: "not a JSON object with string fields \"id\" and \"text\""))
                continue
            }
            let date = (object["date"] as? String).flatMap { IssueDate(fileName: $0) } ?? IssueDate(fileName: id)
            bulletins.append(Bulletin(
                id: id, source: object["source"] as? String ?? id, date: date,
                text: TextDecoding.normalisingLineEnds(body)))
        }
        return (bulletins, problems)
    }
}
