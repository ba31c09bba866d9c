import Foundation
import GRDB

/// A resolved person as stored: the ids of their values and their exposures (element × document,
/// with occurrence counts) packed as bytes, persons in boxes of 64 (`PersonBoxes`). Packed
/// persons instead of one row per (person, value) and (person, element, document) keep the
/// resolver at a few hundred thousand persons a second.
public struct StoredPerson: Sendable {
    public var rowID: Int64
    public var pid: String
    public var language: String?
    public var flags: Int
    /// Value ids (sorted), link keys included.
    public var values: [Int64]
    /// (element code, document id, occurrences), sorted.
    public var exposures: [Exposure]

    /// (controller, rule, document) of each attribution, sorted (issue #4).
    public var attributions: [Triple] = []
    /// (category element code, rule, document) of each special-category inference, sorted.
    public var reasons: [Triple] = []

    /// Three row ids packed together: a controller or category, the rule, the document.
    public struct Triple: Sendable, Hashable, Comparable {
        public var what: Int64
        public var rule: Int64
        public var document: Int64
        public static func < (a: Triple, b: Triple) -> Bool { (a.what, a.rule, a.document) < (b.what, b.rule, b.document) }
    }

    static func packTriples(_ t: [Triple]) -> [UInt8] {
        var out = [UInt8](); out.reserveCapacity(t.count * 4)
        packTriples(t, into: &out)
        return out
    }

    /// Appends the packed triples to `out` (the resolver reuses one buffer for all persons).
    static func packTriples<S: ByteSink>(_ t: [Triple], into out: inout S) {
        for x in t { PackedItems.put(UInt64(x.what), &out); PackedItems.put(UInt64(x.rule), &out); PackedItems.put(UInt64(x.document), &out) }
    }

    static func unpackTriples(_ data: Data?) -> [Triple] {
        guard let data else { return [] }
        return data.withUnsafeBytes { unpackTriples($0) }
    }

    static func unpackTriples(_ p: UnsafeRawBufferPointer) -> [Triple] {
        var out: [Triple] = []
        var i = 0
        func get() -> Int64 { Int64(PackedItems.get(p, &i)) }
        while i < p.count { out.append(Triple(what: get(), rule: get(), document: get())) }
        return out
    }

    public struct Exposure: Sendable, Equatable {
        public var element: UInt8
        public var document: Int64
        public var occurrences: Int
    }

    static func packValues(_ ids: [Int64]) -> [UInt8] {
        var out = [UInt8](); out.reserveCapacity(ids.count * 3)
        packValues(ids, into: &out)
        return out
    }

    /// Appends the packed (sorted) value ids to `out`.
    static func packValues<S: ByteSink>(_ ids: [Int64], into out: inout S) {
        var last: Int64 = 0
        for id in ids { PackedItems.put(UInt64(id - last), &out); last = id }
    }

    static func unpackValues(_ data: Data) -> [Int64] { data.withUnsafeBytes { unpackValues($0) } }

    static func unpackValues(_ p: UnsafeRawBufferPointer) -> [Int64] {
        var out: [Int64] = []
        var last: Int64 = 0
        var i = 0
        while i < p.count {
            last += Int64(PackedItems.get(p, &i)); out.append(last)
        }
        return out
    }

    static func packExposures(_ e: [Exposure]) -> [UInt8] {
        var out = [UInt8](); out.reserveCapacity(e.count * 4)
        packExposures(e, into: &out)
        return out
    }

    /// Appends the packed exposures to `out`.
    static func packExposures<S: ByteSink>(_ e: [Exposure], into out: inout S) {
        for x in e { out.put(byte: x.element); PackedItems.put(UInt64(x.document), &out); PackedItems.put(UInt64(x.occurrences), &out) }
    }

    static func unpackExposures(_ data: Data) -> [Exposure] { data.withUnsafeBytes { unpackExposures($0) } }

    static func unpackExposures(_ p: UnsafeRawBufferPointer) -> [Exposure] {
        var out: [Exposure] = []
        var i = 0
        func get() -> UInt64 { PackedItems.get(p, &i) }
        while i < p.count {
            let e = p[i]; i += 1
            let d = Int64(get()), n = Int(get())
            out.append(Exposure(element: e, document: d, occurrences: n))
        }
        return out
    }

    init(rowID: Int64, pid: String, language: String?, flags: Int, values: [Int64], exposures: [Exposure],
         attributions: [Triple], reasons: [Triple]) {
        self.rowID = rowID; self.pid = pid; self.language = language; self.flags = flags
        self.values = values; self.exposures = exposures; self.attributions = attributions; self.reasons = reasons
    }

    /// A v1 `person` row (read by the v4 migration).
    init(row: Row) {
        rowID = row["id"]
        pid = row["pid"]
        language = row["language"]
        flags = row["flags"]
        values = StoredPerson.unpackValues(row["vals"] ?? Data())
        exposures = StoredPerson.unpackExposures(row["exposures"] ?? Data())
        attributions = StoredPerson.unpackTriples(row["attributions"])
        reasons = StoredPerson.unpackTriples(row["reasons"])
    }

    /// Flag bits.
    public static let inConflict = 1
    public static let weakMerge = 2

    /// Calls `body` for every person, ordered by person id (`pid`; the resolver writes them in
    /// that order).
    static func forEach(_ db: Database, _ body: (StoredPerson) throws -> Void) throws {
        try PersonBoxes.forEach(db, body)
    }
}
