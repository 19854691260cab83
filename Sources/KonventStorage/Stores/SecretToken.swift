import Crypto
import Foundation

/// A random secret handed to a person (in a cookie or a mail link). Only its SHA-256 digest is
/// stored, so that a copy of the database does not let anyone sign in or reset a password.
public struct SecretToken: Sendable, Hashable {
    public let value: String

    public init() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        value = Data(bytes).base64URLEncoded
    }

    public init(value: String) { self.value = value }

    public var digest: String { Self.digest(of: value) }

    public static func digest(of value: String) -> String {
        SHA256.hash(data: Data(value.utf8)).hexString
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

extension Sequence<UInt8> {
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
