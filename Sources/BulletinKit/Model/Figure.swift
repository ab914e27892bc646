/// A quantity in an article (SPEC `figures`): the number as printed, its value, unit, kind,
/// approximation, and offsets into `text`.
///
/// ```swift
/// // “接待来访群众 314 批次” →
/// Figure(text: "314 批次", value: .number(314), unit: "批次", kind: .count, approx: false, start: 9, end: 15)
/// ```
public struct Figure: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Decodable {
        case count, percent, money, area, length, duration, date, year, ordinal, code
    }

    /// A number, or a string for dates (`"2021-09"`) and codes (`"1+5+19+114+867"`).
    public enum Value: Sendable, Equatable {
        case number(Double)
        case text(String)
    }

    public var text: String
    public var value: Value
    /// The upper bound of a range (`3至5人`).
    public var max: Double?
    public var unit: String?
    public var kind: Kind
    public var approx: Bool
    /// What the figure counts, when the noun after the unit is clearly delimited (`19个居民区、`).
    public var object: String?
    public var start: Int
    public var end: Int
}
