/// The weight rows of a layout model for `LayoutFeature`s, resolved when the ingester is made:
/// a block's features become rows by array reads instead of a `String` built and hashed per
/// feature (some forty per block).
///
/// Gives exactly the rows `LayoutModel.rows(for:)` gives for the features' names, in the same
/// order (the scores are sums in that order). Names are `String`s, which compare by canonical
/// equivalence; the open features (`first:X`) are looked up by their characters only where that
/// cannot differ from comparing names — characters with no canonical decomposition that combine
/// with nothing (ideographs, ASCII, CJK and full-width punctuation) — and by name otherwise.
struct LayoutFeatureRows: Sendable {
    private let model: LayoutModel
    /// Row of each vocabulary feature, −1 when the model has no weights for it.
    private let named: [Int]
    /// Rows of `first:X`, `last:X`, `heading-above-last:X`, `first2:XY` and `last2:XY` by their characters,
    /// nil when the model holds such a name that the characters cannot stand for (then every
    /// look-up of the family is by name).
    private let first: [UInt32: Int]?
    private let last: [UInt32: Int]?
    private let lastAbove: [UInt32: Int]?
    private let firstTwo: [UInt64: Int]?
    private let lastTwo: [UInt64: Int]?

    init(model: LayoutModel) {
        self.model = model
        named = LayoutFeature.vocabulary.map { model.index[$0] ?? -1 }
        var first: [UInt32: Int]? = [:]
        var last: [UInt32: Int]? = [:]
        var lastAbove: [UInt32: Int]? = [:]
        var firstTwo: [UInt64: Int]? = [:]
        var lastTwo: [UInt64: Int]? = [:]
        for (name, row) in model.index {
            if name.hasPrefixBytes("first:") {
                LayoutFeatureRows.register(name.unicodeScalars.dropFirst(6), row, single: &first)
            } else if name.hasPrefixBytes("last:") {
                LayoutFeatureRows.register(name.unicodeScalars.dropFirst(5), row, single: &last)
            } else if name.hasPrefixBytes("heading-above-last:") {
                LayoutFeatureRows.register(name.unicodeScalars.dropFirst(19), row, single: &lastAbove)
            } else if name.hasPrefixBytes("first2:") {
                LayoutFeatureRows.register(name.unicodeScalars.dropFirst(7), row, pair: &firstTwo)
            } else if name.hasPrefixBytes("last2:") {
                LayoutFeatureRows.register(name.unicodeScalars.dropFirst(6), row, pair: &lastTwo)
            }
        }
        self.first = first
        self.last = last
        self.lastAbove = lastAbove
        self.firstTwo = firstTwo
        self.lastTwo = lastTwo
    }

    private static func register(_ scalars: Substring.UnicodeScalarView, _ row: Int, pair table: inout [UInt64: Int]?) {
        let scalars = Array(scalars)
        if scalars.count == 2, scalars.allSatisfy(isPlain) {
            table?[pair(scalars[0], scalars[1])] = row
        } else {
            table = nil
        }
    }

    private static func register(_ scalars: Substring.UnicodeScalarView, _ row: Int, single table: inout [UInt32: Int]?) {
        if scalars.count == 1, let scalar = scalars.first, isPlain(scalar) {
            table?[scalar.value] = row
        } else {
            table = nil
        }
    }

    private static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 32 | UInt64(b.value)
    }

    /// A character that is its own canonical form and composes with nothing on either side, so a
    /// name made with it equals another name only when the characters are the same.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E,  // ASCII
            0x2010...0x2027,  // dashes, quotes, ellipsis
            0x3000...0x3029, 0x3030...0x303F,  // CJK punctuation (without the tone marks 302A–302F)
            0x4E00...0x9FFF,  // CJK unified ideographs (the compatibility ones decompose)
            0xFF01...0xFFEF:  // full-width forms
            true
        default: false
        }
    }

    /// The rows of the features the model knows, in order (an unseen feature weighs nothing).
    func rows(for features: [LayoutFeature]) -> [Int] {
        var rows: [Int] = []
        rows.reserveCapacity(features.count)
        for feature in features {
            let row: Int?
            switch feature {
            case .named(let id):
                row = named[id] >= 0 ? named[id] : nil
            case .first(let scalar):
                row = first != nil && LayoutFeatureRows.isPlain(scalar) ? first![scalar.value] : model.index[feature.name]
            case .last(let scalar):
                row = last != nil && LayoutFeatureRows.isPlain(scalar) ? last![scalar.value] : model.index[feature.name]
            case .lastAbove(let scalar):
                row = lastAbove != nil && LayoutFeatureRows.isPlain(scalar) ? lastAbove![scalar.value] : model.index[feature.name]
            case .firstTwo(let a, let b):
                row =
                    firstTwo != nil && LayoutFeatureRows.isPlain(a) && LayoutFeatureRows.isPlain(b)
                    ? firstTwo![LayoutFeatureRows.pair(a, b)] : model.index[feature.name]
            case .lastTwo(let a, let b):
                row =
                    lastTwo != nil && LayoutFeatureRows.isPlain(a) && LayoutFeatureRows.isPlain(b)
                    ? lastTwo![LayoutFeatureRows.pair(a, b)] : model.index[feature.name]
            }
            if let row { rows.append(row) }
        }
        return rows
    }
}
