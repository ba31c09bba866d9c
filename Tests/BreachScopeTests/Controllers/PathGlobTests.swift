import Testing
@testable import BreachScope

@Suite struct PathGlobTests {
    static let table: [(String, String, Bool)] = [
        // pattern, name, matches
        ("exports/tartu/**", "exports/tartu/a.csv", true),
        ("exports/tartu/**", "exports/tartu/2023/05/a.csv", true),
        ("exports/tartu/**", "exports/tallinn/a.csv", false),
        ("exports/tartu/**", "other/exports/tartu/a.csv", false),       // anchored at the root
        ("**/*_TYK_*.csv", "a_TYK_b.csv", true),                         // ** matches no segment
        ("**/*_TYK_*.csv", "deep/er/x_TYK_2023.csv", true),
        ("**/*_TYK_*.csv", "deep/x_TYK_2023.csv.bak", false),
        ("**/*_TYK_*.csv", "deep/x_tyk_2023.csv", false),                // case-sensitive
        ("*_TYK_*.csv", "deep/x_TYK_2023.csv", true),                    // no `/`: any depth
        ("*.csv", "dir/sub/file.txt", false),
        ("exports/*.csv", "exports/a.csv", true),
        ("exports/*.csv", "exports/sub/a.csv", false),                   // `*` stays in one segment
        ("exports/?.csv", "exports/a.csv", true),
        ("exports/?.csv", "exports/ab.csv", false),
        ("exports/[abc]*.csv", "exports/b1.csv", true),
        ("exports/[abc]*.csv", "exports/d1.csv", false),
        ("exports/[!abc]*.csv", "exports/d1.csv", true),
        ("exports/[a-c]?.csv", "exports/c9.csv", true),
        ("exports/[a-c]?.csv", "exports/x9.csv", false),
        ("exports/\\*.csv", "exports/*.csv", true),
        ("exports/\\*.csv", "exports/a.csv", false),
        ("exports/ä*.csv", "exports/äö.csv", true),                      // `*`/`?` count characters
        ("exports/?ö.csv", "exports/äö.csv", true),
        // Archive members: `!/` is a separator; a pattern naming an archive covers its members.
        ("backup.zip!/hr/**", "backup.zip!/hr/staff.csv", true),
        ("backup.zip/hr/*.csv", "backup.zip!/hr/staff.csv", true),
        ("**/tartu/*.csv", "outer.zip!/x/inner.tar.gz!/tartu/a.csv", true),
        ("**/inner.tar.gz", "outer.zip!/x/inner.tar.gz!/tartu/a.csv", true),
        ("exports/tartu.zip", "exports/tartu.zip!/a.csv", true),
        ("exports/tartu.zip", "exports/tartu.zip", true),
        ("exports/tartu", "exports/tartu/a.csv", false),                 // a folder needs `/**`
        ("**/*.csv", "outer.zip!/x/inner.tar.gz!/tartu/a.csv", true),
        ("*.zip", "outer.zip!/a.csv", true),
        ("exports\\tartu/**", "exports/tartu/a.csv", false),             // `\` escapes in patterns
        ("exports/tartu/**", "exports\\tartu\\a.csv", true),             // Windows separators in names
        ("./exports/*.csv", "./exports/a.csv", true),
    ]

    @Test func globs() {
        for (pattern, name, expected) in Self.table {
            #expect(PathGlob(pattern).matches(name) == expected, "\(pattern) vs \(name)")
        }
    }
}
