import Vapor

/// An urlencoded form body read as ordered pairs, so field names may carry codes like "v:1.1.1".
struct FormBody {
    let pairs: [(String, String)]

    init(_ req: Request) {
        var buffer = req.body.data ?? ByteBuffer()
        let text = buffer.readString(length: buffer.readableBytes) ?? ""
        pairs = text.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            return (decode(kv[0]), kv.count > 1 ? decode(kv[1]) : "")
        }
    }

    init(pairs: [(String, String)]) { self.pairs = pairs }

    subscript(_ key: String) -> String? { pairs.last { $0.0 == key }?.1 }
    func all(_ key: String) -> [String] { pairs.filter { $0.0 == key }.map(\.1) }

    /// Values of fields named "prefix:key", keyed by key.
    func prefixed(_ prefix: String) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in pairs where k.hasPrefix(prefix + ":") { out[String(k.dropFirst(prefix.count + 1))] = v }
        return out
    }
}
