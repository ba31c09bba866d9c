import Foundation

/// Where a large UTF-8 CSV/TSV or NDJSON document can be cut so that its parts are read by
/// several workers at once (`Scan/SegmentedScan.swift`).
///
/// A cut is placed just after a line feed that ends a record, once at least `every` bytes have
/// passed since the previous cut (`first` bytes for the first cut). With it comes the line number the reader would have reached
/// there, so the part's findings keep the lines and offsets of a reading from the start.
///
/// - NDJSON: every line feed ends a record (a value cannot span lines; a raw line feed inside a
///   string makes the line malformed, and the reader goes on after it). Lines are counted by
///   line feeds, as `JSONReader` does.
/// - CSV/TSV: a line feed ends a record unless it is inside a quoted field. The quote rules are
///   `CSVReader`'s: a quote opens a field only where the field starts (after the delimiter, a
///   line end, or leading spaces — and tabs, unless tab is the delimiter); a doubled quote inside
///   is literal; text after the closing quote continues the field unquoted. Lines are counted
///   as the reader counts them: one per CR, one per LF not right after a CR.
///
/// The scanner checks the first cut against the reader itself (its line and state there) before
/// it trusts the others; `SegmentCutsTests` compares parts read from every cut with one reading.
struct SegmentCuts {
    struct Cut: Equatable, Sendable {
        /// Offset of the first byte after the cut (in the bytes fed, counted from the first).
        var offset: Int
        /// The 1-based line there.
        var line: Int
    }

    let every: Int
    /// Bytes before the first cut: the first part is read alone, so it is kept short (it only
    /// has to settle the header, the column hints and the country votes).
    let first: Int
    /// The CSV delimiter, or nil for NDJSON.
    let delimiter: UInt8?
    private let trimTab: Bool
    private(set) var cuts: [Cut] = []
    /// Offset of the next byte fed.
    private(set) var position = 0
    private var line = 1
    private var lastCR = false
    private var lastCut = 0
    // CSV quote state.
    private var inQuoted = false
    private var quoteSeen = false
    private var atFieldStart = true

    private static let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, quote = UInt8(ascii: "\""), space: UInt8 = 0x20, tab: UInt8 = 0x09

    init(every: Int, first: Int? = nil, delimiter: UInt8?) {
        self.every = max(1, every)
        self.first = max(1, first ?? every)
        self.delimiter = delimiter
        trimTab = delimiter != Self.tab
    }

    /// Feeds the next bytes (any chunking gives the same cuts).
    mutating func feed(_ p: UnsafeBufferPointer<UInt8>) {
        if let delimiter { feedCSV(p, delimiter) } else { feedLines(p) }
        position += p.count
    }

    /// The cuts of a document of `total` bytes: none at its end, and a last part shorter than
    /// half of `every` is joined to the one before it.
    func finished(total: Int) -> [Cut] {
        var kept = cuts
        while let last = kept.last, last.offset >= total || total - last.offset < every / 2 { kept.removeLast() }
        return kept
    }

    /// Bytes from the last cut to the next one.
    private var step: Int { cuts.isEmpty ? first : every }

    // NDJSON: line feeds only.
    private mutating func feedLines(_ p: UnsafeBufferPointer<UInt8>) {
        let n = p.count
        var i = 0
        while i < n {
            // Up to the point where the next cut is due (a line feed there ends a part of
            // `every` bytes), only line feeds are counted.
            let due = max(i, lastCut + step - 1 - position)
            if due >= n {
                line += Self.lineFeeds(p, i, n)
                return
            }
            line += Self.lineFeeds(p, i, due)
            guard let at = Self.find(Self.lf, p, due, n) else {
                line += Self.lineFeeds(p, due, n)
                return
            }
            line += 1  // `at` is the first line feed from `due`
            cut(after: at)
            i = at + 1
        }
    }

    // CSV: quote-free stretches are counted fast; quotes go through the state machine.
    private mutating func feedCSV(_ p: UnsafeBufferPointer<UInt8>, _ delim: UInt8) {
        let n = p.count
        var i = 0
        while i < n {
            if inQuoted {
                // Inside a quoted field only the next quote matters.
                let q = Self.find(Self.quote, p, i, n) ?? n
                countLines(p, i, q)
                if q == n { return }
                inQuoted = false; quoteSeen = true; lastCR = false
                i = q + 1
                continue
            }
            if quoteSeen {
                quoteSeen = false
                if p[i] == Self.quote {  // a doubled quote: still inside
                    inQuoted = true; lastCR = false
                    i += 1
                    continue
                }
                atFieldStart = false  // the byte is handled below, as text after the closing quote
            }
            // Outside quotes, up to the next quote: record ends are the line feeds here.
            let q = Self.find(Self.quote, p, i, n) ?? n
            outside(p, i, q, delim)
            if q == n { return }
            // The quote opens a quoted field at a field start; elsewhere it is literal text.
            inQuoted = atFieldStart
            atFieldStart = false
            lastCR = false
            i = q + 1
        }
    }

