import BulletinKit
import Foundation

// bulletin-bench: start-up and throughput of the pipeline's stages, release build.
//
//   swift run -c release bulletin-bench [MEGABYTES]
//
// Prints the time to parse the built-in lexicons and build the place matcher, and MB/s for
// ingestion, location tagging, and the phrase matcher alone, over a synthetic archive made by
// repeating the corpus bulletins with their place names varied. Peak RSS comes from getrusage.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let megabytes = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 20
let corpusFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("corpus").path

var lexicons: Lexicons!
let parse = try seconds { lexicons = try Lexicons.builtin() }
var tagger: Tagger!
let build = seconds { tagger = Tagger(lexicons: lexicons) }
print(String(format: "lexicons: parse %.3f s (%d places), place matcher build %.3f s", parse, lexicons.gazetteer.places.count, build))

// A synthetic archive: corpus bulletins, repeated with the town names of their district varied.
var texts: [String] = []
for name in try FileManager.default.contentsOfDirectory(atPath: corpusFolder).sorted() where name.hasSuffix(".txt") {
    let path = corpusFolder + "/" + name
    texts.append(try TextDecoding.decode(try InputFiles.read(path), path: path).text)
}
let towns = lexicons.gazetteer.places.filter { $0.level == .town && ($0.code.hasPrefix("31") || $0.code.hasPrefix("32")) }.map(\.name)
var archive: [Bulletin] = []
var bytes = 0
var serial = 0
while Double(bytes) < megabytes * 1_000_000 {
    var text = texts[serial % texts.count]
    let town = towns[(serial * 7919) % towns.count]
    text = text.replacingOccurrences(of: "镇", with: "镇" + (serial % 3 == 0 ? town : ""), options: [], range: nil)
    archive.append(Bulletin(id: "b\(serial)", source: "b\(serial).txt", text: text))
    bytes += text.utf8.count
    serial += 1
}
let mb = Double(bytes) / 1e6
print(String(format: "archive: %.1f MB in %d bulletins", mb, archive.count))

let ingester = Ingester(lexicons: lexicons)
var articles: [[Article]] = []
let ingest = seconds { articles = archive.map { ingester.articles(in: $0).articles } }
print(String(format: "ingestion: %.1f MB/s", mb / ingest))

var count = 0
let tagging = seconds { for bulletin in articles { count += tagger.tag(bulletin).reduce(0) { $0 + $1.locations.count } } }
print(String(format: "location tagging: %.1f MB/s (%d locations)", mb / tagging, count))

let names = lexicons.gazetteer.forms.keys.map { Array($0.utf8) }
var matcher: PhraseMatcher!
let matcherBuild = seconds { matcher = PhraseMatcher(patterns: names) }
let joined = Array(archive.map(\.text).joined(separator: "\n").utf8)
var hits = 0
let scan = seconds { hits = matcher.allMatches(in: joined).count }
print(String(format: "phrase matcher: build %.3f s for %d patterns, scan %.1f MB/s (%d hits)", matcherBuild, names.count, mb / scan, hits))

let floor = seconds { _ = String(validating: joined, as: UTF8.self) }
print(String(format: "decode floor (UTF-8 validation): %.0f MB/s", mb / floor))
print(String(format: "peak RSS: %.1f MB", peakRSSMegabytes()))
