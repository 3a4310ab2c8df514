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

    /// "Cách dùng (usage): cchc <lệnh> [--help]" and the commands, one a line, in alphabetical order.
    static func usage(_ commands: [String: any AnyAsyncCommand], path: String) -> String {
        let width = commands.keys.map(\.count).max() ?? 0
        let lines = commands.keys.sorted().map { name in
            "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + (commands[name]?.help ?? "")
        }
        return "Cách dùng (usage): \(path) <lệnh> [--help]\n\nCác lệnh (commands):\n" + lines.joined(separator: "\n")
            + "\n\n`\(path) <lệnh> --help` cho biết các tùy chọn của một lệnh.\n"
    }
}
