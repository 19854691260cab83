/// The themes generated contributions are about: each with its own titles, sentences and proposals,
/// so that a generated text reads as one person's concern, and with the measure the office would
/// make of it, so that the demo links measures to sources on the same theme.
///
/// Placeholders: `{in}` is "in Plauen" or "im Vogtlandkreis", `{In}` the same at a sentence's start,
/// `{für}` "für Plauen" or "für den Vogtlandkreis".
public struct SampleTheme: Sendable {
    public var field: String
    /// A word every contribution of the theme carries in its title (the demo finds sources by it).
    public var keyword: String
    var challenge: String
    var potential: String
    var idea: String
    var projectIdea: String
    public var situations: [String]
    public var proposals: [String]
    /// What the office makes of it: a measure's title, goal and indicator.
    public var measure: String
    public var goal: String
    public var indicator: String

    public static let all: [SampleTheme] = economy + science + infrastructure + education + services

    public static func of(field: String) -> [SampleTheme] {
        let themes = all.filter { $0.field == field }
        return themes.isEmpty ? all : themes
    }

    static let economy: [SampleTheme] = [
        .init(field: "wirtschaft", keyword: "Zulieferer",
              challenge: "Zulieferer der Autoindustrie {in} verlieren Aufträge", potential: "Erfahrene Zulieferer {in} als Stärke",
              idea: "Zulieferer {in} für neue Märkte öffnen", projectIdea: "Projektidee: Transformationsberatung für Zulieferer {in}",
              situations: ["Seit der Umstellung auf Elektroantriebe brechen bei den Zulieferern {in} ganze Auftragslinien weg.",
                           "Viele Betriebe haben zwanzig bis fünfzig Beschäftigte und keine eigene Entwicklungsabteilung."],
              proposals: ["Eine gemeinsame Beratungsstelle der Kammern könnte Betrieben helfen, ihre Fertigung auf neue Produkte umzustellen.",
                          "Ein Netzwerk mit den Hochschulen würde Prototypen für Medizintechnik oder Schienenfahrzeuge möglich machen."],
              measure: "Transformationsnetzwerk für die Automobilzulieferer",
              goal: "Zulieferbetriebe erschließen neue Märkte, bevor die alten Aufträge auslaufen.",
              indicator: "Beratene Zulieferbetriebe"),
        .init(field: "wirtschaft", keyword: "Handwerksbetriebe",
              challenge: "Handwerksbetriebe {in} finden keine Nachfolge", potential: "Starke Handwerksbetriebe {in}",
              idea: "Nachfolgebörse für Handwerksbetriebe {in}", projectIdea: "Projektidee: Gründerwerkstatt für Handwerksbetriebe {in}",
              situations: ["In den nächsten fünf Jahren gehen viele Meisterinnen und Meister {in} in den Ruhestand, ohne dass jemand den Betrieb übernimmt.",
                           "Mit jedem geschlossenen Betrieb gehen Ausbildungsplätze und Aufträge für die Region verloren."],
              proposals: ["Eine Nachfolgebörse der Handwerkskammer könnte Übergabewillige und Gründungsinteressierte früh zusammenbringen.",
                          "Übernahmen sollten mit einem Zuschuss und einer Begleitung im ersten Jahr unterstützt werden."],
              measure: "Nachfolgeoffensive für das Handwerk",
              goal: "Handwerksbetriebe mit Zukunft finden rechtzeitig eine Nachfolge.",
              indicator: "Übergebene Handwerksbetriebe"),
        .init(field: "wirtschaft", keyword: "Innenstadt",
              challenge: "Innenstadt beleben: Ladenleerstand {in}", potential: "Historische Gebäude als Chance für die Innenstadt",
              idea: "Pop-up-Läden für eine lebendige Innenstadt {in}", projectIdea: "Projektidee: Leere Läden in der Innenstadt zwischennutzen",
              situations: ["In den Ortskernen {in} steht inzwischen fast jedes dritte Ladengeschäft leer.",
                           "Wenn die Geschäfte schließen, kommen auch die Besucherinnen und Besucher nicht mehr in die Innenstadt."],
              proposals: ["Ein Leerstandsmanagement könnte Eigentümer und Gründer zusammenbringen und leere Läden für wenig Miete zwischennutzen lassen.",
                          "Wochenmärkte, Kultur und Gastronomie sollten gemeinsam geplant werden, damit die Innenstadt wieder belebt ist."],
              measure: "Leerstandsmanagement und Zwischennutzung in den Innenstädten",
              goal: "Leere Läden in den Ortskernen werden wieder genutzt.",
              indicator: "Wieder genutzte Ladenflächen"),
        .init(field: "wirtschaft", keyword: "Tourismus",
              challenge: "Tourismus {in} braucht Angebote für das ganze Jahr", potential: "Tourismus {in}: Natur, Industriekultur und Wanderwege",
              idea: "Tourismus {in} gemeinsam vermarkten", projectIdea: "Projektidee: Buchungsportal für den Tourismus {in}",
              situations: ["Gäste bleiben im Schnitt nur zwei Nächte; außerhalb der Ferien stehen viele Zimmer leer.",
                           "Gastgeber und Ausflugsziele {in} werben jeweils für sich, ein gemeinsamer Auftritt fehlt."],
              proposals: ["Ein gemeinsames Buchungsportal würde Unterkünfte, Führungen und Nahverkehr zusammen anbieten.",
                          "Angebote zur Industriekultur können die Saison verlängern und Gäste auch im Herbst bringen."],
              measure: "Ganzjahrestourismus mit Industriekultur",
              goal: "Mehr Übernachtungen außerhalb der Hauptsaison.",
              indicator: "Übernachtungen von November bis März"),
    ]

