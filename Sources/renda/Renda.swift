import ArgumentParser
import Foundation

/// The `renda` command. Usage errors exit 2, content errors 1 (see `main`).
struct Renda: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renda",
        abstract: "县人大常委会网站生成工具。",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self]
    )
}

@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = UsageMessage.unknownCommand(in: arguments) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            var command = try Renda.parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let message = Renda.fullMessage(for: error, columns: HelpText.unwrapped)
            // --help and --version are "errors" that exit 0; every other parse error is bad usage.
            if Renda.exitCode(for: error) == .success {
                print(HelpText.screen(message))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((UsageMessage.chinese(message, arguments: arguments) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
