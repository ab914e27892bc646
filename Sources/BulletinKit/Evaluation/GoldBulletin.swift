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
        /// Location gold, when the bulletin has it.
        public var towns: [GoldTown]?
        public var districts: [String]?
        public var communities: [GoldCommunity]?

        enum CodingKeys: String, CodingKey {
            case title, subtitle, section, byline, subheadings, truncated, continued
            case towns, districts, communities
            case bodyStart = "body_start"
            case bodyEnd = "body_end"
        }
    }

    public struct GoldTown: Decodable, Sendable, Equatable {
        public var name: String
        public var district: String
    }

    public struct GoldCommunity: Decodable, Sendable, Equatable {
        public var name: String
        public var town: String?
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
