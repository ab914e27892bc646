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
    public var folding: LookalikeFolding
    public var gazetteer: Gazetteer
    public var placeCues: PlaceCues
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
        for source in sources {
            switch source.name {
            case "layout-cues.tsv":
                let table = try TSVTable(
                    parsing: source.contents, file: source.name, required: ["cue", "role"])
                let more = try LayoutCues(table: table)
                for role in LayoutCues.Role.allCases {
                    for cue in more.cues(for: role) { cues.add(cue, role: role) }
                }
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
                let table = try TSVTable(
                    parsing: source.contents, file: source.name,
                    required: ["code", "name", "level"])
                let more = try Gazetteer(table: table)
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
            default:
                continue  // lexicons of later stages
            }
        }
        self.layoutCues = cues
        self.folding = LookalikeFolding(table: folds)
        self.gazetteer = gazetteer
        self.placeCues = placeCues
    }
}
