import Foundation

/// A corpus bulletin's gold annotation (`NAME.gold.json`, format in `corpus/README.md`): how a
/// careful editor cuts it into articles.
public struct GoldBulletin: Decodable, Sendable, Equatable {
    public struct Article: Decodable, Sendable, Equatable {
        public var title: String?
        public var subtitle: String?
        public var section: String?
        public var byline: [String]
        public var subheadings: [String]
        public var bodyStart: String
        public var bodyEnd: String
        public var truncated: Bool
        public var continued: String?

        enum CodingKeys: String, CodingKey {
            case title, subtitle, section, byline, subheadings, truncated, continued
            case bodyStart = "body_start"
            case bodyEnd = "body_end"
        }
    }

    public var bulletin: String
    public var date: String?
    public var articles: [Article]

    /// Reads `path`.
    /// - Throws: the decoder's error, with the file named by the caller.
    public static func load(_ path: String) throws -> GoldBulletin {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode(GoldBulletin.self, from: data)
    }
}
