import Foundation
import Testing

@testable import BulletinKit

@Suite("Text decoding")
struct TextDecodingTests {
    let sample = "华阳路街道推进“多格合一”\r\n近日，街道召开会议。\n"

    @Test("UTF-8 with and without BOM decodes, CRLF becomes LF")
    func utf8() throws {
        let plain = try TextDecoding.decode(Array(sample.utf8), path: "a.txt")
        #expect(plain.text == "华阳路街道推进“多格合一”\n近日，街道召开会议。\n")
        #expect(plain.encoding == .utf8)
        let bom = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8), path: "a.txt")
        #expect(bom.text == plain.text)
    }

    @Test("UTF-16 LE and BE with BOM decode, including characters outside the BMP")
    func utf16() throws {
        let text = "𠀋石港镇\r\n"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try TextDecoding.decode(le, path: "le.txt").text == "𠀋石港镇\n")
        #expect(try TextDecoding.decode(le, path: "le.txt").encoding == .utf16LE)
        #expect(try TextDecoding.decode(be, path: "be.txt").text == "𠀋石港镇\n")
    }

    @Test("GB18030 bytes that are not UTF-8 decode as GB18030")
    func gb18030() throws {
        let text = "海门区临江新区打响秸秆禁烧攻坚战。\n"
        let bytes = Array(text.data(using: TextDecoding.gb18030)!)
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let decoded = try TextDecoding.decode(bytes, path: "gbk.txt")
        #expect(decoded.text == text)
        #expect(decoded.encoding == .gb18030)
    }

    @Test("a GB18030 bulletin is read with high confidence; Big5 is read as Big5, not as garbled GB18030")
    func big5() throws {
        let simplified = "松江区九亭镇推进网格化管理\n今年以来，镇里把全镇划分为一百二十个网格，每个网格配备网格员和社区民警，居民反映的问题当天受理、限时办结。\n"
        let bulletin = "松江區九亭鎮推進網格化管理\n今年以來，鎮裏把全鎮劃分為一百二十個網格，每個網格配備網格員和社區民警，居民反映的問題當天受理、限時辦結。\n"
        let gbBytes = Array(simplified.data(using: TextDecoding.gb18030)!)
        let asGB = try TextDecoding.decode(gbBytes, path: "gb.txt")
        #expect(asGB.encoding == .gb18030)
        #expect(asGB.confidence > 0.95)
        #expect(!asGB.isDoubtful)
        let big5Bytes = Array(bulletin.data(using: TextDecoding.big5)!)
        let asBig5 = try TextDecoding.decode(big5Bytes, path: "b5.txt")
        #expect(asBig5.encoding == .big5)
        #expect(asBig5.text == bulletin)
        #expect(EncodingJudge.gb18030(big5Bytes).commonShare < 0.5)
    }

    @Test("Latin-1 bytes that happen to be valid GB18030 are refused with the reason, not read as garbage")
    func latin1() throws {
        // Every accented letter is followed by a letter, so GB18030 takes each as the lead of a pair.
        let french = "Réunion générale des élèves, fêtes au théâtre, préférés, événement\n"
        let bytes = Array(french.data(using: .isoLatin1)!)
        #expect(String(data: Data(bytes), encoding: TextDecoding.gb18030) != nil, "the trap: GB18030 accepts these bytes")
        #expect(throws: InputError.self) { try TextDecoding.decode(bytes, path: "notes.txt") }
        do {
            _ = try TextDecoding.decode(bytes, path: "notes.txt")
        } catch {
            #expect(error.description.hasPrefix("notes.txt: not UTF-8, and read as GB18030 or Big5 only"))
            #expect(error.description.contains("convert it to UTF-8"))
        }
    }

    @Test("a binary file is refused as binary, naming the file")
    func binary() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        #expect(throws: InputError.binary(path: "photo.txt")) {
            try TextDecoding.decode(png, path: "photo.txt")
        }
        #expect(InputError.binary(path: "photo.txt").description.hasPrefix("photo.txt: binary"))
    }

    @Test("an empty or blank file is refused as empty")
    func empty() {
        #expect(throws: InputError.empty(path: "e.txt")) { try TextDecoding.decode([], path: "e.txt") }
        #expect(throws: InputError.empty(path: "b.txt")) {
            try TextDecoding.decode(Array(" \n\r\n\u{3000}\n".utf8), path: "b.txt")
        }
    }

    @Test("a UTF-8 BOM followed by invalid bytes reports the byte offset")
    func invalidAfterBOM() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("街道".utf8) + [0xFF, 0xFE, 0x41]
        #expect(throws: InputError.undecodable(path: "x.txt", byteOffset: 9)) {
            try TextDecoding.decode(bytes, path: "x.txt")
        }
    }

    @Test("line ends: CRLF, lone CR and form feed")
    func lineEnds() {
        #expect(TextDecoding.normalisingLineEnds("a\r\nb\rc\u{0C}d") == "a\nb\nc\n\nd")
    }
}
