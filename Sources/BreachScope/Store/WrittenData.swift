/// What one scan wrote into a store that held no values and no records before it, kept in memory
/// by the writer so the resolver need not read it back (1M persons: values and records read back
/// took ~1.5 s, and decoding the record boxes kept in memory another 0.14 s). Values are kept in
/// id order (their ids are consecutive from `firstValueID`), records as the resolver's table, built
/// by the writer as it stores them, in the order written (the resolver's result does not depend
/// on the order of records).
///
/// Only a scan that starts from an empty store has everything here; any other scan gets no
/// `WrittenData` and the resolver reads the store.
public struct WrittenData: Sendable {
    /// The id of the first value (the store's next id when the scan began).
    let firstValueID: Int64
    private(set) var kinds: [UInt16] = []
    private(set) var hashes: [ValueHash] = []
    private var records = RecordTable()

    init(firstValueID: Int64) { self.firstValueID = firstValueID }

    /// Records a value given the next id (`firstValueID + count` so far).
    mutating func addValue(kind: ValueKind, hash: ValueHash) {
        kinds.append(kind.rawValue)
        hashes.append(hash)
    }

    /// Records the records of a slice as stored; `ids` are the row ids of `batch.values`.
    mutating func addRecords(_ batch: ScanBatch, ids: [Int64]) {
        records.add(batch, ids: ids, firstValueID: firstValueID)
    }

    /// The records' table (values as dense indices: value id − `firstValueID`), handed over.
    mutating func takeRecords() -> RecordTable {
        defer { records = RecordTable() }
        return records
    }
}
