import Testing
@testable import BreachScope

@Suite struct RecordTableTests {
    /// Documents of records with values, a reason, an attribution and per-document languages.
    static func documents() -> [(id: Int64, boxes: RecordBoxes.DocumentBoxes)] {
        var out: [(id: Int64, boxes: RecordBoxes.DocumentBoxes)] = []
        var value: Int64 = 1
        for (d, language) in [(Int64(3), "~et"), (5, "fi"), (8, nil), (9, "~et")] {
            var boxes = RecordBoxes.DocumentBoxes()
            for slice in 0..<3 {
                var data: [UInt8] = []
                for r in 0..<40 {
                    var items: [PackedItems.Item] = [
                        .init(valueID: value, code: ElementType.email.code, field: 0, line: r, offset: 0),
                        .init(valueID: value + 1, code: ElementType.nationalID.code, field: 1, line: r, offset: 9),
                    ]
                    if r % 7 == 0 { items.append(.init(valueID: 4, code: PackedItems.reasonBase + ElementType.healthData.code, field: -1, line: r, offset: 0)) }
                    if r % 5 == 0 { items.append(.init(valueID: 2 << 16 | 3, code: PackedItems.controllerCode, field: -1, line: r, offset: 0)) }
                    value += 2
                    PackedItems.encode(items, recordLine: r, recordOffset: 0).withUnsafeBytes {
                        RecordBoxes.append(ordinal: slice * 40 + r, line: r, offset: 0, language: r % 3 == 0 ? nil : language, items: $0, to: &data)
                    }
                }
                data.withUnsafeBytes { boxes.append($0, count: 40) }
            }
            out.append((d, boxes))
        }
        return out
    }

    static func dense() -> DenseIndex {
        var dense = DenseIndex()
        for id in 1...1_000 { dense.set(Int64(id), Int32(id - 1)) }
        return dense
    }

    /// Built in parts on several threads and joined, the table is the one built in one pass.
    @Test func partsJoinToTheWholeTable() {
        let docs = Self.documents(), dense = Self.dense()
        var whole = RecordTable()
        for (id, boxes) in docs {
            var b = boxes
            dense.withView { v in b.drain { whole.add(document: id, $0, dense: v) } }
        }
        let joined = Resolver.recordTable(docs, values: 1_000, dense: dense, minRecordsPerPart: 1)
        #expect(whole.count == 480)
        #expect(joined.count == whole.count)
        #expect(joined.documents == whole.documents)
        #expect(joined.ordinals == whole.ordinals)
        #expect(joined.elements == whole.elements)
        #expect(joined.valueStarts == whole.valueStarts)
        #expect(joined.values == whole.values)
        #expect(joined.reasonStarts == whole.reasonStarts)
        #expect(joined.reasons == whole.reasons)
        #expect(joined.attributionStarts == whole.attributionStarts)
        #expect(joined.attributions == whole.attributions)
        #expect(whole.attributions.count == 4 * 3 * 8 && whole.reasons.count == 4 * 3 * 6)
        #expect(joined.maxDocument == 9)
        // Languages are interned per part, then re-interned: compare them by name.
        #expect(joined.languages.map { joined.languageNames[Int($0)] } == whole.languages.map { whole.languageNames[Int($0)] })
        #expect(Set(joined.languageNames) == ["", "~et", "fi"])
    }
}
