import Testing
@testable import BreachScope

/// The flat slice storage: values and records keep their bytes, kinds, hashes and items exactly,
/// whichever way they were appended.
@Suite struct ScanBatchTests {
    @Test func valuesRoundTrip() {
        var values = PendingValues()
        let table: [(ValueKind, String)] = [(.identifier(.email), "mari.tamm@example.ee"), (.element(.name), ""),
                                            (.linkKey, "card\u{0}100000000009"), (.element(.name), "Jüri Õunapuu")]
        for (n, (kind, text)) in table.enumerated() {
            let i = values.append(kind: kind, hash: ValueHash(hi: UInt64(n), lo: 7), plaintext: Array(text.utf8))
            #expect(i == n)
        }
        values.append(PendingValue(kind: .identifier(.phone), hash: ValueHash(hi: 9, lo: 9), plaintext: Array("+37250000001".utf8)))
        #expect(values.count == 5)
        for (n, (kind, text)) in table.enumerated() {
            #expect(values.kind(at: n) == kind)
            #expect(values.hash(at: n) == ValueHash(hi: UInt64(n), lo: 7))
            #expect(values[n].plaintext == Array(text.utf8))
            #expect(values.withPlaintext(at: n) { Array($0) } == Array(text.utf8))
        }
        #expect(values[4].kind == .identifier(.phone))
        #expect(String(decoding: values[4].plaintext, as: UTF8.self) == "+37250000001")
        #expect(values.map(\.hash.hi) == [0, 1, 2, 3, 9])
    }

    /// Removing items keeps the rest in order and drops a record left with nothing a person's
    /// (a link key alone); a record losing nothing keeps its header.
    @Test func removingItemsDropsRecordsLeftWithNoPersonsElement() {
        let reason = PackedItems.reasonBase + ElementType.prescription.code
        func item(_ v: Int64, _ code: UInt8) -> PendingItem { PendingItem(value: v, code: code, field: 0, line: Int32(v), offset: Int(v)) }
        var records = PendingRecords()
        records.append(ordinal: 0, line: 1, offset: 0, language: nil, items: [item(0, 3), item(7, reason)])
        records.append(ordinal: 1, line: 2, offset: 9, language: "en", items: [item(1, PendingItem.linkKeyCode), item(7, reason)])
        records.append(ordinal: 2, line: 3, offset: 18, language: nil, items: [item(2, 3), item(3, 4)])
        records.removeItems { $0.code == reason }
        #expect(records.count == 2)
        #expect(records[0].ordinal == 0 && records[0].items == [item(0, 3)])
        #expect(records[1].ordinal == 2 && records[1].offset == 18 && records[1].items == [item(2, 3), item(3, 4)])
        #expect(records.items.count == 3)
    }

    @Test func recordsRoundTrip() {
        func item(_ v: Int64, _ line: Int32) -> PendingItem { PendingItem(value: v, code: 3, field: 1, line: line, offset: Int(line) * 10) }
        var records = PendingRecords()
        records.append(PendingRecord(ordinal: 0, line: 2, offset: 20, language: "~et", items: [item(0, 2), item(1, 2)]))
        records.append(ordinal: 1, line: 3, offset: 30, language: nil, items: [] as [PendingItem])
        let three = [item(2, 4), item(3, 4), item(4, 5)]
        records.append(ordinal: 2, line: 4, offset: 40, language: "fi", items: three[1...])
        #expect(records.count == 3)
        #expect(records[0].items == [item(0, 2), item(1, 2)])
        #expect(records[0].language == "~et")
        #expect(records[1].items.isEmpty && records[1].language == nil && records[1].line == 3)
        #expect(records[2].items == [item(3, 4), item(4, 5)])
        #expect(records[2].ordinal == 2 && records[2].offset == 40 && records[2].language == "fi")
        #expect(records.headers.map(\.itemStart) == [0, 2, 2] && records.headers.map(\.itemEnd) == [2, 2, 4])
        #expect(records.items.count == 4)
    }
}
