/// `manifest.json`: what a researcher cites in a methods section — the tool version, each lexicon
/// with its SHA-256, each input with its size and SHA-256, and the counts. It holds no time stamp,
/// so the same inputs give the same bytes.
public enum Manifest {
    /// One SHA-256 over every lexicon's name and contents, in load order.
    public static func lexiconDigest(_ lexicons: Lexicons) -> String {
        var bytes: [UInt8] = []
        for source in lexicons.sources {
            bytes += Array(source.name.utf8) + [0] + Array(source.contents.utf8) + [0]
        }
        return SHA256.hex(of: bytes)
    }

    public static func json(summary: BatchRunner.Summary, lexicons: Lexicons) -> String {
        var json = JSONWriter()
        json.object { o in
            o.key("tool"); o.string("bulletin")
            o.key("version"); o.string(BulletinVersion.current)
            o.key("lexicons")
            o.array { a in
                for source in lexicons.sources {
                    a.object { l in
                        l.key("name"); l.string(source.name)
                        l.key("sha256"); l.string(SHA256.hex(of: Array(source.contents.utf8)))
                    }
                }
            }
            o.key("inputs")
            o.array { a in
                for input in summary.inputs {
                    a.object { i in
                        i.key("path"); i.string(input.path)
                        i.key("bytes"); i.int(input.bytes)
                        i.key("sha256"); i.string(input.sha256)
                        i.key("encoding"); i.optionalString(input.encoding)
                        i.key("articles"); i.int(input.articles)
                        i.key("error"); i.optionalString(input.error)
                    }
                }
            }
            o.key("counts")
            o.object { c in
                c.key("files"); c.int(summary.files)
                c.key("articles"); c.int(summary.articles)
                c.key("errors"); c.int(summary.problems)
            }
        }
        return json.output + "\n"
    }
}
