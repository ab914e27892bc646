/// The words the attribution model reads who practises what by (`attribution-cues.tsv`): a visit
/// (`赴`), a delegation (`一行`), a practice to learn from (`学习借鉴`), an honour (`获评`), a
/// comparison, the birthplace of a practice (`发源于`), the paper's own town acting unnamed (`本镇`), a body above the town (`区委`), a
/// subject raised rather than done (`建议`).
public typealias AttributionCues = CueTable<AttributionCueRole>

public enum AttributionCueRole: String, Sendable, CaseIterable {
    case visit
    case delegation
    case learn
    case award
    case compare
    /// In a sentence, the places named are where a practice began (`发源于浙江诸暨枫桥镇`), not
    /// where the article's work is done.
    case origin
    /// Right beside a place, the place is a neighbour named to locate the subject
    /// (`与迈皋桥街道交界的尧辰社区`, `毗邻外冈镇`), not the subject.
    case neighbour
    case selfReference = "self-reference"
    case higherBody = "higher-body"
    /// The end of an office's name (`局`, `办`, `法院`): after `区` or `市` at the opening of a clause
    /// it makes a district or city body the actor (`区司法局召开…`, `普陀区信访办推进…`).
    case office
    case topic
    /// After a place that `在` stands right before, in the same clause: the place hosts an event
    /// (`会议在江川路街道社区文化活动中心举行`, `推进会在金汇镇召开`), it is not reported on.
    case venue
    /// In a masthead or imprint line, it opens the paper's address or a way to reach it
    /// (`地址：崇明区城桥镇…`, `电话：…`): a town named in that field is where the paper is
    /// printed, not whose paper it is.
    case address
}