    static let science: [SampleTheme] = [
        .init(field: "wissenschaft-innovation", keyword: "Wasserstoff",
              challenge: "Wasserstoff {in}: Betriebe wissen nicht, wo sie anfangen sollen", potential: "Wasserstoff-Kompetenz {in}",
              idea: "Wasserstoff für Busse und Lastwagen {in}", projectIdea: "Projektidee: Testfeld für Wasserstoff {in}",
              situations: ["Mehrere Betriebe {in} möchten Fahrzeuge und Öfen auf Wasserstoff umstellen, finden aber weder Beratung noch Tankstellen.",
                           "Die Forschung an den Hochschulen der Region ist weit, doch der Weg in die Anwendung ist lang."],
              proposals: ["Ein Testfeld mit einer Tankstelle für Busse und Lieferfahrzeuge würde zeigen, was im Alltag funktioniert.",
                          "Kommunen, Verkehrsbetriebe und Forschung sollten ein gemeinsames Wasserstoffnetzwerk gründen."],
              measure: "Wasserstoff-Testfeld für Verkehr und Industrie",
              goal: "Betriebe und Verkehrsunternehmen erproben Wasserstoff im Alltag.",
              indicator: "Fahrzeuge mit Wasserstoffantrieb im Testfeld"),
        .init(field: "wissenschaft-innovation", keyword: "Wissenstransfer",
              challenge: "Wissenstransfer zwischen Hochschulen und Mittelstand stockt", potential: "Wissenstransfer {in}: Forschung vor der Haustür",
              idea: "Wissenstransfer {in} mit Praxissemestern stärken", projectIdea: "Projektidee: Transferlabor für den Wissenstransfer {in}",
              situations: ["Kleine Betriebe {in} kennen die Forschung in der Region kaum, und Forschende wissen wenig über die Fragen der Betriebe.",
                           "Anträge für gemeinsame Projekte sind für kleine Firmen zu aufwendig."],
              proposals: ["Transferscouts könnten Betriebe besuchen und passende Forschungsgruppen vermitteln.",
                          "Innovationsgutscheine bis 15.000 Euro würden den Einstieg in erste gemeinsame Projekte erleichtern."],
              measure: "Transferscouts und Innovationsgutscheine für den Mittelstand",
              goal: "Mehr gemeinsame Projekte von Betrieben und Forschung.",
              indicator: "Eingelöste Innovationsgutscheine"),
        .init(field: "wissenschaft-innovation", keyword: "Start-ups",
              challenge: "Start-ups {in} finden kaum Räume und Kapital", potential: "Junge Start-ups {in}",
              idea: "Start-ups und Mittelstand {in} zusammenbringen", projectIdea: "Projektidee: Gründerzentrum für Start-ups {in}",
              situations: ["Wer {in} ein Unternehmen gründen will, findet kaum bezahlbare Büros und Werkstätten.",
                           "Viele Absolventinnen und Absolventen gehen deshalb in die großen Städte."],
              proposals: ["Ein Gründerzentrum in einem leerstehenden Fabrikgebäude könnte Räume, Beratung und Kontakte bieten.",
                          "Ein regionaler Beteiligungsfonds würde die erste Finanzierung sichern."],
              measure: "Gründerzentrum in einer Industriebrache",
              goal: "Gründungen bleiben in der Region und wachsen hier.",
              indicator: "Start-ups im Gründerzentrum"),
        .init(field: "wissenschaft-innovation", keyword: "Digitalisierung",
              challenge: "Digitalisierung im Mittelstand {in} kommt zu langsam voran", potential: "Digitalisierung {in}: Betriebe, die es vormachen",
              idea: "Digitalisierung {in} gemeinsam angehen", projectIdea: "Projektidee: Werkstattlabor für die Digitalisierung {in}",
              situations: ["Viele Betriebe {in} schreiben Aufträge noch auf Papier, weil Zeit und Fachleute für neue Software fehlen.",
                           "Gleichzeitig zeigen einzelne Firmen, wie viel eine vernetzte Fertigung bringt."],
              proposals: ["Ein Werkstattlabor, in dem Betriebe Software und Sensoren ausprobieren können, würde Hemmschwellen senken.",
                          "Digitalisierungslotsen der Kammern könnten kleine Betriebe ein Jahr lang begleiten."],
              measure: "Digitalisierungslotsen für kleine Betriebe",
              goal: "Kleine Betriebe führen digitale Werkzeuge ein, die ihnen Zeit sparen.",
              indicator: "Begleitete Betriebe"),
    ]

