/// China's administrative divisions down to towns, from `places.tsv`: every place by code, the
/// places each written form may name, and each place's hierarchy.
///
/// ```swift
/// let places = gazetteer.places(named: "通州区")   // Beijing's and Nantong's
/// gazetteer.hierarchy(of: index)                  // (江苏省, 南通市, 崇川区) for 虹桥街道 320613005
/// gazetteer.ancestors(of: index)                  // 虹桥街道, 崇川区, 南通市, 江苏省 (as indices)
/// ```
public struct Gazetteer: Sendable {
    /// How a written form names a place.
    public enum FormKind: Int, Sendable, Comparable {
        /// A short form, counted only in context (`浦东`, `桃浦`).
        case short = 0
        /// The official name or a full variant (`斜土街道`).
        case full = 1

        public static func < (a: FormKind, b: FormKind) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Form: Sendable, Equatable {
        public var place: Int
        public var kind: FormKind
    }

    public private(set) var places: [Place] = []
    private var byCode: [String: Int] = [:]
    /// Each place's parent as an index into `places` (-1 at the top, or while its parent is not
    /// in yet): `ancestors(of:)` walks it without hashing a code.
    private(set) var parents: [Int32] = []
    /// Parent codes not in the gazetteer yet → the places waiting under them (a user's lexicon
    /// may list a parent after its children).
    private var waitingChildren: [String: [Int32]] = [:]
    /// Written form → the places it names.
    private var forms: [FormKey: [Form]] = [:]

    /// A written form as a dictionary key, hashed and compared as its UTF-8 bytes: `String`
    /// hashes Chinese text through Unicode normalization, which was an eighth of start-up.
    struct FormKey: Hashable, Sendable {
        let text: String

        func hash(into hasher: inout Hasher) {
            ByteSearch.hash(text, into: &hasher)
        }

        static func == (a: FormKey, b: FormKey) -> Bool {
            ByteSearch.equal(a.text, b.text)
        }
    }

    /// Every written form with the places it names, in no particular order.
    public var allForms: [(form: String, places: [Form])] { forms.map { ($0.key.text, $0.value) } }

    public init() {}

    /// Reads `code, name, level, parent_code, aliases, short` rows.
    /// - Throws: `LexiconError` for an unknown level or a row without code or name.
    public init(table: TSVTable) throws(LexiconError) {
        for row in table.rows { try add(row, file: table.file) }
    }

    /// Reads a places TSV row by row (the whole-China gazetteer is 40,000 rows).
    public init(parsing text: String, file: String) throws(LexiconError) {
        var gazetteer = Gazetteer()
        try TSVTable.forEachRow(parsing: text, file: file, required: ["code", "name", "level"]) { row throws(LexiconError) in
            try gazetteer.add(row, file: file)
        }
        // Appending grew the array by doubling: a copy of exactly its size gives back the slack
        // (1.5 MB of 42,000 places) for the rest of the run.
        gazetteer.places = Array(unsafeUninitializedCapacity: gazetteer.places.count) { buffer, count in
            _ = buffer.initialize(from: gazetteer.places)
            count = gazetteer.places.count
        }
        gazetteer.parents = Array(unsafeUninitializedCapacity: gazetteer.parents.count) { buffer, count in
            _ = buffer.initialize(from: gazetteer.parents)
            count = gazetteer.parents.count
        }
        self = gazetteer
    }

    private mutating func add(_ row: TSVTable.Row, file: String) throws(LexiconError) {
        guard let level = AdminLevel(rawValue: row.value("level")), level != .community else {
            throw .malformedRow(
                file: file, line: row.line,
                message: "level must be province, city, district or town, not '\(row.value("level"))'")
        }
        // Most places have no aliases or short forms: an empty cell needs no splitting.
        let split = { (cell: String) in
            cell.isEmpty ? [] : cell.unicodeScalars.split(separator: "|").map { String(Substring($0)).trimmingSpaces }.filter { !$0.isEmpty }
        }
        let parent = row.value("parent_code")
        add(Place(
            code: row.value("code"), name: row.value("name"), level: level,
            parentCode: parent.isEmpty ? nil : parent, aliases: split(row.value("aliases")),
            shortForms: split(row.value("short"))))
    }

    /// Adds a place (a user lexicon's entry replaces a built-in one with the same code).
    public mutating func add(_ place: Place) {
        let index: Int
        if let existing = byCode[place.code] {
            index = existing
            places[index] = place
        } else {
            index = places.count
            places.append(place)
            parents.append(-1)
            byCode[place.code] = index
        }
        parents[index] = -1
        if let parentCode = place.parentCode {
            if let parent = byCode[parentCode] {
                parents[index] = Int32(parent)
            } else {
                waitingChildren[parentCode, default: []].append(Int32(index))
            }
        }
        for child in waitingChildren.removeValue(forKey: place.code) ?? [] where places[Int(child)].parentCode == place.code {
            parents[Int(child)] = Int32(index)
        }
        addForm(place.name, place: index, kind: .full)
        for alias in place.aliases { addForm(alias, place: index, kind: .full) }
        for short in place.shortForms { addForm(short, place: index, kind: .short) }
    }

    private mutating func addForm(_ form: String, place: Int, kind: FormKind) {
        // Changed in place: one hash of the form, no copy of its list.
        Gazetteer.record(Form(place: place, kind: kind), in: &forms[FormKey(text: form), default: []])
    }

    private static func record(_ form: Form, in list: inout [Form]) {
        guard !list.contains(where: { $0.place == form.place && $0.kind >= form.kind }) else { return }
        list.removeAll { $0.place == form.place }
        list.append(form)
    }

    public func place(code: String) -> Place? { byCode[code].map { places[$0] } }

    public func index(code: String) -> Int? { byCode[code] }

    public func places(named form: String) -> [Place] {
        (forms[FormKey(text: form)] ?? []).map { places[$0.place] }
    }
}
