@testable import BreachScope
import FuzzSupport

/// Differential target for reading a document in parts (`SegmentCuts`, `resumed(at:line:)`):
/// a valid UTF-8 input is read once whole and once in parts cut every 1–64 bytes, as CSV (the
/// first byte picks `,` `;` `|` or tab) or NDJSON. Whenever the whole reading succeeds, the
/// parts must deliver the same records: fields by column name, with the same lines and offsets.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let all = UnsafeBufferPointer(start: data, count: size)
    let doc = UnsafeBufferPointer(rebasing: all[2...])
    guard UTF8Validation.isValid(doc) else { return 0 }
    let every = Int(data[1] % 64) + 1
    let modes: [UInt8?] = [0x2C, 0x3B, 0x7C, 0x09, nil]
    switch modes[Int(data[0]) % modes.count] {
    case let delimiter?: check({ CSVReader(delimiter: delimiter, limits: fuzzLimits) }, doc, every: every, delimiter: delimiter)
    case nil: check({ JSONReader(lines: true, limits: fuzzLimits) }, doc, every: every, delimiter: nil)
    }
    return 0
}

/// Records as a hash of what a reading delivered, with columns by name.
struct NamedVisitor: RecordVisitor {
    var names: [String] = []
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var records = 0
    mutating func mix(_ v: UInt64) { hash = (hash ^ v) &* 0x0000_0100_0000_01B3 }
    mutating func mix(_ s: String) { for b in s.utf8 { mix(UInt64(b)) }; mix(0xFFFF) }
    mutating func declareColumn(name: String, hint: FieldHint) -> Int {
        names.append(name)
        return names.count - 1
    }
    mutating func beginRecord(line: Int, offset: Int) { records += 1; mix(0xB0B0); mix(UInt64(line)); mix(UInt64(offset)) }
    mutating func field(_ value: UnsafeBufferPointer<UInt8>, column: Int, line: Int, offset: Int) {
        mix(column >= 0 ? names[column] : "-")
        for b in value { mix(UInt64(b)) }
        mix(UInt64(line)); mix(UInt64(offset))
    }
    mutating func endRecord() { mix(0xE0E0) }
}

func check<R: ResumableReader>(_ make: () -> R, _ doc: UnsafeBufferPointer<UInt8>, every: Int, delimiter: UInt8?) {
    var whole = NamedVisitor()
    var reader = make()
    do throws(ReadError) {
        try reader.consume(doc, visitor: &whole)
        try reader.finish(visitor: &whole)
    } catch {
        return  // a failing document: parts may fail elsewhere
    }
    var cutter = SegmentCuts(every: every, delimiter: delimiter)
    cutter.feed(doc)
    let cuts = cutter.finished(total: doc.count)
    var rng = InputRNG(doc)
    var chunked = SegmentCuts(every: every, delimiter: delimiter)
    var i = 0
    while i < doc.count {
        let end = min(doc.count, i + rng.chunkSize())
        chunked.feed(UnsafeBufferPointer(rebasing: doc[i..<end]))
        i = end
    }
    precondition(chunked.finished(total: doc.count) == cuts, "cuts depend on chunking")

    var prefix = make()
    var parts = NamedVisitor()
    var at = 0
    var seed: Int?
    for (k, c) in cuts.enumerated() {
        try? prefix.consume(UnsafeBufferPointer(rebasing: doc[at..<c.offset]), visitor: &parts)
        at = c.offset
        if prefix.position.offset == c.offset { precondition(prefix.position.line == c.line, "cut on another line than the reader") }
        if prefix.position == (c.offset, c.line), prefix.resumed(at: c.offset, line: c.line) != nil { seed = k; break }
    }
    guard let seed else { return }
    var failed = false
    for k in seed..<cuts.count {
        guard var part = prefix.resumed(at: cuts[k].offset, line: cuts[k].line) else { preconditionFailure("seed cannot be copied") }
        if var j = part as? JSONReader { j.failsAllMalformed = false; part = j as! R }
        let end = k + 1 < cuts.count ? cuts[k + 1].offset : doc.count
        do throws(ReadError) {
            try part.consume(UnsafeBufferPointer(rebasing: doc[cuts[k].offset..<end]), visitor: &parts)
            try part.finish(visitor: &parts)
        } catch {
            failed = true
        }
    }
    precondition(!failed, "a part failed where the whole reading did not")
    precondition(parts.records == whole.records && parts.hash == whole.hash, "parts delivered other records than one reading")
}

/// The process entry point (SwiftPM links `main` to `FuzzCuts_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzCuts_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
