import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

public enum XLSXError: Error, LocalizedError {
    case notAnXLSX(String)

    public var errorDescription: String? {
        switch self {
        case .notAnXLSX(let message): return message
        }
    }
}

/// Reads the cells of an .xlsx as text, as the user sees them in the cell: numbers in their stored form
/// ("12", "91.3", "0.913"), strings as written. Formulas: their cached value.
public struct XLSXReader {
    public struct Sheet: Sendable {
        public var name: String
        /// "B5" → text; cells with nothing to show are left out.
        public var cells: [String: String]
        /// The last row holding a cell (0 for an empty sheet).
        public var maxRow: Int
    }

    static let invalidMessage = "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ."
    static let tooLargeMessage = "Tệp bảng tính quá lớn để đọc: một biểu thống kê chỉ cần vài trăm dòng."
    /// A part larger than this (uncompressed) is refused, so a crafted file cannot exhaust memory.
    static let maximumPartSize: UInt64 = 16 * 1024 * 1024
    /// All the parts read, together (only the parts a workbook needs are inflated).
    static let maximumTotalSize: UInt64 = 32 * 1024 * 1024
    /// Entries in the package: a workbook has a few dozen.
    static let maximumEntries = 2_000
    /// Rows and columns a sheet may reach; a reference beyond them refuses the file before rows are walked.
    static let maximumRows = 5_000
    static let maximumColumns = 200

    /// The sheets in workbook order.
    public static func read(_ data: Data) throws -> [Sheet] {
        try read(data, maximumRows: maximumRows)
    }

    /// `maximumRows` other than the limit of an upload: for reading back the large sheets this module writes.
    static func read(_ data: Data, maximumRows: Int) throws -> [Sheet] {
        if data.count >= 4, data.prefix(4).elementsEqual([0xD0, 0xCF, 0x11, 0xE0]) {
            throw XLSXError.notAnXLSX(
                "Tệp là bảng tính Excel định dạng cũ (.xls); hãy mở bằng Excel và lưu lại dưới dạng .xlsx.")
        }
        guard data.count >= 4, data.prefix(2).elementsEqual([0x50, 0x4B]) else {
            throw XLSXError.notAnXLSX(invalidMessage)
        }
        let parts = try Package(data)

        // The workbook part, from the package relationships.
        var workbookPath = "xl/workbook.xml"
        if let rels = try parts[path: "_rels/.rels"] {
            let relationships = try parseRelationships(rels)
            if let main = relationships.first(where: { $0.type.hasSuffix("/officeDocument") }) {
                workbookPath = resolve(main.target, relativeTo: "")
            }
        }
        guard let workbookData = try parts[path: workbookPath.lowercased()] else {
            throw XLSXError.notAnXLSX(invalidMessage)
        }
        let workbookDirectory = directory(of: workbookPath)
        let workbookFileName = String(workbookPath.split(separator: "/").last ?? "workbook.xml")
        let relsPath = (workbookDirectory.isEmpty ? "" : workbookDirectory + "/") + "_rels/" + workbookFileName + ".rels"

        var targets: [String: String] = [:]
        var sharedStringsPath = (workbookDirectory.isEmpty ? "" : workbookDirectory + "/") + "sharedStrings.xml"
        if let relsData = try parts[path: relsPath.lowercased()] {
            for relationship in try parseRelationships(relsData) {
                if relationship.external { continue }
                let path = resolve(relationship.target, relativeTo: workbookDirectory)
                targets[relationship.id] = path
                if relationship.type.hasSuffix("/sharedStrings") {
                    sharedStringsPath = path
                }
            }
        }

        var sharedStrings: [String] = []
        if let stringsData = try parts[path: sharedStringsPath.lowercased()] {
            let handler = XLSXSharedStringsHandler()
            try parse(stringsData, with: handler)
            sharedStrings = handler.strings
        }

        let workbookHandler = XLSXWorkbookHandler()
        try parse(workbookData, with: workbookHandler)

        var sheets: [Sheet] = []
        for (index, entry) in workbookHandler.sheets.enumerated() {
            var path = entry.relationshipID.flatMap { targets[$0] }
            if path == nil {
                // Fallback for packages without workbook relationships.
                let guess = (workbookDirectory.isEmpty ? "" : workbookDirectory + "/") + "worksheets/sheet\(index + 1).xml"
                if parts.entries[guess.lowercased()] != nil { path = guess }
            }
            guard let sheetPath = path, let sheetData = try parts[path: sheetPath.lowercased()] else {
                sheets.append(Sheet(name: entry.name, cells: [:], maxRow: 0))
                continue
            }
            let handler = XLSXWorksheetHandler(sharedStrings: sharedStrings, maximumRows: maximumRows)
            do {
                try parse(sheetData, with: handler)
            } catch {
                throw handler.outOfBounds ? XLSXError.notAnXLSX(tooLargeMessage) : error
            }
            sheets.append(Sheet(name: entry.name, cells: handler.cells, maxRow: handler.maxRow))
        }
        return sheets
    }

