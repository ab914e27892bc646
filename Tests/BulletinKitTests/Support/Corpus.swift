import BulletinKit
import Foundation

/// Paths into the package, found from this file's location so tests run from any folder.
enum Corpus {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// `corpus/`, or the folder `BULLETIN_CORPUS` names: the accuracy suites then score any
    /// annotated set (a held-out one, a user's own) with the same code.
    static let folder = ProcessInfo.processInfo.environment["BULLETIN_CORPUS"] ?? packageRoot + "/corpus"

    /// Every corpus bulletin that has a gold annotation, sorted.
    static func bulletinNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".gold.json") }
            .map { String($0.dropLast(".gold.json".count)) }
            .sorted()
    }

    static func bulletin(_ name: String) throws -> Bulletin {
        let path = folder + "/" + name + ".txt"
        let decoded = try TextDecoding.decode(try InputFiles.read(path), path: path)
        return Bulletin(path: path, text: decoded.text)
    }

    static func gold(_ name: String) throws -> GoldBulletin {
        try GoldBulletin.load(folder + "/" + name + ".gold.json")
    }

    static let lexicons: Lexicons = try! Lexicons.builtin()
    static let ingester = Ingester(lexicons: lexicons)
}

extension Corpus {
    /// The real bulletins in `../shared/seeds`, when that folder is there (it is not part of the
    /// package; tests that use it run on what they find).
    static func seedPaths() -> [String] {
        let folder = packageRoot + "/../shared/seeds"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder + "/" + $0 }
    }
}

extension Corpus {
    static let tagger = Tagger(lexicons: lexicons)
}
