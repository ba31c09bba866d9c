/// What one scan wrote into a store that held no values and no records before it, kept in memory
/// by the writer so the resolver need not read it back (1M persons: values and records read back
/// took ~1.5 s). Values are kept in id order (their ids are consecutive from `firstValueID`),
/// records as the record boxes that went into `record_box`, per document.
///
/// Only a scan that starts from an empty store has everything here; any other scan gets no
/// `WrittenData` and the resolver reads the store.
public struct WrittenData: Sendable {
    /// The id of the first value (the store's next id when the scan began).
    let firstValueID: Int64
    private(set) var kinds: [UInt16] = []
    private(set) var hashes: [ValueHash] = []
    private var documents: [Int64: RecordBoxes.DocumentBoxes] = [:]

    init(firstValueID: Int64) { self.firstValueID = firstValueID }

    /// Records a value given the next id (`firstValueID + count` so far).
    mutating func addValue(kind: ValueKind, hash: ValueHash) {
        kinds.append(kind.rawValue)
        hashes.append(hash)
    }

    /// Records a box of `count` records of a document (`RecordBoxes` data).
    mutating func addRecords(document: Int64, box: UnsafeRawBufferPointer, count: Int) {
        documents[document, default: RecordBoxes.DocumentBoxes()].append(box, count: count)
    }

    /// The documents' records ordered by document id (the order the resolver reads the store in),
    /// handed over: visit each with `DocumentBoxes.drain`.
    mutating func takeDocuments() -> [(id: Int64, boxes: RecordBoxes.DocumentBoxes)] {
        defer { documents = [:] }
        return documents.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
