/// Words by the role they play for one stage, read from a `cue, role` table: the place cues
/// (`place-cues.tsv`, `PlaceCues`) and the attribution cues (`attribution-cues.tsv`,
/// `AttributionCues`).
///
/// ```swift
/// cues.cues(for: .visit)   // ["赴", "前往", "走进", …]
/// ```
public struct CueTable<R: RawRepresentable & CaseIterable & Hashable & Sendable>: Sendable where R.RawValue == String {
    public typealias Role = R

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
