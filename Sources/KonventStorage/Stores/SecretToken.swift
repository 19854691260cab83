import Crypto
import Foundation

/// A random secret handed to a person (in a cookie or a mail link). Only its SHA-256 digest is
/// stored, so that a copy of the database does not let anyone sign in or reset a password.
public struct SecretToken: Sendable, Hashable {
    public let value: String

    /// 256 random bits. Four draws of 64 bits rather than 32 of one byte each: every visitor
    /// without a cookie gets one, and each draw is a system call.
    public init() {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for _ in 0..<4 { withUnsafeBytes(of: generator.next() as UInt64) { bytes += $0 } }
        value = bytes.base64URLString
    }

    public init(value: String) { self.value = value }

    public var digest: String { Self.digest(of: value) }

    public static func digest(of value: String) -> String {
        SHA256.hash(data: Data(value.utf8)).hexString
    }
}

extension Sequence<UInt8> {
    /// Base64url without padding (RFC 4648, section 5), written bit by bit. Foundation's encoding
    /// and three string replacements took a tenth of the time of a page served from memory.
    public var base64URLString: String {
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 4 / 3 + 2)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in self {
            buffer = ((buffer << 8) | UInt32(byte)) & 0xFFFF
            bits += 8
            while bits >= 6 {
                bits -= 6
                out.append(base64URLAlphabet[Int((buffer >> UInt32(bits)) & 63)])
            }
        }
        if bits > 0 { out.append(base64URLAlphabet[Int((buffer << UInt32(6 - bits)) & 63)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

private let base64URLAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

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
