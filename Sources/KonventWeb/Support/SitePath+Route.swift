import Hummingbird
import KonventViews

extension SitePath {
    /// The template as the router's pattern: both use `{name}` for a parameter.
    var route: RouterPath { RouterPath(template) }
}
