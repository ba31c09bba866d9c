import Foundation
import GRDB
import Testing
import BreachScopeTesting
@testable import BreachScope

/// Large CSV and NDJSON documents are read in parts by several workers (`SegmentedScan.swift`).
/// A scan that cuts them must store what a scan reading each one whole stores: the same
/// records (lines, offsets, items, columns), the same persons, documents and evidence.
@Suite struct SegmentedScanTests {
    static let key = String(repeating: "5e", count: 32)

    /// Rows of a pharmacy's customer export: valid isikukood, names, e-mails, phones, cards,
    /// a product column with special-category terms, quoted fields with newlines, and rows
    /// wider than the header.
    static func customers(_ n: Int, seed: UInt64) -> String {
        var rng = SeededRNG(seed: seed)
        let products = ["Insulin pen needles", "Hand cream 50 ml", "Antidepressant refill", "Sunscreen SPF 30", "Toothpaste"]
        var s = "isikukood;Eesnimi;Perenimi;E-post;Telefon;Kliendikaart;Toode;Märkus\n"
        for i in 0..<n {
            let id = Synthetic.nationalID(.eeIsikukood, using: &rng)
            let first = ["Mari", "Jaan", "Liis", "Peeter"][i % 4], last = ["Tamm", "Saar", "Mägi", "Kask"][(i / 4) % 4]
            let note = i % 9 == 0 ? "\"kõne;\nhelistada \"\"õhtul\"\"\"" : (i % 13 == 0 ? "vt \"eelmist\"" : "")
            s += "\(id);\(first);\(last);\(first.lowercased()).\(i)@example.ee;+372 5\(String(format: "%03d", i % 1000)) \(String(format: "%04d", i));"
            s += "\(100_000_000 + i % 700);\(products[i % products.count]);\(note)"
            s += i % 50 == 0 ? ";extra;\(i)\r\n" : "\n"
        }
        return s
    }

    static func patients(_ n: Int, seed: UInt64) -> String {
        var rng = SeededRNG(seed: seed)
        var s = ""
        for i in 0..<n {
            let pesel = Synthetic.nationalID(.plPesel, using: &rng)
            switch i % 40 {
            case 7: s += "{\"pesel\": \"\(pesel)\", \"email\": \"broken\n"
            case 11 where i > n / 2: s += "{\"late_\(i % 3)\": {\"telefon\": \"+48 601 \(String(format: "%03d", i % 1000)) \(String(format: "%03d", i % 997))\"}}\n"
            default:
                s += "{\"pesel\": \"\(pesel)\", \"imie_i_nazwisko\": \"Anna Nowak\", \"email\": \"p\(i)@example.pl\", \"lek\": \"insulina\"}\n"
            }
        }
        return s
    }

    /// Everything a scan stored about records, in an order that does not depend on ordinals or
    /// value ids: per document and record (by offset), its line, language and items with the
    /// value's hash and the column's name.
    static func fingerprint(_ ws: Workspace) throws -> (records: [String], documents: [String], evidence: [String], maxOrdinal: Int) {
        try ws.store.pool.read { db in
            var hashes: [Int64: String] = [:]
            try ValueBoxes.forEach(db) { id, kind, h in hashes[id] = "\(kind):\(h.hi):\(h.lo)" }
            var names: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, path_sealed FROM document") {
                let sealed: Data = row[1]
                names[row[0]] = try URL(fileURLWithPath: ws.vault.openString(Array(sealed))).lastPathComponent
            }
            var fields: [Int64: [Int: String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT document_id, ordinal, name_sealed FROM field") {
                let sealed: Data = row[2]
                fields[row[0], default: [:]][row[1]] = try ws.vault.openString(Array(sealed))
            }
            var records: [(String, Int, String)] = []
            var maxOrdinal = 0
            try RecordBoxes.forEach(db) { doc, r in
                maxOrdinal = max(maxOrdinal, r.ordinal)
                var items: [String] = []
                do {
                    PackedItems.decode(r.items, recordLine: r.line, recordOffset: r.offset) { it in
                        // Controller attributions and category reasons hold a number, other items a value id.
                        let number = it.code == PackedItems.controllerCode || (it.code >= PackedItems.reasonBase && it.code != PendingItem.linkKeyCode)
                        let value = number ? "\(it.valueID)" : it.valueID == 0 ? "-" : hashes[it.valueID] ?? "?\(it.valueID)"
                        let field = it.field < 0 ? "-" : fields[doc]?[it.field] ?? "?\(it.field)"
                        items.append("\(it.code) \(value) \(field) \(it.line)@\(it.offset)")
                    }
                }
                let language = r.language.map { String(decoding: $0, as: UTF8.self) } ?? "-"
                records.append((names[doc] ?? "?", r.offset, "\(r.line) \(language) \(items.joined(separator: ", "))"))
            }
            let sorted = records.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { "\($0.0) @\($0.1): \($0.2)" }
            let documents = try Row.fetchAll(db, sql: "SELECT id, status, reason, format, encoding, records, findings FROM document")
                .map { r -> String in
                    let id: Int64 = r[0]
                    return "\(names[id] ?? "?") \(r[1] as String) \(r[2] as String? ?? "-") \(r[3] as String? ?? "-") \(r[4] as String? ?? "-") \(r[5] as Int) \(r[6] as Int)"
                }.sorted()
            let evidence = try Row.fetchAll(db, sql: "SELECT document_id, rule_id, line, offset FROM evidence")
                .map { r -> String in
                    let id: Int64 = r[0]
                    return "\(names[id] ?? "?") \(r[1] as Int64) \(r[2] as Int) \(r[3] as Int)"
                }.sorted()
            return (sorted, documents, evidence, maxOrdinal)
        }
    }

