import Testing
@testable import BreachScope

@Suite struct RecordTableTests {
    /// Slices of three documents with every kind of item: values (one repeated within a slice,
    /// so two indices share a row id), an element without a value, a link key, special-category
    /// reasons and controller attributions; languages given, guessed and missing.
    static func slices() -> [(batch: ScanBatch, ids: [Int64])] {
        var out: [(batch: ScanBatch, ids: [Int64])] = []
        var nextID: Int64 = 11
        for (document, language) in [(Int64(5), "fi"), (3, "~et"), (9, nil), (5, "fi")] {
            var batch = ScanBatch(documentID: document)
            var ids: [Int64] = []
            for r in 0..<40 {
                let email = batch.values.append(kind: .identifier(.email), hash: ValueHash(hi: UInt64(nextID), lo: 1), plaintext: Array("e\(nextID)".utf8))
                ids.append(nextID); nextID += 1
                let key = batch.values.append(kind: .linkKey, hash: ValueHash(hi: UInt64(nextID), lo: 2), plaintext: Array("k\(nextID)".utf8))
                ids.append(nextID); nextID += 1
                var items = [
                    PendingItem(value: Int64(email), code: ElementType.email.code, field: 0, line: Int32(r), offset: 3),
                    PendingItem(value: Int64(key), code: PendingItem.linkKeyCode, field: 1, line: Int32(r), offset: 20),
                    PendingItem(value: -1, code: ElementType.purchaseHistory.code, field: 2, line: Int32(r), offset: 30),
                ]
                if r > 0 && r % 4 == 0 {
                    // The first record's e-mail again, stored under the same id.
                    let again = batch.values.append(kind: .identifier(.email), hash: ValueHash(hi: UInt64(ids[0]), lo: 1), plaintext: Array("again".utf8))
                    ids.append(ids[0])
                    items.append(PendingItem(value: Int64(again), code: ElementType.email.code, field: 3, line: Int32(r), offset: 40))
                }
                if r % 7 == 0 { items.append(PendingItem(value: 4, code: PackedItems.reasonBase + ElementType.healthData.code, field: -1, line: Int32(r), offset: 0)) }
                if r % 5 == 0 { items.append(PendingItem(value: 2 << 16 | 3, code: PackedItems.controllerCode, field: -1, line: Int32(r), offset: 0)) }
                batch.records.append(ordinal: r + (out.count == 3 ? 40 : 0), line: r + 1, offset: r * 50,
                                     language: r % 3 == 0 ? nil : language, items: items)
            }
            out.append((batch, ids))
        }
        return out
    }

    /// The table the writer builds as it stores slices is the table the resolver builds from
    /// the stored record boxes (values as dense indices: id − the first id).
    @Test func slicesAddedAsWrittenGiveTheTableOfTheStoredBoxes() {
        let firstID: Int64 = 11
        var written = RecordTable(), stored = RecordTable()
        var dense = DenseIndex()
        for id in firstID..<1_000 { dense.set(id, Int32(id - firstID)) }
        for (batch, ids) in Self.slices() {
            written.add(batch, ids: ids, firstValueID: firstID)
            var box: [UInt8] = []
            _ = RecordBoxes.append(batch.records, 0..<batch.records.count, ids: ids, to: &box)
            box.withUnsafeBytes { data in
                dense.withView { v in RecordBoxes.decode(data, count: batch.records.count) { stored.add(document: batch.documentID, $0, dense: v) } }
            }
        }
        #expect(written.count == 160)
        #expect(written.documents == stored.documents)
        #expect(written.ordinals == stored.ordinals)
        #expect(written.elements == stored.elements)
        #expect(written.valueStarts == stored.valueStarts)
        #expect(written.values == stored.values)
        #expect(written.reasonStarts == stored.reasonStarts)
        #expect(written.reasons == stored.reasons)
        #expect(written.attributionStarts == stored.attributionStarts)
        #expect(written.attributions == stored.attributions)
        #expect(written.languages == stored.languages)
        #expect(written.languageNames == ["", "fi", "~et"])
        #expect(written.maxDocument == 9)
        // What the slices hold: 2 values per record plus the repeats, which point at the first
        // record's e-mail; reasons, attributions and element bits.
        #expect(written.values.count == 160 * 2 + 4 * 9)
        #expect(written.values[written.valueRange(4)].last == 0)
        #expect(written.reasons.count == 4 * 6 && written.attributions.count == 4 * 8)
        let purchase = UInt32(1) << UInt32(ElementType.purchaseHistory.code), email = UInt32(1) << UInt32(ElementType.email.code)
        #expect(written.elements.allSatisfy { $0 & (purchase | email) == purchase | email })
        #expect(written.elements[0] & 1 << UInt32(ElementType.healthData.code) != 0)
    }
}
