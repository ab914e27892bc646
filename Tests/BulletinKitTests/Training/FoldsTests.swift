import Testing
@testable import BulletinKit

@Suite("cross-validation folds")
struct FoldsTests {
    @Test("dealt folds hold every bulletin exactly once, each family spread evenly over the folds")
    func dealtFoldsCoverAndBalance() {
        let families = ["zhenbao", "web", "jianbao", "web", "zhenbao", "jianbao", "web", "jianbao", "zhenbao", "web", "web"]
        let folds = Folds.dealt(3, families: families)
        #expect(folds.groups.count == 3)
        #expect(folds.groups.flatMap { $0 }.sorted() == Array(families.indices))
        for family in Set(families) {
            let perFold = folds.groups.map { $0.filter { families[$0] == family }.count }
            #expect(perFold.max()! - perFold.min()! <= 1, "\(family): \(perFold)")
        }
        // The deal goes on where the last family stopped, so the folds differ by one at most.
        let sizes = folds.groups.map(\.count)
        #expect(sizes.max()! - sizes.min()! <= 1)
        #expect(folds.name == "3-fold (dealt by family)")
        // A model held out of a fold trains on every other fold's bulletins, in order.
        let letters = families.indices.map { Character(UnicodeScalar(97 + $0)!) }
        #expect(folds.outside(0, of: letters) == folds.groups[1...].flatMap { $0 }.sorted().map { letters[$0] })
    }

    @Test("more folds than bulletins is leave one out; no fold count is leave one out")
    func degenerateCounts() {
        #expect(Folds.dealt(10, families: ["web", "web", "jianbao"]).groups == [[2], [0], [1]])
        #expect(Folds.make(nil, families: ["web", "jianbao"]) == .leaveOneOut(count: 2))
        #expect(Folds.leaveOneOut(count: 2).name == "leave-one-bulletin-out")
        #expect(Folds.dealt(4, families: []).groups.isEmpty)
    }
}
