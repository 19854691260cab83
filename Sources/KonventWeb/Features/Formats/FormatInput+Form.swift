import KonventDomain

extension FormatDraft.Input {
    /// The format form as sent.
    init(form: FormData) {
        self.init()
        kind = form.string("kind")
        title = form.string("title")
        description = form.string("description")
        fields = form.all("fields")
        district = form.string("district")
        municipality = form.string("municipality")
        place = form.string("place")
        onlineURL = form.string("onlineURL")
        bring = form.string("bring")
        start = form.string("start")
        end = form.string("end")
        capacity = form.string("capacity")
    }
}
