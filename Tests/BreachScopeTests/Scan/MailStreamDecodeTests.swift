import Foundation
import Testing
@testable import BreachScope
import BreachScopeTesting

/// Attachments are decoded a chunk at a time: whatever the chunk size, the bytes are exactly
/// those of decoding the whole part (base64 with line breaks and padding, quoted-printable with
/// escapes and soft line breaks cut by chunk ends).
@Suite struct MailStreamDecodeTests {
    func chunks(_ bytes: [UInt8], _ size: Int, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var i = 0
        repeat {
            let j = min(bytes.count, i + size)
            bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[i..<j]), j == bytes.count) }
            i = j
        } while i < bytes.count
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20]) func base64(_ size: Int) {
        var rng = SeededRNG(seed: 12)
        let data = (0..<5_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let encoded = Array(Data(data).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]).utf8)
        var whole: [UInt8] = []
        encoded.withUnsafeBufferPointer { MailDecoder.base64($0, into: &whole) }
        var stream = MailDecoder.Base64Stream(), out: [UInt8] = []
        chunks(encoded, size) { p, _ in stream.decode(p, into: &out) }
        #expect(whole == data)
        #expect(out == data)
    }

    @Test(arguments: [1, 2, 3, 5, 64, 1 << 20]) func quotedPrintable(_ size: Int) {
        let text = Array("Nimi: M=C3=A4rt M=C3=A4gi=\r\nsoft break, isikukood=3D38001085718\r\nlõpp=\nrida =ZZ jääb\r\n".utf8)
        var whole: [UInt8] = []
        text.withUnsafeBufferPointer { MailDecoder.quotedPrintable($0, into: &whole) }
        var stream = MailDecoder.QuotedPrintableStream(), out: [UInt8] = []
        chunks(text, size) { p, final in stream.decode(p, final: final, into: &out) }
        #expect(out == whole)
        #expect(String(decoding: whole, as: UTF8.self).contains("Märt Mägisoft break, isikukood=38001085718"))
    }
}