    static let infrastructure: [SampleTheme] = [
        .init(field: "infrastruktur-mobilitaet", keyword: "Nahverkehr",
              challenge: "Nahverkehr {in}: abends und am Wochenende kein Bus", potential: "Nahverkehr {in} mit guten Anschlüssen an die Bahn",
              idea: "Rufbus als Ergänzung zum Nahverkehr {in}", projectIdea: "Projektidee: Stundentakt im Nahverkehr {in}",
              situations: ["Nach 19 Uhr und am Sonntag fährt {in} vielerorts kein Bus mehr; ohne Auto kommt man nicht zur Spätschicht.",
                           "Jugendliche und ältere Menschen sind besonders betroffen."],
              proposals: ["Ein Rufbus, der per App oder Telefon bestellt wird, könnte die Lücken zwischen den Linien schließen.",
                          "Ein Stundentakt auf den Hauptlinien, abgestimmt mit der Bahn, würde vielen den Umstieg erleichtern."],
              measure: "Rufbus und Stundentakt im ländlichen Nahverkehr",
              goal: "Jeder Ort ist bis 22 Uhr und am Wochenende ohne Auto erreichbar.",
              indicator: "Orte mit Stundentakt oder Rufbus"),
        .init(field: "infrastruktur-mobilitaet", keyword: "Radweg",
              challenge: "Kein sicherer Radweg zwischen den Orten {in}", potential: "Alte Bahntrassen {in} als Radweg",
              idea: "Radweg auf der stillgelegten Bahntrasse {in}", projectIdea: "Projektidee: Radweg für Pendlerinnen und Pendler {in}",
              situations: ["Wer {in} mit dem Rad zur Arbeit oder zur Schule fährt, muss sich die Landstraße mit Lastwagen teilen.",
                           "Mit dem E-Bike wären Wege von fünf bis fünfzehn Kilometern gut zu schaffen."],
              proposals: ["Stillgelegte Bahntrassen könnten zu Radwegen ausgebaut werden, wie es anderswo schon gelungen ist.",
                          "Die Kommunen sollten ihre Radwegeplanung über die Gemeindegrenzen hinweg abstimmen."],
              measure: "Radwege zwischen den Orten auf alten Bahntrassen",
              goal: "Sichere Radwege verbinden die Orte mit den nächsten Zentren.",
              indicator: "Neue Kilometer Radweg"),
        .init(field: "infrastruktur-mobilitaet", keyword: "Glasfaser",
              challenge: "Kein schnelles Internet: Glasfaser fehlt {in}", potential: "Glasfaser {in}: Orte, die schon angeschlossen sind",
              idea: "Glasfaser für die Gewerbegebiete {in}", projectIdea: "Projektidee: Glasfaser für jedes Gewerbegebiet {in}",
              situations: ["In mehreren Gewerbegebieten {in} reicht die Bandbreite nicht für Videokonferenzen oder den Datenaustausch mit Kunden.",
                           "Arbeiten von zu Hause ist in manchen Ortsteilen kaum möglich."],
              proposals: ["Der Breitbandausbau sollte Gewerbegebiete und Schulen zuerst anschließen.",
                          "Ein gemeinsamer Ausbau mehrerer Gemeinden senkt die Kosten und beschleunigt die Verfahren."],
              measure: "Glasfaser für Gewerbegebiete und Schulen",
              goal: "Jedes Gewerbegebiet und jede Schule hat einen Glasfaseranschluss.",
              indicator: "Angeschlossene Gewerbegebiete"),
        .init(field: "infrastruktur-mobilitaet", keyword: "Bahnanbindung",
              challenge: "Bahnanbindung {in} ist zu langsam", potential: "Bahnanbindung {in}: Strecken, die wieder genutzt werden könnten",
              idea: "Bessere Bahnanbindung {für}", projectIdea: "Projektidee: Bahnanbindung {in} elektrifizieren",
              situations: ["Die Züge {in} brauchen für kurze Strecken viel zu lange; viele Strecken sind nicht elektrifiziert.",
                           "Viele Pendlerinnen und Pendler steigen deshalb aufs Auto um."],
              proposals: ["Die Elektrifizierung der Strecken sollte beim Bund mit Nachdruck eingefordert werden.",
                          "Bessere Anschlüsse zwischen Bus und Bahn an den Bahnhöfen würden sofort helfen."],
              measure: "Elektrifizierung und bessere Anschlüsse auf den Bahnstrecken",
              goal: "Schnellere Verbindungen zwischen den Zentren der Region.",
              indicator: "Fahrzeit zwischen den Zentren (Minuten)"),
    ]

