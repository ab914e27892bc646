/// Named governance mechanisms, work methods and programmes (`mechanisms.tsv`): each with a stable
/// id, its canonical name, a category, every surface form it goes by, and a one-line description.
///
/// ```swift
/// lexicon.entry(id: "sibai-dazoufang")?.aliases   // ["四百大走访", "走四百", "宁聚·四百", …]
/// ```
public struct MechanismLexicon: Sendable {
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var name: String
        public var category: String
        /// Mechanism, campaign, programme or principle (column `kind`; `mechanism` when absent).
        public var kind: MechanismKind
        public var aliases: [String]
        public var description: String
        /// Where the entry was read (`mechanisms.tsv:17`), for error messages and `lexicon check`.
        public var origin: String

        /// The canonical name and every alias.
        public var forms: [String] { [name] + aliases }
    }

    public private(set) var entries: [Entry] = []
    private var byID: [String: Int] = [:]

    public init() {}

    /// Reads `id, name, category, kind, aliases, description` rows.
    /// - Throws: `LexiconError` for a bad id, a duplicate id, or a form claimed twice in one file.
    public init(table: TSVTable) throws(LexiconError) {
        var claimed: [String: String] = [:]
        for row in table.rows {
            let id = row.value("id")
            guard id.unicodeScalars.allSatisfy({ ($0.value >= 0x61 && $0.value <= 0x7A) || ScalarClass.isASCIIDigit($0) || $0 == "-" })
            else {
                throw .malformedRow(file: table.file, line: row.line, message: "id '\(id)' must be lowercase ASCII letters, digits and '-'")
            }
            guard byID[id] == nil else {
                throw .malformedRow(file: table.file, line: row.line, message: "duplicate id '\(id)' (first at \(entries[byID[id]!].origin))")
            }
            let kindText = row.value("kind")
            guard let kind = kindText.isEmpty ? .mechanism : MechanismKind(rawValue: kindText) else {
                throw .malformedRow(
                    file: table.file, line: row.line,
                    message: "unknown kind '\(kindText)' (known: \(MechanismKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let aliases = row.value("aliases").split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            let category = row.value("category")
            let entry = Entry(
                id: id, name: row.value("name"), category: category,
                kind: category == MechanismLexicon.unreviewed ? .principle : kind, aliases: aliases,
                description: row.value("description"), origin: "\(table.file):\(row.line)")
            for form in entry.forms {
                let key = MechanismLexicon.matchKey(form)
                if let owner = claimed[key], owner != id {
                    throw .malformedRow(
                        file: table.file, line: row.line,
                        message: "form '\(form)' of '\(id)' is already a form of '\(owner)'")
                }
                claimed[key] = id
            }
            byID[id] = entries.count
            entries.append(entry)
        }
    }

    /// The category `bulletin lexicon suggest` writes on every row it mines. Such a row is loaded
    /// (its mentions are tagged, with this category) as a `principle`, whatever its kind, so that
    /// `query` and `report` leave it out unless asked for all kinds; `lexicon check` and `run` warn.
    ///
    /// ```
    /// suggested-3	美丽楼道	unreviewed	…   →   tagged 美丽楼道, category unreviewed, kind principle
    /// ```
    public static let unreviewed = "unreviewed"

    /// How many rows of a mechanism table are still marked `unreviewed`.
    public var unreviewedCount: Int { entries.filter { $0.category == MechanismLexicon.unreviewed }.count }

    public func entry(id: String) -> Entry? { byID[id].map { entries[$0] } }

    /// Adds the entries of a user lexicon on top: an entry with a built-in id replaces it, and a
    /// form the user gives to one mechanism is taken away from any built-in one.
    public mutating func merge(_ other: MechanismLexicon) {
        let userKeys = Set(other.entries.flatMap { $0.forms.map { MechanismLexicon.matchKey($0) } })
        for index in entries.indices {
            entries[index].aliases.removeAll { userKeys.contains(MechanismLexicon.matchKey($0)) }
        }
        for entry in other.entries {
            if let index = byID[entry.id] {
                entries[index] = entry
            } else {
                byID[entry.id] = entries.count
                entries.append(entry)
            }
        }
    }

    /// The form as matched: quotes, book-title marks, interpuncts and spaces removed, look-alikes
    /// and full-width forms folded (`“四百”大走访` and `四百大走访` are one key).
    public static func matchKey(_ form: String, folding: LookalikeFolding = LookalikeFolding(table: [:])) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in folding.fold(form).unicodeScalars where !MechanismLexicon.isIgnored(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Marks the matcher skips: quotes 「」“”‘’"'《》〈〉, interpuncts ·•・, spaces.
    static func isIgnored(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "“", "”", "‘", "’", "\"", "'", "「", "」", "『", "』", "《", "》", "〈", "〉", "·", "•", "・", "‧":
            return true
        default:
            return ScalarClass.isSpace(scalar)
        }
    }
}
