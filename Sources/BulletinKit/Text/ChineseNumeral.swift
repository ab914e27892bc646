/// Reads Chinese numerals: `十九` → 19, `一百一十四` → 114, `两万` → 20000, `三千零五` → 3005,
/// `二〇二四` → 2024 (digit by digit), `千` → 1000. `两` is 2, `〇`/`零` are 0.
///
/// Works on Unicode scalars, one pass.
public enum ChineseNumeral {
    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    static func smallUnit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "十": 10
        case "百": 100
        case "千": 1000
        default: nil
        }
    }

    static func bigUnit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "万": 10_000
        case "亿": 100_000_000
        default: nil
        }
    }

    /// Whether the scalar can be part of a Chinese numeral.
    public static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        digit(s) != nil || smallUnit(s) != nil || bigUnit(s) != nil
    }

    /// The value of a run of numeral characters, or nil when it is not a well-formed numeral.
    public static func value<C: Collection>(_ scalars: C) -> Int? where C.Element == Unicode.Scalar {
        guard !scalars.isEmpty else { return nil }
        // Digit by digit (`二〇二四`): no unit characters at all, more than one digit.
        if scalars.count > 1, scalars.allSatisfy({ digit($0) != nil }) {
            guard scalars.count <= 12 else { return nil }
            return scalars.reduce(0) { $0 * 10 + digit($1)! }
        }
        var total = 0
        var section = 0
        var number = -1  // -1: no pending digit
        var previousUnit = Int.max
        for scalar in scalars {
            if let d = digit(scalar) {
                if number > 0 { return nil }  // two digits in a row with units around: malformed
                number = d
            } else if let unit = smallUnit(scalar) {
                guard unit < previousUnit || previousUnit == Int.max || previousUnit >= 10_000 else { return nil }
                section += (number < 0 ? 1 : number) * unit
                number = -1
                previousUnit = unit
            } else if let big = bigUnit(scalar) {
                section += max(number, 0)
                if section == 0 { section = 1 }
                // `亿亿亿…` would overflow: numbers past 10^16 are no figures a bulletin prints.
                guard total < 1_000_000_000_000, section < 100_000_000 else { return nil }
                if big == 100_000_000 {
                    total = (total + section) * big
                } else {
                    total += section * big
                }
                section = 0
                number = -1
                previousUnit = big
            } else {
                return nil
            }
        }
        return total + section + max(number, 0)
    }
}