    /// Bytes `p[from..<to]`, outside quotes and holding none: lines, cuts and whether the last
    /// of them leaves a field start.
    private mutating func outside(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ delim: UInt8) {
        guard from < to else { return }
        var i = from
        while i < to {
            let due = max(i, lastCut + step - 1 - position)
            guard due < to, let at = Self.find(Self.lf, p, due, to) else { break }
            countLines(p, i, at + 1)
            cut(after: at)
            i = at + 1
        }
        countLines(p, i, to)
        // The field state after the stretch is set by its last byte that is not a space.
        var j = to - 1
        while j >= from && (p[j] == Self.space || (p[j] == Self.tab && trimTab)) { j -= 1 }
        if j >= from {
            let b = p[j]
            atFieldStart = b == delim || b == Self.lf || b == Self.cr
        }
    }

    private mutating func cut(after i: Int) {
        lastCut = position + i + 1
        cuts.append(Cut(offset: lastCut, line: line))
    }

    /// Lines in `p[from..<to]` (CSV rule), carrying whether the byte before was a CR.
    private mutating func countLines(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        guard from < to else { return }
        let (lfs, crs, crlfs) = Self.lineBytes(p, from, to)
        line += lfs + crs - crlfs - (lastCR && p[from] == Self.lf ? 1 : 0)
        lastCR = p[to - 1] == Self.cr
    }

    /// Line feeds in `p[from..<to]`.
    @inline(__always)
    private static func lineFeeds(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        from < to ? lineBytes(p, from, to).lf : 0
    }

    /// Line feeds, carriage returns and CR-LF pairs in `p[from..<to]`, 16 bytes at a time.
    static func lineBytes(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> (lf: Int, cr: Int, crlf: Int) {
        guard from < to, let base = p.baseAddress else { return (0, 0, 0) }
        let raw = UnsafeRawPointer(base)
        let vlf = SIMD16<UInt8>(repeating: lf), vcr = SIMD16<UInt8>(repeating: cr)
        var lfs = 0, crs = 0, pairs = 0
        var i = from
        // A lane of a comparison is all ones when true: subtracting it adds one. Lanes are summed
        // before they can overflow (255 steps).
        while to - i >= 17 {
            var a = SIMD16<UInt8>(), b = SIMD16<UInt8>(), c = SIMD16<UInt8>()
            var steps = 0
            while steps < 255 && to - i >= 17 {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let next = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD16<UInt8>.self)
                let isLF = unsafeBitCast(v .== vlf, to: SIMD16<UInt8>.self)
                let isCR = unsafeBitCast(v .== vcr, to: SIMD16<UInt8>.self)
                a &-= isLF
                b &-= isCR
                c &-= isCR & unsafeBitCast(next .== vlf, to: SIMD16<UInt8>.self)
                i += 16
                steps += 1
            }
            lfs += Int(SIMD16<UInt16>(truncatingIfNeeded: a).wrappedSum())
            crs += Int(SIMD16<UInt16>(truncatingIfNeeded: b).wrappedSum())
            pairs += Int(SIMD16<UInt16>(truncatingIfNeeded: c).wrappedSum())
        }
        while i < to {
            let x = p[i]
            if x == lf { lfs += 1 } else if x == cr {
                crs += 1
                if i + 1 < to && p[i + 1] == lf { pairs += 1 }
            }
            i += 1
        }
        return (lfs, crs, pairs)
    }

    @inline(__always)
    private static func find(_ byte: UInt8, _ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        guard from < to, let base = p.baseAddress, let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}

extension SegmentCuts {
    /// Reads the file from `start` (after a byte-order mark) to its end and returns the cuts,
    /// with offsets in the file; nil when it cannot be read or is not entirely valid UTF-8 (then
    /// offsets after a replaced sequence would differ from a reading from the start).
    static func find(fd: Int32, start: Int, every: Int, first: Int? = nil, delimiter: UInt8?, buffer: inout [UInt8]) -> [Cut]? {
        var cutter = SegmentCuts(every: every, first: first, delimiter: delimiter)
        var fileOffset = start
        var filled = 0
        while true {
            let cap = buffer.count
            let r = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, cap - filled, off_t(fileOffset + filled)) }
            if r < 0 { if errno == EINTR { continue }; return nil }
            let eof = r == 0
            filled += r
            let ok = buffer.withUnsafeBufferPointer { b -> Bool in
                let end = eof ? filled : UTF8Validation.completeEnd(b, start: 0, end: filled)
                let chunk = UnsafeBufferPointer(rebasing: b[0..<end])
                guard UTF8Validation.isValid(chunk) else { return false }
                cutter.feed(chunk)
                return true
            }
            guard ok else { return nil }
            if eof { break }
            let used = cutter.position - (fileOffset - start)
            let tail = filled - used
            for k in 0..<tail { buffer[k] = buffer[used + k] }
            fileOffset += used
            filled = tail
        }
        return cutter.finished(total: cutter.position).map { Cut(offset: $0.offset + start, line: $0.line) }
    }
}
