import KonventDomain
import KonventStorage

/// Generated participation data: contributions across all fields, kinds and places of the region,
/// with supports and comments. The demo uses a few hundred; benchmarks use `konvent generate`.
public struct SampleData: Sendable {
    let services: Services

    public init(services: Services) { self.services = services }

    public struct Amounts: Sendable {
        public var contributions: Int
        public var comments: Int
        public var supports: Int
        public var people: Int
        public var seed: UInt64
        public var formats: Int
        /// Who runs the generated formats (nil: nobody in particular).
        public var facilitator: UserID?

        public init(
            contributions: Int, comments: Int, supports: Int, people: Int, seed: UInt64, formats: Int = 0, facilitator: UserID? = nil
        ) {
            self.formats = formats
            self.facilitator = facilitator
            self.contributions = contributions
            self.comments = comments
            self.supports = supports
            self.people = people
            self.seed = seed
        }
    }

    /// Writes the data; `progress` is called with (step, done, total) now and then.
    public func generate(_ amounts: Amounts, progress: @Sendable (String, Int, Int) -> Void = { _, _, _ in }) async throws {
        let loader = BulkLoader(database: services.database, search: services.search)
        let region = services.region
        var random = SampleText(seed: amounts.seed)
        let now = Timestamp.now
        let people = try await loader.addUsers(count: max(1, amounts.people), prefix: "beteiligte-\(amounts.seed)", at: now,
                                               name: SampleText.personName)
        progress("people", people.count, people.count)

        // Places weighted by population, so that the data looks like the region.
        let districts = region.districts
        let totalPopulation = max(1, districts.reduce(0) { $0 + $1.population })
        let span: Int64 = 330 * 24 * 3600 * 1000
        let pastFormats = try await formats(amounts, people: people, random: &random, now: now)
        progress("formats", amounts.formats, amounts.formats)
        var contributionIDs: [ContributionID] = []
        let batchSize = 2000
        for start in stride(from: 0, to: amounts.contributions, by: batchSize) {
            var rows: [BulkLoader.Row] = []
            for index in start..<min(amounts.contributions, start + batchSize) {
                var pick = random.below(totalPopulation)
                let district = districts.first { pick -= $0.population; return pick < 0 } ?? districts[0]
                let municipalities = region.municipalities(in: district.officialKey)
                let municipality = random.below(3) == 0 ? nil : municipalities.isEmpty ? nil : random.pick(municipalities)
                let field = random.pick(region.fieldsOfAction).key
                let sample = random.contribution(field: field, place: municipality?.name ?? district.name)
                var fields = [field]
                if random.below(4) == 0 {
                    let second = random.pick(region.fieldsOfAction).key
                    if second != field { fields.append(second) }
                }
                let fieldOrder = region.fieldsOfAction.map(\.key)
                let fromFormat = random.below(3) == 0 ? pastFormats[district.officialKey].map { random.pick($0) } : nil
                rows.append(BulkLoader.Row(
                    kind: sample.kind, title: sample.title, text: sample.text,
                    fields: fieldOrder.filter(fields.contains), district: district.officialKey,
                    municipality: municipality?.officialKey, author: random.pick(people),
                    createdAt: Timestamp(milliseconds: now.milliseconds - span + span * Int64(index) / Int64(max(1, amounts.contributions))),
                    format: fromFormat))
            }
            contributionIDs += try await loader.addContributions(rows)
            progress("contributions", contributionIDs.count, amounts.contributions)
        }
        guard !contributionIDs.isEmpty else { return }

        for start in stride(from: 0, to: amounts.supports, by: 50_000) {
            let count = min(amounts.supports - start, 50_000)
            // Popular contributions get more support: a skewed pick favours low indexes.
            let pairs = (0..<count).map { _ -> (ContributionID, UserID) in
                let skew = random.below(contributionIDs.count) * random.below(1000) / 1000
                return (contributionIDs[skew], random.pick(people))
            }
            try await loader.addSupports(pairs, at: now)
            progress("supports", start + count, amounts.supports)
        }
        for start in stride(from: 0, to: amounts.comments, by: 50_000) {
            let count = min(amounts.comments - start, 50_000)
            let comments = (0..<count).map { _ in
                (random.pick(contributionIDs), random.pick(people), random.pick(SampleText.comments), now)
            }
            try await loader.addComments(comments)
            progress("comments", start + count, amounts.comments)
        }
        try await loader.recount()
        progress("counters", 1, 1)
    }

