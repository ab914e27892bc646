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
        /// Photo captions in and around the article, as printed (when the gold lists them).
        public var captions: [String]?
        /// Location gold, when the bulletin has it.
        public var towns: [GoldTown]?
        public var districts: [String]?
        public var communities: [GoldCommunity]?
        /// Figure gold, when the bulletin has it.
        public var figures: [GoldFigure]?
        /// Mechanism gold (canonical names of `mechanisms.tsv`), when the bulletin has it.
        public var mechanisms: [String]?

        /// `body_start` without a leading bullet (`▲ 9月30日…` → `9月30日…`): the gold may print the
        /// bullet or leave it out, and bodies are compared without it.
        var bareBodyStart: String { IngestEvaluation.withoutLeadingBullets(bodyStart) }

        enum CodingKeys: String, CodingKey {
            case title, subtitle, section, byline, subheadings, truncated, continued, captions
            case towns, districts, communities, figures, mechanisms
            case bodyStart = "body_start"
            case bodyEnd = "body_end"
        }
    }

    public struct GoldTown: Decodable, Sendable, Equatable {
        public var name: String
        public var district: String
    }

    public struct GoldFigure: Decodable, Sendable, Equatable {
        /// A number or a string (dates, codes), compared by its printed form.
        public enum Value: Decodable, Sendable, Equatable, CustomStringConvertible {
            case number(Double)
            case text(String)

            public init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Double.self) {
                    self = .number(number)
                } else {
                    self = .text(try container.decode(String.self))
                }
            }

            public var description: String {
                switch self {
                case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
                case .text(let t): return t
                }
            }
        }

        public var text: String
        public var value: Value
        public var unit: String?
        public var kind: String
        public var approx: Bool
    }

    public struct GoldCommunity: Decodable, Sendable, Equatable {
        public var name: String
        public var town: String?
    }

    public var bulletin: String
    public var date: String?
    /// The layout family the bulletin was written in (`shequbao`, `zhenbao`, `jianbao`,
    /// `feature`, `web`, `briefs`), for scores by family.
    public var layout: String?
    public var articles: [Article]

    /// Reads `path`.
    /// - Throws: the decoder's error, with the file named by the caller.
    public static func load(_ path: String) throws -> GoldBulletin {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode(GoldBulletin.self, from: data)
    }
}
