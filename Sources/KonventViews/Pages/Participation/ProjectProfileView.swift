import KonventDomain

/// The project profile (Projektsteckbrief) of a project idea: shown on its page, and as form fields.
public enum ProjectProfileView {
    static func render(_ profile: ProjectProfile, _ region: RegionConfiguration, _ t: Translator) -> Node {
        el("section", .class("profile"), .ariaLabelledBy("profile-title")) {
            el("h2", .id("profile-title")) { t("profile.title") }
            el("dl", .class("facts")) {
                row(t("profile.sponsor"), profile.sponsor)
                row(t("profile.partners"), profile.partners)
                row(t("profile.estimatedCost"), profile.estimatedCost.map { t("profile.euros", ["amount": t.number($0)]) } ?? "")
                row(t("profile.financingNeed"), profile.financingNeed.map { t("profile.euros", ["amount": t.number($0)]) } ?? "")
                row(t("profile.timeframe"), profile.timeframe)
                row(t("profile.jobsEffect"), profile.jobsEffect)
                row(t("profile.economyEffect"), profile.economyEffect)
                row(t("profile.supraRegionalEffect"), profile.supraRegionalEffect)
            }
            if !region.projectGates.isEmpty {
                el("h3") { t("profile.gates") }
                el("ul", .class("gates")) {
                    for gate in region.projectGates {
                        el("li") {
                            profile.gates.contains(gate.key) ? t("profile.gate.yes") : t("profile.gate.no")
                            ": "
                            gate.question[t.language]
                        }
                    }
                }
            }
        }
    }

    static func row(_ label: String, _ value: String) -> Node {
        guard !value.isEmpty else { return .empty }
        return .fragment([el("dt") { label }, el("dd") { value }])
    }

    /// The form part; people fill it in when they choose "project idea" (works without JavaScript:
    /// the fields are always there, and ignored for other kinds).
    static func fields(_ input: ProjectProfile.Input, _ region: RegionConfiguration, errors: [FieldError], _ t: Translator) -> Node {
        el("fieldset", .class("profile-fields"), .id("profile")) {
            el("legend") { t("profile.title") }
            el("p", .class("hint")) { t("profile.intro") }
            Forms.input(.init(name: "profile_sponsor", label: t("profile.sponsor"), value: input.sponsor,
                              hint: t("profile.sponsor.hint"), required: false, markOptional: false), errors: errors, t)
            Forms.textarea(name: "profile_partners", label: t("profile.partners"), value: input.partners, hint: nil, rows: 2,
                           required: false, errors: errors, t)
            Forms.input(.init(name: "profile_estimatedCost", label: t("profile.estimatedCost"), value: input.estimatedCost,
                              hint: t("profile.euros.hint"), required: false), errors: errors, t)
            Forms.input(.init(name: "profile_financingNeed", label: t("profile.financingNeed"), value: input.financingNeed,
                              hint: t("profile.euros.hint"), required: false), errors: errors, t)
            Forms.input(.init(name: "profile_timeframe", label: t("profile.timeframe"), value: input.timeframe,
                              hint: t("profile.timeframe.hint"), required: false), errors: errors, t)
            Forms.textarea(name: "profile_jobsEffect", label: t("profile.jobsEffect"), value: input.jobsEffect, hint: nil, rows: 3,
                           required: false, errors: errors, t)
            Forms.textarea(name: "profile_economyEffect", label: t("profile.economyEffect"), value: input.economyEffect, hint: nil,
                           rows: 3, required: false, errors: errors, t)
            Forms.textarea(name: "profile_supraRegionalEffect", label: t("profile.supraRegionalEffect"),
                           value: input.supraRegionalEffect, hint: nil, rows: 3, required: false, errors: errors, t)
            if !region.projectGates.isEmpty {
                Forms.choices(name: "profile_gates", legend: t("profile.gates.selfCheck"), type: "checkbox",
                              options: region.projectGates.map { ($0.key, $0.question[t.language]) },
                              selected: Set(input.gates), errors: errors, t)
            }
        }
    }
}
