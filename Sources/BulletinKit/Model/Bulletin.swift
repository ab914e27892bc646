/// One issue of a newsletter: the decoded text of one input file.
public struct Bulletin: Sendable, Equatable {
    /// The file name without its extension (`2024-01-05_xinhai`); the prefix of article ids.
    public var id: String
    /// The path as given on the command line (`archive/chongming/2024-01-05_xinhai.txt`), or `-`.
    public var source: String
    /// The issue date from the file name; ingestion may also find it in a masthead line.
    public var date: IssueDate?
    public var text: String

    public init(id: String, source: String, date: IssueDate? = nil, text: String) {
        self.id = id
        self.source = source
        self.date = date
        self.text = text
    }

    /// A bulletin named after its file: `id` is the base name without extension, `date` comes
    /// from the name when it carries one. Standard input (`-`) is the bulletin `stdin`.
    public init(path: String, text: String) {
        if path == "-" {
            self.init(id: "stdin", source: "-", text: text)
            return
        }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let id = base.contains(".") ? String(base[..<base.lastIndex(of: ".")!]) : base
        self.init(id: id, source: path, date: IssueDate(fileName: id), text: text)
    }
}
