import Testing
@testable import BreachScope

@Suite struct MarkupDetectionTests {
    @Test(arguments: [
        ("a.rtf", "{\\rtf1\\ansi hello}", DocumentFormat.rtf),
        ("renamed.txt", "  {\\rtf1 hello}", .rtf),
        ("a.html", "<p>hello</p>", .html),
        ("a.htm", "hello", .html),
        ("renamed.dat", "<!DOCTYPE html>\n<html><body>x</body></html>", .html),
        ("renamed.txt", "<!doctype HTML><p>x", .html),
        ("noext", "<html lang=et><p>x", .html),
        ("page.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", .html),
        ("page.xml", "<?xml version=\"1.0\"?><!-- c --><html xmlns=\"http://www.w3.org/1999/xhtml\"/>", .html),
        ("data.xml", "<patients><patient/></patients>", .xml),
        ("data.log", "<?xml version=\"1.0\" encoding=\"utf-8\"?><patients/>", .xml),
        ("data.csv", "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY a \"b\">]><p/>", .xml),
        ("notes.txt", "<htmlish> text", .text),
        ("notes.txt", "<?xmlfoo", .text),
    ])
    func detectsMarkupByContent(_ path: String, _ content: String, _ expected: DocumentFormat) {
        let found = Array(content.utf8).withUnsafeBufferPointer { DocumentFormat.detect(path: path, prefix: $0) }
        #expect(found == expected, "\(path)")
    }
}