    /// Formats across every unit of the region, about three quarters of them over (and documented),
    /// with registrations; returns the past ones per district, for contributions to come from.
    func formats(_ amounts: Amounts, people: [UserID], random: inout SampleText, now: Timestamp) async throws -> [String: [FormatID]] {
        guard amounts.formats > 0 else { return [:] }
        let region = services.region
        let districts = region.districts
        let day: Int64 = 86_400_000
        let first = now.milliseconds - 270 * day
        var items: [(draft: FormatDraft, facilitator: UserID?, documentation: Format.Documentation?)] = []
        for index in 0..<amounts.formats {
            let district = districts[index % districts.count]
            let municipalities = region.municipalities(in: district.officialKey)
            let municipality = municipalities.isEmpty ? nil : random.pick(municipalities)
            let kind = Format.Kind.allCases[random.below(Format.Kind.allCases.count)]
            let field = random.pick(region.fieldsOfAction).key
            let generated = random.format(kind: kind, field: field, place: municipality?.name ?? district.name)
            // Evenly over 360 days, starting at 17:00 or 18:00 region time (UTC+1/+2 is close enough for samples).
            let startDay = first + Int64(index) * 360 * day / Int64(amounts.formats)
            let start = startDay - startDay % day + Int64(15 + random.below(2)) * 3_600_000
            let online = kind == .onlineDialogue || kind == .survey
            let draft = FormatDraft(
                kind: kind, title: generated.title, description: generated.description, fields: [field],
                districtKey: district.officialKey, municipalityKey: municipality?.officialKey,
                place: online ? "" : "Rathaus \(municipality?.name ?? district.name)",
                onlineURL: online ? "https://beteiligung.example.org/dialog/\(index + 1)" : nil,
                startsAt: start, endsAt: start + Int64(2 + random.below(3)) * 3_600_000,
                capacity: online ? nil : [20, 25, 30, 40, 60][random.below(5)])
            let over = draft.endsAt <= now.milliseconds
            let documentation = over
                ? Format.Documentation(summary: generated.summary, participants: 8 + random.below(50), attachments: "") : nil
            items.append((draft, amounts.facilitator, documentation))
        }
        let loader = BulkLoader(database: services.database, search: services.search)
        let ids = try await loader.addFormats(items, at: now)
        var registrations: [(FormatID, UserID, RegistrationStatus)] = []
        var past: [String: [FormatID]] = [:]
        for (id, item) in zip(ids, items) {
            if item.draft.endsAt <= now.milliseconds { past[item.draft.districtKey, default: []].append(id) }
            let seats = item.draft.capacity ?? 1000
            let wanted = min(people.count, random.below(seats + 4))
            for (position, person) in people.shuffled(using: &random).prefix(wanted).enumerated() {
                registrations.append((id, person, position < seats ? .confirmed : .waitlisted))
            }
        }
        try await loader.addRegistrations(registrations, at: now)
        return past
    }
}

extension SampleData {
    /// Measures taken through the review (for benchmarks), written by a generated office account; with
    /// `reportsPerMeasure`, every adopted one gets that many implementation reports and indicator values.
    public func measures(
        _ count: Int, reportsPerMeasure: Int = 0, progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws {
        guard !services.region.review.stages.isEmpty else { return }
        let email = "geschaeftsstelle@generated.konvent.localhost"
        var office = try await services.accounts.credentials(email: EmailAddress(trusted: email))?.user.id
        if office == nil {
            office = try await services.addUser(email: email, name: "Geschäftsstelle", role: Role.conventionOffice.rawValue, ministry: nil,
                                                password: SecretToken().value).id
        }
        guard let office else { return }
        try await DemoMeasures(services: services).load(office: office, count: count, progress: progress)
        if reportsPerMeasure > 0 { try await DemoProgress(services: services).load(office: office, reportsPerMeasure: reportsPerMeasure) }
    }
}
