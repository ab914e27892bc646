import Testing

@testable import BulletinKit

@Suite("Topic similarity")
struct TopicSimilarityTests {
    let paragraphs = [
        "石港镇北渡村召开村民议事会，商议生活盒子选址。",
        "生活盒子建成后，石港镇北渡村老人就近用餐。",
        "华阳路街道开展垃圾分类宣传，居民积极参与。",
        "居民参与垃圾分类，街道工作人员上门指导。",
    ]

    @Test("a text is wholly similar to itself, not at all to one sharing no bigram, symmetric")
    func bounds() {
        let topics = TopicSimilarity(paragraphs: paragraphs)
        #expect(abs(topics.similarity(paragraphs[0], paragraphs[0]) - 1) < 1e-12)
        #expect(topics.similarity(paragraphs[0], "今天天气很好") == 0)
        #expect(topics.similarity("", paragraphs[0]) == 0)
        #expect(topics.similarity(paragraphs[0], paragraphs[1]) == topics.similarity(paragraphs[1], paragraphs[0]))
    }

    @Test("paragraphs on the same subject score above paragraphs on different ones")
    func sameSubject() {
        let topics = TopicSimilarity(paragraphs: paragraphs)
        let same = topics.similarity(paragraphs[0], paragraphs[1])
        let different = topics.similarity(paragraphs[0], paragraphs[3])
        #expect(same > 0.3)
        #expect(same > different * 3)
    }

    @Test("rare bigrams weigh more: a shared place name covers more than a shared common word")
    func rarity() {
        let topics = TopicSimilarity(paragraphs: paragraphs + ["居民说好。", "居民参加。"])
        let rare = topics.coverage(of: "北渡", in: paragraphs[1])
        let common = topics.coverage(of: "居民", in: paragraphs[3])
        #expect(rare > common)
        #expect(topics.coverage(of: "北渡村", in: paragraphs[2]) == 0)
    }
}
