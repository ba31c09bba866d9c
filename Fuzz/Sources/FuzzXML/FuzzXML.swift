@testable import BreachScope
import FuzzSupport

/// The streaming XML tokenizer of the office readers, fed in random chunks; text is collected
/// inside every other element and attributes are looked up on every start tag.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let all = UnsafeBufferPointer(start: data, count: size)
    for chunked in [false, true] {
        var rng = InputRNG(all)
        var x = XMLScanner(maxTextBytes: 4096, maxTagBytes: 4096)
        var depth = 0
        var start = 0
        do throws(ReadError) {
            while start < size {
                let end = chunked ? min(size, start + rng.chunkSize()) : size
                let chunk = UnsafeBufferPointer(rebasing: all[start..<end])
                var i = 0
                while let event = try x.next(chunk, at: &i) {
                    precondition(i <= chunk.count, "scanner index past the chunk")
                    switch event {
                    case .start:
                        depth += 1
                        x.collecting = depth % 2 == 1
                        _ = x.isNamed("c")
                        _ = x.attribute("r")
                        _ = x.attribute("t")
                        if let r = x.attributeRange("Target") { precondition(r.upperBound <= x.tag.count) }
                    case .end:
                        depth -= 1
                        if x.text.count > 1024 { x.text.removeAll(keepingCapacity: true) }
                    }
                }
                start = end
            }
        } catch {
            checkMessage(error)
        }
    }
    _ = XMLScanner.decodeEntity(Array(all.prefix(16)))
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzXML_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzXML_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
