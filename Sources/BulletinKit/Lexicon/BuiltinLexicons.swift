/// The lexicons compiled into the binary from `lexicons/*.tsv` (by the EmbedLexicons build plugin),
/// parsed once. A built-in lexicon that fails to parse is a bug caught by the tests, so parsing
/// errors surface there rather than at a user's run.
public struct Lexicons: Sendable {
    /// A lexicon file as loaded: its name and exact text (for the manifest's SHA-256).
    public struct Source: Sendable, Equatable {
        public let name: String
        public let contents: String
    }

    public var layoutCues: LayoutCues
    /// The learned weights that give each block of a bulletin its role (`layout-weights.tsv`).
    public var layoutModel: LayoutModel
    public var folding: LookalikeFolding
    public var gazetteer: Gazetteer
    public var placeCues: PlaceCues
    public var mechanisms: MechanismLexicon
    /// Words that tell who practises what (`attribution-cues.tsv`).
    public var attributionCues: AttributionCues
    /// The learned weights of attribution (`attribution-weights.tsv`).
    public var attributionModel: AttributionModel
    /// Words that end a mechanism's name (`mechanism-cues.tsv`), for `lexicon suggest`.
    public var mechanismSuffixes: [String]
    /// Slogans and set phrases `lexicon suggest` does not offer (`mechanism-cues.tsv`).
    public var notMechanisms: [String]
    /// What tells rhetoric and fragments from names for `lexicon suggest` (`suggest-signals.tsv`).
    public var suggestionSignals: SuggestionSignals
    /// Units and measure words with the kind of figure they make (`units.tsv`).
    public var units: [(String, Figure.Kind, Double)]
    /// Terms whose numerals are not quantities (`not-figures.tsv`).
    public var notFigures: [String]
    public var sources: [Source]

    /// The built-in lexicons.
    /// - Throws: `LexiconError` if a built-in file is malformed.
    public static func builtin() throws(LexiconError) -> Lexicons {
        let sources = EmbeddedLexicons.files.map { Source(name: $0.name, contents: $0.contents) }
        return try Lexicons(sources: sources)
    }

    /// Lexicons from the given files, by their names (`layout-cues.tsv`, `lookalikes.tsv`).
    /// - Throws: `LexiconError` naming the file and line of the first malformed row.
    public init(sources: [Source]) throws(LexiconError) {
        self.sources = sources
        var cues = LayoutCues()
        var folds: [Unicode.Scalar: Unicode.Scalar] = [:]
        var gazetteer = Gazetteer()
        var placeCues = PlaceCues()
        var mechanisms = MechanismLexicon()
        var mechanismSuffixes: [String] = []
        var notMechanisms: [String] = []
        var suggestionSignals = SuggestionSignals()
        var units: [(String, Figure.Kind, Double)] = []
        var notFigures: [String] = []
        var layoutModel = LayoutModel()
        var attributionCues = AttributionCues()
        var attributionModel = AttributionModel()
        for source in sources {
            switch source.name {
            case "layout-cues.tsv":
                let table = try TSVTable(
                    parsing: source.contents, file: source.name, required: ["cue", "role"])
                let more = try LayoutCues(table: table)
                for role in LayoutCues.Role.allCases {
                    for cue in more.cues(for: role) { cues.add(cue, role: role) }
                }
            case "layout-weights.tsv":
                layoutModel = try LayoutModel(parsing: source.contents, file: source.name)
            case "attribution-cues.tsv":
                let table = try TSVTable(parsing: source.contents, file: source.name, required: ["cue", "role"])
                let more = try AttributionCues(table: table)
                for role in AttributionCues.Role.allCases {
                    for cue in more.cues(for: role) { attributionCues.add(cue, role: role) }
                }
            case "attribution-weights.tsv":
                attributionModel = try AttributionModel(parsing: source.contents, file: source.name)
            case "lookalikes.tsv":
                let table = try TSVTable(
                    parsing: source.contents, file: source.name, required: ["from", "to"])
                for row in table.rows {
                    let from = row.value("from").unicodeScalars
                    let to = row.value("to").unicodeScalars
                    guard from.count == 1, to.count == 1 else {
                        throw .malformedRow(
                            file: source.name, line: row.line,
                            message: "'from' and 'to' must be one character each")
                    }
                    folds[from.first!] = to.first!
                }
            case "places.tsv":
                let more = try Gazetteer(parsing: source.contents, file: source.name)
                if gazetteer.places.isEmpty {
                    gazetteer = more
                } else {
                    for place in more.places { gazetteer.add(place) }
                }
            case "place-cues.tsv":
                let table = try TSVTable(
                    parsing: source.contents, file: source.name, required: ["cue", "role"])
                let more = try PlaceCues(table: table)
                for role in PlaceCues.Role.allCases {
                    for cue in more.cues(for: role) { placeCues.add(cue, role: role) }
                }
            case "units.tsv":
                let table = try TSVTable(parsing: source.contents, file: source.name, required: ["unit", "kind"])
                for row in table.rows {
                    guard let kind = Figure.Kind(rawValue: row.value("kind")) else {
                        throw .malformedRow(file: source.name, line: row.line, message: "unknown kind '\(row.value("kind"))'")
                    }
                    let scaleText = row.value("scale")
                    guard let scale = scaleText.isEmpty ? 1 : Double(scaleText) else {
                        throw .malformedRow(file: source.name, line: row.line, message: "scale '\(scaleText)' is not a number")
                    }
                    units.append((row.value("unit"), kind, scale))
                }
            case "not-figures.tsv":
                let table = try TSVTable(parsing: source.contents, file: source.name, required: ["term"])
                notFigures += table.rows.map { $0.value("term") }
            case "mechanism-cues.tsv":
                let table = try TSVTable(parsing: source.contents, file: source.name, required: ["cue", "role"])
                for row in table.rows {
                    switch row.value("role") {
                    case "name-suffix": mechanismSuffixes.append(row.value("cue"))
                    case "not-a-mechanism": notMechanisms.append(row.value("cue"))
                    default:
                        throw .malformedRow(file: source.name, line: row.line, message: "unknown role '\(row.value("role"))' (known: name-suffix, not-a-mechanism)")
                    }
                }
            case "suggest-signals.tsv":
                let table = try TSVTable(parsing: source.contents, file: source.name, required: ["cue", "role"])
                suggestionSignals = try SuggestionSignals(table: table)
            case "mechanisms.tsv":
                let table = try TSVTable(
                    parsing: source.contents, file: source.name,
                    required: ["id", "name", "category"])
                mechanisms.merge(try MechanismLexicon(table: table))
            default:
                continue  // lexicons of later stages
            }
        }
        cues.measureWords = units.map(\.0)
        self.layoutCues = cues
        self.layoutModel = layoutModel
        self.attributionCues = attributionCues
        self.attributionModel = attributionModel
        self.folding = LookalikeFolding(table: folds)
        self.gazetteer = gazetteer
        self.placeCues = placeCues
        self.mechanisms = mechanisms
        self.mechanismSuffixes = mechanismSuffixes.sorted { $0.count > $1.count }
        self.notMechanisms = notMechanisms
        self.suggestionSignals = suggestionSignals
        self.units = units
        self.notFigures = notFigures
    }