    static let education: [SampleTheme] = [
        .init(field: "bildung-fachkraefte", keyword: "Fachkräfte",
              challenge: "Fachkräfte fehlen {in} in fast jeder Branche", potential: "Fachkräfte {in}: Rückkehrer bringen Erfahrung mit",
              idea: "Fachkräfte aus dem Ausland {in} willkommen heißen", projectIdea: "Projektidee: Willkommenszentrum für Fachkräfte {in}",
              situations: ["Betriebe {in} suchen monatelang nach Fachkräften und müssen Aufträge ablehnen.",
                           "Wer aus dem Ausland kommt, scheitert oft an Behördengängen und an der Wohnungssuche."],
              proposals: ["Ein Willkommenszentrum könnte Anerkennung, Wohnungssuche und Sprachkurse aus einer Hand begleiten.",
                          "Eine Rückkehrerbörse würde Menschen ansprechen, die früher weggezogen sind und zurückkommen möchten."],
              measure: "Willkommenszentrum und Rückkehrerbörse für Fachkräfte",
              goal: "Mehr Fachkräfte kommen in die Region und bleiben.",
              indicator: "Vermittelte Fachkräfte"),
        .init(field: "bildung-fachkraefte", keyword: "Ausbildung",
              challenge: "Ausbildung {in}: die Berufsschule ist zu weit weg", potential: "Ausbildung {in} in Betrieben mit Tradition",
              idea: "Ausbildung im Verbund kleiner Betriebe {in}", projectIdea: "Projektidee: Wohnen während der Ausbildung {in}",
              situations: ["Für viele Berufe liegt die nächste Berufsschule über eine Stunde entfernt; manche Jugendliche brechen die Ausbildung deshalb ab.",
                           "Kleine Betriebe {in} können allein nicht alle Inhalte der Ausbildung abdecken."],
              proposals: ["Ein Ausbildungsverbund mehrerer Betriebe würde auch kleinen Firmen ermöglichen, junge Menschen auszubilden.",
                          "Günstige Zimmer für Auszubildende in der Nähe der Berufsschulen würden lange Wege ersparen."],
              measure: "Ausbildungsverbünde und Wohnen für Auszubildende",
              goal: "Weniger abgebrochene Ausbildungen, mehr ausbildende Betriebe.",
              indicator: "Neue Ausbildungsverträge im Verbund"),
        .init(field: "bildung-fachkraefte", keyword: "Kitaplätze",
              challenge: "Kitaplätze {in} fehlen für zugezogene Familien", potential: "Gute Kitaplätze {in} als Argument für Familien",
              idea: "Kitaplätze für Eltern im Schichtdienst {in}", projectIdea: "Projektidee: Betriebskita mit Kitaplätzen für Schichtarbeit {in}",
              situations: ["Familien, die {in} neu anfangen, warten oft ein Jahr auf einen Platz in der Kindertagesstätte.",
                           "Für Eltern im Schichtdienst passen die Öffnungszeiten nicht."],
              proposals: ["Betriebe und Kommunen könnten gemeinsam Kitas mit längeren Öffnungszeiten tragen.",
                          "Eine gemeinsame Vormerkung für alle Einrichtungen würde die Suche vereinfachen."],
              measure: "Kitaplätze mit Öffnungszeiten für Schichtarbeit",
              goal: "Eltern im Schichtdienst finden einen passenden Betreuungsplatz.",
              indicator: "Kitaplätze mit erweiterten Öffnungszeiten"),
        .init(field: "bildung-fachkraefte", keyword: "Weiterbildung",
              challenge: "Weiterbildung für Beschäftigte {in} ist schwer zu finden", potential: "Weiterbildung {in}: erfahrene Beschäftigte mit neuen Aufgaben",
              idea: "Weiterbildung neben dem Beruf {in}", projectIdea: "Projektidee: Zentrum für Weiterbildung {in}",
              situations: ["Beschäftigte der Zulieferindustrie {in} müssen sich neu orientieren, finden aber kaum Kurse neben der Arbeit.",
                           "Viele Angebote gibt es nur in den großen Städten und nur tagsüber."],
              proposals: ["Ein Verbund aus Volkshochschulen, Kammern und Betrieben könnte Kurse am Abend und online anbieten.",
                          "Beschäftigte sollten für eine Weiterbildung freigestellt werden können, mit einem Lohnzuschuss für die Betriebe."],
              measure: "Weiterbildungsverbund für Beschäftigte im Wandel",
              goal: "Beschäftigte qualifizieren sich für die Arbeit von morgen, ohne die Region zu verlassen.",
              indicator: "Teilnehmende an Weiterbildungen"),
    ]

