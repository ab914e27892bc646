@testable import BulletinKit
import Foundation
import Testing

@Suite("Report page: evidence marks and readable cells")
struct ReportPageTests {
    /// WCAG contrast of black or white text on the cell colour, computed the long way.
    static func contrast(alpha: Double, text: String) -> Double {
        func linear(_ v: Double) -> Double { let c = v / 255; return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        let r = 255 - alpha * 85, g = 255 - alpha * 235
        let l = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(g)
        let t = text == "#fff" ? 1.0 : 0.0
        return (max(l, t) + 0.05) / (min(l, t) + 0.05)
    }

    @Test("every cell's count reads at WCAG AA (4.5:1) on its colour, pale or dark")
    func contrast() {
        for step in 0...85 {
            let alpha = 0.15 + Double(step) / 100
            let colour = ReportPage.textColour(alpha: alpha)
            #expect(ReportPageTests.contrast(alpha: alpha, text: colour) >= 4.5, "alpha \(alpha): \(colour)")
        }
    }

    @Test("the evidence marks the mention as printed, found by its offsets (an alias, a quoted form)")
    func evidenceMark() {
        let text = "标题\n近日，长征镇推行“首接负责制”，群众满意。另一句。"
        let start = text.scalarArray.firstIndex(of: "首")!
        let (before, marked, after) = ReportPage.highlighted(text, from: start, to: start + 5)
        #expect(before == "近日，长征镇推行“")
        #expect(marked == "首接负责制")
        #expect(after == "”，群众满意。")
    }
}
