import Foundation

// libFuzzer entry point for ingestion + tagging. Built and run by fuzz/run.sh, not by SwiftPM.
//
// Every input is decoded as a bulletin file would be; what decodes is split and tagged, and every
// mention of every record must satisfy the offset contract: text[start..<end] == surface.

let fuzzLexicons = try! Lexicons.builtin()
let fuzzIngester = Ingester(lexicons: fuzzLexicons)
let fuzzTagger = Tagger(lexicons: fuzzLexicons)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let decoded = try? TextDecoding.decode(bytes, path: "fuzz.txt") else { return 0 }
    let bulletin = Bulletin(path: "2024-01-05_fuzz.txt", text: decoded.text)
    let articles = fuzzTagger.tag(fuzzIngester.articles(in: bulletin).articles)
    for article in articles {
        let scalars = Array(article.text.unicodeScalars)
        func check(_ start: Int, _ end: Int, _ surface: String) {
            precondition(start >= 0 && start < end && end <= scalars.count, "offsets \(start)..<\(end) outside \(scalars.count)")
            precondition(String(String.UnicodeScalarView(scalars[start..<end])) == surface, "surface mismatch at \(start)")
        }
        for mention in article.locations.flatMap(\.mentions) + article.mechanisms.flatMap(\.mentions) {
            check(mention.start, mention.end, mention.surface)
        }
        for figure in article.figures { check(figure.start, figure.end, figure.text) }
        // Rendering: the record parses back as JSON with the article's text; the CSV rows and the
        // summary report are built (the writers scan eight bytes at a time).
        let rendered = RenderedArticle.full(article)
        let object = try? JSONSerialization.jsonObject(with: Data(rendered.record)) as? [String: Any]
        // Foundation's parser drops a U+FEFF inside a string (Python's json keeps it).
        let withoutBOM = { (text: String) in String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{FEFF}" })) }
        precondition((object?["text"] as? String).map(withoutBOM) == withoutBOM(article.text), "record does not parse back to the text")
        precondition(String(validating: rendered.mentionRows, as: UTF8.self) != nil, "mention rows are not UTF-8")
        var summary = TownMechanismSummary()
        if let report = rendered.report { try? summary.add(report) }
    }
    return 0
}
