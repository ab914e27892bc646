/// The words the location tagger reads places by beyond the gazetteer, from `place-cues.tsv`:
/// terms that hide a place name (`浦江经验`), what may follow a short form, and the suffixes,
/// stop names and boundaries of community names.
public struct PlaceCues: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case notAPlace = "not-a-place"
        case shortFollower = "short-follower"
        case shortBlocker = "short-blocker"
        case nameEndBreaker = "name-end-breaker"
        case commonWordStem = "common-word-stem"
        case communitySuffix = "community-suffix"
        case communityStopName = "community-stop-name"
        case communityGenericFollower = "community-generic-follower"
        case villageGenericFollower = "village-generic-follower"
        case communityBoundary = "community-boundary"
        case communityRoleFollower = "community-role-follower"
        case toponymEnding = "toponym-ending"
    }

    public private(set) var cues: [Role: [String]] = [:]

    public init() {}

    /// - Throws: `LexiconError.malformedRow` for an unknown role.
    public init(table: TSVTable) throws(LexiconError) {
        for row in table.rows {
            guard let role = Role(rawValue: row.value("role")) else {
                throw .malformedRow(
                    file: table.file, line: row.line,
                    message: "unknown role '\(row.value("role"))' (known: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            add(row.value("cue"), role: role)
        }
    }

    public mutating func add(_ cue: String, role: Role) {
        cues[role, default: []].append(cue)
    }

    public func cues(for role: Role) -> [String] { cues[role] ?? [] }
}
