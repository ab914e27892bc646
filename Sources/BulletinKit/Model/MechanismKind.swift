/// What sort of entry of `mechanisms.tsv` a mechanism is (SPEC mechanism `kind`). Editors asking
/// "which towns practise what" want the first two; the others are in most articles.
///
/// ```
/// 三所联动 mechanism · “四百”大走访 campaign · 加装电梯 programme · 党建引领 principle
/// ```
public enum MechanismKind: String, Sendable, Equatable, Decodable, CaseIterable, Comparable {
    /// A governance mechanism, institution or working method a town runs (三所联动, 吹哨报到).
    case mechanism
    /// A time-bound drive (“四百”大走访, 主题教育).
    case campaign
    /// A programme, service or facility (加装电梯, 社区食堂, 党群服务中心).
    case programme
    /// A slogan or guiding principle (党建引领, 全过程人民民主).
    case principle

    /// Shown by `query` and `report` unless asked for all kinds.
    public var isShownByDefault: Bool { self == .mechanism || self == .campaign }

    public static func < (a: MechanismKind, b: MechanismKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
