import Testing
@testable import BreachScope
import BreachScopeTesting

@Suite struct NationalIDsTests {
    static let types = IdentifierType.allCases.filter(\.isNational)

    /// 2,000 generated values per type match with the hint-free rules (SSN with its hint),
    /// normalise to a value that validates, and encode a 1930–2015 birth date where they encode
    /// one; their `corruptCheck` copies never match (except DK CPR and US SSN, which carry no
    /// check digit).
    @Test(arguments: types)
    func generatedValuesRoundTrip(_ type: IdentifierType) throws {
        var rng = SeededRNG(seed: 0xB5EED + UInt64(type.code))
        let d = try #require(NationalIDs.detector(for: type))
        let hint: FieldHint = type == .usSsn ? .nationalID(.usSsn) : .none
        var misses = 0, invalid = 0, badDates = 0, corruptHits = 0
        for _ in 0..<2000 {
            let v = Synthetic.nationalID(type, using: &rng)
            if let f = DetectorTest.match(d, v, hint: hint), f.length == v.utf8.count, f.identifier == type,
                DetectorTest.match(d, v, hint: .nationalID(type)) != nil
            {
                if !NationalIDs.validate(type, f.value) { invalid += 1 }
                if let b = NationalIDs.birthDate(of: type, f.value), !(1930...2015).contains(b.year) { badDates += 1 }
            } else {
                misses += 1
            }
            if type != .dkCpr && type != .usSsn, DetectorTest.match(d, Synthetic.corruptCheck(v), hint: hint) != nil {
                corruptHits += 1
            }
        }
        #expect(misses == 0)
        #expect(invalid == 0)
        #expect(badDates == 0)
        #expect(corruptHits == 0)
    }

    @Test func generationIsDeterministic() {
        var a = SeededRNG(seed: 1), b = SeededRNG(seed: 1), c = SeededRNG(seed: 2)
        let x = (0..<20).map { _ in Synthetic.nationalID(.fiHetu, using: &a) }
        let y = (0..<20).map { _ in Synthetic.nationalID(.fiHetu, using: &b) }
        let z = (0..<20).map { _ in Synthetic.nationalID(.fiHetu, using: &c) }
        #expect(x == y)
        #expect(x != z)
    }

    @Test func corruptCheckChangesOnlyTheCheckCharacter() {
        #expect(Synthetic.corruptCheck("131052-308T") == "131052-308U")
        #expect(Synthetic.corruptCheck("131052-308Y") == "131052-3080")
        #expect(Synthetic.corruptCheck("943 476 5919") == "943 476 5910")
        #expect(Synthetic.corruptCheck("38001085718") == "38001085719")
    }

    @Test func everyNationalTypeHasOneDetectorInTheList() {
        let listed = Set(NationalIDs.all.map { String(describing: type(of: $0)) })
        let byType = Set(Self.types.compactMap { NationalIDs.detector(for: $0) }.map { String(describing: type(of: $0)) })
        #expect(listed == byType)
        #expect(NationalIDs.all.count == Self.types.count)
        #expect(NationalIDs.all.allSatisfy { $0.element == .nationalID && $0.triggers == .digit })
        #expect(NationalIDs.detector(for: .email) == nil)
    }

    @Test func birthDateDispatch() {
        #expect(DetectorTest.date(NationalIDs.birthDate(of: .eeIsikukood, Array("38001085718".utf8))) == "1980-01-08")
        #expect(DetectorTest.date(NationalIDs.birthDate(of: .fiHetu, Array("131052-308T".utf8))) == "1952-10-13")
        #expect(NationalIDs.birthDate(of: .ukNhsNumber, Array("9434765919".utf8)) == nil)
        #expect(NationalIDs.birthDate(of: .email, Array("a@b.ee".utf8)) == nil)
    }

    @Test func nonPersonalHintSilencesEveryDetector() {
        for (d, v) in zip(NationalIDs.all, [
            "15076500565", "131052-308T", "38001085718", "49403136526", "120386-12343", "02270803624",
            "811218-9876", "943 476 5919", "020387-1234", "512-34-6789",
        ]) {
            #expect(DetectorTest.match(d, v, hint: d is SSNDetector ? .nationalID(.usSsn) : .none) != nil)
            #expect(DetectorTest.match(d, v, hint: .nonPersonal) == nil)
        }
    }
}
