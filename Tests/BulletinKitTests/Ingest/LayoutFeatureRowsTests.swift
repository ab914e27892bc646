import Testing

@testable import BulletinKit

/// Layout features reach the model's weights as values (`LayoutFeature`, `LayoutFeatureRows`),
/// not names: they must find exactly the rows the names find, in the same order.
@Suite("Layout features as values")
struct LayoutFeatureRowsTests {
    @Test("every block of corpus bulletins finds the rows its feature names find, in order")
    func corpusRows() throws {
        let ingester = Corpus.ingester
        let model = ingester.model
        var blocks = 0
        for name in Corpus.bulletinNames().prefix(12) {
            let layout = ingester.layout(of: try Corpus.bulletin(name))
            for features in layout.features where !features.isEmpty {
                #expect(ingester.featureRows.rows(for: features) == model.rows(for: features.map(\.name)), "\(name)")
                blocks += 1
            }
        }
        #expect(blocks > 100)
    }

    @Test("the vocabulary names each feature once, and every name of the built-in weights is in it or open")
    func vocabulary() {
        #expect(Set(LayoutFeature.vocabulary).count == LayoutFeature.vocabulary.count)
        let open = ["first:", "first2:", "last:", "last2:", "heading-above-last:"]
        let known = Set(LayoutFeature.vocabulary)
        let unknown = Corpus.ingester.model.names.filter { name in
            !known.contains(name) && !open.contains { name.hasPrefixBytes($0) }
        }
        #expect(unknown.isEmpty, "weights for features BlockFeatures no longer makes: \(unknown)")
    }

    @Test("a first character named in the model by a canonically equivalent form is still found")
    func canonicalEquivalents() throws {
        // U+F900 (a CJK compatibility ideograph) decomposes to U+8C48: as names, `first:豈` in
        // either form is the same feature.
        let compatibility = Unicode.Scalar(UInt32(0xF900))!
        let unified = Unicode.Scalar(UInt32(0x8C48))!
        let model = try LayoutModel(
            parsing: "feature\trole\tweight\nfirst:\(compatibility)\ttitle\t1.5\nlast:。\tbody\t2\nbias\tbody\t0.5\n",
            file: "t.tsv")
        let rows = LayoutFeatureRows(model: model)
        let features: [LayoutFeature] = [.bias, .first(unified), .first(compatibility), .last("。"), .last("！")]
        #expect(rows.rows(for: features) == model.rows(for: features.map(\.name)))
        #expect(rows.rows(for: [.first(unified)]).count == 1)
    }
}
