import KonventDomain

/// Form building blocks with the accessibility every form needs: labels bound to fields, hints and
/// errors linked by aria-describedby, and an error summary whose entries jump to the fields.
public enum Forms {
    /// A POST form carrying the CSRF token.
    public static func post(
        _ action: String, _ context: PageContext, class cssClass: String? = nil, @NodeBuilder content: () -> Node
    ) -> Node {
        el("form", .method("post"), .action(action), cssClass.map { .class($0) }) {
            void("input", .type("hidden"), .name("_csrf"), .value(context.csrfToken))
            content()
        }
    }

    /// An error's message in the reader's language, with the words it names.
    public static func message(_ error: FieldError, _ t: Translator) -> String {
        t(error.messageKey, error.values.mapValues { $0[t.language] })
    }

    public static func errorSummary(_ errors: [FieldError], _ t: Translator) -> Node {
        guard !errors.isEmpty else { return .empty }
        return el("div", .class("error-summary"), .role("alert"), .tabindex(-1), .ariaLabelledBy("error-summary-title")) {
            el("h2", .id("error-summary-title")) { t("form.errorSummary") }
            el("ul") {
                for error in errors {
                    el("li") { el("a", .href("#field-\(error.field)")) { message(error, t) } }
                }
            }
        }
    }

    public struct Field {
        public var name: String
        public var label: String
        public var type: String = "text"
        public var value: String = ""
        public var hint: String?
        public var autocomplete: String?
        public var required = true
        /// Whether an optional field says so in its label (not in filter forms, where every field is).
        public var markOptional = true
        /// The id of a `datalist` whose entries the browser offers (typing anything else stays possible).
        public var list: String?

        public init(
            name: String, label: String, type: String = "text", value: String = "", hint: String? = nil,
            autocomplete: String? = nil, required: Bool = true, markOptional: Bool = true
        ) {
            self.markOptional = markOptional
            self.name = name
            self.label = label
            self.type = type
            self.value = value
            self.hint = hint
            self.autocomplete = autocomplete
            self.required = required
        }
    }

    public static func input(_ field: Field, errors: [FieldError], _ t: Translator) -> Node {
        let id = "field-\(field.name)"
        let error = errors.first { $0.field == field.name }
        return el("div", .class(error == nil ? "field" : "field field--error")) {
            el("label", .for(id)) {
                field.label
                if !field.required && field.markOptional { el("span", .class("optional")) { " (\(t("form.optional")))" } }
            }
            if let hint = field.hint { el("p", .id("\(id)-hint"), .class("hint")) { hint } }
            errorMessage(id, error, t)
            void(
                "input", .id(id), .name(field.name), .type(field.type),
                field.type == "password" ? nil : .value(field.value),
                field.autocomplete.map { .autocomplete($0) }, field.list.map { Attribute("list", $0) }, field.required ? .required : nil,
                error == nil ? nil : .ariaInvalid,
                describedBy(id, hint: field.hint != nil, error: error != nil))
        }
    }

    public static func checkbox(name: String, label: Node, checked: Bool, errors: [FieldError], _ t: Translator) -> Node {
        let id = "field-\(name)"
        let error = errors.first { $0.field == name }
        return el("div", .class(error == nil ? "field field--checkbox" : "field field--checkbox field--error")) {
            errorMessage(id, error, t)
            void(
                "input", .id(id), .name(name), .type("checkbox"), .value("on"), checked ? Attribute("checked", nil) : nil,
                error == nil ? nil : .ariaInvalid, describedBy(id, hint: false, error: error != nil))
            el("label", .for(id)) { label }
        }
    }

    public static func select(
        name: String, label: String, options: [(value: String, label: String)], selected: String?, errors: [FieldError],
        _ t: Translator
    ) -> Node {
        let id = "field-\(name)"
        let error = errors.first { $0.field == name }
        return el("div", .class(error == nil ? "field" : "field field--error")) {
            el("label", .for(id)) { label }
            errorMessage(id, error, t)
            el("select", .id(id), .name(name), error == nil ? nil : .ariaInvalid,
               describedBy(id, hint: false, error: error != nil)) {
                for option in options {
                    el("option", .value(option.value), option.value == selected ? Attribute("selected", nil) : nil) { option.label }
                }
            }
        }
    }

