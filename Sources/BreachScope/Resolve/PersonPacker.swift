import Foundation

/// Builds the persons as stored (`PersonBoxes` entries: pid, language, flags, values, exposures,
/// attributions, reasons). The resolver packs runs of persons on all cores in person order (whose
/// records and values lie close together in memory: few cache misses), then gathers the entries
/// into boxes in person-id order on all cores (`boxes`), and only steps the INSERTs itself.
struct PersonPacker: Sendable {
    /// Where the packed entries are: person `p` is entry `p % size` of run `p / size`, whose
    /// bytes start at `starts[p / size]`; its entry ends at `ends[p]` in them and starts where
    /// the run's previous entry ends (0 for the first).
    struct Runs: @unchecked Sendable {
        let starts: [UnsafeRawPointer]
        let ends: UnsafePointer<Int>
        let size: Int

        @inline(__always) func entry(_ p: Int) -> UnsafeRawBufferPointer {
            let from = p % size == 0 ? 0 : ends[p - 1]
            return UnsafeRawBufferPointer(start: starts[p / size] + from, count: ends[p] - from)
        }
    }

    /// Boxes of persons: box `b` is `bytes[boxEnds[b - 1] ..< boxEnds[b]]` (from 0 for the first),
    /// `boxCounts[b]` persons.
    struct Boxes: Sendable {
        var bytes: OwnedBytes
        var boxEnds: [Int] = []
        var boxCounts: [Int] = []
    }

    let recs: RecordTable
    let persons: PersonTable
    let kinds: [UInt16]
    let hashes: [ValueHash]
    let rowIDs: [Int64]
    let register: [ValueHash: [ScopeInputs.Attribution]]
    let defaultAttribution: ScopeInputs.Attribution?
    /// Per document id: attributions from path rules, categories of its person-less records.
    let documentAttributions: [[ScopeInputs.Attribution]?]
    let documentReasons: [[RecordTable.ReasonItem]?]
    /// Per interned language: output text (`~` dropped), explicit or guessed, order of the codes.
    let languageOut: [String?]
    let languageExplicit: [Bool]
    let languageRank: [Int]
    /// Per identifier kind (0..<64): the language of its country.
    let countryLanguage: [String?]

    /// A person's language code (chosen in `pack`): 0 none, 1… an interned record language, 1000 + kind
    /// the language of a national ID's country.
    func languageText(_ code: Int16) -> String? {
        code >= 1000 ? countryLanguage[Int(code) - 1000] : code > 0 ? languageOut[Int(code)] : nil
    }

