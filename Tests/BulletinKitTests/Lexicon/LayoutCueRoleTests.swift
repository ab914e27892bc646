import Foundation
import Testing

@testable import BulletinKit

@Suite("Layout cue roles by position")
struct LayoutCueRoleTests {
    @Test("each role's position is its place in allCases")
    func positions() {
        for (index, role) in LayoutCues.Role.allCases.enumerated() { #expect(role.position == index, "\(role)") }
    }

    @Test("each test reads its own role's cues: a cue added under one role answers only that role's test")
    func rolesKeptApart() {
        var cues = LayoutCues()
        cues.add("▲", role: .captionPrefix)
        cues.add("供图", role: .captionContains)
        cues.add("文/", role: .bylinePrefix)
        cues.add("编辑部", role: .boilerplateSuffix)
        cues.add("电话：", role: .contact)
        cues.add("完", role: .endMark)
        #expect(cues.startsWithCaptionPrefix("▲ 居民在活动现场") && !cues.startsWithCaptionPrefix("居民在活动现场▲"))
        #expect(cues.containsCaptionWord("（社区供图）") && !cues.containsCaptionWord("▲ 居民"))
        #expect(cues.startsWithBylinePrefix("文/王芳") && !cues.startsWithBylinePrefix("▲ 文/王芳"))
        #expect(cues.endsLikeImprint("本报编辑部") && !cues.endsLikeImprint("编辑部地址"))
        #expect(cues.isContactLine("联系电话：12345") && !cues.isContactLine("文/王芳"))
        #expect(cues.isEndMark("完") && !cues.isEndMark("完了"))
        #expect(!cues.startsWithDialoguePrefix("▲ 问：") && !cues.isBoilerplate("▲"))
    }
}
