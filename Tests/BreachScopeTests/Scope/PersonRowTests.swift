import Foundation
import Testing
@testable import BreachScope

@Suite struct PersonRowTests {
    @Test func jsonLineKeepsSchemaOrderAndEscapes() throws {
        let row = PersonRow(person: "p_1", identifiers: [.init(type: "email", value: "a\"b@example.ee")], name: "Mari \\ \u{1}Maasikas",
                            elements: ["national_id", "name"], controllers: ["Allium UPI"], documents: ["a/b.csv"], batches: ["batch1"], language: "et")
        let line = row.jsonLine
        #expect(line.hasPrefix("{\"person\":\"p_1\",\"identifiers\":[{\"type\":\"email\""))
        let back = try JSONDecoder().decode(PersonRow.self, from: Data(line.utf8))
        #expect(back == row)
        var noName = row
        noName.name = nil
        noName.language = nil
        #expect(!noName.jsonLine.contains("\"name\":"))
        #expect(try JSONDecoder().decode(PersonRow.self, from: Data(noName.jsonLine.utf8)) == noName)
    }
}
