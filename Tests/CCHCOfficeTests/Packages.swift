import Foundation
import Testing
import ZIPFoundation

/// Building and taking apart packages in memory, to read what the writers wrote and to craft hostile files.
enum Packages {
    /// The entries of a zip, in order, inflated.
    static func entries(_ data: Data) throws -> [(path: String, data: Data)] {
        let archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        var entries: [(path: String, data: Data)] = []
        for entry in archive {
            var content = Data()
            _ = try archive.extract(entry) { content.append($0) }
            entries.append((entry.path, content))
        }
        return entries
    }

    /// One part of a zip as text (nil when it is absent).
    static func text(of path: String, in data: Data) throws -> String? {
        try entries(data).first { $0.path == path }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// A zip of the entries, deflated.
    static func zip(_ entries: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                let start = Int(position)
                return data.subdata(in: start..<min(start + size, data.count))
            }
        }
        return try #require(archive.data)
    }

    /// The package with one part replaced (or added).
    static func replacing(_ path: String, in package: Data, with content: Data) throws -> Data {
        var parts = try entries(package).filter { $0.path != path }
        parts.append((path, content))
        return try zip(parts)
    }

    /// The package with one part's text edited.
    static func editing(_ path: String, in package: Data, _ edit: (String) -> String) throws -> Data {
        let original = try #require(try text(of: path, in: package))
        return try replacing(path, in: package, with: Data(edit(original).utf8))
    }

    /// The zip with the uncompressed size of `path` stated as `size` in both its local and central headers,
    /// whatever the stream really inflates to.
    static func lyingAboutSize(of path: String, in data: Data, size: UInt32) -> Data {
        var bytes = [UInt8](data)
        let name = Array(path.utf8)
        func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func write(_ value: UInt32, at: Int) {
            for index in 0..<4 { bytes[at + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
        }
        var offset = 0
        while offset + 46 <= bytes.count {
            if bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 0x03, bytes[offset + 3] == 0x04,
               Array(bytes[(offset + 30)..<min(bytes.count, offset + 30 + uint16(offset + 26))]) == name {
                write(size, at: offset + 22)
            }
            if bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 0x01, bytes[offset + 3] == 0x02,
               Array(bytes[(offset + 46)..<min(bytes.count, offset + 46 + uint16(offset + 28))]) == name {
                write(size, at: offset + 24)
            }
            offset += 1
        }
        return Data(bytes)
    }
}

