/// A ZIP archive, entries deflated or stored: what OpenDocument and Office Open XML packages need, in
/// order, with the first entry first (ODF requires `mimetype` there, stored).
public struct ZipArchive: Sendable {
    private var stream = ZipStream()
    private var bytes: [UInt8] = []

    public init() {}

    /// Adds an entry, deflated when `compressed` and that makes it smaller.
    public mutating func add(_ name: String, _ data: [UInt8], compressed: Bool = true) {
        bytes += stream.add(name, data, compressed: compressed)
    }

    public mutating func add(_ name: String, _ text: String, compressed: Bool = true) { add(name, Array(text.utf8), compressed: compressed) }

    /// The archive's bytes, with its central directory.
    public func finished() -> [UInt8] {
        var stream = stream
        return bytes + stream.finish()
    }

    public static func crc32(_ data: [UInt8]) -> UInt32 { CRC32.of(data) }
}

/// A ZIP archive written front to back: each call returns the bytes to append. An entry whose size
/// is not known in advance is written in pieces and followed by a data descriptor, so that a file of
/// 100,000 rows never has to be held in memory.
public struct ZipStream: Sendable {
    struct Entry {
        var name: [UInt8]
        var crc: UInt32
        var size: UInt32
        var compressedSize: UInt32
        var deflated: Bool
        /// Sizes and checksum follow the data (general purpose flag bit 3).
        var described: Bool
        var offset: UInt32
    }

    private var entries: [Entry] = []
    private var written: UInt32 = 0
    private var open: (entry: Entry, deflate: DeflateStream, crc: CRC32)?

    public init() {}

    /// A whole entry, deflated when `compressed` and that makes it smaller.
    public mutating func add(_ name: String, _ data: [UInt8], compressed: Bool = true) -> [UInt8] {
        precondition(open == nil, "an entry is still open")
        let deflated = compressed ? Deflate.compress(data) : data
        let smaller = compressed && deflated.count < data.count
        let entry = Entry(name: Array(name.utf8), crc: CRC32.of(data), size: UInt32(data.count),
                          compressedSize: UInt32(smaller ? deflated.count : data.count), deflated: smaller, described: false,
                          offset: written)
        var out = Bytes()
        out.u32(0x0403_4b50)
        out.header(entry)
        out.bytes += entry.name
        out.bytes += smaller ? deflated : data
        entries.append(entry)
        return emit(out.bytes)
    }

    /// Starts a deflated entry whose data comes in pieces.
    public mutating func begin(_ name: String) -> [UInt8] {
        precondition(open == nil, "an entry is still open")
        let entry = Entry(name: Array(name.utf8), crc: 0, size: 0, compressedSize: 0, deflated: true, described: true, offset: written)
        var out = Bytes()
        out.u32(0x0403_4b50)
        out.header(entry)
        out.bytes += entry.name
        open = (entry, DeflateStream(), CRC32())
        return emit(out.bytes)
    }

    /// A piece of the open entry's data.
    public mutating func write(_ piece: [UInt8]) -> [UInt8] {
        guard var current = open, !piece.isEmpty else { return [] }
        current.crc.update(piece)
        current.entry.size &+= UInt32(truncatingIfNeeded: piece.count)
        let compressed = current.deflate.compress(piece)
        current.entry.compressedSize &+= UInt32(compressed.count)
        open = current
        return emit(compressed)
    }

    /// Ends the open entry with its data descriptor.
    public mutating func end() -> [UInt8] {
        guard var current = open else { return [] }
        let last = current.deflate.finish()
        current.entry.compressedSize &+= UInt32(last.count)
        current.entry.crc = current.crc.value
        var out = Bytes()
        out.bytes = last
        out.u32(0x0807_4b50)
        out.u32(current.entry.crc)
        out.u32(current.entry.compressedSize)
        out.u32(current.entry.size)
        entries.append(current.entry)
        open = nil
        return emit(out.bytes)
    }

    /// The central directory: the last bytes of the archive.
    public mutating func finish() -> [UInt8] {
        if open != nil { _ = end() }
        var out = Bytes()
        for entry in entries {
            out.u32(0x0201_4b50)
            out.u16(20)  // made by: version 2.0
            out.header(entry)
            out.u16(0)  // comment length
            out.u16(0)  // disk
            out.u16(0)  // internal attributes
            out.u32(0)  // external attributes
            out.u32(entry.offset)
            out.bytes += entry.name
        }
        let size = UInt32(out.bytes.count)
        out.u32(0x0605_4b50)
        out.u16(0)
        out.u16(0)
        out.u16(UInt16(entries.count))
        out.u16(UInt16(entries.count))
        out.u32(size)
        out.u32(written)
        out.u16(0)
        return out.bytes
    }

    private mutating func emit(_ bytes: [UInt8]) -> [UInt8] {
        written &+= UInt32(truncatingIfNeeded: bytes.count)
        return bytes
    }

    struct Bytes {
        var bytes: [UInt8] = []

        /// The part shared by the local header and the central directory entry.
        mutating func header(_ entry: Entry) {
            u16(20)  // version needed: 2.0
            u16(0x0800 | (entry.described ? 0x0008 : 0))  // names in UTF-8; sizes after the data
            u16(entry.deflated ? 8 : 0)  // deflated or stored
            u16(0)  // time 00:00
            u16(0x21)  // date 1980-01-01: fixed, so that the same document gives the same bytes
            u32(entry.crc)
            u32(entry.compressedSize)
            u32(entry.size)
            u16(UInt16(entry.name.count))
            u16(0)  // extra field length
        }

        mutating func u16(_ value: UInt16) { bytes += [UInt8(value & 0xff), UInt8(value >> 8)] }
        mutating func u32(_ value: UInt32) { for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xff)) } }
    }
}

/// The CRC-32 of ZIP (and PNG), over data that may come in pieces.
struct CRC32: Sendable {
    private var crc: UInt32 = 0xFFFF_FFFF

    static let table: [UInt32] = (0..<256).map { index in
        var c = UInt32(index)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    mutating func update(_ data: [UInt8]) {
        var crc = crc
        for byte in data { crc = Self.table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
        self.crc = crc
    }

    var value: UInt32 { crc ^ 0xFFFF_FFFF }

    static func of(_ data: [UInt8]) -> UInt32 {
        var crc = CRC32()
        crc.update(data)
        return crc.value
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
