import Foundation
import ZIPFoundation

// MARK: - Bytes written to a file in blocks

/// An output file fed through a buffer that is written out in blocks of `blockSize`, so a part of any size costs
/// one block of memory.
final class OOXMLFileSink {
    static let blockSize = 64 * 1024

    let url: URL
    /// What has not been written yet; callers append to it and then call `flushIfFull()`.
    var buffer: [UInt8] = []
    /// Bytes already in the file.
    private(set) var written: Int64 = 0
    private var handle: FileHandle?

    init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw XLSXStreamError.cannotWrite(url.lastPathComponent)
        }
        handle = try FileHandle(forWritingTo: url)
        self.url = url
        buffer.reserveCapacity(Self.blockSize + 4096)
    }

    deinit {
        try? handle?.close()
    }

    /// The size of the part once everything appended is written.
    var size: Int64 { written + Int64(buffer.count) }

    func flushIfFull() throws {
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Appends the text, writing a block out once the buffer is full.
    func write(_ text: String) throws {
        buffer.append(text)
        try flushIfFull()
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        guard let handle else { throw XLSXStreamError.finished }
        try handle.write(contentsOf: buffer)
        written += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file.
    func close() throws {
        try flush()
        try handle?.close()
        handle = nil
    }
}

// MARK: - Appending XML to bytes

extension Array where Element == UInt8 {
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        append(contentsOf: text.utf8)
    }

    /// The integer in decimal digits.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        let start = count
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var index = start + digits - 1
        repeat {
            self[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            index -= 1
        } while magnitude > 0
    }

    /// Text that is already free of characters XML cannot carry (`OOXML.clean`), escaped for element content
    /// and attribute values as `OOXML.escape` does.
    mutating func appendEscaped(_ cleanText: String) {
        for byte in cleanText.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;" as StaticString)
            case UInt8(ascii: "<"): append("&lt;" as StaticString)
            case UInt8(ascii: ">"): append("&gt;" as StaticString)
            case UInt8(ascii: "\""): append("&quot;" as StaticString)
            case UInt8(ascii: "'"): append("&apos;" as StaticString)
            default: append(byte)
            }
        }
    }
}

// MARK: - A package written to a file

extension OOXML {
    /// A part of a package on its way to a file: bytes in memory, or whole files read in blocks, one after the other.
    struct FilePart {
        enum Piece {
            case bytes(Data)
            case file(URL, size: Int64)
        }

        var path: String
        var pieces: [Piece]

        init(path: String, pieces: [Piece]) {
            self.path = path
            self.pieces = pieces
        }

        init(path: String, content: String) {
            self.init(path: path, pieces: [.bytes(Data(content.utf8))])
        }

        var size: Int64 {
            pieces.reduce(0) { total, piece in
                switch piece {
                case .bytes(let data): return total + Int64(data.count)
                case .file(_, let size): return total + size
                }
            }
        }
    }

    /// Zips the parts (in the given order) into a new file at `url`, deflated, reading each part in blocks of
    /// `OOXMLFileSink.blockSize`: memory does not grow with the size of the parts. The file must not exist yet.
    static func writePackage(_ parts: [FilePart], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create, pathEncoding: nil)
        for part in parts {
            let reader = PieceReader(part.pieces)
            defer { reader.close() }
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: part.size, compressionMethod: .deflate,
                                 bufferSize: OOXMLFileSink.blockSize) { position, size in
                try reader.read(at: position, count: size)
            }
        }
    }

    /// Reads the pieces of a part as one stream of bytes; ZIPFoundation asks for them in order.
    final class PieceReader {
        private let pieces: [FilePart.Piece]
        private var handles: [Int: FileHandle] = [:]

        init(_ pieces: [FilePart.Piece]) {
            self.pieces = pieces
        }

        func read(at position: Int64, count: Int) throws -> Data {
            var result = Data()
            result.reserveCapacity(count)
            var start: Int64 = 0
            var wanted = position
            for (index, piece) in pieces.enumerated() where result.count < count {
                let length: Int64
                switch piece {
                case .bytes(let data): length = Int64(data.count)
                case .file(_, let size): length = size
                }
                defer { start += length }
                guard wanted < start + length else { continue }
                let offset = wanted - start
                let take = Int(min(Int64(count - result.count), length - offset))
                switch piece {
                case .bytes(let data):
                    let from = data.startIndex + Int(offset)
                    result.append(data[from..<(from + take)])
                case .file(let url, _):
                    let handle = try handles[index] ?? FileHandle(forReadingFrom: url)
                    handles[index] = handle
                    try handle.seek(toOffset: UInt64(offset))
                    let chunk = try handle.read(upToCount: take) ?? Data()
                    guard chunk.count == take else { throw XLSXStreamError.cannotWrite(url.lastPathComponent) }
                    result.append(chunk)
                }
                wanted += Int64(take)
            }
            return result
        }

        func close() {
            for handle in handles.values { try? handle.close() }
            handles = [:]
        }
    }
}
