import Foundation
import Vapor

/// A slip on the command line — an unknown command, a group without its subcommand — ends in the usage and exit code 2,
/// before anything touches the database (the executable checks this after `configure`).
public enum CommandLineCheck {
    /// The usage to print when the command line names no command that exists; nil when it does (or names none: serve).
    public static func problem(_ app: Application) -> String? {
        let args = Array(app.environment.arguments.dropFirst())
        let words = args.filter { !$0.hasPrefix("-") }
        guard let first = words.first else { return nil }
        let commands = app.asyncCommands.commands
        guard let command = commands[first] else {
            return "cchc: không có lệnh “\(first)”.\n\n" + usage(commands, path: "cchc")
        }
        guard let group = command as? any AsyncCommandGroup, group.defaultCommand == nil else { return nil }
        if args.contains("--help") || args.contains("-h") { return nil }
        guard words.count > 1 else {
            return "cchc \(first): cần một lệnh con.\n\n" + usage(group.commands, path: "cchc \(first)")
        }
        guard group.commands[words[1]] != nil else {
            return "cchc \(first): không có lệnh con “\(words[1])”.\n\n" + usage(group.commands, path: "cchc \(first)")
        }
        return nil
    }

    /// The usage in Vietnamese and English (`CommandHelp`), for `cchc` or a group ("cchc regime").
    static func usage(_ commands: [String: any AnyAsyncCommand], path: String) -> String {
        CommandHelp.usage(commands, path: path == "cchc" ? nil : String(path.dropFirst("cchc ".count)))
    }
}
