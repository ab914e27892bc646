import BulletinKit
import Foundation

// bulletin-bench: start-up and throughput of the pipeline's stages, release build.
//
//   swift run -c release bulletin-bench [MEGABYTES]
//
// Prints the time to parse the built-in lexicons and build the place matcher, and MB/s for
// ingestion, location tagging, and the phrase matcher alone, over a synthetic archive made by
// repeating the corpus bulletins with their place names varied; then the hostile shapes
// (`HostileShapes.swift`) at two sizes each, exiting 1 when one's time more than doubles with its
// input. Peak RSS comes from getrusage.

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

let corpusFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("corpus").path

// `bulletin-bench generate DIR MB`: a deterministic synthetic archive of corpus bulletins with
// their figures and town names varied, in files of 5–20 KB, for bench/run.sh.
if CommandLine.arguments.count >= 4, CommandLine.arguments[1] == "generate" {
    let folder = CommandLine.arguments[2]
    let target = (Double(CommandLine.arguments[3]) ?? 100) * 1_000_000
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var sources: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: corpusFolder).sorted() where name.hasSuffix(".txt") {
        let path = corpusFolder + "/" + name
        sources.append(try TextDecoding.decode(try InputFiles.read(path), path: path).text)
    }
    let places = try Lexicons.builtin().gazetteer.places.filter { $0.level == .town && ($0.code.hasPrefix("31") || $0.code.hasPrefix("32")) }.map(\.name)
    var state: UInt64 = 20241125
    func next() -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) >> 1)
    }
    var written = 0.0
    var serial = 0
    while written < target {
        var text = ""
        let size = 5_000 + next() % 15_000
        while text.utf8.count < size {
            var piece = sources[next() % sources.count]
            // Vary the numbers and put other towns in.
            piece = String(piece.unicodeScalars.map { scalar -> Character in
                ScalarClass_isDigit(scalar) && next() % 3 == 0 ? Character(String(next() % 10)) : Character(scalar)
            })
            let town = places[next() % places.count]
            piece = piece.replacingOccurrences(of: "街道", with: "街道", options: [], range: nil) + "\n\n" + town + "召开工作推进会，部署下一阶段重点任务。\n"
            text += piece + "\n\n"
        }
        let year = 2018 + next() % 7
        let month = 1 + next() % 12
        let day = 1 + next() % 28
        let name = String(format: "%04d-%02d-%02d_b%06d.txt", year, month, day, serial)
        try text.write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
        written += Double(text.utf8.count)
        serial += 1
    }
    print(String(format: "generated %.1f MB in %d files under %@", written / 1e6, serial, folder))
    exit(0)
}

// `bulletin-bench floor DIR`: seconds to read every *.txt under DIR and validate it as UTF-8 —
// the floor bench/run.sh compares `bulletin run` with.
if CommandLine.arguments.count >= 3, CommandLine.arguments[1] == "floor" {
    let folder = CommandLine.arguments[2]
    var bytes = 0
    let elapsed = try seconds {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".txt") {
            let data = try InputFiles.read(folder + "/" + name)
            guard String(validating: data, as: UTF8.self) != nil else { throw InputError.undecodable(path: name, byteOffset: 0) }
            bytes += data.count
        }
    }
    print(String(format: "%.6f %d", elapsed, bytes))
    exit(0)
}

func ScalarClass_isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

let megabytes = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 20

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

// Hostile layout: runs of short title-like lines (an honour roll, a list of names). Role decoding
// is linear in the number of lines: doubling the lines should double the time, not quadruple it.
for lines in [25_000, 50_000] {
    let roll = (0..<lines).map { "优秀网格员\($0 % 97)号 张\($0 % 13)明" }.joined(separator: "\n")
    var cut = 0
    let time = seconds { cut = ingester.articles(in: Bulletin(path: "roll.txt", text: roll)).articles.count }
    print(String(format: "short lines: %d lines in %.2f s (%d articles)", lines, time, cut))
}

var count = 0
let tagging = seconds { for bulletin in articles { count += tagger.tag(bulletin).reduce(0) { $0 + $1.locations.count } } }
print(String(format: "tagging (places, mechanisms, figures): %.1f MB/s (%d locations)", mb / tagging, count))

let names = lexicons.gazetteer.allForms.map { Array($0.form.unicodeScalars) }
var matcher: PhraseMatcher!
let matcherBuild = seconds { matcher = PhraseMatcher(patterns: names) }
let joinedText = archive.map(\.text).joined(separator: "\n")
let joined = Array(joinedText.utf8)
let joinedScalars = Array(joinedText.unicodeScalars)
var hits = 0
let scan = seconds { hits = matcher.allMatches(in: joinedScalars).count }
print(String(format: "phrase matcher: build %.3f s for %d patterns, scan %.1f MB/s (%d hits)", matcherBuild, names.count, mb / scan, hits))

let figureTagger = FigureTagger(lexicons: lexicons, units: lexicons.units, notFigures: lexicons.notFigures)
var figureCount = 0
let figuresOnly = seconds {
    for bulletin in archive { figureCount += figureTagger.figures(in: bulletin.text, excluded: [], issueDate: nil).count }
}
print(String(format: "figures only: %.1f MB/s (%d figures)", mb / figuresOnly, figureCount))

// Hostile shapes at N and 2N: linear stages double their time, quadratic ones quadruple it.
var hostileFailures: [String] = []
// Town names, each once, those several places share first (the resolver's work is theirs).
let townNames: [String] = {
    var count: [String: Int] = [:]
    for place in lexicons.gazetteer.places where place.level == .town { count[place.name, default: 0] += 1 }
    return count.keys.sorted { (count[$0]! > 1 ? 0 : 1, $0) < (count[$1]! > 1 ? 0 : 1, $1) }
}()
for shape in HostileShape.all(towns: townNames) {
    let small = shape.make(shape.size)
    let large = shape.make(2 * shape.size)
    let one = HostileShape.time(small, ingester: ingester, tagger: tagger)
    let two = HostileShape.time(large, ingester: ingester, tagger: tagger)
    let ratio = two / one
    let verdict = ratio < 2.5 ? "ok" : "FAIL, not linear"
    if ratio >= 2.5 { hostileFailures.append(shape.name) }
    print(String(
        format: "hostile: %@: %d %@ (%.0f KB) %.3f s, %d (%.0f KB) %.3f s CPU: x%.2f (%@)", shape.name, shape.size,
        shape.unit, Double(small.utf8.count) / 1e3, one, 2 * shape.size, Double(large.utf8.count) / 1e3, two, ratio, verdict))
}

let floor = seconds { _ = String(validating: joined, as: UTF8.self) }
print(String(format: "decode floor (UTF-8 validation): %.0f MB/s", mb / floor))
print(String(format: "peak RSS: %.1f MB", peakRSSMegabytes()))
if !hostileFailures.isEmpty {
    print("hostile shapes whose time more than doubled with the input: " + hostileFailures.joined(separator: ", "))
    exit(1)
}
