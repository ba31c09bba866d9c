import Testing
@testable import BreachScope

@Suite struct ScanScopeTests {
    /// A column of ordering doctors can name far more than 32,767 controllers: an attribution to
    /// controller row 40,000 (and beyond) is carried, and unpacks as the resolver reads it.
    @Test func attributionsCarryControllerRowsBeyond16Bits() throws {
        let vault = Vault(master: try MasterKey(hex: String(repeating: "42", count: 32)))
        for next: Int64 in [2, 32_767, 40_000, 5_000_000] {
            let scope = ScanScope(controllers: nil, controllerRuleRows: [7], listedRows: [], unlisted: [:], nextID: next, vault: vault)
            let a = try #require(scope.attribution(.unlisted(id: "dr-tamm", name: "Dr. Tamm"), rule: 0))
            #expect(a.new?.id == next)
            #expect(a.value >> 16 == next)
            #expect(a.value & 0xFFFF == 7)
            // The same unlisted controller again: same row, nothing new.
            let again = try #require(scope.attribution(.unlisted(id: "dr-tamm", name: "Dr Tamm"), rule: 0))
            #expect(again.value == a.value)
            #expect(again.new == nil)
        }
    }
}
