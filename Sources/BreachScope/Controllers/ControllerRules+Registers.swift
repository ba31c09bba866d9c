import Foundation

extension ControllerRules {
    /// Reads every register rule's CSV file (header row required; UTF-8, UTF-16 or a detected
    /// single-byte codepage) and normalises each row's key
    /// exactly as the scanner stores the same value, so `vault.hash(kind:_:)` of an entry equals
    /// the hash of that value found in the leak:
    /// - `national_id`: `FieldScanner.scan(_, hint: .nationalID(scheme), preferCountry:)`; the
    ///   scheme is the rule's (`national_id:fi_hetu`), else the one the key column's header names
    ///   (`isikukood`), else any, ties broken by the register's majority country;
    /// - `email`: the e-mail detector (trimmed, lower-cased);
    /// - `phone`: `PhoneDetector.normalize` with `phoneCountries`, else the scanner (E.164);
    /// - `link:<ns>`: `ns` + 0 + the trimmed key (`card`: digits only when the key is a number
    ///   written with spaces or dashes), kind `.linkKey`.
    /// Rows whose key does not validate, or whose controller value is empty or ignored, are
    /// rejected with their line and a reason that never contains the value. Exact duplicate
    /// entries are dropped. Throws `ControllerRulesError` when a file cannot be read or lacks a
    /// named column.
    public func loadRegisters(phoneCountries: [String]) throws -> RegisterLoad {
        var load = RegisterLoad(entries: [], rejected: [], controllers: controllers)
        var unlisted: [String: Int] = [:]
        var seen: Set<RegisterEntry> = []
        var scanner = FieldScanner(phoneCountries: phoneCountries)
        scanner.readsOtherSchemes = false  // a register key's scheme is exact
        for (ri, rule) in rules.enumerated() {
            guard case .register(let reg) = rule.source else { continue }
            let fileName = file?.path
            guard let data = FileManager.default.contents(atPath: reg.file.path) else {
                throw ControllerRulesError(file: fileName, line: rule.line, rule: rule.id, "cannot read register file '\(reg.file.path)'")
            }
            let csv = RegisterCSV(Self.utf8(Array(data)))
            let headers = csv.header.map(FieldClassifier.normalize)
            func column(_ name: String) throws -> Int {
                guard let i = headers.firstIndex(of: FieldClassifier.normalize(name)) else {
                    throw ControllerRulesError(file: fileName, line: rule.line, rule: rule.id,
                                               "register '\(reg.file.lastPathComponent)' has no column '\(name)' (header: \(csv.header.joined(separator: ", ")))")
                }
                return i
            }
            let keyColumn = try column(reg.keyColumn)
            let controllerColumn = try reg.controllerColumn.map(column)
            var normaliser = RegisterKeyNormaliser(key: reg.key, keyHeader: reg.keyColumn, scanner: scanner, phoneCountries: phoneCountries)
            if case .nationalID = reg.key {
                normaliser.vote(csv.rows.compactMap { keyColumn < $0.fields.count ? $0.fields[keyColumn] : nil })
            }
            for row in csv.rows {
                func reject(_ reason: String) { load.rejected.append(RegisterRejection(rule: rule.id, line: row.line, reason: reason)) }
                guard keyColumn < row.fields.count, controllerColumn.map({ $0 < row.fields.count }) ?? true else {
                    reject("row has \(row.fields.count) fields, the header \(csv.header.count)")
                    continue
                }
                let keyResult = normaliser.normalise(row.fields[keyColumn])
                guard case .success(let value) = keyResult else {
                    if case .failure(let why) = keyResult { reject(why.reason) }
                    continue
                }
                let match: ControllerMatch?
                if let cc = controllerColumn {
                    match = row.fields[cc].withUnsafeBufferPointer { controller(forValue: $0, rule: ri) }
                    guard match != nil else {
                        let empty = row.fields[cc].withUnsafeBufferPointer { ControllerName.key($0) }
                        reject(empty.isEmpty || ControllerName.nullKeys.contains(empty)
                               ? "empty controller value" : "controller value names no known controller (unknown: ignore)")
                        continue
                    }
                } else {
                    match = rule.controller.map { .known($0) }
                }
                let index: Int
                switch match! {
                case .known(let i): index = i
                case .unlisted(let id, let name):
                    if let i = unlisted[id] { index = i } else {
                        index = load.controllers.count
                        load.controllers.append(Controller(id: id, name: name, unlisted: true))
                        unlisted[id] = index
                    }
                }
                let entry = RegisterEntry(kind: value.kind, value: value.bytes, controller: index, rule: ri)
                if seen.insert(entry).inserted { load.entries.append(entry) }
            }
        }
        return load
    }

