import Foundation
import Yams

/// The data categories the breached system held, from a YAML file (`held: [national_id, …]` or a
/// plain list), for the "what was not exposed" statement.
public enum HeldCategories {
    struct File: Decodable { var held: [String] }

    public static func load(_ url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        if let f = try? YAMLDecoder().decode(File.self, from: text) { return f.held }
        if let list = try? YAMLDecoder().decode([String].self, from: text) { return list }
        throw ScopeError.badFile(url.lastPathComponent, "expected `held: [national_id, name, …]` or a YAML list of element names")
    }
}
