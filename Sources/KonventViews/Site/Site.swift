import KonventDomain

/// Every path of the site, in one place: the routes register these templates, and pages, mails and
/// redirects build their links from them. Files carry their format in the path (`.ics`, `.pdf`).
public enum Site {
    /// Percent-encodes every UTF-8 byte but ASCII letters, digits and `keeping`. Links are built
    /// by the hundred per page, so the common case (nothing to escape) returns the text as it is.
    static func percentEncoded(_ text: String, keeping: StaticString) -> String {
        let kept = UnsafeBufferPointer(start: keeping.utf8Start, count: keeping.utf8CodeUnitCount)
        func plain(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || kept.contains(byte)
        }
        if text.utf8.allSatisfy(plain) { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if plain(byte) { bytes.append(byte) } else { bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static let start: SitePath<> = .init("/")
    public static let language: SitePath<> = .init("/language")
    public static let asset = SitePath<String>("/static/{file}")
    public static let health: SitePath<> = .init("/health")
    /// The process answers (a liveness probe: restart when it does not).
    public static let healthLive: SitePath<> = .init("/health/live")
    /// The database answers and its schema is this build's (a readiness probe: send traffic).
    public static let healthReady: SitePath<> = .init("/health/ready")
    public static let metrics: SitePath<> = .init("/metrics")
    /// A page whose text is configured (Impressum, Datenschutz, …), by its key.
    public static let configuredPage = SitePath<String>("/{key}")

    public enum Accounts {
        public static let register: SitePath<> = .init("/register")
        public static let registerSent: SitePath<> = .init("/register/sent")
        public static let confirm: SitePath<> = .init("/confirm")
        public static let login: SitePath<> = .init("/login")
        public static let logout: SitePath<> = .init("/logout")
        public static let forgotPassword: SitePath<> = .init("/password/forgot")
        public static let resetPassword: SitePath<> = .init("/password/reset")
        public static let account: SitePath<> = .init("/account")
        public static let export: SitePath<> = .init("/account/export.json")
        public static let confirmation: SitePath<> = .init("/account/confirmation")
        public static let notifications: SitePath<> = .init("/account/notifications")
        public static let delete: SitePath<> = .init("/account/delete")
        public static let name: SitePath<> = .init("/account/name")
        public static let email: SitePath<> = .init("/account/email")
        public static let confirmEmail: SitePath<> = .init("/account/email/confirm")
        public static let password: SitePath<> = .init("/account/password")
        public static let organisations: SitePath<> = .init("/account/organisations")
        public static let leaveOrganisation = SitePath<OrganisationID>("/account/organisations/{id}/remove")

        /// The sign-in page that returns to `next` afterwards.
        public static func login(next: String) -> String { login().query(["next": next]) }
    }

    /// The office's analysis: contributions counted by two dimensions, and that table as CSV.
    public enum Analysis {
        public static let page: SitePath<> = .init("/analysis")
        public static let exportCSV: SitePath<> = .init("/analysis/export.csv")
    }

    /// The administrator's console (`.manageUsers`), and the audit trail (`.viewAuditTrail`).
    public enum Admin {
        public static let index: SitePath<> = .init("/admin")
        public static let users: SitePath<> = .init("/admin/users")
        public static let invite: SitePath<> = .init("/admin/users/invite")
        public static let user = SitePath<UserID>("/admin/users/{id}")
        public static let role = SitePath<UserID>("/admin/users/{id}/role")
        public static let active = SitePath<UserID>("/admin/users/{id}/active")
        public static let endSessions = SitePath<UserID>("/admin/users/{id}/sessions/end")
        public static let invitation = SitePath<UserID>("/admin/users/{id}/invitation")
        public static let audit: SitePath<> = .init("/admin/audit")
        public static let verify: SitePath<> = .init("/admin/audit/verify")
        public static let configuration: SitePath<> = .init("/admin/configuration")
        public static let settings: SitePath<> = .init("/admin/settings")
    }

    /// The office's themes and the contributions tagged with them.
    public enum Themes {
        public static let list: SitePath<> = .init("/themes")
        public static let page = SitePath<ThemeID>("/themes/{id}")
        public static let delete = SitePath<ThemeID>("/themes/{id}/delete")
        public static let tag = SitePath<ThemeID>("/themes/{id}/contributions")
        public static let untag = SitePath<ThemeID, ContributionID>("/themes/{id}/contributions/{contribution}/remove")
    }

    /// The office's announcements: the public archive, the office's form, and the subscription.
    public enum Announcements {
        public static let archive: SitePath<> = .init("/announcements")
        public static let page = SitePath<AnnouncementID>("/announcements/{id}")
        public static let new: SitePath<> = .init("/announcements/new")
        public static let subscribe: SitePath<> = .init("/account/announcements")
        public static let stop: SitePath<> = .init("/account/announcements/stop")
        public static let confirm: SitePath<> = .init("/announcements/confirm")
        /// From a mail: `?user=…&key=…`, the key an HMAC of the user under the installation's secret.
        public static let unsubscribe: SitePath<> = .init("/announcements/unsubscribe")
    }

    public enum Organisations {
        public static let list: SitePath<> = .init("/organisations")
        public static let page = SitePath<OrganisationID>("/organisations/{id}")
        public static let verification = SitePath<OrganisationID>("/organisations/{id}/verification")
        /// The office folds this duplicate into another organisation.
        public static let merge = SitePath<OrganisationID>("/organisations/{id}/merge")
        public static let confirm = SitePath<OrganisationID, UserID>("/organisations/{id}/members/{user}/confirm")
        public static let decline = SitePath<OrganisationID, UserID>("/organisations/{id}/members/{user}/decline")
        public static let keep = SitePath<OrganisationID, UserID>("/organisations/{id}/members/{user}/keep")
        public static let remove = SitePath<OrganisationID, UserID>("/organisations/{id}/members/{user}/remove")
    }

    public enum Contributions {
        public static let list: SitePath<> = .init("/contributions")
        public static let new: SitePath<> = .init("/contributions/new")
        /// The office's export of the list as filtered: `.csv` or `.xlsx`.
        public static let exportCSV: SitePath<> = .init("/contributions/export.csv")
        /// The office tags a contribution with one of its themes.
        public static let themes = SitePath<ContributionID>("/contributions/{id}/themes")
        public static let exportXLSX: SitePath<> = .init("/contributions/export.xlsx")
        public static let page = SitePath<ContributionID>("/contributions/{id}")
        public static let comments = SitePath<ContributionID>("/contributions/{id}/comments")
        public static let edit = SitePath<ContributionID>("/contributions/{id}/edit")
        public static let follow = SitePath<ContributionID>("/contributions/{id}/follow")
        public static let unfollow = SitePath<ContributionID>("/contributions/{id}/unfollow")
        public static let support = SitePath<ContributionID>("/contributions/{id}/support")
        public static let withdrawSupport = SitePath<ContributionID>("/contributions/{id}/support/withdraw")
        public static let report = SitePath<ContributionID>("/contributions/{id}/report")
        public static let status = SitePath<ContributionID>("/contributions/{id}/status")
        public static let merge = SitePath<ContributionID>("/contributions/{id}/merge")
        public static let hideComment = SitePath<Int64>("/comments/{id}/hide")
        public static let editComment = SitePath<Int64>("/comments/{id}/edit")
        public static let deleteComment = SitePath<Int64>("/comments/{id}/delete")
    }

    public enum Moderation {
        public static let queue: SitePath<> = .init("/moderation")
        public static let premoderation: SitePath<> = .init("/moderation/premoderation")
        public static let dismissReport = SitePath<Int64>("/moderation/reports/{report}/dismiss")
    }

    public enum Formats {
        public static let list: SitePath<> = .init("/formats")
        public static let feed: SitePath<> = .init("/formats.ics")
        public static let new: SitePath<> = .init("/formats/new")
        public static let page = SitePath<FormatID>("/formats/{id}")
        public static let calendar = SitePath<FormatID>("/formats/{id}.ics")
        public static let edit = SitePath<FormatID>("/formats/{id}/edit")
        public static let register = SitePath<FormatID>("/formats/{id}/register")
        public static let cancel = SitePath<FormatID>("/formats/{id}/cancel")
        public static let documentation = SitePath<FormatID>("/formats/{id}/documentation")
        public static let participants = SitePath<FormatID>("/formats/{id}/participants")
        public static let results = SitePath<FormatID>("/formats/{id}/results")
        public static let importResults = SitePath<FormatID>("/formats/{id}/import")
    }

    public static let participation: SitePath<> = .init("/participation")
    public static let search: SitePath<> = .init("/search")

    public enum Measures {
        public static let list: SitePath<> = .init("/measures")
        public static let new: SitePath<> = .init("/measures/new")
        public static let page = SitePath<MeasureID>("/measures/{id}")
        public static let edit = SitePath<MeasureID>("/measures/{id}/edit")
        public static let step = SitePath<MeasureID>("/measures/{id}/step")
        public static let versions = SitePath<MeasureID>("/measures/{id}/versions")
        public static let sources = SitePath<MeasureID>("/measures/{id}/sources")
        public static let review = SitePath<MeasureID>("/measures/{id}/review")
        /// An assessor's form: `office`, `ministry:KEY`.
        public static let assessment = SitePath<MeasureID, String>("/measures/{id}/assessments/{who}")
        public static let opinion = SitePath<MeasureID>("/measures/{id}/opinion")
        public static let confirmOpinion = SitePath<MeasureID>("/measures/{id}/opinion/confirm")
        public static let objectToOpinion = SitePath<MeasureID>("/measures/{id}/opinion/object")
        public static let ministries = SitePath<MeasureID>("/measures/{id}/ministries")
        public static let desk: SitePath<> = .init("/review")
        // Implementation, once adopted.
        public static let progress = SitePath<MeasureID>("/measures/{id}/progress")
        public static let publishProgress = SitePath<MeasureID, Int64>("/measures/{id}/progress/{report}/publish")
        public static let milestones = SitePath<MeasureID>("/measures/{id}/milestones")
        public static let reachMilestone = SitePath<MeasureID>("/measures/{id}/milestones/reached")
        public static let indicatorValues = SitePath<MeasureID>("/measures/{id}/indicator-values")
        public static let sponsor = SitePath<MeasureID>("/measures/{id}/sponsor")
        public static let funding = SitePath<MeasureID>("/measures/{id}/funding")
        public static let follow = SitePath<MeasureID>("/measures/{id}/follow")
        public static let unfollow = SitePath<MeasureID>("/measures/{id}/unfollow")
    }

    public enum Implementation {
        public static let overview: SitePath<> = .init("/implementation")
        public static let `import`: SitePath<> = .init("/implementation/import")
        public static let template: SitePath<> = .init("/implementation/import/vorlage.csv")
        public static let publishing: SitePath<> = .init("/implementation/publishing")
    }

    public enum Sessions {
        public static let list: SitePath<> = .init("/sessions")
        public static let feed: SitePath<> = .init("/sessions.ics")
        public static let new: SitePath<> = .init("/sessions/new")
        public static let page = SitePath<BodySessionID>("/sessions/{id}")
        public static let calendar = SitePath<BodySessionID>("/sessions/{id}.ics")
        public static let edit = SitePath<BodySessionID>("/sessions/{id}/edit")
        public static let items = SitePath<BodySessionID>("/sessions/{id}/items")
        public static let removeItem = SitePath<BodySessionID, Int64>("/sessions/{id}/items/{item}/remove")
        public static let decision = SitePath<BodySessionID, Int64>("/sessions/{id}/items/{item}/decision")
        public static let publish = SitePath<BodySessionID>("/sessions/{id}/publish")
    }

    public enum Masterplan {
        public static let current: SitePath<> = .init("/masterplan")
        public static let version = SitePath<Int>("/masterplan/{version}")
        /// A version ("current" or its number) as a file of `format` (html, odt, docx, pdf).
        public static func file(_ format: String) -> SitePath<String> { SitePath("/masterplan/{version}.\(format)") }
        public static let compare: SitePath<> = .init("/masterplan/compare")
        public static let editChapter = SitePath<String>("/masterplan/chapters/{key}/edit")
        public static let chapter = SitePath<String>("/masterplan/chapters/{key}")
        public static let publish: SitePath<> = .init("/masterplan/publish")
        public static let adopt = SitePath<Int>("/masterplan/{version}/adopt")
        public static let commentsFile = SitePath<Int>("/masterplan/{version}/comments.csv")
        public static let paragraph = SitePath<Int, String>("/masterplan/{version}/paragraphs/{paragraph}")
        public static let paragraphComments = SitePath<Int, String>("/masterplan/{version}/paragraphs/{paragraph}/comments")
        public static let answer = SitePath<Int64>("/masterplan/comments/{comment}/answer")
        /// The adopted measures as data (`measures.json`, `financing.csv`, …).
        public static func data(_ file: String) -> SitePath<> { .init("/masterplan/data/\(file)") }
        public static let report: SitePath<> = .init("/report")
        /// The status report as a file of `format`.
        public static func reportFile(_ format: String) -> SitePath<> { .init("/report.\(format)") }
    }
}

extension Site {
    /// Atom feeds of what came in and what was sent.
    public enum Feeds {
        /// New contributions, filtered as the list is (`?kind=idea&district=14521`).
        public static let contributions: SitePath<> = .init("/feeds/contributions.atom")
        public static let announcements: SitePath<> = .init("/feeds/announcements.atom")
        public static let masterplan: SitePath<> = .init("/feeds/masterplan.atom")
        /// The bodies' released decisions.
        public static let decisions: SitePath<> = .init("/feeds/decisions.atom")
    }
}

extension Site {
    /// What the platform publishes as data: the page for people, and the read-only JSON API.
    public static let openData: SitePath<> = .init("/daten")
    /// OParl 1.1's entry point, the System object.
    public static let oparl: SitePath<> = .init("/oparl/v1/system")

    /// The DCAT-AP.de catalogue of the published datasets.
    public enum DCAT {
        public static let catalog: SitePath<> = .init("/dcat/catalog")
        public static let turtle: SitePath<> = .init("/dcat/catalog.ttl")
        public static let jsonLD: SitePath<> = .init("/dcat/catalog.jsonld")
        public static let dataset = SitePath<String>("/dcat/datasets/{key}")
    }

    public enum API {
        public static let index: SitePath<> = .init("/api/v1")
        public static let openAPI: SitePath<> = .init("/api/v1/openapi.json")
        public static let contributions: SitePath<> = .init("/api/v1/contributions")
        public static let contribution = SitePath<ContributionID>("/api/v1/contributions/{id}")
        public static let formats: SitePath<> = .init("/api/v1/formats")
        public static let format = SitePath<FormatID>("/api/v1/formats/{id}")
        public static let measures: SitePath<> = .init("/api/v1/measures")
        public static let measure = SitePath<MeasureID>("/api/v1/measures/{id}")
        public static let sessions: SitePath<> = .init("/api/v1/sessions")
        public static let session = SitePath<BodySessionID>("/api/v1/sessions/{id}")
        public static let masterplanVersions: SitePath<> = .init("/api/v1/masterplan/versions")
        public static let masterplanVersion = SitePath<Int>("/api/v1/masterplan/versions/{number}")
        public static let figures: SitePath<> = .init("/api/v1/figures")
        public static let geoDistricts: SitePath<> = .init("/api/v1/geo/districts.geojson")
        public static let geoMunicipalities: SitePath<> = .init("/api/v1/geo/municipalities.geojson")
        public static let geoFormats: SitePath<> = .init("/api/v1/geo/formats.geojson")
    }
}
