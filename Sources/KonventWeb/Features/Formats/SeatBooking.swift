import KonventDomain
import KonventStorage

/// Taking a seat in a format, with its confirmation mail: from the format's page, and at the end
/// of the new-account flow that began there (so that flow ends registered).
struct SeatBooking: Sendable {
    let formats: any FormatStore
    let mails: Mails
    let clock: RegionClock

    /// The seat or waitlist place; throws `RegistrationRefusal`.
    func book(_ id: FormatID, for user: UserID) async throws -> RegistrationStatus {
        let mails = self.mails, clock = self.clock
        return try await formats.register(id, user: user, at: .now) { recipient, format, status in
            mails.registered(recipient, format: format, times: clock.times(format), status: status)
        }
    }

    /// The catalog key of the refusal's message.
    static func messageKey(_ refusal: RegistrationRefusal) -> String? {
        switch refusal {
        case .notFound: nil
        case .alreadyRegistered: "format.error.alreadyRegistered"
        case .full: "format.error.full"
        case .over: "format.error.over"
        }
    }
}

extension WebBasics {
    func seats(_ formats: any FormatStore) -> SeatBooking { SeatBooking(formats: formats, mails: mails, clock: clock) }
}
