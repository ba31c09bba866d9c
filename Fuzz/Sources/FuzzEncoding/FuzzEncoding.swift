@testable import BreachScope
import FuzzSupport

/// Encoding detection, format detection and the transcoder for every encoding: the output must
/// be valid UTF-8 and must not depend on how the input was chunked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let all = UnsafeBufferPointer(start: data, count: size)
    _ = TextEncoding.detect(all)
    _ = DocumentFormat.detect(path: "input", prefix: all)
    _ = FileFormat.detect(path: "input", prefix: all)
    _ = TextEncoding(label: String(decoding: all.prefix(64), as: UTF8.self))
    for encoding in TextEncoding.allCases {
        var whole = Transcoder(encoding)
        var a: [UInt8] = []
        whole.decode(all, into: &a)
        whole.finish(into: &a)
        var rng = InputRNG(all)
        var chunked = Transcoder(encoding)
        var b: [UInt8] = []
        var i = 0
        while i < size {
            let end = min(size, i + rng.chunkSize())
            chunked.decode(UnsafeBufferPointer(rebasing: all[i..<end]), into: &b)
            i = end
        }
        chunked.finish(into: &b)
        precondition(a == b, "\(encoding): chunked transcoding differs from whole")
        precondition(whole.invalidSequences == chunked.invalidSequences, "\(encoding): invalid counts differ")
        precondition(a.withUnsafeBufferPointer { UTF8Validation.isValid($0) }, "\(encoding): output is not valid UTF-8")
    }
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzEncoding_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzEncoding_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
