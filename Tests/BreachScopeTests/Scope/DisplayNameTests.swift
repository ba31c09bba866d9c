import Testing
@testable import BreachScope

/// The name shown for a person written several ways (`persons`, the review queue).
@Suite struct DisplayNameTests {
    @Test func formWritingBeatsCapitalsThenMoreWordsThenMoreLettersThenByteOrder() {
        #expect(PersonExport.displayName([]) == nil)
        #expect(PersonExport.displayName(["MAZUR AGNIESZKA", "Agnieszka Mazur"]) == "Agnieszka Mazur")
        #expect(PersonExport.displayName(["Agnieszka Mazur", "MAZUR AGNIESZKA"]) == "Agnieszka Mazur")
        #expect(PersonExport.displayName(["Mazur", "Agnieszka Maria Mazur", "Agnieszka Mazur"]) == "Agnieszka Maria Mazur")
        #expect(PersonExport.displayName(["Pirjo Räsänen", "Räsänen Pirjo"]) == "Pirjo Räsänen")
        #expect(PersonExport.displayName(["ПЕТРОВ ИВАН", "Иван Петров"]) == "Иван Петров")
        // Every order of the same names gives the same one.
        let names = ["RÄSÄNEN PIRJO", "Räsänen Pirjo", "Pirjo Räsänen", "P. Räsänen", "Räsänen"]
        var seen = Set<String>()
        for k in 0..<names.count {
            seen.insert(PersonExport.displayName(Array(names[k...] + names[..<k]))!)
            seen.insert(PersonExport.displayName(Array((names[k...] + names[..<k]).reversed()))!)
        }
        #expect(seen == ["Pirjo Räsänen"])
    }
}
