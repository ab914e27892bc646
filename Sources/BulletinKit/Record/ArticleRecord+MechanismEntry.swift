extension ArticleRecord {
    /// A mechanism in a record (SPEC `mechanisms`): the lexicon entry, the towns credited with
    /// practising it, and every mention.
    ///
    /// ```json
    /// {"id":"sansuo-liandong","name":"三所联动","category":"dispute-resolution","kind":"mechanism",
    ///  "towns":[{"name":"彭浦新村街道",…,"basis":"sentence"}],"mentions":[{"start":9,"end":13,"surface":"三所联动"}]}
    /// ```
    public struct MechanismEntry: Decodable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var category: String
        public var kind: MechanismKind
        public var towns: [TownEntry]
        public var mentions: [Mention]
    }
}
