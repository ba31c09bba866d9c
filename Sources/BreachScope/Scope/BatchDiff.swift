import Foundation
import GRDB

/// What one batch adds to the scope known from the batches before it (timeline order: the order
/// batches were first scanned): persons first seen in it, persons already known who have new
/// elements or controllers in it (and which), and persons in it whose data adds nothing.
public struct BatchDiff: Codable, Sendable {
    public struct Changed: Codable, Sendable, Equatable {
        public var person: String
        public var newElements: [String]
        public var newControllers: [String]
    }
    public var batch: String
    public var publishedAt: String?
    /// Batches before this one on the timeline.
    public var earlierBatches: [String]
    public var documents: Int
    public var newPersons: [String] = []
    public var knownWithNewData: [Changed] = []
    public var unchanged: [String] = []
    /// Persons known from earlier batches who are not in this one.
    public var notInBatch = 0
    /// Per element: persons for whom this batch newly exposes it (new persons included).
    public var newElementPersons: [String: Int] = [:]

    public static func build(store: Store, vault: Vault, batch: String) throws -> BatchDiff {
        try store.pool.read { db in
            let t = try ScopeTables.load(db, vault: vault)
            guard let b = t.batches.firstIndex(where: { $0.name == batch }) else {
                throw ScopeError.unknownBatch(batch, known: t.batches.map(\.name))
            }
            var d = BatchDiff(batch: batch, publishedAt: t.batches[b].publishedAt,
                              earlierBatches: t.batches[..<b].map(\.name),
                              documents: t.documentBatch.values.filter { $0 == b }.count)
            func names(_ bits: UInt32) -> [String] {
                var out: [String] = [], m = bits
                while m != 0 { if let e = ElementType(code: UInt8(m.trailingZeroBitCount)) { out.append(e.rawValue) }; m &= m - 1 }
                return out
            }
            try StoredPerson.forEach(db) { p in
                let per = t.perBatch(p)
                switch t.change(per, batch: b) {
                case .absent:
                    if per.keys.contains(where: { $0 < b }) { d.notInBatch += 1 }
                case .new:
                    d.newPersons.append(p.pid)
                    for e in names(per[b]!.elements) { d.newElementPersons[e, default: 0] += 1 }
                case .unchanged:
                    d.unchanged.append(p.pid)
                case .newData(let elements, let controllers):
                    let n = names(elements)
                    for e in n { d.newElementPersons[e, default: 0] += 1 }
                    d.knownWithNewData.append(Changed(person: p.pid, newElements: n,
                                                      newControllers: controllers.compactMap { t.controllers[$0]?.name }.sorted()))
                }
            }
            return d
        }
    }
}
