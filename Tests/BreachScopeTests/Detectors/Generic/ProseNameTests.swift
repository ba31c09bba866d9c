import Testing
@testable import BreachScope

private func prose(_ s: String) -> String? {
    Array(s.utf8).withUnsafeBufferPointer { ProseName.find($0) }.map { String(decoding: $0.name, as: UTF8.self) }
}

@Suite struct ProseNameTests {
    /// Fictitious names after customer and patient words, in the supported languages.
    @Test(arguments: [
        ("Asiakkaan Marjatta Mäkelä (hetu 111229-264S) osoite on muuttunut.", "Marjatta Mäkelä"),
        ("Asiakkaan Anna-Liisa Räsänen osoite on muuttunut.", "Anna-Liisa Räsänen"),
        ("Potilas Matti Meikäläinen soitti aamulla.", "Matti Meikäläinen"),
        ("Asiakkaan rouva Aili Koskinen tilaus", "Aili Koskinen"),
        ("Kunden Rolf Nyström (personbeteckning 150693-693V) har flyttat.", "Rolf Nyström"),
        ("The customer Jane Q Doe called about her order.", "Jane Q Doe"),
        ("Mrs. Jane Doe, 12 High Street", "Jane Doe"),
        ("Kliendi Mari-Liis Maasikas aadress muutus.", "Mari-Liis Maasikas"),
        ("Pacjentka Anna Nowak-Kowalska zgłosiła zmianę.", "Anna Nowak-Kowalska"),
        ("Клиент Иван Петров сообщил новый адрес.", "Иван Петров"),
        ("Pacienta Jānis Bērziņš adrese mainījusies.", "Jānis Bērziņš"),
        ("Pacientė Žydrūnė Vaitkevičiūtė persikėlė.", "Žydrūnė Vaitkevičiūtė"),
        ("Sehr geehrte Frau Anna Schmidt,", "Anna Schmidt"),
        ("asiakas Seán O'Brien muutti", "Seán O'Brien"),
        // a form's signer between commas after a first-person pronoun
        ("Mina, Sophie Ward, isikukood 47407221512, annan nõusoleku.", "Sophie Ward"),
        // or before the bracket of their code (a consent: `Я, Jekaterina Ivanova (личный код …)`)
        ("Я, Jekaterina Ivanova (личный код 47806160739), дата рождения 16.06.1978, подтверждаю", "Jekaterina Ivanova"),
        ("Minä, Matti Virtanen, henkilötunnus 131052-308T, suostun.", "Matti Virtanen"),
        ("I, John Q Smith, hereby consent to the test.", "John Q Smith"),
        ("Я, Ирина Волкова, даю согласие.", "Ирина Волкова"),
        ("Ja, Anna Nowak, wyrażam zgodę.", "Anna Nowak"),
        // people giving their own name
        ("Dzień dobry, nazywam się Krzysztof Gołębiowski. Dostałem SMS o wycieku danych.", "Krzysztof Gołębiowski"),
        ("Hei, nimeni on Hilkka Äijälä ja soitan tilauksesta.", "Hilkka Äijälä"),
        ("Soittaja: Hei, tässä Leena Hakala. Odotan tuotetta Kuulokojeen paristo 13.", "Leena Hakala"),
        ("Hej, jag heter Ingegerd Sjöberg.", "Ingegerd Sjöberg"),
        ("Hello, my name is Carol Haddad and I never got my refill.", "Carol Haddad"),
        ("Здравствуйте, меня зовут Ирина Волкова.", "Ирина Волкова"),
    ])
    func found(text: String, expected: String) {
        #expect(prose(text) == expected)
    }

    @Test(arguments: [
        "Asiakkaan osoite on muuttunut.",                 // no name
        "Potilas Mäkelä soitti.",                          // one word: a surname or anything
        "Customer Service Team: call 0800 123 456",        // not-name words
        "Asiakas. Tämä on testi.",                          // a sentence ends after the role word
        "Asiakasnumero 12345 on poistettu.",              // a compound, not the role word
        "Kunden har flyttat till Stockholm Nord.",        // lower-case word after the role word
        "Marjatta Mäkelä (hetu 111229-264S) muutti.",     // no role word: prose names are not read
        "Patient ID 123456 seen by Dr Jane Doe",          // `ID` is no name word
        "Kunde Apteek Kesklinn",                           // an organisation
        "Klient  Jan  Kowalski",                           // double spaces: no name run
        "user=jane@example.com client Mozilla Firefox",   // an HTTP client, not a customer
        "Mina, Sophie Ward ja Jaan Tamm",                  // no comma after the name: not a signer
        "Ja, Stockholm Nord är bra.",                      // a sentence, not a signer between commas
    ])
    func notFound(text: String) {
        #expect(prose(text) == nil)
    }

    @Test func offsetPointsAtTheName() {
        let text = "Hei, asiakkaan Marjatta Mäkelä osoite."
        let hit = Array(text.utf8).withUnsafeBufferPointer { ProseName.find($0) }
        #expect(hit?.offset == Array("Hei, asiakkaan ".utf8).count)
    }
}