    static func persons(_ ws: Workspace) throws -> [String] {
        var out: [String] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try PersonExport(store: ws.store, vault: ws.vault).each(reveal: true) { row in
            out.append(String(decoding: try! encoder.encode(row), as: UTF8.self))
        }
        return out.sorted()
    }

    static func scan(_ dir: URL, _ name: String, partBytes: Int, threads: Int) throws -> Workspace {
        let ws = try Workspace(path: dir.appendingPathComponent(name).path, create: true, environment: ["BREACHSCOPE_KEY": key])
        var options = ScanOptions(roots: [dir.appendingPathComponent("leak").path])
        options.partBytes = partBytes
        options.threads = threads
        options.chunkSize = 4096  // parts end and begin inside chunks
        _ = try Scanner.run(store: ws.store, vault: ws.vault, options: options)
        return ws
    }

    @Test func partsStoreWhatOneReadingStores() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-parts-\(UUID().uuidString)")
        let leak = dir.appendingPathComponent("leak")
        try FileManager.default.createDirectory(at: leak, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A byte-order mark before the customers (offsets count from after it).
        try (Data([0xEF, 0xBB, 0xBF]) + Data(Self.customers(2_500, seed: 7).utf8)).write(to: leak.appendingPathComponent("customers.csv"))
        try Self.patients(1_500, seed: 8).write(to: leak.appendingPathComponent("patients.ndjson"), atomically: true, encoding: .utf8)
        try Self.customers(300, seed: 9).write(to: leak.appendingPathComponent("small.csv"), atomically: true, encoding: .utf8)

        let whole = try Self.scan(dir, "whole", partBytes: 0, threads: 2)
        let parts = try Self.scan(dir, "parts", partBytes: 16 << 10, threads: 2)
        let one = try Self.scan(dir, "one-thread", partBytes: 16 << 10, threads: 1)
        let a = try Self.fingerprint(whole), b = try Self.fingerprint(parts), c = try Self.fingerprint(one)

        // Parts were read: their records are numbered from their offsets.
        #expect(a.maxOrdinal < 3_000)
        #expect(b.maxOrdinal > 100_000)
        #expect(c.maxOrdinal == a.maxOrdinal)  // one worker reads whole
        #expect(a.records.count > 3_900)
        #expect(b.records.count == a.records.count)
        if b.records != a.records, let i = zip(b.records, a.records).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("first different record (parts, then whole):\n\(b.records[i])\n\(a.records[i])")
        }
        #expect(b.documents == a.documents)
        #expect(!a.evidence.isEmpty)
        #expect(b.evidence == a.evidence)
        #expect(try Self.persons(parts) == Self.persons(whole))
        #expect(c.records == a.records, "one thread")
    }

    /// An archive member is cut like a file; its extracted copy is removed once its last part
    /// is read.
    @Test func archiveMembersAreReadInParts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-parts-zip-\(UUID().uuidString)")
        let leak = dir.appendingPathComponent("leak")
        try FileManager.default.createDirectory(at: leak, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try ArchiveFixture.zip(leak.appendingPathComponent("export.zip"), [
            ("customers.csv", Array(Self.customers(2_000, seed: 21).utf8)),
            ("patients.ndjson", Array(Self.patients(1_000, seed: 22).utf8)),
        ])
        let whole = try Self.scan(dir, "whole", partBytes: 0, threads: 2)
        let parts = try Self.scan(dir, "parts", partBytes: 16 << 10, threads: 2)
        let a = try Self.fingerprint(whole), b = try Self.fingerprint(parts)
        #expect(b.maxOrdinal > 100_000)
        #expect(a.records.count > 2_900)
        #expect(b.records == a.records)
        #expect(b.documents == a.documents)
        #expect(try Self.persons(parts) == Self.persons(whole))
    }

    /// A file is cut only when the other workers would wait for it: when it is larger than
    /// their share of the files not yet handed out.
    @Test(arguments: [
        ([45, 45, 43, 55], 2, [false, false, false, true]),  // dense-wide: only the last one
        ([189], 2, [true]),                                   // one big table
        ([10, 10, 10, 10], 2, [false, false, false, true]),
        ([100, 1, 1], 2, [true, false, true]),                // a large file before small ones
        ([100, 1, 1], 1, [false, false, false]),              // one worker never cuts
        ([40, 40, 40, 40, 40], 4, [false, false, true, true, true]),  // 120 left for 3 others: not less than 40 each
    ])
    func filesAreCutWhenOthersWouldWait(sizes: [Int], workers: Int, expected: [Bool]) {
        let work = ScanWork(sizes: sizes, workers: workers)
        var cuts: [Bool] = []
        while let task = work.next() {
            guard case .file(_, let cut) = task else { Issue.record("a part without documents"); break }
            cuts.append(cut)
            if cut { work.decided() }
        }
        #expect(cuts == expected)
    }

    /// A part that fails (a field over the limit) fails the document with its reason; the
    /// records of the other parts are kept, and the scan goes on with the other files.
    @Test func aFailingPartFailsItsDocumentOnly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-parts-fail-\(UUID().uuidString)")
        let leak = dir.appendingPathComponent("leak")
        try FileManager.default.createDirectory(at: leak, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = Self.customers(2_000, seed: 3)
        let cut = csv.index(csv.startIndex, offsetBy: csv.utf8.count * 3 / 4)
        let lineEnd = csv[cut...].firstIndex(of: "\n")!
        csv.insert(contentsOf: "\n;;;;;;;\"" + String(repeating: "x", count: 70_000) + "\"", at: lineEnd)
        try csv.write(to: leak.appendingPathComponent("customers.csv"), atomically: true, encoding: .utf8)
        try Self.customers(100, seed: 4).write(to: leak.appendingPathComponent("other.csv"), atomically: true, encoding: .utf8)

        let ws = try Workspace(path: dir.appendingPathComponent("ws").path, create: true, environment: ["BREACHSCOPE_KEY": Self.key])
        var options = ScanOptions(roots: [leak.path])
        options.partBytes = 16 << 10
        options.threads = 2
        options.limits.maxFieldBytes = 64 << 10
        let summary = try Scanner.run(store: ws.store, vault: ws.vault, options: options)
        #expect(summary.failed == 1 && summary.scanned == 1)
        let rows = try ws.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT path_sealed, status, reason, records FROM document")
        }
        let failed = try #require(rows.first { r in
            let sealed: Data = r["path_sealed"]
            return (try? ws.vault.openString(Array(sealed)))?.hasSuffix("customers.csv") ?? false
        })
        #expect(failed["status"] as String == "failed")
        let reason: String = failed["reason"]
        #expect(reason.contains("longer than the limit of 65536 bytes"))
        #expect(reason.contains("records read elsewhere in the file were kept"))
        // Every row but those of the failing part after the long field (a part is ~120 rows).
        // The long row is longer than a part: its part ends at the cut right after it, so every
        // customer row is kept (read whole, the rows after it would be lost).
        let records: Int = failed["records"]
        #expect(records == 2_000)
    }
}
