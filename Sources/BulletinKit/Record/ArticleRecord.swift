import Foundation

/// The article record (SPEC "The article record", `docs/record.schema.json`) as a type: what
/// every reader of `articles.jsonl` decodes — `query`, `report`, `summarize`, `export` and a
/// `--resume` rebuilding its summary. `ArticleRecord.bytes(_:)` writes it; the keys here are the
/// schema's, and a test decodes every record of a corpus run back to the article that wrote it.
///
/// ```swift
/// let record = try ArticleRecord.decode(line)   // a line of articles.jsonl
/// record.id                                     // "2024-03-08_xietu#2"
/// record.mechanisms[0].towns[0].name            // "斜土路街道"
/// ```
public struct ArticleRecord: Decodable, Sendable, Equatable {
    /// `bulletin#index`.
    public var id: String
    public var bulletin: String
    /// The input file the article came from.
    public var source: String
    public var index: Int
    public var title: String?
    public var subtitle: String?
    public var section: String?
    public var byline: [String]
    public var subheadings: [String]
    public var captions: Int
    public var truncated: Bool
    public var continued: String?
    /// ISO: `2024-03-08`, or `2023-12` when only the month is known.
    public var date: String?
    /// `day`, `month`, `year` or `none`.
    public var datePrecision: String
    public var text: String
    /// The towns the article reports on, strongest first.
    public var towns: [TownEntry]
    public var locations: [LocationEntry]
    public var mechanisms: [MechanismEntry]
    public var figures: [FigureEntry]

    enum CodingKeys: String, CodingKey {
        case id, bulletin, source, index, title, subtitle, section, byline, subheadings, captions, truncated
        case continued, date, datePrecision = "date_precision", text, towns, locations, mechanisms, figures
    }

    /// One record from its JSON text (a line of `articles.jsonl`, without its newline).
    /// - Throws: `ArticleRecord.Problem` saying which key is missing or wrong.
    public static func decode<Bytes: Collection<UInt8>>(_ json: Bytes) throws(Problem) -> ArticleRecord {
        do {
            return try JSONDecoder().decode(ArticleRecord.self, from: Data(json))
        } catch let error as DecodingError {
            throw Problem(error)
        } catch {
            throw Problem(reason: "\(error)")
        }
    }
}
