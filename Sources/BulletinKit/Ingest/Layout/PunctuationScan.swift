/// The punctuation a paragraph's shape features count, found in one pass over its characters
/// (`BlockFeatures` walked them once per question, and made an array to count commas).
///
/// ```
/// 近日，“邻里议事会”在新港村召开：…。 → commas 1, quote, colon at 14, full stop at the end only
/// 原创 三林发布 2023-12-05 18:02 上海 → digits, clock time, no colon
/// 10月18日，7号楼加装电梯启用         → digits, no count
/// 全镇318条渔船已全部完成登记。         → digits, a count
/// ```
struct PunctuationScan {
    /// A `。` before the last character.
    private(set) var fullStopInside = false
    /// `，` and `,`.
    private(set) var commas = 0
    /// A space or an ideographic space (U+3000).
    private(set) var spaceInside = false
    /// The offset of the first `：` or `:`, in characters, not counting the colon of a clock time.
    private(set) var firstColon: Int?
    /// A clock time (`17:45`): a colon between digits, as web pages' meta lines print it.
    private(set) var clockTime = false
    /// `“` or `「`.
    private(set) var quote = false
    /// `《`.
    private(set) var bookTitleMark = false
    /// An ASCII digit.
    private(set) var digits = false
    /// A number that counts (`318条`, `1.2万余户`, `41%`): ASCII digits followed by anything but a
    /// space or what a date, a time or a house number goes on with (`年`, `月`, `日`, `号`, `时`,
    /// `点`, `:`, `-`, `/`, `.`). Captions and briefs both open with dates; text that reports
    /// counts them.
    private(set) var countDigits = false

    init(_ scalars: [Unicode.Scalar]) {
        for (offset, scalar) in scalars.enumerated() {
            switch scalar {
            case "。": if offset < scalars.count - 1 { fullStopInside = true }
            case "，", ",": commas += 1
            case " ", "\u{3000}": spaceInside = true
            case "：", ":":
                if LineShape.isClockColon(scalars, at: offset) {
                    clockTime = true
                } else if firstColon == nil {
                    firstColon = offset
                }
            case "“", "「": quote = true
            case "《": bookTitleMark = true
            default: if ScalarClass.isASCIIDigit(scalar) { digits = true }
            }
            if !countDigits, offset > 0, ScalarClass.isASCIIDigit(scalars[offset - 1]), !ScalarClass.isASCIIDigit(scalar),
                !ScalarClass.isSpace(scalar), !PunctuationScan.dateGoesOn.contains(scalar)
            {
                countDigits = true
            }
        }
    }

    /// What follows the digits of a date, a time or a house number, not a count.
    private static let dateGoesOn = Set("年月日号时点:：-—/.．、".unicodeScalars)
}
