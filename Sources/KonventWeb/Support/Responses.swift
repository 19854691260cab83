import Hummingbird
import NIOCore

extension Response {
    static func html(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// 303 See Other after a successful POST, so that reloading does not send the form again.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// Accepts only a local path (`/…`, not `//host`), so that redirect targets taken from a request
/// cannot send a visitor to another site.
func localPath(_ candidate: String?) -> String? {
    guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/\\"),
          !candidate.contains(where: { $0.isNewline || $0 == "\\" })
    else { return nil }
    return candidate
}

extension Response {
    /// An iCalendar file (RFC 5545), shown inline so that calendar applications subscribe to it.
    static func calendar(_ bytes: [UInt8], filename: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/calendar; charset=utf-8", .contentDisposition: "inline; filename=\"\(filename)\"",
                      .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// A download's Content-Disposition (RFC 6266): an ASCII name for every client, and the name as
/// written (umlauts and all) in `filename*` for those that read it.
func attachmentDisposition(_ filename: String) -> String {
    let transliterated = filename
        .replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe").replacingOccurrences(of: "ü", with: "ue")
        .replacingOccurrences(of: "Ä", with: "Ae").replacingOccurrences(of: "Ö", with: "Oe").replacingOccurrences(of: "Ü", with: "Ue")
        .replacingOccurrences(of: "ß", with: "ss")
    let ascii = String(transliterated.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
    var encoded = ""
    for byte in filename.utf8 {
        let character = Character(Unicode.Scalar(byte))
        if byte < 0x80, character.isLetter || character.isNumber || "-_.".contains(character) {
            encoded.append(character)
        } else {
            encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
    return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
