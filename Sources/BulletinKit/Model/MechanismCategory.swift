/// The categories a mechanism may have (column `category` of `mechanisms.tsv`, documented in its
/// header). `lexicon check` and `--lexicon` reject any other.
///
/// ```swift
/// MechanismCategory.isDocumented("dispute-resolution")   // true  (三所联动, 枫桥经验)
/// MechanismCategory.isDocumented("unreviewed")           // false (what `lexicon suggest` writes)
/// ```
public enum MechanismCategory {
    public static let documented = [
        "dispute-resolution", "petition", "grid-governance", "visiting", "consultation-democracy",
        "party-building", "public-services", "environment", "legal-services", "digital-governance",
        "community-self-governance", "volunteering", "civilization", "elderly-care", "safety",
    ]

    public static func isDocumented(_ category: String) -> Bool { documented.contains(category) }
}
