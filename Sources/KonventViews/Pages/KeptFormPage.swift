/// The answer to a form that could not be taken as sent (too many writes in a short time, invisible
/// control characters): nothing was saved, but nothing is lost either. The page carries what was
/// sent, the texts in fields one can edit and copy, the rest hidden, in a form that sends it again.
public enum KeptFormPage {
    public struct Model: Sendable {
        public var title: String
        public var message: String
        public var action: String
        /// Every field as sent; `isText` ones are shown.
        public var fields: [(name: String, value: String, isText: Bool)]

        public init(title: String, message: String, action: String, fields: [(name: String, value: String, isText: Bool)]) {
            self.title = title
            self.message = message
            self.action = action
            self.fields = fields
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: model.title, context) {
            el("h1") { model.title }
            el("p", .role("alert")) { model.message }
            Forms.post(model.action, context, class: "form") {
                for field in model.fields where field.name != "_csrf" {
                    if field.isText {
                        Forms.textarea(
                            name: field.name, label: t(field.name == "title" ? "field.title" : "keptForm.yourText"),
                            value: field.value, hint: nil, rows: field.name == "title" ? 2 : 6, required: false, markOptional: false,
                            errors: [], t)
                    } else {
                        void("input", .type("hidden"), .name(field.name), .value(field.value))
                    }
                }
                Forms.submit(t("keptForm.again"))
            }
        }
    }
}
