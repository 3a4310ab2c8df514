import CCHCApp
import Foundation
import Vapor
import Logging

@main
enum Entrypoint {
    static func main() async {
        do {
            var env = try Environment.detect()
            // Logs go to standard error, so a command's output (`cchc form export … > form.json`) is only its output.
            try LoggingSystem.bootstrap(from: &env) { level in
                { label in
                    var handler = StreamLogHandler.standardError(label: label)
                    handler.logLevel = level
                    return handler
                }
            }
            let app = try await Application.make(env)
            do {
                try await configure(app)
                if let help = CommandHelp.text(app) {
                    FileHandle.standardOutput.write(Data(help.utf8))
                    try? await app.asyncShutdown()
                    exit(0)
                }
                if let usage = CommandLineCheck.problem(app) {
                    FileHandle.standardError.write(Data(usage.utf8))
                    try? await app.asyncShutdown()
                    exit(2)
                }
                try await app.execute()
            } catch {
                app.logger.report(error: error)
                try? await app.asyncShutdown()
                exit(1)
            }
            try await app.asyncShutdown()
        } catch {
            // A command that cannot run says why and exits with 1; it never ends in a crash.
            FileHandle.standardError.write(Data("cchc: \(error)\n".utf8))
            exit(1)
        }
    }
}
