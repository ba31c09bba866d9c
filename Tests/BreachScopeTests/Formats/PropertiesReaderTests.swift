import Testing
@testable import BreachScope
import BreachScopeTesting

/// A Java `.properties` till cache: an entity's scattered keys (`card.<number>.<field>`) are one
/// record, `\uXXXX` and `\:` decoded; other keys are records of their own; comments are skipped.
@Suite struct PropertiesReaderTests {
    @Test func anEntitysKeysAreOneRecord() {
        let text = """
            #Offline loyalty cache - do not edit
            card.2900911000473.favourites=Kurgupastillid N24
            card.2900714994948.tel=5265 5083
            card.2900911000473.owner=Evelin V\\u00E4li
            card.2900911000473.lastVisit=2023-09-13T16\\:24\\:00
            sync.lastOk=2023-09-18T01\\:00\\:12
            card.2900911000473.ik=49501131969
            store.phone=+372 640 1234
            support.email=kassa\\
                tugi@example.com
            """
        let doc = Array(text.utf8)
        #expect(doc.withUnsafeBufferPointer { DocumentFormat.detect(path: "loyalty-offline.properties", prefix: $0) } == .properties)
        let classify: @Sendable (String) -> FieldHint? = { label in
            switch label {
            case "card": return .loyaltyCard
            case "ik": return .nationalID(nil)
            case "tel": return .phone
            case "support.email": return .email
            default: return nil
            }
        }
        let whole = readDocument(PropertiesReader(classify: classify), doc)
        #expect(whole.error == nil)
        for size in [1, 7, 64] {
            #expect(readDocument(PropertiesReader(classify: classify), doc, chunkSize: size).visitor.events == whole.visitor.events, "chunk size \(size)")
        }
        #expect(whole.visitor.recordStrings == [
            "-=2023-09-18T01:00:12",
            "-=+372 640 1234",
            "support.email=kassatugi@example.com",
            "card=2900911000473|-=Kurgupastillid N24|card.owner=Evelin Väli|-=2023-09-13T16:24:00|card.ik=49501131969",
            "card=2900714994948|card.tel=5265 5083",
        ], "\(whole.visitor.recordStrings)")
    }
}
