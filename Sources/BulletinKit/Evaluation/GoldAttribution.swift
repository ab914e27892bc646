import Foundation

/// A corpus bulletin's attribution gold (`NAME.attribution.json`, format in `corpus/README.md`):
/// the bulletin's own town, and for each gold article (in the order of `NAME.gold.json`) the towns
/// it reports on and the towns practising each mechanism it names.
public struct GoldAttribution: Decodable, Sendable, Equatable {
    public struct Article: Decodable, Sendable, Equatable {
        public var index: Int
        /// Official town names, strongest first.
        public var subjectTowns: [String]
        /// Canonical mechanism name → the towns practising it here (possibly none).
        public var mechanismTowns: [String: [String]]
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case index, note
            case subjectTowns = "subject_towns"
            case mechanismTowns = "mechanism_towns"
        }
    }

    public var bulletin: String
    public var homeTown: String?
    public var articles: [Article]

    enum CodingKeys: String, CodingKey {
        case bulletin, articles
        case homeTown = "home_town"
    }

    /// Reads `path`.
    /// - Throws: the decoder's error, with the file named by the caller.
    public static func load(_ path: String) throws -> GoldAttribution {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode(GoldAttribution.self, from: data)
    }
}
