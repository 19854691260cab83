import Hummingbird
import KonventDomain
import NIOCore

extension Request {
    /// The form body; the CSRF middleware has already read and kept it.
    mutating func form(_ context: KonventRequestContext) async throws -> FormData {
        let contentType = headers[.contentType]
        let buffer = try await collectBody(upTo: context.maxBodySize(contentType: contentType))
        let form = FormData.parse(Array(buffer.readableBytesView), contentType: contentType)
        let entries = form.entries
        if entries.contains(where: { ControlCharacters.contains($0.value) }) {
            // Passwords never travel back in a page; the person types them again.
            throw WebError.controlCharacters(action: uri.path, kept: entries.filter { !$0.name.lowercased().contains("password") }.map {
                KeptField(name: $0.name, value: ControlCharacters.replaced($0.value), isText: KeptField.looksTyped($0.name, $0.value))
            })
        }
        return form
    }
}

/// The address the outermost trusted proxy saw. Each proxy appends the address it was reached
/// from, so the entries left of those are whatever the client wrote and are never believed: with
/// `trustedProxies` N the client is the N-th entry from the right.
func forwardedClientAddress(forwardedFor headers: [String], peer: String?, trustedProxies: Int) -> String {
    guard trustedProxies > 0 else { return peer ?? "unknown" }
    let entries = headers.flatMap { $0.split(separator: ",") }.map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    guard !entries.isEmpty else { return peer ?? "unknown" }
    return entries[max(entries.count - trustedProxies, 0)]
}