    /// A select whose options are grouped (municipalities by district, say); the first option may be empty.
    public static func groupedSelect(
        name: String, label: String, hint: String?, empty: String, groups: [(label: String, options: [(value: String, label: String)])],
        selected: String?, errors: [FieldError], _ t: Translator, markOptional: Bool = true
    ) -> Node {
        let id = "field-\(name)"
        let error = errors.first { $0.field == name }
        return el("div", .class(error == nil ? "field" : "field field--error")) {
            el("label", .for(id)) {
                label
                if markOptional { el("span", .class("optional")) { " (\(t("form.optional")))" } }
            }
            if let hint { el("p", .id("\(id)-hint"), .class("hint")) { hint } }
            errorMessage(id, error, t)
            el("select", .id(id), .name(name), error == nil ? nil : .ariaInvalid,
               describedBy(id, hint: hint != nil, error: error != nil)) {
                el("option", .value("")) { empty }
                for group in groups {
                    el("optgroup", Attribute("label", group.label)) {
                        for option in group.options {
                            el("option", .value(option.value), option.value == selected ? Attribute("selected", nil) : nil) { option.label }
                        }
                    }
                }
            }
        }
    }

    /// A search by title that reloads the page (a plain GET form, no script) and lists what it
    /// found as choices in the form below it: `finder` is the GET form, `found` the choices.
    /// With script, the choices follow the typing (`data-found` names their container).
    public static func finder(action: String, name: String, value: String, label: String, found: String, _ t: Translator) -> Node {
        el("form", .method("get"), .action(action), .class("finder"), Attribute("data-found", "found-\(found)")) {
            el("div", .class("field")) {
                el("label", .for("field-\(name)")) { label }
                el("div", .class("finder__row")) {
                    void("input", .type("search"), .id("field-\(name)"), .name(name), .value(value))
                    el("button", .type("submit"), .class("button button--secondary")) { t("finder.search") }
                }
            }
        }
    }

    public static func found(
        name: String, search: String, options: [(value: String, label: String)], _ t: Translator
    ) -> Node {
        el("div", .id("found-\(name)"), .class("found"), Attribute("aria-live", "polite")) {
            if search.isEmpty {
                Node.empty
            } else if options.isEmpty {
                el("p", .class("hint")) { t("finder.none", ["search": search]) }
            } else {
                choices(name: name, legend: t("finder.found", ["search": search]), type: "radio", options: options, selected: [], errors: [], t)
            }
        }
    }

    public static func submit(_ label: String) -> Node {
        el("button", .type("submit"), .class("button")) { label }
    }

    public static func textarea(
        name: String, label: String, value: String, hint: String?, rows: Int = 8, required: Bool = true, markOptional: Bool = true,
        errors: [FieldError], _ t: Translator
    ) -> Node {
        let id = "field-\(name)"
        let error = errors.first { $0.field == name }
        return el("div", .class(error == nil ? "field" : "field field--error")) {
            el("label", .for(id)) {
                label
                if !required && markOptional { el("span", .class("optional")) { " (\(t("form.optional")))" } }
            }
            if let hint { el("p", .id("\(id)-hint"), .class("hint")) { hint } }
            errorMessage(id, error, t)
            el("textarea", .id(id), .name(name), Attribute("rows", String(rows)), required ? .required : nil,
               error == nil ? nil : .ariaInvalid,
               describedBy(id, hint: hint != nil, error: error != nil)) { value }
        }
    }

    /// A group of checkboxes or radio buttons under one legend; the error is linked from the summary
    /// through the group's id.
    public static func choices(
        name: String, legend: String, type: String, options: [(value: String, label: String)], selected: Set<String>,
        errors: [FieldError], _ t: Translator
    ) -> Node {
        let id = "field-\(name)"
        let error = errors.first { $0.field == name }
        return el("fieldset", .id(id), .class(error == nil ? "field choices" : "field choices field--error"),
                  describedBy(id, hint: false, error: error != nil)) {
            el("legend") { legend }
            errorMessage(id, error, t)
            for (index, option) in options.enumerated() {
                el("div", .class("choice")) {
                    void("input", .type(type), .id("\(id)-\(index)"), .name(name), .value(option.value),
                         selected.contains(option.value) ? Attribute("checked", nil) : nil)
                    el("label", .for("\(id)-\(index)")) { option.label }
                }
            }
        }
    }

    /// Links a field to its hint and its error message, so that screen readers read both with it.
    static func describedBy(_ id: String, hint: Bool, error: Bool) -> Attribute? {
        let ids = [hint ? "\(id)-hint" : nil, error ? "\(id)-error" : nil].compactMap { $0 }
        return ids.isEmpty ? nil : .ariaDescribedBy(ids.joined(separator: " "))
    }

    static func errorMessage(_ id: String, _ error: FieldError?, _ t: Translator) -> Node {
        guard let error else { return .empty }
        return el("p", .id("\(id)-error"), .class("field-error")) { message(error, t) }
    }
}
