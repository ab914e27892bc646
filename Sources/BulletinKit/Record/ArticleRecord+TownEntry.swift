extension ArticleRecord {
    /// A town in a record: one of the article's `towns`, or one credited with a mechanism (then
    /// with the `basis` it was credited on). A town the gazetteer could not settle has no code.
    ///
    /// ```json
    /// {"name":"长征镇","code":"310107014","district":"普陀区","city":"上海市","basis":"sentence"}
    /// ```
    public struct TownEntry: Decodable, Sendable, Equatable {
        public var name: String
        public var code: String?
        public var district: String?
        public var city: String?
        /// Only in a mechanism's `towns`.
        public var basis: AttributionBasis?

        /// The town as the model names it.
        public var town: TownRef { TownRef(name: name, code: code, district: district, city: city) }
    }
}
