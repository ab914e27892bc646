import Testing

@testable import BulletinKit

@Suite("Issue dates")
struct IssueDateTests {
    @Test(
        "dates in file names",
        arguments: [
            ("2024-01-05_xinhai", "2024-01-05"),
            ("20210520_chongchuan", "2021-05-20"),
            ("2024-05_zhoupu-minsheng", "2024-05"),
            ("xinhai_2024_1_5", "2024-01-05"),
            ("issue-2023.12.15", "2023-12-15"),
        ])
    func fileNames(name: String, expected: String) {
        #expect(IssueDate(fileName: name)?.description == expected)
    }

    @Test(
        "names without a date, or with impossible ones",
        arguments: ["000_f5b4c60e1e199b4f", "jiangqiao-weekly", "2024-13-01_x", "123456789_x", "x_314"])
    func noDate(name: String) {
        #expect(IssueDate(fileName: name) == nil)
    }

    @Test("masthead date lines, and lines that only contain a date")
    func mastheadLines() {
        let classifier = LineClassifier(cues: Corpus.lexicons.layoutCues)
        #expect(classifier.mastheadDate("2024年3月8日 星期五")?.description == "2024-03-08")
        #expect(classifier.mastheadDate("2023年12月15日 第 48 期")?.description == "2023-12-15")
        #expect(classifier.mastheadDate("2024年5月")?.description == "2024-05")
        #expect(classifier.mastheadDate("2024年1月1日早上，浦东新区举行活动。") == nil)
        #expect(classifier.mastheadDate("2021年7月开工") == nil)
    }
}