    static let services: [SampleTheme] = [
        .init(field: "daseinsvorsorge", keyword: "Hausärzte",
              challenge: "Hausärzte {in} gehen in Rente, eine Nachfolge fehlt", potential: "Hausärzte und Pflegedienste {in}: ein starkes Netz",
              idea: "Junge Hausärzte {für} gewinnen", projectIdea: "Projektidee: Gesundheitszentrum mit angestellten Hausärzten {in}",
              situations: ["In mehreren Orten {in} hört die einzige Hausarztpraxis in den nächsten Jahren auf.",
                           "Ältere Menschen ohne Auto kommen kaum noch zur Ärztin oder zum Arzt."],
              proposals: ["Ein kommunales Gesundheitszentrum mit angestellten Ärztinnen und Ärzten würde jungen Medizinern den Einstieg erleichtern.",
                          "Ein Stipendium für Medizinstudierende, die später auf dem Land arbeiten, hat sich anderswo bewährt."],
              measure: "Gesundheitszentren und Landarztstipendium",
              goal: "Jede Gemeinde hat eine hausärztliche Versorgung in erreichbarer Nähe.",
              indicator: "Neu besetzte Hausarztsitze"),
        .init(field: "daseinsvorsorge", keyword: "Pflege",
              challenge: "Pflege {in}: Angehörige sind überlastet", potential: "Pflege {in}: Nachbarschaftshilfe, die trägt",
              idea: "Pflege im Ort organisieren {in}", projectIdea: "Projektidee: Tagespflege und Beratung zur Pflege {in}",
              situations: ["Viele pflegende Angehörige {in} arbeiten nebenbei und finden keinen Platz in der Tagespflege.",
                           "Ambulante Dienste nehmen wegen Personalmangels keine neuen Kundinnen und Kunden mehr an."],
              proposals: ["Eine Pflegeberatung, die in die Orte kommt, würde Angehörige entlasten.",
                          "Nachbarschaftshilfen könnten mit einer Aufwandsentschädigung verlässlich organisiert werden."],
              measure: "Pflegeberatung vor Ort und Nachbarschaftshilfe",
              goal: "Pflegende Angehörige werden entlastet, ältere Menschen bleiben länger zu Hause.",
              indicator: "Beratungen pflegender Angehöriger"),
        .init(field: "daseinsvorsorge", keyword: "Jugendliche",
              challenge: "Keine Treffpunkte für Jugendliche {in}", potential: "Engagierte Jugendliche {in}",
              idea: "Jugendliche {in} an Entscheidungen beteiligen", projectIdea: "Projektidee: Jugendclub von und für Jugendliche {in}",
              situations: ["Nach der Schule gibt es {in} kaum Orte, an denen sich Jugendliche ohne Konsumzwang treffen können.",
                           "Viele ziehen nach dem Abschluss weg und kommen nicht zurück."],
              proposals: ["Ein selbstverwalteter Jugendclub in einem leerstehenden Gebäude würde einen Treffpunkt schaffen.",
                          "Ein Jugendbudget, über das Jugendliche selbst entscheiden, stärkt die Bindung an den Ort."],
              measure: "Jugendbudgets und selbstverwaltete Treffpunkte",
              goal: "Jugendliche haben eigene Orte und gestalten ihre Gemeinde mit.",
              indicator: "Gemeinden mit Jugendbudget"),
        .init(field: "daseinsvorsorge", keyword: "Nahversorgung",
              challenge: "Nahversorgung {in}: der letzte Laden hat geschlossen", potential: "Nahversorgung {in} mit Hofläden und Wochenmärkten",
              idea: "Nahversorgung mit einem Dorfladen {in}", projectIdea: "Projektidee: Genossenschaftlicher Dorfladen für die Nahversorgung {in}",
              situations: ["{In} gibt es in vielen Ortsteilen keinen Bäcker und keinen Laden mehr; der nächste Supermarkt ist zehn Kilometer entfernt.",
                           "Für ältere Menschen ist der Einkauf ohne Auto kaum möglich."],
              proposals: ["Ein Dorfladen als Genossenschaft, mit Café und Paketstation, könnte wieder ein Treffpunkt werden.",
                          "Ein rollender Markt, der feste Haltestellen anfährt, würde die kleinsten Orte versorgen."],
              measure: "Dorfläden und rollende Märkte für die Nahversorgung",
              goal: "Jeder Ortsteil wird mindestens zweimal in der Woche mit Lebensmitteln versorgt.",
              indicator: "Ortsteile mit Nahversorgung"),
    ]

    /// The theme's phrase with the place put in.
    public static func placing(_ text: String, _ place: String) -> String {
        let inPlace = SampleText.inPlace(place)
        return text.replacingOccurrences(of: "{In}", with: inPlace.prefix(1).uppercased() + inPlace.dropFirst())
            .replacingOccurrences(of: "{in}", with: inPlace)
            .replacingOccurrences(of: "{für}", with: "für " + SampleText.forPlace(place))
    }

    func title(_ kind: Contribution.Kind, place: String) -> String {
        let pattern = switch kind {
        case .challenge: challenge
        case .potential: potential
        case .idea: idea
        case .projectIdea: projectIdea
        }
        return Self.placing(pattern, place)
    }
}
