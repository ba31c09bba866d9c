/// What one scan wrote into a store that held no values and no records before it, kept in memory
/// by the writer so the resolver need not read it back (1M persons: values and records read back
/// took ~1.5 s). Values are kept in id order (their ids are consecutive from `firstValueID`),
/// records per document as the packed item bytes that went into `record.items`.
///
/// Only a scan that starts from an empty store has everything here; any other scan gets no
/// `WrittenData` and the resolver reads the store.
public struct WrittenData: Sendable {
    /// One document's records, in the order they were written.
    struct Document: Sendable {
        var ordinals: [Int] = []
        var languages: [String?] = []
        /// Record `i`'s items are `items[ends[i - 1]..<ends[i]]` (from 0 for the first).
        var ends: [Int] = []
        var items: [UInt8] = []
    }

    /// The id of the first value (the store's next id when the scan began).
    let firstValueID: Int64
    private(set) var kinds: [UInt16] = []
    private(set) var hashes: [ValueHash] = []
    private(set) var documents: [Int64: Document] = [:]

    init(firstValueID: Int64) { self.firstValueID = firstValueID }

    /// Records a value given the next id (`firstValueID + count` so far).
    mutating func addValue(kind: ValueKind, hash: ValueHash) {
        kinds.append(kind.rawValue)
        hashes.append(hash)
    }

    mutating func addRecord(document: Int64, ordinal: Int, language: String?, items: [UInt8]) {
        documents[document, default: Document()].append(ordinal: ordinal, language: language, items: items)
    }

    /// Visits every record ordered by (document id, ordinal), the order the resolver reads the
    /// store in, dropping each document's bytes once visited.
    mutating func drainRecords(_ body: (_ document: Int64, _ ordinal: Int, _ language: String?, _ items: UnsafeRawBufferPointer) -> Void) {
        for id in documents.keys.sorted() {
            guard let d = documents.removeValue(forKey: id) else { continue }
            var order = Array(d.ordinals.indices)
            if zip(d.ordinals, d.ordinals.dropFirst()).contains(where: { $0 > $1 }) {
                order.sort { d.ordinals[$0] != d.ordinals[$1] ? d.ordinals[$0] < d.ordinals[$1] : $0 < $1 }
            }
            d.items.withUnsafeBytes { all in
                for i in order {
                    let start = i == 0 ? 0 : d.ends[i - 1]
                    body(id, d.ordinals[i], d.languages[i], UnsafeRawBufferPointer(rebasing: all[start..<d.ends[i]]))
                }
            }
        }
    }
}

extension WrittenData.Document {
    mutating func append(ordinal: Int, language: String?, items bytes: [UInt8]) {
        ordinals.append(ordinal)
        languages.append(language)
        items.append(contentsOf: bytes)
        ends.append(items.count)
    }
}