    /// Adds a user's lexicon file on top of these (`--lexicon FILE`). Its kind is read from its
    /// header: `id, name, category, aliases` is a mechanism lexicon, `code, name, level` a
    /// gazetteer, `cue, role` layout or place cues (by role). User entries win where they overlap.
    /// - Throws: `LexiconError` naming the file and line of the first problem (`diagnose` lists
    ///   them all).
    public mutating func add(userFile path: String, contents: String) throws(LexiconError) {
        // Values outside the documented lists, codes and parents the parsers below let through.
        if let first = diagnose(userFile: path, contents: contents).first(where: \.isError) {
            throw .malformedRow(file: path, line: first.line, message: first.message)
        }
        let probe = try TSVTable(parsing: contents, file: path, required: [])
        let columns = Set(probe.columns)
        if columns.isSuperset(of: ["id", "name", "category"]) {
            let table = try TSVTable(parsing: contents, file: path, required: ["id", "name", "category"])
            mechanisms.merge(try MechanismLexicon(table: table))
        } else if columns.isSuperset(of: ["code", "name", "level"]) {
            let table = try TSVTable(parsing: contents, file: path, required: ["code", "name", "level"])
            for place in try Gazetteer(table: table).places { gazetteer.add(place) }
        } else if columns.isSuperset(of: ["feature", "role", "weight"]) {
            // Layout weights trained on one's own gold (`bulletin train`) replace the built-in ones.
            layoutModel = try LayoutModel(parsing: contents, file: path)
        } else if columns.isSuperset(of: ["task", "feature", "weight"]) {
            // Attribution weights trained on one's own gold replace the built-in ones.
            attributionModel = try AttributionModel(parsing: contents, file: path)
        } else if columns.isSuperset(of: ["cue", "role"]) {
            let table = try TSVTable(parsing: contents, file: path, required: ["cue", "role"])
            for row in table.rows {
                if let role = LayoutCues.Role(rawValue: row.value("role")) {
                    layoutCues.add(row.value("cue"), role: role)
                } else if let role = PlaceCues.Role(rawValue: row.value("role")) {
                    placeCues.add(row.value("cue"), role: role)
                } else if let role = AttributionCues.Role(rawValue: row.value("role")) {
                    attributionCues.add(row.value("cue"), role: role)
                } else {
                    throw .malformedRow(file: path, line: row.line, message: "unknown role '\(row.value("role"))'")
                }
            }
        } else {
            throw .missingColumn(file: path, line: 1, column: "id, name, category (mechanisms) or code, name, level (places) or cue, role (cues)")
        }
        sources.append(Source(name: path, contents: contents))
    }
}
