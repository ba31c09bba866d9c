import BreachScope
import BreachScopeTesting
import Foundation
import Testing

/// End to end: a pg_dump (`COPY` block) and a mysqldump (multi-row `INSERT`) are scanned and the
/// people in their tables are found, each dump shown as `[sql, utf-8]`.
@Suite struct SQLDumpScanTests {
    @Test func dumpedTablesPeopleAreFound() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("bs-sql-e2e-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }

        var rng = SeededRNG(seed: 3306)
        let names = [("Kadri", "Testkask"), ("Jaan", "Näidissaar"), ("Liis", "Proovimägi"), ("Peeter", "Testsepp"), ("Maria", "Näidisoja")]
        let people = names.map { (first, last) in
            (id: Synthetic.nationalID(.eeIsikukood, using: &rng), name: "\(first) \(last)", email: Synthetic.email(first: first, last: last, using: &rng))
        }
        let pg = """
        --
        -- PostgreSQL database dump
        --

        SET standard_conforming_strings = on;

        CREATE TABLE public.customers (
            id integer NOT NULL,
            isikukood character varying(11),
            nimi text,
            email text
        );

        COPY public.customers (id, isikukood, nimi, email) FROM stdin;
        \(people.prefix(3).enumerated().map { "\($0.offset + 1)\t\($0.element.id)\t\($0.element.name)\t\($0.element.email)" }.joined(separator: "\n"))
        \\.

        """
        let my = """
        -- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
        /*!40101 SET NAMES utf8mb4 */;
        CREATE TABLE `orders` (
          `id` int NOT NULL AUTO_INCREMENT,
          `isikukood` varchar(11) DEFAULT NULL,
          `name` varchar(100) DEFAULT NULL,
          `email` varchar(100) DEFAULT NULL,
          PRIMARY KEY (`id`)
        ) ENGINE=InnoDB;
        INSERT INTO `orders` VALUES \(people.suffix(2).enumerated().map { "(\($0.offset + 1),'\($0.element.id)','\($0.element.name)','\($0.element.email)')" }.joined(separator: ","));

        """
        try Data(pg.utf8).write(to: dir.appendingPathComponent("customers.sql"))
        try Data(my.utf8).write(to: dir.appendingPathComponent("shop.sql"))

        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        defer { try? fm.removeItem(at: cli.workspace) }
        let scan = try cli.run(["scan", dir.path, "--quiet"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let status = try cli.run(["status", "--all"]).stdout
        #expect(status.contains("customers.sql  [sql, utf-8]"), "\(status)")
        #expect(status.contains("shop.sql  [sql, utf-8]"), "\(status)")
        let revealed = try cli.run(["persons", "--reveal"]).stdout
        #expect(revealed.split(separator: "\n").count == people.count, "\(revealed)")
        for p in people {
            #expect(revealed.contains("\"value\":\"\(p.id)\""), "\(p.id)")
            #expect(revealed.contains(p.email.lowercased()), "\(p.email)")
            #expect(revealed.contains(p.name), "\(p.name)")
        }
    }
}
