@testable import BreachScope
import Foundation
import FuzzDriverC

// Shared plumbing of the libFuzzer targets: small limits, a visitor that checks the
// `RecordVisitor` call order and touches every delivered byte, chunked feeding of stream
// readers, per-process temporary files and a tiny stored-ZIP writer for the office readers.

/// Small limits so hostile inputs hit a limit instead of the fuzzer's timeout or RSS limit.
public let fuzzLimits: ReadLimits = {
    var l = ReadLimits()
    l.maxFieldBytes = 64 << 10
    l.maxDepth = 64
    l.maxLineBytes = 16 << 10
    return l
}()

/// Archive limits for the archive and mail targets.
public let fuzzArchiveLimits: ArchiveLimits = {
    var l = ArchiveLimits()
    l.maxDepth = 3
    l.maxMemberBytes = 4 << 20
    l.ratioFloorBytes = 64 << 10
    l.maxArchiveBytes = 16 << 20
    l.maxMembers = 500
    return l
}()

/// Whether whole-input and chunked runs must give the same records (`BREACHSCOPE_FUZZ_DIFF=1`).
/// Off by default: some readers legitimately cut long lines where chunks end.
public let differential = ProcessInfo.processInfo.environment["BREACHSCOPE_FUZZ_DIFF"] == "1"

/// A `RecordVisitor` that checks the call order (`beginRecord`, `field`…, `endRecord`), that
/// field columns were declared, and reads every byte it is given (so ASan sees bad pointers).
/// It keeps an FNV-1a hash of everything delivered, to compare runs.
public struct CheckingVisitor: RecordVisitor {
    public var columns = 0
    public var records = 0
    public var fields = 0
    public var bytes = 0
    public var open = false
    public var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    mutating func mix(_ v: UInt64) {
        hash = (hash ^ v) &* 0x0000_0100_0000_01B3
    }

    public mutating func declareColumn(name: String, hint: FieldHint) -> Int {
        for b in name.utf8 { mix(UInt64(b)) }
        mix(0xFFFF)
        columns += 1
        return columns - 1
    }

    public mutating func beginRecord(line: Int, offset: Int) {
        precondition(!open, "beginRecord inside an open record")
        precondition(line >= 0 && offset >= 0, "negative line or offset")
        open = true
        records += 1
        mix(0xB0B0)
    }

    public mutating func field(_ value: UnsafeBufferPointer<UInt8>, column: Int, line: Int, offset: Int) {
        precondition(open, "field outside a record")
        precondition(column >= -1 && column < columns, "field of an undeclared column \(column) (\(columns) declared)")
        fields += 1
        bytes += value.count
        mix(UInt64(bitPattern: Int64(column)))
        for b in value { mix(UInt64(b)) }
        mix(0xF1F1)
    }

    public mutating func endRecord() {
        precondition(open, "endRecord without beginRecord")
        open = false
        mix(0xE0E0)
    }
}

/// A small deterministic generator seeded from the input's first bytes (chunk sizes).
public struct InputRNG {
    var state: UInt64
    public init(_ data: UnsafeBufferPointer<UInt8>) {
        var s: UInt64 = 0x9E37_79B9_7F4A_7C15
        for b in data.prefix(8) { s = (s ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        state = s | 1
    }
    public mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
    /// A chunk size: mostly tiny (1–8 bytes, to split every token), sometimes larger.
    public mutating func chunkSize() -> Int {
        let r = next()
        switch r % 4 {
        case 0: return 1
        case 1: return Int((r >> 8) % 8) + 1
        case 2: return Int((r >> 8) % 64) + 1
        default: return Int((r >> 8) % 4096) + 1
        }
    }
}

/// Feeds `data` to a fresh `make()` reader once whole and once in random chunks; with
/// `differential`, both runs must deliver the same records (or both fail).
public func runStream<R: DocumentReader>(_ data: UnsafePointer<UInt8>, _ size: Int, _ make: () -> R) {
    let all = UnsafeBufferPointer(start: data, count: size)
    let whole = feed(make(), all, chunks: nil)
    var rng = InputRNG(all)
    let chunked = feed(make(), all, chunks: &rng)
    if differential, whole.failed == chunked.failed, !whole.failed {
        precondition(whole.hash == chunked.hash, "chunked reading delivered other records than whole reading")
    }
}

/// One run of a reader over `all` (in chunks when `chunks` is given).
public func feed<R: DocumentReader>(_ reader: R, _ all: UnsafeBufferPointer<UInt8>, chunks: UnsafeMutablePointer<InputRNG>?) -> (hash: UInt64, failed: Bool) {
    var reader = reader
    var visitor = CheckingVisitor()
    do throws(ReadError) {
        var i = 0
        while i < all.count {
            let n = chunks.map { $0.pointee.chunkSize() } ?? all.count
            let end = Swift.min(i + n, all.count)
            try reader.consume(UnsafeBufferPointer(rebasing: all[i..<end]), visitor: &visitor)
            i = end
        }
        try reader.finish(visitor: &visitor)
        precondition(!visitor.open, "a record was left open after finish")
        return (visitor.hash, false)
    } catch {
        checkMessage(error)
        return (visitor.hash, true)
    }
}

/// Feeds chunks to a reader with `inout` RNG (convenience over `feed`).
public func feed<R: DocumentReader>(_ reader: R, _ all: UnsafeBufferPointer<UInt8>, chunks rng: inout InputRNG) -> (hash: UInt64, failed: Bool) {
    withUnsafeMutablePointer(to: &rng) { feed(reader, all, chunks: $0) }
}

/// A read error's message must be short (it is stored and shown; it must not carry content).
public func checkMessage(_ error: ReadError) {
    precondition(!error.message.isEmpty && error.message.utf8.count < 400, "read error message empty or too long")
}

/// This process's scratch directory (`$TMPDIR/bsfuzz-<pid>`), created on first use.
public let scratchDirectory: String = {
    let dir = FileManager.default.temporaryDirectory.path + "/bsfuzz-\(getpid())"
    mkdir(dir, 0o700)
    return dir
}()

/// Writes the input to `<scratch>/<name>` (replacing it) and returns the path.
public func writeInput(_ bytes: UnsafeBufferPointer<UInt8>, name: String) -> String {
    let path = scratchDirectory + "/" + name
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "cannot create \(path)")
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
        let r = write(fd, bytes.baseAddress! + done, bytes.count - done)
        precondition(r > 0, "cannot write \(path)")
        done += r
    }
    return path
}

