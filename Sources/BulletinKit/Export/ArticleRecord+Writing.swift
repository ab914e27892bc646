/// Writing the pinned JSON record of one article (SPEC "The article record"), by hand with a
/// fixed key order, for speed; `ArticleRecord` (in `Record/`) is the same record decoded, and a
/// test writes and decodes every record of a corpus run. Tagging fields (`towns`, `locations`, `mechanisms`, `figures`) are empty arrays until
/// the tagger stage fills them.
extension ArticleRecord {
    /// One record as a single line of JSON (no trailing newline).
    public static func json(_ article: Article) -> String {
        String(decoding: bytes(article), as: UTF8.self)
    }

    /// `json(_:)` as UTF-8 bytes, the way output files take it.
    public static func bytes(_ article: Article) -> [UInt8] {
        // The text is most of a record: room for it and the fields around it, so the buffer
        // rarely grows (each growth copied the record so far).
        var json = JSONWriter(capacity: article.text.utf8.count + article.text.utf8.count / 4 + 1024)
        json.object { o in
            o.key("id"); o.string(article.id)
            o.key("bulletin"); o.string(article.bulletin)
            o.key("source"); o.string(article.source)
            o.key("index"); o.int(article.index)
            o.key("title"); o.optionalString(article.title)
            o.key("subtitle"); o.optionalString(article.subtitle)
            o.key("section"); o.optionalString(article.section)
            o.key("byline"); o.stringArray(article.byline)
            o.key("subheadings"); o.stringArray(article.subheadings)
            o.key("captions"); o.int(article.captions)
            o.key("truncated"); o.bool(article.truncated)
            o.key("continued"); o.optionalString(article.continued)
            o.key("date"); o.optionalString(article.date?.description)
            o.key("date_precision"); o.string(DatePrecision(article.date).rawValue)
            o.key("text"); o.string(article.text)
            o.key("towns")
            o.array { a in for town in article.towns { write(town, basis: nil, to: &a) } }
            o.key("locations")
            o.array { a in for location in article.locations { write(location, to: &a) } }
            o.key("mechanisms")
            o.array { a in
                for mechanism in article.mechanisms {
                    a.object { m in
                        m.key("id"); m.string(mechanism.id)
                        m.key("name"); m.string(mechanism.name)
                        m.key("category"); m.string(mechanism.category)
                        m.key("kind"); m.string(mechanism.kind.rawValue)
                        m.key("towns")
                        m.array { a in for town in mechanism.towns { write(town.town, basis: town.basis, to: &a) } }
                        m.key("mentions"); writeMentions(mechanism.mentions, to: &m)
                    }
                }
            }
            o.key("figures")
            o.array { a in
                for figure in article.figures {
                    a.object { f in
                        f.key("text"); f.string(figure.text)
                        f.key("value")
                        switch figure.value {
                        case .number(let number): f.number(number)
                        case .text(let text): f.string(text)
                        }
                        if let max = figure.max { f.key("max"); f.number(max) }
                        f.key("unit"); f.optionalString(figure.unit)
                        f.key("kind"); f.string(figure.kind.rawValue)
                        f.key("approx"); f.bool(figure.approx)
                        if let object = figure.object { f.key("object"); f.string(object) }
                        f.key("start"); f.int(figure.start)
                        f.key("end"); f.int(figure.end)
                    }
                }
            }
        }
        // Exactly its size: records wait in memory until their file's turn to be written, and
        // the writer's buffer grew by doubling.
        return json.bytes.exactSizeCopy()
    }

    static func write(_ location: Location, to json: inout JSONWriter) {
        json.object { o in
            o.key("name"); o.string(location.name)
            o.key("level"); o.string(location.level.rawValue)
            o.key("code"); o.optionalString(location.code)
            o.key("province"); o.optionalString(location.province)
            o.key("city"); o.optionalString(location.city)
            o.key("district"); o.optionalString(location.district)
            if location.level == .community {
                o.key("town"); o.optionalString(location.town)
            }
            o.key("ambiguous"); o.bool(location.ambiguous)
            if location.ambiguous {
                o.key("candidates")
                o.array { a in
                    for candidate in location.candidates {
                        a.object { c in
                            c.key("code"); c.string(candidate.code)
                            c.key("province"); c.optionalString(candidate.province)
                            c.key("city"); c.optionalString(candidate.city)
                            c.key("district"); c.optionalString(candidate.district)
                        }
                    }
                }
            }
            o.key("role"); o.string(location.role.rawValue)
            o.key("mentions"); writeMentions(location.mentions, to: &o)
        }
    }

    /// A town of the article's `towns` or of a mechanism's (with the basis it was credited on).
    static func write(_ town: TownRef, basis: AttributionBasis?, to json: inout JSONWriter) {
        json.object { o in
            o.key("name"); o.string(town.name)
            o.key("code"); o.optionalString(town.code)
            o.key("district"); o.optionalString(town.district)
            o.key("city"); o.optionalString(town.city)
            if let basis { o.key("basis"); o.string(basis.rawValue) }
        }
    }

    static func writeMentions(_ mentions: [Mention], to json: inout JSONWriter) {
        json.array { a in
            for mention in mentions {
                a.object { m in
                    m.key("start"); m.int(mention.start)
                    m.key("end"); m.int(mention.end)
                    m.key("surface"); m.string(mention.surface)
                }
            }
        }
    }
}
