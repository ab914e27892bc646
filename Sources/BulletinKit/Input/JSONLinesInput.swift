import Foundation

/// Bulletins given as JSON Lines, one `{"id": …, "text": …}` object a line (optionally `source`
/// and `date`): the mapper mode (`bulletin run --input-format jsonl -`) that lets Spark's
/// `RDD.pipe`, Hadoop Streaming or any batch system fan bulletins out to `bulletin` processes.
public enum JSONLinesInput {
    /// The bulletins of a JSON Lines text, and the lines that are not usable (line number, reason).
    public static func bulletins(in text: String, source: String) -> (bulletins: [Bulletin], problems: [InputError]) {
        var bulletins: [Bulletin] = []
        var problems: [InputError] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
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
