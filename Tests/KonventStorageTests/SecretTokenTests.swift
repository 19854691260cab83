import Foundation
import KonventStorage
import Testing

@Suite("Secret tokens")
struct SecretTokenTests {
    @Test("base64url is RFC 4648's alphabet without padding, for every length")
    func base64URL() {
        for length in 0..<70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length &* 11) }
            let expected = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(bytes.base64URLString == expected, "length \(length)")
        }
        #expect([UInt8](repeating: 0xFF, count: 3).base64URLString == "____")
    }

    @Test("a token has 256 bits in 43 characters, and two are never the same")
    func tokens() {
        let tokens = (0..<1000).map { _ in SecretToken().value }
        #expect(Set(tokens).count == 1000)
        #expect(tokens.allSatisfy { $0.utf8.count == 43 })
    }
}
