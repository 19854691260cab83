import KonventDomain

extension BodySessionDraft.Input {
    /// The session form as sent.
    init(form: FormData) {
        self.init()
        body = form.string("body")
        title = form.string("title")
        start = form.string("start")
        end = form.string("end")
        place = form.string("place")
        participants = form.string("participants")
        chair = form.string("chair")
    }
}
