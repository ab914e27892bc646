extension ArticleRecord {
    /// A quantity in a record (SPEC `figures`); `value` is a number, or a string for dates and
    /// codes. `max` and `object` are left out when there is none.
    ///
    /// ```json
    /// {"text":"2万余户","value":20000,"unit":"户","kind":"count","approx":true,"start":12,"end":17}
    /// {"text":"2021年9月","value":"2021-09","unit":null,"kind":"date","approx":false,"start":3,"end":10}
    /// ```
    public struct FigureEntry: Decodable, Sendable, Equatable {
        public var text: String
        public var value: Figure.Value
        public var max: Double?
        public var unit: String?
        public var kind: Figure.Kind
        public var approx: Bool
        public var object: String?
        public var start: Int
        public var end: Int

        enum CodingKeys: String, CodingKey {
            case text, value, max, unit, kind, approx, object, start, end
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = try c.decode(String.self, forKey: .text)
            if let string = try? c.decode(String.self, forKey: .value) {
                value = .text(string)
            } else {
                value = .number(try c.decode(Double.self, forKey: .value))
            }
            max = try c.decodeIfPresent(Double.self, forKey: .max)
            unit = try c.decodeIfPresent(String.self, forKey: .unit)
            kind = try c.decode(Figure.Kind.self, forKey: .kind)
            approx = try c.decode(Bool.self, forKey: .approx)
            object = try c.decodeIfPresent(String.self, forKey: .object)
            start = try c.decode(Int.self, forKey: .start)
            end = try c.decode(Int.self, forKey: .end)
        }

        /// The figure as the model holds it.
        public var figure: Figure {
            Figure(text: text, value: value, max: max, unit: unit, kind: kind, approx: approx, object: object, start: start, end: end)
        }
    }
}
