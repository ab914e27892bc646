/// The levels of China's administrative hierarchy that bulletins report (SPEC `level`).
public enum AdminLevel: String, Sendable, Decodable, Equatable, Comparable, CaseIterable {
    case province, city, district, town, community

    var rank: Int {
        switch self {
        case .province: 0
        case .city: 1
        case .district: 2
        case .town: 3
        case .community: 4
        }
    }

    public static func < (a: AdminLevel, b: AdminLevel) -> Bool { a.rank < b.rank }
}

/// A gazetteer entry: one administrative unit with its official code and the unit above it.
///
/// ```swift
/// Place(code: "310104007", name: "斜土路街道", level: .town, parentCode: "310104",
///       aliases: ["斜土街道"], shortForms: ["斜土"])
/// ```
public struct Place: Sendable, Equatable {
    public var code: String
    public var name: String
    public var level: AdminLevel
    public var parentCode: String?
    /// Other full names, matched anywhere.
    public var aliases: [String]
    /// Short forms, matched only where the context makes them unambiguous.
    public var shortForms: [String]

    public init(
        code: String, name: String, level: AdminLevel, parentCode: String?, aliases: [String] = [],
        shortForms: [String] = []
    ) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.aliases = aliases
        self.shortForms = shortForms
    }
}

/// A place found in an article: one record per distinct place, with all its mentions (SPEC
/// `locations`).
public struct Location: Sendable, Equatable {
    public var name: String
    public var level: AdminLevel
    public var code: String?
    public var province: String?
    public var city: String?
    public var district: String?
    /// For a community: the town it stands under in the text.
    public var town: String?
    /// The name stayed ambiguous: `candidates` lists the places it may be.
    public var ambiguous: Bool
    public var candidates: [Candidate]
    public var mentions: [Mention]
    /// Whether the article reports on the place (filled by attribution).
    public var role: LocationRole = .mentioned

    /// One possible reading of an ambiguous name.
    public struct Candidate: Sendable, Equatable, Decodable {
        public var code: String
        public var province: String?
        public var city: String?
        public var district: String?
    }
}

/// Where a tag occurs in an article's `text`: scalar offsets, end exclusive, and the characters
/// there. `text[start..<end] == surface` always holds.
public struct Mention: Sendable, Equatable, Comparable, Decodable {
    public var start: Int
    public var end: Int
    public var surface: String

    public init(start: Int, end: Int, surface: String) {
        self.start = start
        self.end = end
        self.surface = surface
    }

    public static func < (a: Mention, b: Mention) -> Bool { (a.start, a.end) < (b.start, b.end) }
}
