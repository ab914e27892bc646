/// Where `--region` tells the resolver to look when a name stays ambiguous in its article and
/// bulletin: places of the gazetteer, resolved once for the run from what the user wrote — an
/// official name (`南通市`; `通州区` is Beijing's and Nantong's), a short form or variant (`南通`:
/// the widest place it names), or a statistical code (`3206`).
///
/// ```swift
/// try Region("南通", in: gazetteer).places      // [index of 南通市 3206]
/// try Region("南同", in: gazetteer)             // throws: … (did you mean '南通', '南通市'?)
/// ```
public struct Region: Sendable, Equatable, CustomStringConvertible {
    /// What the user wrote: the run's settings name it so.
    public let name: String
    /// The places it stands for, as indices into the gazetteer's `places`, in index order.
    public let places: [Int]

    /// - Throws: `Region.Unknown`, with the nearest names, when `name` is no place's name, form
    ///   or code.
    public init(_ name: String, in gazetteer: Gazetteer) throws(Unknown) {
        self.name = name
        let trimmed = name.trimmingSpaces
        if let index = gazetteer.index(code: trimmed) {
            places = [index]
            return
        }
        let named = gazetteer.places(named: trimmed).compactMap { gazetteer.index(code: $0.code) }
        let official = named.filter { gazetteer.places[$0].name == trimmed }
        if !official.isEmpty {
            places = official.sorted()
            return
        }
        // A short form or variant: the widest of the places it names (南通 is 南通市 before
        // Fujian's 南通镇).
        if let top = named.map({ gazetteer.places[$0].level }).min() {
            places = named.filter { gazetteer.places[$0].level == top }.sorted()
            return
        }
        throw Unknown(name: name, suggestions: Region.nearest(trimmed, in: gazetteer))
    }

    public var description: String { name }

    /// Up to three names of provinces, cities, districts and towns closest to `name` by edit
    /// distance (at most 2, or half its length), nearest first.
    static func nearest(_ name: String, in gazetteer: Gazetteer) -> [String] {
        let length = name.unicodeScalars.count
        let limit = max(2, length / 2)
        var scored: [String: Int] = [:]
        for place in gazetteer.places {
            for form in [place.name] + place.shortForms + place.aliases
            where abs(form.unicodeScalars.count - length) <= limit && scored[form] == nil {
                let distance = EditDistance.between(name, form)
                if distance <= limit { scored[form] = distance }
            }
        }
        return scored.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .prefix(3).map(\.key)
    }

    /// `--region` names no place.
    public struct Unknown: Error, CustomStringConvertible, Equatable {
        public var name: String
        public var suggestions: [String]

        public var description: String {
            let hint = suggestions.isEmpty ? "" : " (did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?)"
            return "--region \(name): no place of that name, short form or code in the gazetteer\(hint)"
        }
    }
}
