import KonventDomain

/// The part of the account page that answers "what happened to my contributions?": the news about
/// them, their status, the formats one registered for, and how often to be told by mail.
enum AccountActivity {
    static func render(_ model: AccountPage.Model, _ context: PageContext) -> Node {
        let t = context.t
        return .fragment([
            el("section", .ariaLabelledBy("news-title")) {
                el("h2", .id("news-title")) { t("account.news") }
                if model.notifications.isEmpty && model.measureNotices.isEmpty {
                    el("p") { t("account.news.none") }
                } else {
                    el("ul", .class("timeline")) { news(model, t) }
                }
                Forms.post(Site.Accounts.notifications(), context, class: "form") {
                    Forms.choices(name: "notify", legend: t("account.notify"), type: "radio",
                                  options: ["immediately", "daily", "never"].map { ($0, t("account.notify.\($0)")) },
                                  selected: [model.notify], errors: [], t)
                    Forms.submit(t("form.save"))
                }
            },
            el("section", .ariaLabelledBy("mine-title")) {
                el("h2", .id("mine-title")) { t("account.contributions") }
                if model.contributions.isEmpty {
                    el("p") { t("account.contributions.none") }
                } else {
                    Layout.scrolling(.ariaLabelledBy("mine-title")) { el("table", .class("data-table")) {
                        el("thead") {
                            el("tr") {
                                el("th", Attribute("scope", "col")) { t("field.title") }
                                el("th", Attribute("scope", "col")) { t("contribution.status") }
                                el("th", Attribute("scope", "col"), .class("numeric")) { t("account.activity.supports") }
                            }
                        }
                        el("tbody") {
                            for contribution in model.contributions {
                                el("tr") {
                                    el("td") { el("a", .href(Site.Contributions.page(contribution.id))) { contribution.title } }
                                    el("td") {
                                        t(contribution.status.catalogKey)
                                        if let reason = contribution.statusReason { " – \(reason)" }
                                    }
                                    el("td", .class("numeric")) { t.number(contribution.supportCount) }
                                }
                            }
                        }
                    } }
                }
            },
            followed(model, context),
            el("section", .ariaLabelledBy("registrations-title")) {
                el("h2", .id("registrations-title")) { t("account.registrations") }
                if model.registrations.isEmpty {
                    el("p") { t("account.registrations.none") }
                } else {
                    el("ul", .class("plain-list")) {
                        for registration in model.registrations {
                            el("li") {
                                el("a", .href(Site.Formats.page(registration.format.id))) { registration.format.title }
                                " · "
                                FormatSummary.when(registration.times, t)
                                " · "
                                t("format.registration.\(registration.status.rawValue)")
                            }
                        }
                    }
                }
            },
        ])
    }

    /// The news about contributions and about followed measures, the latest first (50 of each at most).
    static func news(_ model: AccountPage.Model, _ t: Translator) -> [Node] {
        let contributions = model.notifications.map { notification in
            (notification.event.createdAt, item(notification.event.createdAt, t) {
                el("a", .href(Site.Contributions.page(notification.event.contributionID))) { notification.contributionTitle }
                " – "
                TimelineText.render(notification.event, relatedTitle: notification.relatedTitle, repeats: notification.repeats,
                                    region: model.region, t)
            })
        }
        let measures = model.measureNotices.map { notice in
            (notice.createdAt, item(notice.createdAt, t) {
                el("a", .href(MeasureNoticeText.target(notice))) { "\(notice.code) \(notice.title)" }
                " – "
                MeasureNoticeText.plain(notice, region: model.region, t)
            })
        }
        return (contributions + measures).sorted { $0.0 > $1.0 }.map(\.1)
    }

    static func item(_ milliseconds: Int64, _ t: Translator, @NodeBuilder _ text: () -> Node) -> Node {
        let date = CalendarDate.iso(milliseconds: milliseconds)
        return el("li", .class("timeline__item timeline__item--past")) {
            el("time", .datetime(date)) { t.date(iso: date) }
            el("p") { text() }
        }
    }

    /// The measures the person follows, each with its state and the way to stop following.
    static func followed(_ model: AccountPage.Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", .ariaLabelledBy("followed-title")) {
            el("h2", .id("followed-title")) { t("account.measures") }
            if model.followedMeasures.isEmpty {
                el("p") { t("account.measures.none") }
            } else {
                el("ul", .class("plain-list")) {
                    for measure in model.followedMeasures {
                        el("li", .class("followed")) {
                            el("a", .href(Site.Measures.page(measure.id))) { "\(measure.code) \(measure.title)" }
                            " · "
                            MeasureStateName.name(measure.state, model.region, t)
                            Forms.post(Site.Measures.unfollow(measure.id), context, class: "inline-form") {
                                el("button", .type("submit"), .class("button button--secondary")) { t("measure.unfollow") }
                            }
                        }
                    }
                }
            }
        }
    }
}
