import Foundation

/// Child processes for `cchc bench run`: the harness itself (the export measured in a process of its own, `serve` under load),
/// `wrk`, and the Python comparisons. Nothing here is a shell: arguments go to the program as they are.
enum BenchProcess {
    /// This executable, to start `cchc bench export-xlsx` and `cchc serve` from.
    static var selfPath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// A program on PATH, or nil.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program to the end; its standard output (standard error too when `mergeErrors`) and its exit status.
    static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                    mergeErrors: Bool = false) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        process.standardOutput = handle
        process.standardError = mergeErrors ? handle : FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { process.terminationHandler = nil; continuation.resume(throwing: error) }
        }
        try? handle.close()
        let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        return (status, text)
    }

    /// The last line of `output` that is a JSON object, decoded.
    static func lastJSON(_ output: String) -> [String: Double]? {
        for line in output.split(separator: "\n").reversed() where line.hasPrefix("{") {
            if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
                return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
            }
        }
        return nil
    }

    /// VmRSS (or another field such as VmHWM) of a process in kilobytes, from /proc.
    static func memory(_ pid: Int32?, field: String = "VmRSS") -> Int? {
        let path = pid.map { "/proc/\($0)/status" } ?? "/proc/self/status"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    /// Whether `python3` can import every module named.
    static func python(has modules: [String]) async -> String? {
        guard let python = which("python3") else { return nil }
        let imports = modules.map { "import \($0)" }.joined(separator: "; ")
        guard let result = try? await run(python, ["-c", imports]), result.status == 0 else { return nil }
        return python
    }
}
