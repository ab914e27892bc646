import BulletinKit
import Foundation
import Testing

@Suite("Town × mechanism table: summary, query and report agree")
struct TownMechanismTableTests {
    /// Records of part of the corpus, decoded as the readers decode them.
    static let records: [ArticleRecord] = Corpus.bulletinNames().prefix(90).flatMap { name -> [ArticleRecord] in
        let ingested = Corpus.ingester.articles(in: try! Corpus.bulletin(name))
        return Corpus.tagger.tag(ingested.articles, masthead: ingested.masthead, nameplate: ingested.nameplate).map { try! ArticleRecord.decode(ArticleRecord.bytes($0)) }
    }

    struct Cell: Hashable {
        var town: String
        var district: String
        var mechanism: String
    }

    @Test("one table gives the summary's, query's and report's counts, cell for cell, under either rule", arguments: TownCredit.allCases)
    func sameCounts(credit: TownCredit) throws {
        let records = TownMechanismTableTests.records.map(ArticleQuery.Record.init(record:))
        let table = TownMechanismTable(records, credit: credit)
        var expected: [Cell: Int] = [:]
        for (town, byMechanism) in table.cells {
            for (id, articles) in byMechanism {
                expected[Cell(town: town.label, district: town.district, mechanism: table.mechanismNames[id]!), default: 0] += articles.count
            }
        }
        #expect(expected.count > 100)
        #expect(table.cells.keys.contains { $0.ambiguous })

        // The summary a run writes: town_mechanism.csv, cell by cell.
        var summary = TownMechanismSummary()
        for record in TownMechanismTableTests.records { try summary.add(TownMechanismSummary.Report(record: record, credit: credit)) }
        let rows = try summary.text(of: "town_mechanism.csv", bom: false).split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var fromSummary: [Cell: Int] = [:]
        for row in rows.dropFirst() {
            for (column, count) in row.enumerated().dropFirst(4) where count != "0" {
                fromSummary[Cell(town: row[0], district: row[1], mechanism: rows[0][column]), default: 0] += Int(count)!
            }
        }
        #expect(fromSummary == expected)

        // query: every mechanism's answers, counted by town and district.
        let query = ArticleQuery(records: records, lexicons: Corpus.lexicons, credit: credit, kinds: Set(MechanismKind.allCases))
        var fromQuery: [Cell: Int] = [:]
        for id in table.mechanismOrder {
            for hit in query.hits(mechanism: id, area: nil) {
                let town = table.cells.keys.first { $0.name == hit.town && $0.district == hit.district && table.count(town: $0, mechanism: id) > 0 }!
                fromQuery[Cell(town: town.label, district: hit.district, mechanism: hit.mechanism), default: 0] += 1
            }
        }
        #expect(fromQuery == expected)

        // report: each heat-map cell's count, as its tooltip says it.
        let page = ReportPage.html(records, credit: credit, kinds: Set(MechanismKind.allCases))
        var fromReport: [String: Int] = [:]
        let tooltip = try Regex(#"<tr class="town" data-town="([^"]*)" data-district="([^"]*)">|title="([^"]*) × ([^"]*): (\d+)""#)
        var district = ""
        for match in page.matches(of: tooltip) {
            if let d = match.output[2].substring {
                district = String(d)
            } else {
                let key = "\(match.output[3].substring!)\t\(district)\t\(match.output[4].substring!)"
                fromReport[key, default: 0] += Int(match.output[5].substring!)!
            }
        }
        var expectedByName: [String: Int] = [:]
        for (cell, count) in expected {
            let name = cell.town.hasSuffix(" (ambiguous)") ? String(cell.town.dropLast(" (ambiguous)".count)) : cell.town
            expectedByName["\(name)\t\(cell.district)\t\(cell.mechanism)", default: 0] += count
        }
        #expect(fromReport == expectedByName)
    }
}
