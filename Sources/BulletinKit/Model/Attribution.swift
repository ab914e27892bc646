/// A town as an attribution names it: its official name and, when the gazetteer resolved it,
/// its code, district and city (SPEC `towns`).
///
/// ```swift
/// TownRef(name: "长征镇", code: "310107014", district: "普陀区", city: "上海市")
/// ```
public struct TownRef: Sendable, Hashable {
    public var name: String
    public var code: String?
    public var district: String?
    public var city: String?

    public init(name: String, code: String?, district: String? = nil, city: String? = nil) {
        self.name = name
        self.code = code
        self.district = district
        self.city = city
    }
}

/// Whether an article reports on a place or only names it (SPEC location `role`).
public enum LocationRole: String, Sendable, Equatable, Decodable {
    /// The place the article reports on, or whose offices or people act in it.
    case subject
    /// Visited, compared, listed, the origin of a name, the seat of a higher body, a neighbour.
    case mentioned
}

/// What a mechanism's town was credited on (SPEC mechanism `towns[].basis`), from the nearest
/// evidence to the widest.
public enum AttributionBasis: String, Sendable, Equatable, Decodable {
    /// The town is named in a sentence that names the mechanism (`长征镇推动…“三所联动”…`).
    case sentence
    /// The town is named in the paragraph that names the mechanism.
    case paragraph
    /// The town is a subject of the article.
    case article
    /// The article names no town; the town is the bulletin's own (its masthead, or the town its
    /// articles name most).
    case bulletin
}

/// A town credited with practising a mechanism in one article.
public struct PractisingTown: Sendable, Equatable {
    public var town: TownRef
    public var basis: AttributionBasis

    public init(town: TownRef, basis: AttributionBasis) {
        self.town = town
        self.basis = basis
    }
}
