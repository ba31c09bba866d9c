import Foundation

/// Builds the persons' packed fields (values, exposures, attributions, reasons, language) for a
/// run of persons, into one byte buffer per run. The resolver packs runs on all cores in person
/// order (whose records and values lie close together in memory: few cache misses), then steps
/// the INSERTs in person-id order from the packed bytes.
struct PersonPacker: Sendable {
    /// Packed rows of one run: per person the end offsets of its four blobs in `bytes` and its
    /// language (see `PersonPacker.languageText`).
    struct Packed: Sendable {
        var bytes: [UInt8] = []
        var ends: [Int32] = []       // 4 per person: values, exposures, attributions, reasons
        var languages: [Int16] = []
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

    /// Language codes in `Packed.languages`: 0 none, 1… an interned record language, 1000 + kind
    /// the language of a national ID's country.
    func languageText(_ code: Int16) -> String? {
        code >= 1000 ? countryLanguage[Int(code) - 1000] : code > 0 ? languageOut[Int(code)] : nil
    }

    func pack(_ rows: Range<Int>) -> Packed {
        var out = Packed()
        out.ends.reserveCapacity(rows.count * 4)
        out.languages.reserveCapacity(rows.count)
        out.bytes.reserveCapacity(rows.count * 32)
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
            rowIDList.removeAll(keepingCapacity: true)
            unique.removeAll(keepingCapacity: true)
            exposureKeys.removeAll(keepingCapacity: true)   // element << 48 | document, one per occurrence
            exposures.removeAll(keepingCapacity: true)
            attributions.removeAll(keepingCapacity: true)
            reasons.removeAll(keepingCapacity: true)
            documents.removeAll(keepingCapacity: true)
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
            if attributions.count > 1 { attributions.sort(); Resolver.uniq(&attributions) }
            if reasons.count > 1 { reasons.sort(); Resolver.uniq(&reasons) }
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
                touched.removeAll(keepingCapacity: true)
            }
            out.languages.append(chosen != 0 ? Int16(chosen) : fallbackKind < 64 ? Int16(1000 + fallbackKind) : 0)
            if exposureKeys.count > 1 { exposureKeys.sort() }
            for k in exposureKeys {
                if let last = exposures.last, UInt64(last.element) << 48 | UInt64(last.document) == k {
                    exposures[exposures.count - 1].occurrences += 1
                } else {
                    exposures.append(StoredPerson.Exposure(element: UInt8(k >> 48), document: Int64(k & 0xFFFF_FFFF_FFFF), occurrences: 1))
                }
            }
            StoredPerson.packValues(unique, into: &out.bytes)
            out.ends.append(Int32(out.bytes.count))
            StoredPerson.packExposures(exposures, into: &out.bytes)
            out.ends.append(Int32(out.bytes.count))
            StoredPerson.packTriples(attributions, into: &out.bytes)
            out.ends.append(Int32(out.bytes.count))
            StoredPerson.packTriples(reasons, into: &out.bytes)
            out.ends.append(Int32(out.bytes.count))
        }
        return out
    }
}

/// Packed runs written by `concurrentPerform` iterations (each its own slot).
final class PackedSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [PersonPacker.Packed?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func put(_ i: Int, _ packed: PersonPacker.Packed) {
        lock.lock()
        slots[i] = packed
        lock.unlock()
    }

    /// Takes run `i` out (nil if it was never put).
    func take(_ i: Int) -> PersonPacker.Packed? {
        lock.lock()
        defer { lock.unlock() }
        let p = slots[i]
        slots[i] = nil
        return p
    }
}
