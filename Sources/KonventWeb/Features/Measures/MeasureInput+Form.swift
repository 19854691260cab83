import KonventDomain

extension MeasureInput {
    /// The measure form as sent: financing and indicator lines that are wholly empty are left out.
    init(form: FormData) {
        self.init()
        kind = form.string("kind")
        title = form.string("title")
        goal = form.string("goal")
        description = form.string("description")
        fields = form.all("fields")
        territories = form.all("territories")
        sponsor = form.string("sponsor")
        partners = form.string("partners")
        estimatedCost = form.string("estimatedCost")
        financing = (1...MeasureInput.maximumLines).map {
            (form.string("financing-source-\($0)"), form.string("financing-programme-\($0)"), form.string("financing-amount-\($0)"))
        }.filter { !($0.0.isEmpty && $0.1.isEmpty && $0.2.isEmpty) }
        timeframe = form.string("timeframe")
        indicators = (1...8).map { (form.string("indicator-name-\($0)"), form.string("indicator-target-\($0)")) }
            .filter { !($0.0.isEmpty && $0.1.isEmpty) }
        maturity = form.string("maturity")
        leadMinistry = form.string("leadMinistry")
    }
}
