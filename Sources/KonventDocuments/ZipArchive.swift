/// A ZIP archive, entries deflated or stored: what OpenDocument and Office Open XML packages need, in
/// order, with the first entry first (ODF requires `mimetype` there, stored).
public struct ZipArchive: Sendable {
    struct Entry {
        var name: [UInt8]
        var crc: UInt32
        var size: UInt32
        var compressedSize: UInt32
        var deflated: Bool
        var offset: UInt32
    }

    private var bytes: [UInt8] = []
    private var entries: [Entry] = []

    public init() {}

    /// Adds an entry, deflated when `compressed` and that makes it smaller.
    public mutating func add(_ name: String, _ data: [UInt8], compressed: Bool = true) {
        let deflated = compressed ? Deflate.compress(data) : data
        let smaller = compressed && deflated.count < data.count
        let entry = Entry(name: Array(name.utf8), crc: Self.crc32(data), size: UInt32(data.count),
                          compressedSize: UInt32(smaller ? deflated.count : data.count), deflated: smaller, offset: UInt32(bytes.count))
        append32(0x0403_4b50)
        header(entry)
        bytes += entry.name
        bytes += smaller ? deflated : data
        entries.append(entry)
    }

    public mutating func add(_ name: String, _ text: String, compressed: Bool = true) { add(name, Array(text.utf8), compressed: compressed) }

    /// The archive's bytes, with its central directory.
    public func finished() -> [UInt8] {
        var archive = self
        let start = UInt32(archive.bytes.count)
        for entry in entries {
            archive.append32(0x0201_4b50)
            archive.append16(20)  // made by: version 2.0
            archive.header(entry)
            archive.append16(0)  // comment length
            archive.append16(0)  // disk
            archive.append16(0)  // internal attributes
            archive.append32(0)  // external attributes
            archive.append32(entry.offset)
            archive.bytes += entry.name
        }
        let size = UInt32(archive.bytes.count) - start
        archive.append32(0x0605_4b50)
        archive.append16(0)
        archive.append16(0)
        archive.append16(UInt16(entries.count))
        archive.append16(UInt16(entries.count))
        archive.append32(size)
        archive.append32(start)
        archive.append16(0)
        return archive.bytes
    }

    /// The part shared by the local header and the central directory entry.
    private mutating func header(_ entry: Entry) {
        append16(20)  // version needed: 2.0
        append16(0x0800)  // names in UTF-8
        append16(entry.deflated ? 8 : 0)  // deflated or stored
        append16(0)  // time 00:00
        append16(0x21)  // date 1980-01-01: fixed, so that the same document gives the same bytes
        append32(entry.crc)
        append32(entry.compressedSize)
        append32(entry.size)
        append16(UInt16(entry.name.count))
        append16(0)  // extra field length
    }

    private mutating func append16(_ value: UInt16) { bytes += [UInt8(value & 0xff), UInt8(value >> 8)] }
    private mutating func append32(_ value: UInt32) { for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xff)) } }

    static let table: [UInt32] = (0..<256).map { index in
        var c = UInt32(index)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

/// Text for XML content and attributes.
enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Control characters other than tab and line feed are not allowed in XML 1.0.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
