/// A town as the town × mechanism tables key it — the run's summary files, `query` and `report`
/// alike: its name, district, city and code, and whether the gazetteer left it ambiguous (a
/// town named only by a name several places share has no code; the summary writes it
/// `虹桥街道 (ambiguous)`).
///
/// ```swift
/// TableTown(name: "斜土路街道", district: "徐汇区", city: "上海市", code: "310104007")
/// ```
public struct TableTown: Sendable, Hashable, Comparable {
    /// The official name, as the record gives it.
    public var name: String
    /// The gazetteer could not settle which place the name is.
    public var ambiguous: Bool
    public var district: String
    public var city: String
    public var code: String

    public init(name: String, ambiguous: Bool = false, district: String, city: String, code: String) {
        self.name = name
        self.ambiguous = ambiguous
        self.district = district
        self.city = city
        self.code = code
    }

    /// A town as a record names it; absent fields are empty.
    public init(name: String, ambiguous: Bool, district: String?, city: String?, code: String?) {
        self.init(name: name, ambiguous: ambiguous, district: district ?? "", city: city ?? "", code: code ?? "")
    }

    /// A town credited with a mechanism: one without a code is one the gazetteer could not settle.
    public init(credited town: TownRef) {
        self.init(name: town.name, ambiguous: town.code == nil, district: town.district, city: town.city, code: town.code)
    }

    /// A town the article names (`--attribution article` counts every one).
    public init(named location: Location) {
        self.init(name: location.name, ambiguous: location.ambiguous, district: location.district, city: location.city, code: location.code)
    }

    /// `init(credited:)` for a decoded record's town.
    public init(credited town: ArticleRecord.TownEntry) {
        self.init(credited: town.town)
    }

    /// `init(named:)` for a decoded record's location.
    public init(named location: ArticleRecord.LocationEntry) {
        self.init(name: location.name, ambiguous: location.ambiguous, district: location.district, city: location.city, code: location.code)
    }

    /// The name as the summary files write it: marked when ambiguous.
    public var label: String { ambiguous ? name + " (ambiguous)" : name }

    /// Hashed and compared as UTF-8 bytes: `String` hashes Chinese text through Unicode
    /// normalization, and the summary looks a town up for every article that names one.
    public func hash(into hasher: inout Hasher) {
        // 0xFF never occurs in UTF-8: the fields cannot run into each other.
        ByteSearch.hash(name, into: &hasher)
        hasher.combine(ambiguous)
        ByteSearch.hash(district, into: &hasher)
        hasher.combine(0xFF as UInt8)
        ByteSearch.hash(city, into: &hasher)
        hasher.combine(0xFF as UInt8)
        ByteSearch.hash(code, into: &hasher)
    }

    public static func == (a: TableTown, b: TableTown) -> Bool {
        a.ambiguous == b.ambiguous && ByteSearch.equal(a.name, b.name) && ByteSearch.equal(a.district, b.district)
            && ByteSearch.equal(a.city, b.city) && ByteSearch.equal(a.code, b.code)
    }

    /// City, district, label, code, compared byte-wise: the same order on every machine.
    public static func < (a: TableTown, b: TableTown) -> Bool {
        for (x, y) in zip([a.city, a.district, a.label, a.code], [b.city, b.district, b.label, b.code]) where x != y {
            return x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        return false
    }
}
