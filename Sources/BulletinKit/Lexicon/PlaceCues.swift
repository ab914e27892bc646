/// The words the location tagger reads places by beyond the gazetteer, from `place-cues.tsv`:
/// terms that hide a place name (`浦江经验`), what may follow a short form, and the suffixes,
/// stop names and boundaries of community names.
public typealias PlaceCues = CueTable<PlaceCueRole>

public enum PlaceCueRole: String, Sendable, CaseIterable {
    case notAPlace = "not-a-place"
    case shortFollower = "short-follower"
    case shortBlocker = "short-blocker"
    case nameEndBreaker = "name-end-breaker"
    case commonWordStem = "common-word-stem"
    case communitySuffix = "community-suffix"
    case communityStopName = "community-stop-name"
    case communityGenericFollower = "community-generic-follower"
    case villageGenericFollower = "village-generic-follower"
    case communityBoundary = "community-boundary"
    case communityRoleFollower = "community-role-follower"
    case toponymEnding = "toponym-ending"
}