    /// The register's bytes as UTF-8: UTF-16 and single-byte codepages (Windows-125x, ISO-8859-x)
    /// are detected and decoded like documents (`TextEncoding.detect`).
    static func utf8(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBufferPointer { p in
            let guess = TextEncoding.detect(p)
            guard guess.encoding != .utf8 else { return data }
            var t = Transcoder(guess.encoding)
            var out: [UInt8] = []
            out.reserveCapacity(data.count)
            t.decode(p, into: &out)
            t.finish(into: &out)
            return out
        }
    }
}

/// Why a register key was rejected (no value in it).
struct RegisterKeyError: Error { var reason: String }

/// Turns register key cells into the (kind, bytes) the scanner stores for the same value.
struct RegisterKeyNormaliser {
    let key: ControllerRule.RegisterKey
    let scanner: FieldScanner
    let phoneCountries: [String]
    /// The national-ID hint: the rule's scheme, else the one the key column's header names.
    let nationalHint: FieldHint
    /// The register's majority country among keys valid under one country only.
    private(set) var preferCountry: String?

    init(key: ControllerRule.RegisterKey, keyHeader: String, scanner: FieldScanner, phoneCountries: [String]) {
        self.key = key
        self.scanner = scanner
        self.phoneCountries = phoneCountries
        if case .nationalID(let t?) = key {
            nationalHint = .nationalID(t)
        } else if case .nationalID(let t?)? = FieldClassifier.hint(forLabel: keyHeader) {
            nationalHint = .nationalID(t)
        } else {
            nationalHint = .nationalID(nil)
        }
    }

    /// Counts, over all keys, the countries of national IDs valid under exactly one country.
    mutating func vote(_ cells: [[UInt8]]) {
        guard case .nationalID(nil) = nationalHint else { return }
        var votes: [String: Int] = [:]
        var candidates: [Finding] = []
        for cell in cells {
            guard let k = cell.withUnsafeBufferPointer({ RecordAssembler.key($0) }) else { continue }
            candidates.clear()
            k.withUnsafeBufferPointer { scanner.matchNationals($0, 0, nationalHint, &candidates) }
            let countries = Set(candidates.compactMap { $0.identifier?.country })
            if countries.count == 1 { votes[countries.first!, default: 0] += 1 }
        }
        preferCountry = votes.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key
    }

    func normalise(_ cell: [UInt8]) -> Result<(kind: ValueKind, bytes: [UInt8]), RegisterKeyError> {
        cell.withUnsafeBufferPointer { normalise($0) }
    }

    func normalise(_ cell: UnsafeBufferPointer<UInt8>) -> Result<(kind: ValueKind, bytes: [UInt8]), RegisterKeyError> {
        guard let trimmed = RecordAssembler.key(cell) else { return .failure(RegisterKeyError(reason: "empty key")) }
        switch key {
        case .nationalID:
            let found = findings(cell, hint: nationalHint).filter { $0.identifier?.isNational ?? false }
            return one(found, "not a valid national ID", "several national IDs in one key")
        case .email:
            let found = findings(cell, hint: .email).filter { $0.identifier == .email }
            return one(found, "not a valid e-mail address", "several e-mail addresses in one key")
        case .phone:
            if let e164 = PhoneDetector.normalize(cell, defaultCountries: phoneCountries) {
                return .success((.identifier(.phone), e164))
            }
            let found = findings(cell, hint: .phone).filter { $0.identifier == .phone }
            return one(found, "not a valid phone number", "several phone numbers in one key")
        case .link(let ns):
            let k = ns == "card" ? RecordAssembler.cardKey(trimmed) : trimmed
            return .success((.linkKey, Array(ns.utf8) + [0] + k))
        }
    }

    private func findings(_ cell: UnsafeBufferPointer<UInt8>, hint: FieldHint) -> [Finding] {
        var out: [Finding] = []
        scanner.scan(cell, hint: hint, preferCountry: preferCountry) { out.append($0) }
        return out
    }

    private func one(_ found: [Finding], _ none: String, _ several: String) -> Result<(kind: ValueKind, bytes: [UInt8]), RegisterKeyError> {
        guard let f = found.first, let t = f.identifier else { return .failure(RegisterKeyError(reason: none)) }
        if found.contains(where: { $0.value != f.value }) { return .failure(RegisterKeyError(reason: several)) }
        return .success((.identifier(t), f.value))
    }
}
