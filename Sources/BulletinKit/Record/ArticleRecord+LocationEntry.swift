extension ArticleRecord {
    /// A place in a record (SPEC `locations`): one per distinct place, with all its mentions.
    ///
    /// ```json
    /// {"name":"虹桥街道","level":"town","code":null,"province":null,"city":null,"district":null,
    ///  "ambiguous":true,"candidates":[{"code":"310105…",…}, …],"role":"mentioned","mentions":[…]}
    /// ```
    public struct LocationEntry: Decodable, Sendable, Equatable {
        public var name: String
        public var level: AdminLevel
        public var code: String?
        public var province: String?
        public var city: String?
        public var district: String?
        /// Only for a community: the town it stands under.
        public var town: String?
        public var ambiguous: Bool
        /// Only when `ambiguous`: the places the name may be.
        public var candidates: [Location.Candidate]?
        public var role: LocationRole
        public var mentions: [Mention]
    }
}
