import KonventViews

extension NewContributionPage.Model {
    /// Takes the contribution form as sent, profile included, so that the page can come back with it.
    mutating func read(_ form: FormData) {
        kind = form.string("kind")
        title = form.string("title")
        text = form.string("text")
        fields = Set(form.all("fields"))
        district = form.string("district")
        municipality = form.string("municipality")
        organisation = form.string("organisation")
        anonymous = form.isChecked("anonymous")
        profile.sponsor = form.string("profile_sponsor")
        profile.partners = form.string("profile_partners")
        profile.estimatedCost = form.string("profile_estimatedCost")
        profile.financingNeed = form.string("profile_financingNeed")
        profile.timeframe = form.string("profile_timeframe")
        profile.jobsEffect = form.string("profile_jobsEffect")
        profile.economyEffect = form.string("profile_economyEffect")
        profile.supraRegionalEffect = form.string("profile_supraRegionalEffect")
        profile.gates = form.all("profile_gates")
    }
}
