import Foundation
import Testing

@testable import BulletinKit

@Suite("Mapper input streamed through a bounded window")
struct MapperStreamTests {
    /// Town bulletins as the mapper gets them, one JSON object a line, varied so that the
    /// articles differ from line to line.
    static func lines(_ count: Int) -> [String] {
        let towns = ["新海镇", "江桥镇", "莘庄镇", "周浦镇", "临汾路街道"]
        let things = ["社区食堂开门营业", "召开信访工作联席会议", "调解员上门化解邻里纠纷", "推行三所联动机制"]
        return (0..<count).map { index in
            let town = towns[index % towns.count]
            let thing = things[index % things.count]
            return #"{"id": "2024-01-\#(String(format: "%02d", index % 28 + 1))_\#(index)", "text": "\#(town)\#(thing)\n\n近日，\#(town)\#(thing)，居民反映良好。第\#(index)期。"}"#
        }
    }

    /// A stream over `text` handed out `chunk` bytes at a time, as a pipe would.
    static func stream(_ text: String, chunk: Int) -> JSONLinesStream {
        let bytes = Array(text.utf8)
        var offset = 0
        return JSONLinesStream(source: "stdin", place: "standard input") { () throws(InputError) -> [UInt8] in
            let end = min(bytes.count, offset + chunk)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }

    @Test("at two jobs, no more lines are read ahead of the one delivered than the window holds")
    func boundedWindow() throws {
        let count = 200
        let stream = Self.stream(Self.lines(count).joined(separator: "\n") + "\n", chunk: 4096)
        let window = BatchRunner<Article>.window(jobs: 2)
        var delivered = 0
        var mostAhead = 0
        let sink = CollectingSink<Article>(keepsArticles: false) { _ in
            delivered += 1
            mostAhead = max(mostAhead, stream.linesRead - delivered)
        }
        let summary = BatchRunner(ingester: Corpus.ingester, tagger: Corpus.tagger).run(lines: stream, jobs: 2, into: sink)
        #expect(summary.files == count)
        #expect(summary.problems == 0)
        #expect(stream.linesRead >= count)
        #expect(mostAhead <= window, "held \(mostAhead) lines ahead, window \(window)")
        #expect(mostAhead > 0, "the workers did read ahead")
    }

    @Test("a stream cut anywhere into chunks gives the same lines, numbered from 1")
    func chunking() throws {
        let text = Self.lines(7).joined(separator: "\n") + "\n\n" + #"{"id": "last", "text": "尾行没有换行符"}"#
        var whole: [(Int, [UInt8])] = []
        let reference = Self.stream(text, chunk: text.utf8.count)
        while let line = reference.next() { whole.append((line.number, line.bytes)) }
        #expect(whole.count == 9)
        #expect(whole[7].1.isEmpty)
        for chunk in [1, 3, 7, 64] {
            var lines: [(Int, [UInt8])] = []
            let stream = Self.stream(text, chunk: chunk)
            while let line = stream.next() { lines.append((line.number, line.bytes)) }
            #expect(lines.map(\.0) == whole.map(\.0), "chunk \(chunk)")
            #expect(lines.map(\.1) == whole.map(\.1), "chunk \(chunk)")
        }
    }
}