    // MARK: Package

    /// The package, read lazily: an entry is inflated only when the workbook needs it, streamed, with
    /// limits on each part and on the total, so extra or oversized parts cost nothing.
    final class Package {
        let archive: Archive
        var entries: [String: Entry] = [:]
        var inflated: UInt64 = 0

        init(_ data: Data) throws {
            do {
                archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
            } catch {
                throw XLSXError.notAnXLSX(XLSXReader.invalidMessage)
            }
            var count = 0
            for entry in archive where entry.type == .file {
                count += 1
                guard count <= XLSXReader.maximumEntries else { throw XLSXError.notAnXLSX(XLSXReader.tooLargeMessage) }
                var path = entry.path.replacingOccurrences(of: "\\", with: "/")
                while path.hasPrefix("/") { path.removeFirst() }
                entries[path.lowercased()] = entry
            }
            if entries.isEmpty { throw XLSXError.notAnXLSX(XLSXReader.invalidMessage) }
        }

        subscript(path path: String) -> Data? {
            get throws {
                guard let entry = entries[path] else { return nil }
                guard entry.uncompressedSize <= XLSXReader.maximumPartSize,
                      inflated + entry.uncompressedSize <= XLSXReader.maximumTotalSize else {
                    throw XLSXError.notAnXLSX(XLSXReader.tooLargeMessage)
                }
                var content = Data()
                let budget = min(XLSXReader.maximumPartSize, XLSXReader.maximumTotalSize - inflated)
                do {
                    // The sizes in the headers may lie: the stream itself is counted too.
                    _ = try archive.extract(entry, skipCRC32: false) { chunk in
                        content.append(chunk)
                        if UInt64(content.count) > budget { throw XLSXError.notAnXLSX(XLSXReader.tooLargeMessage) }
                    }
                } catch let error as XLSXError {
                    throw error
                } catch {
                    throw XLSXError.notAnXLSX(XLSXReader.invalidMessage)
                }
                inflated += UInt64(content.count)
                return content
            }
        }
    }

    static func directory(of path: String) -> String {
        var components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if !components.isEmpty { components.removeLast() }
        return components.joined(separator: "/")
    }

    /// A relationship target as a package path: "worksheets/sheet1.xml" relative to "xl" → "xl/worksheets/sheet1.xml";
    /// "/xl/worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; "../x.xml" climbs.
    static func resolve(_ target: String, relativeTo base: String) -> String {
        var text = target.replacingOccurrences(of: "\\", with: "/")
        text = text.removingPercentEncoding ?? text
        var components: [String]
        if text.hasPrefix("/") {
            components = []
        } else {
            components = base.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        }
        for component in text.split(separator: "/", omittingEmptySubsequences: true) {
            if component == ".." {
                if !components.isEmpty { components.removeLast() }
            } else if component != "." {
                components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }

    // MARK: XML

    /// A parser fed the XML in small chunks. Given in one piece, libxml2 (under Foundation on Linux) refuses any part
    /// beyond 10 MB as malformed ("huge input lookup"), while the parts read here may reach `maximumPartSize`.
    static func parser(_ data: Data) -> XMLParser {
        XMLParser(stream: InputStream(data: data))
    }

    static func parse(_ data: Data, with handler: any XMLParserDelegate) throws {
        let parser = Self.parser(data)
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        guard parser.parse() else {
            throw XLSXError.notAnXLSX(invalidMessage)
        }
    }

    struct Relationship {
        var id: String
        var type: String
        var target: String
        var external: Bool
    }

    static func parseRelationships(_ data: Data) throws -> [Relationship] {
        let handler = XLSXRelationshipsHandler()
        try parse(data, with: handler)
        return handler.relationships
    }

    /// The local part of a qualified XML name ("x:c" → "c").
    static func localName(_ name: String) -> String {
        if let colon = name.lastIndex(of: ":") {
            return String(name[name.index(after: colon)...])
        }
        return name
    }

    /// "B5" → (row 5, column 2).
    static func parseReference(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var seenDigit = false
        for scalar in reference.unicodeScalars {
            let value = scalar.value
            if value == 0x24 { continue } // "$"
            if !seenDigit, (65...90).contains(value) {
                column = column * 26 + Int(value - 64)
            } else if !seenDigit, (97...122).contains(value) {
                column = column * 26 + Int(value - 96)
            } else if (48...57).contains(value) {
                seenDigit = true
                row = row * 10 + Int(value - 48)
                if row > 10_000_000 { return nil }
            } else {
                return nil
            }
            if column > 100_000 { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        return (row, column)
    }

    /// A stored number as the user sees it: "12" (not "12.0"), "91.3" (not "91.299999999999997").
    static func displayNumber(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = Double(trimmed), value.isFinite else { return trimmed }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(format: "%.15g", value)
    }
}