/// Splits the input at NUL bytes into at most `count` parts (the last takes the rest).
public func splitParts(_ all: UnsafeBufferPointer<UInt8>, count: Int) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0
    for (i, b) in all.enumerated() where b == 0 && parts.count < count - 1 {
        parts.append(Array(all[start..<i]))
        start = i + 1
    }
    parts.append(Array(all[start...]))
    return parts
}

/// The input as a file for a ZIP-based office reader: an input starting with `PK` is the file
/// itself; any other input is split at NUL bytes into the contents of `names`, in order, and
/// stored uncompressed in a fresh ZIP (so the fuzzer works on the XML, not on ZIP checksums).
public func officeFile(_ all: UnsafeBufferPointer<UInt8>, names: [String], fileName: String) -> String {
    if all.count >= 2 && all[0] == 0x50 && all[1] == 0x4B { return writeInput(all, name: fileName) }
    let parts = splitParts(all, count: names.count)
    let zip = StoredZip.make(Array(zip(names, parts)))
    return zip.withUnsafeBufferPointer { writeInput($0, name: fileName) }
}

/// Writes minimal ZIP files with stored (uncompressed) members.
public enum StoredZip {
    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    public static func make(_ members: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32, _ a: inout [UInt8]) { for k in 0..<4 { a.append(UInt8(v >> (8 * UInt32(k)) & 0xFF)) } }
        for (name, data) in members {
            let nameBytes = Array(name.utf8)
            let crc = crc32(data)
            let offset = UInt32(out.count)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0x21, &out)
            u32(crc, &out); u32(UInt32(data.count), &out); u32(UInt32(data.count), &out)
            u16(nameBytes.count, &out); u16(0, &out)
            out += nameBytes
            out += data
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central)
            u16(0, &central); u16(0x21, &central)
            u32(crc, &central); u32(UInt32(data.count), &central); u32(UInt32(data.count), &central)
            u16(nameBytes.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
            u32(0, &central); u32(offset, &central)
            central += nameBytes
        }
        let cdOffset = UInt32(out.count)
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(members.count, &out); u16(members.count, &out)
        u32(UInt32(central.count), &out); u32(cdOffset, &out); u16(0, &out)
        return out
    }
}

/// Runs a path-based reader over the file, checking the visitor contract.
public func runFile<R: FileDocumentReader>(_ reader: R, path: String) {
    var reader = reader
    var visitor = CheckingVisitor()
    do throws(ReadError) {
        let description = try reader.read(path: path, visitor: &visitor)
        precondition(!visitor.open, "a record was left open after read")
        precondition(description.utf8.count < 400, "description too long")
    } catch {
        checkMessage(error)
    }
}

/// One `ArchiveExpander` per process (its temporary area is emptied after every input).
public let expander: ArchiveExpander = try! ArchiveExpander(limits: fuzzArchiveLimits)

/// Expands the file as an archive or mail container, materialises every member (bounded by
/// the archive limits), reads each member's first bytes through the text reader, and empties
/// the temporary area again.
public func runContainer(path: String, name: String) {
    defer { emptyTemporaryArea() }
    var st = stat()
    guard stat(path, &st) == 0 else { return }
    let file = WalkedFile(path: path, name: name, size: Int(st.st_size), mtime: 0)
    let documents = expander.expand([file], isUnchanged: { _ in false })
    let cache = ArchiveExpander.ZipCache()
    for d in documents {
        precondition(d.reason.map { $0.utf8.count < 600 } ?? true, "reason too long")
        guard d.member != nil else { continue }
        do throws(ReadError) {
            guard let extracted = try expander.materialize(d, cache: cache) else { continue }
            let bytes = ArchiveExpander.prefix(path: extracted, count: 4096)
            _ = bytes.withUnsafeBufferPointer { feed(TextReader(limits: fuzzLimits), $0, chunks: nil) }
        } catch {
            checkMessage(error)
        }
    }
}

/// Removes everything the expander left in its temporary area.
public func emptyTemporaryArea() {
    let area = expander.temporaryArea.path
    for name in (try? FileManager.default.contentsOfDirectory(atPath: area)) ?? [] {
        unlink(area + "/" + name)
    }
}

/// Runs libFuzzer with `test` as the fuzz target (called from each target's `<Module>_main`).
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                       _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
}

/// Storage for the empty input (libFuzzer may pass a null pointer with size 0).
nonisolated(unsafe) public let emptyInput: UnsafeMutablePointer<UInt8> = .allocate(capacity: 1)
