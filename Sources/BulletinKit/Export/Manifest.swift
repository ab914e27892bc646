/// `manifest.json`: what a researcher cites in a methods section — the tool version, each lexicon
/// with its SHA-256, each input with its size and SHA-256 (and after them the inputs that could not
/// be read at all — a missing path, a broken symbolic link — with their error), and the counts. It holds no time stamp,
/// so the same inputs give the same bytes.
public enum Manifest {
    public static func json(summary: RunSummary, lexicons: LexiconDigests, dates: IssueDates? = nil) -> String {
        head(lexicons: lexicons, dates: dates) + (summary.inputs + summary.unexpanded).map(input).joined(separator: ",")
            + tail(summary: summary)
    }

    // The manifest in three parts, so that an output folder can write the inputs one by one as
    // it reads them back from its progress log: head, the inputs joined by commas, tail.

    /// `{"tool":…,"version":…,"lexicons":[…],"inputs":[`, with `"dates":{"file":…,"sha256":…,
    /// "rows":…}` before the inputs when a `--dates` file supplied issue dates.
    public static func head(lexicons: LexiconDigests, dates: IssueDates? = nil) -> String {
        var json = JSONWriter()
        json.array { a in
            for file in lexicons.files {
                a.object { l in
                    l.key("name"); l.string(file.name)
                    l.key("sha256"); l.string(file.sha256)
                }
            }
        }
        var datesField = ""
        if let dates {
            var object = JSONWriter()
            object.object { o in
                o.key("file"); o.string(dates.source)
                o.key("sha256"); o.string(dates.sha256)
                o.key("rows"); o.int(dates.count)
            }
            datesField = ",\"dates\":" + object.output
        }
        return "{\"tool\":\"bulletin\",\"version\":\"\(BulletinVersion.current)\",\"lexicons\":" + json.output + datesField + ",\"inputs\":["
    }

    /// One input's object.
    public static func input(_ input: InputRecord) -> String {
        var json = JSONWriter()
        json.object { input.writeFields(to: &$0) }
        return json.output
    }

    /// `],"counts":{…}}` and a newline.
    public static func tail(summary: RunSummary) -> String {
        "],\"counts\":{\"files\":\(summary.files),\"articles\":\(summary.articles),\"errors\":\(summary.problems)}}\n"
    }
}

extension InputRecord {
    /// The input's fields as the manifest lists them (`path`, `bytes`, `sha256`, `encoding`,
    /// `encoding_confidence` for a GB18030 or Big5 reading, `supplied_date` when a `--dates` file
    /// gave the issue date, `articles`, `error`), into an open JSON object; the progress log writes the same ones.
    func writeFields(to object: inout JSONWriter) {
        object.key("path"); object.string(path)
        object.key("bytes"); object.int(bytes)
        object.key("sha256"); object.string(sha256)
        object.key("encoding"); object.optionalString(encoding)
        if let encodingConfidence { object.key("encoding_confidence"); object.number(encodingConfidence) }
        if let suppliedDate { object.key("supplied_date"); object.string(suppliedDate) }
        object.key("articles"); object.int(articles)
        object.key("error"); object.optionalString(error)
    }
}