    /// Packs the entries of persons `rows` (one run), setting where each ends in `ends`; `keys`
    /// are all persons' person-id keys.
    func pack(_ rows: Range<Int>, keys: [UInt64], ends: SharedBuffer<Int>) -> OwnedBytes {
        var out = ByteWriter(capacity: rows.count * 64)
        let pidText = UnsafeMutablePointer<UInt8>.allocate(capacity: 18)
        defer { pidText.deallocate() }
        var rowIDList: [Int64] = [], unique: [Int64] = [], exposureKeys: [UInt64] = []
        var exposures: [StoredPerson.Exposure] = []
        var attributions: [StoredPerson.Triple] = [], reasons: [StoredPerson.Triple] = []
        var documents: [Int64] = []
        var languageCounts = [Int](repeating: 0, count: languageOut.count)
        var touched: [Int] = []
        let documentSlots = documentAttributions.count
        let registerEmpty = register.isEmpty
        let values = recs.values, valueStarts = recs.valueStarts
        for pi in rows {
            rowIDList.clear()
            unique.clear()
            exposureKeys.clear()   // element << 48 | document, one per occurrence
            exposures.clear()
            attributions.clear()
            reasons.clear()
            documents.clear()
            var fallbackKind = Int.max   // smallest identifier kind with a country language
            let range = persons.recordRange(pi)
            for ri in range {
                let i = Int(persons.records[ri])
                let document = recs.documents[i]
                documents.append(document)
                for k in Int(valueStarts[i])..<Int(valueStarts[i + 1]) {
                    let v = Int(values[k])
                    rowIDList.append(rowIDs[v])
                    let kind = Int(kinds[v])
                    if kind < 64 && kind < fallbackKind && countryLanguage[kind] != nil { fallbackKind = kind }
                    if !registerEmpty, let list = register[hashes[v]] {
                        for a in list { attributions.append(.init(what: a.controller, rule: a.rule, document: document)) }
                    }
                }
                for x in recs.attributionRange(i) {
                    let a = recs.attributions[x]
                    attributions.append(.init(what: a.controller, rule: a.rule, document: document))
                }
                for x in recs.reasonRange(i) {
                    let r = recs.reasons[x]
                    reasons.append(.init(what: Int64(r.category), rule: r.rule, document: document))
                }
                var mask = recs.elements[i]
                while mask != 0 {
                    let e = UInt64(mask.trailingZeroBitCount)
                    exposureKeys.append(e << 48 | UInt64(document))
                    mask &= mask - 1
                }
            }
            if documents.count > 1 { documents.sort() }
            var lastDocument: Int64 = -1
            for d in documents where d != lastDocument {
                lastDocument = d
                guard d >= 0 && d < documentSlots else { continue }
                if let list = documentAttributions[Int(d)] {
                    for a in list { attributions.append(.init(what: a.controller, rule: a.rule, document: d)) }
                }
                if let list = documentReasons[Int(d)] {
                    for r in list {
                        reasons.append(.init(what: Int64(r.category), rule: r.rule, document: d))
                        exposureKeys.append(UInt64(r.category) << 48 | UInt64(d))
                    }
                }
            }
            if attributions.isEmpty, let a = defaultAttribution, let d = documents.first {
                attributions.append(.init(what: a.controller, rule: a.rule, document: d))
            }
            if attributions.count > 1 { attributions.sort(); attributions.removeRepeatedNeighbours() }
            if reasons.count > 1 { reasons.sort(); reasons.removeRepeatedNeighbours() }
            if rowIDList.count > 1 { rowIDList.sort() }
            for v in rowIDList where unique.last != v { unique.append(v) }
            var chosen = 0
            if range.count == 1 {
                chosen = Int(recs.languages[Int(persons.records[range.lowerBound])])
            } else {
                // Explicit languages (a language column) outrank guesses (marked `~`);
                // the most frequent wins, ties to the smallest code.
                var anyExplicit = false
                for ri in range {
                    let l = Int(recs.languages[Int(persons.records[ri])])
                    guard l != 0 else { continue }
                    if languageCounts[l] == 0 { touched.append(l) }
                    languageCounts[l] += 1
                    if languageExplicit[l] { anyExplicit = true }
                }
                for l in touched where !anyExplicit || languageExplicit[l] {
                    if chosen == 0 || languageCounts[l] > languageCounts[chosen]
                        || (languageCounts[l] == languageCounts[chosen] && languageRank[l] < languageRank[chosen]) { chosen = l }
                }
                for l in touched { languageCounts[l] = 0 }
                touched.clear()
            }
            let language: Int16 = chosen != 0 ? Int16(chosen) : fallbackKind < 64 ? Int16(1000 + fallbackKind) : 0
            if exposureKeys.count > 1 { exposureKeys.sort() }
            for k in exposureKeys {
                if let last = exposures.last, UInt64(last.element) << 48 | UInt64(last.document) == k {
                    exposures[exposures.count - 1].occurrences += 1
                } else {
                    exposures.append(StoredPerson.Exposure(element: UInt8(k >> 48), document: Int64(k & 0xFFFF_FFFF_FFFF), occurrences: 1))
                }
            }
            Vault.formatPersonID(keys[pi], into: pidText)
            PersonBoxes.appendHeader(pid: UnsafeRawBufferPointer(start: pidText, count: 18), language: languageText(language),
                                     flags: persons.flags[pi], to: &out)
            PersonBoxes.appendFields(values: unique, exposures: exposures, attributions: attributions, reasons: reasons, to: &out)
            ends.set(pi, out.count)
        }
        return out.take()
    }
}

extension PersonPacker {
    /// Gathers the entries of persons `rows` (in this order) into boxes of `PersonBoxes.capacity`.
    static func boxes(_ rows: ArraySlice<(key: UInt64, person: Int32)>, runs: Runs) -> Boxes {
        var bytes = ByteWriter(capacity: rows.count * 64)
        var boxEnds: [Int] = [], boxCounts: [Int] = []
        var inBox = 0
        for row in rows {
            bytes.put(bytes: runs.entry(Int(row.person)))
            inBox += 1
            if inBox == PersonBoxes.capacity {
                boxEnds.append(bytes.count); boxCounts.append(inBox); inBox = 0
            }
        }
        if inBox > 0 { boxEnds.append(bytes.count); boxCounts.append(inBox) }
        return Boxes(bytes: bytes.take(), boxEnds: boxEnds, boxCounts: boxCounts)
    }
}

/// Results written by `concurrentPerform` iterations (each its own slot).
final class Slots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func put(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    /// Takes slot `i`'s value out (nil if it was never put).
    func take(_ i: Int) -> T? {
        lock.lock()
        defer { lock.unlock() }
        let p = slots[i]
        slots[i] = nil
        return p
    }
}
