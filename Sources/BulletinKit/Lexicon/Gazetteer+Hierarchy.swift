extension Gazetteer {
    /// A place and the places above it, the place itself first — town, district, city,
    /// province — as indices into `places`: the one walk up the hierarchy, for the resolver, the
    /// tagger and the records alike. It stops after eight places, so a loop of parents in a
    /// user's lexicon cannot hang a run.
    ///
    /// ```swift
    /// gazetteer.ancestors(of: gazetteer.index(code: "310104007")!).map { gazetteer.places[$0].name }
    /// // ["斜土路街道", "徐汇区", "上海市"]
    /// ```
    public func ancestors(of index: Int) -> Ancestors {
        Ancestors(parents: parents, current: Int32(index))
    }

    /// The walk `ancestors(of:)` returns: it reads one array of parent indices, hashing no codes.
    public struct Ancestors: Sequence, IteratorProtocol {
        let parents: [Int32]
        var current: Int32
        var steps = 0

        public mutating func next() -> Int? {
            guard current >= 0, steps < 8 else { return nil }
            let place = Int(current)
            current = parents[place]
            steps += 1
            return place
        }
    }

    /// The nearest place at `level` at or above a place (`.city` of 斜土路街道 is 上海市).
    public func nearest(_ level: AdminLevel, from index: Int) -> Int? {
        ancestors(of: index).first { places[$0].level == level }
    }

    /// Province, city and district names above a place (a municipality is its own city).
    public func hierarchy(of index: Int) -> (province: String?, city: String?, district: String?) {
        var province: String? = nil
        var city: String? = nil
        var district: String? = nil
        for at in ancestors(of: index) {
            let place = places[at]
            switch place.level {
            case .province: province = place.name
            case .city: city = place.name
            case .district: district = place.name
            default: break
            }
        }
        if city == nil, let province, province.hasSuffixBytes("市") { city = province }
        return (province, city, district)
    }
}
