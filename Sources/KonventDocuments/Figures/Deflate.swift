/// DEFLATE (RFC 1951) with the fixed Huffman codes and LZ77 matches found through a hash of three
/// bytes, and the zlib wrapper (RFC 1950) PNG needs. Not the tightest compression, but the XML of the
/// documents and the flat colours of the figures shrink to a fraction, with no library to install.
enum Deflate {
    /// A raw DEFLATE stream (as ZIP stores it).
    static func compress(_ input: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        block(input, final: true, into: &out)
        return out.finished()
    }

    /// One block with the fixed codes; matches reach back only inside the block.
    static func block(_ input: [UInt8], final: Bool, into out: inout BitWriter) {
        out.write(final ? 1 : 0, 1)
        out.write(1, 2)  // the fixed codes
        input.withUnsafeBufferPointer { data in
            let count = data.count
            var head = [Int32](repeating: -1, count: 1 << 15)
            var previous = [Int32](repeating: -1, count: 1 << 15)
            func hash(_ i: Int) -> Int { (Int(data[i]) << 10 ^ Int(data[i + 1]) << 5 ^ Int(data[i + 2])) & 0x7fff }
            func insert(_ i: Int) {
                let h = hash(i)
                previous[i & 0x7fff] = head[h]
                head[h] = Int32(i)
            }
            var i = 0
            while i < count {
                var bestLength = 0, bestDistance = 0
                if i + 2 < count {
                    var candidate = Int(head[hash(i)])
                    var tries = 32
                    let longest = min(258, count - i)
                    while candidate >= 0, candidate < i, i - candidate <= 32_768, tries > 0 {
                        var length = 0
                        while length < longest, data[candidate + length] == data[i + length] { length += 1 }
                        if length > bestLength {
                            bestLength = length
                            bestDistance = i - candidate
                            if length == longest { break }
                        }
                        candidate = Int(previous[candidate & 0x7fff])
                        tries -= 1
                    }
                    insert(i)
                }
                if bestLength >= 3 {
                    out.length(bestLength)
                    out.distance(bestDistance)
                    var k = i + 1
                    while k < i + bestLength, k + 2 < count {
                        insert(k)
                        k += 1
                    }
                    i += bestLength
                } else {
                    out.symbol(Int(data[i]))
                    i += 1
                }
            }
        }
        out.symbol(256)
    }

    /// A zlib stream: header, DEFLATE data, Adler-32 of the input.
    static func zlib(_ input: [UInt8]) -> [UInt8] {
        var a: UInt32 = 1, b: UInt32 = 0
        var index = 0
        while index < input.count {
            // 5552 bytes is the most that cannot overflow before the modulo.
            let end = min(index + 5552, input.count)
            for byte in input[index..<end] {
                a += UInt32(byte)
                b += a
            }
            a %= 65_521
            b %= 65_521
            index = end
        }
        let adler = b << 16 | a
        return [0x78, 0x01] + compress(input) + [UInt8(adler >> 24), UInt8((adler >> 16) & 0xff), UInt8((adler >> 8) & 0xff), UInt8(adler & 0xff)]
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
                               6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// The fixed literal/length codes (RFC 1951, 3.2.6), bit-reversed for writing least significant first.
    static let literalCodes: [(code: UInt32, bits: Int)] = (0..<288).map { symbol in
        let (code, bits): (Int, Int)
        switch symbol {
        case 0...143: (code, bits) = (0x30 + symbol, 8)
        case 144...255: (code, bits) = (0x190 + symbol - 144, 9)
        case 256...279: (code, bits) = (symbol - 256, 7)
        default: (code, bits) = (0xC0 + symbol - 280, 8)
        }
        return (reversed(UInt32(code), bits), bits)
    }

    /// The length symbol's index for every match length 3…258.
    static let lengthIndex: [Int] = (0...258).map { length in
        length < 3 ? 0 : lengthBase.lastIndex { $0 <= length }!
    }

    static func reversed(_ code: UInt32, _ bits: Int) -> UInt32 {
        var result: UInt32 = 0
        for bit in 0..<bits where code & (1 << UInt32(bit)) != 0 { result |= 1 << UInt32(bits - 1 - bit) }
        return result
    }
}

/// Bits into bytes, least significant first, as DEFLATE packs them.
struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count: UInt64 = 0

    mutating func write(_ value: UInt32, _ bits: Int) {
        buffer |= UInt64(value) << count
        count += UInt64(bits)
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    mutating func symbol(_ symbol: Int) {
        let code = Deflate.literalCodes[symbol]
        write(code.code, code.bits)
    }

    mutating func length(_ length: Int) {
        let index = Deflate.lengthIndex[length]
        symbol(257 + index)
        if Deflate.lengthExtra[index] > 0 { write(UInt32(length - Deflate.lengthBase[index]), Deflate.lengthExtra[index]) }
    }

    mutating func distance(_ distance: Int) {
        let index = Deflate.distanceBase.lastIndex { $0 <= distance }!
        write(Deflate.reversed(UInt32(index), 5), 5)
        if Deflate.distanceExtra[index] > 0 { write(UInt32(distance - Deflate.distanceBase[index]), Deflate.distanceExtra[index]) }
    }

    func finished() -> [UInt8] {
        count > 0 ? bytes + [UInt8(truncatingIfNeeded: buffer)] : bytes
    }

    /// The whole bytes written so far, handed over; the bits of a started byte stay for what follows.
    mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}

/// DEFLATE in pieces: each piece a block of its own, so that a file of any length is compressed
/// with the memory of one piece.
struct DeflateStream {
    private var out = BitWriter()

    mutating func compress(_ piece: [UInt8]) -> [UInt8] {
        Deflate.block(piece, final: false, into: &out)
        return out.takeBytes()
    }

    /// An empty final block, and the last bits.
    mutating func finish() -> [UInt8] {
        Deflate.block([], final: true, into: &out)
        return out.finished()
    }
}
